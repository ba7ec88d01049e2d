/**
 * The engine host as the extension runs it: the model comes from the
 * browser's own storage (OPFS), wllama and its worker from the package.
 * Chrome loads this in the offscreen document (engine.html), Firefox in its
 * background page; both reach the same host through `runEngineChat`.
 */
import { modelBlob } from '../core/local/download';
import { createEngineHost, type EngineChatRequest, type EngineEvent, type EngineHost } from './host';
import { createOpfsStore } from '../opfs-store';
import { createWllamaRuntime } from './wllama-runtime';

/** What the host needs of the extension API: only runtime.getURL (Chrome's offscreen document has no storage API). */
type EngineExt = { runtime: { getURL(p: string): string } };

let host: EngineHost | null = null;

/** The one engine host of this context. */
export function engineHost(ext: EngineExt): EngineHost {
  host ??= createEngineHost({
    async openModel(id) {
      // The background asks only for a model whose record says installed (model-config.ts, modelConfigOf).
      const blob = await modelBlob(createOpfsStore(), id);
      return blob.size > 0 ? [blob] : null;
    },
    createRuntime: () => createWllamaRuntime({ wasmUrl: ext.runtime.getURL('wllama.wasm'), workerUrl: ext.runtime.getURL('wllama-worker.js') }),
    threads: Math.max(1, Math.min(4, Math.floor((navigator.hardwareConcurrency || 2) / 2))),
  });
  return host;
}

/** Runs one answer on this context's host. */
export function runEngineChat(ext: EngineExt, req: EngineChatRequest, emit: (e: EngineEvent) => void, signal: AbortSignal): Promise<void> {
  return engineHost(ext).chat(req, emit, signal);
}
