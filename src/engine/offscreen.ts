/**
 * Chrome's offscreen document (engine.html): the service worker cannot start
 * the workers wllama needs, so the model runs here. The background connects a
 * port named ENGINE_PORT per answer: one request in, events out; a port that
 * drops (cancel, or a worker that stopped) aborts the answer.
 */
import browser from 'webextension-polyfill';
import { runEngineChat } from './index';
import { ENGINE_PORT, parseEngineRequest } from './protocol';

/** Serves the engine port in this document. */
export function serveEnginePort(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT || port.sender?.id !== browser.runtime.id) return;
    const ctl = new AbortController();
    let open = true;
    const post = (m: unknown) => {
      if (!open) return;
      try {
        port.postMessage(m);
      } catch {
        open = false;
      }
    };
    port.onDisconnect.addListener(() => {
      open = false;
      ctl.abort();
    });
    port.onMessage.addListener((raw: unknown) => {
      const req = parseEngineRequest(raw);
      if (!req) return;
      void runEngineChat(browser, req.request, post, ctl.signal).catch((e: unknown) =>
        post({ type: 'error', kind: 'generation-failed', detail: String(e).slice(0, 300) }),
      );
    });
  });
}
