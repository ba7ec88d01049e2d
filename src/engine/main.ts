/**
 * The engine bundle (engine.js, an ES module). Chrome opens it in the
 * offscreen document engine.html, where it serves the engine port; the
 * Firefox background page imports it and calls `runEngineChat` directly.
 */
import { serveEnginePort } from './offscreen';

export { runEngineChat } from './index';

if (globalThis.location?.pathname === '/engine.html') serveEnginePort();
