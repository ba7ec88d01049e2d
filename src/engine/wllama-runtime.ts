/**
 * The LocalRuntime on wllama (llama.cpp in WebAssembly): loads the GGUF from
 * Blobs already in the browser's storage (wllama never downloads anything
 * here) and streams chat answers constrained by a GBNF grammar. Uses several
 * threads where the page is cross-origin isolated (Chrome's offscreen
 * document), one elsewhere (Firefox), and WebGPU where an adapter exists.
 */
// The built ES module, not the package's TypeScript sources (its "main" points at a file it does not ship).
import { Wllama } from '@wllama/wllama/esm/index.js';
import type { LocalRuntime } from './host';
import { withPackagedWorker } from './packaged-worker';

export type WllamaRuntimeOptions = {
  /** URL of wllama.wasm inside the package. */
  wasmUrl: string;
  /** URL of the packaged worker (wllama-worker.js). */
  workerUrl: string;
};

/** Whether this page can run wllama's threads (SharedArrayBuffer needs cross-origin isolation). */
export function canUseThreads(): boolean {
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

export function createWllamaRuntime(opts: WllamaRuntimeOptions): LocalRuntime {
  let wllama: Wllama | null = null;
  return {
    async load(files, { nCtx, nThreads }) {
      const threads = canUseThreads() ? Math.max(1, nThreads) : 1;
      const w = new Wllama({ default: opts.wasmUrl }, { suppressNativeLog: true });
      wllama = w;
      await withPackagedWorker(opts.workerUrl, { pathConfig: { 'wllama.wasm': opts.wasmUrl }, nbThread: threads > 1 ? threads : 0, compat: false }, () =>
        w.loadModel(files, { n_ctx: nCtx, n_threads: threads, n_parallel: 1 }),
      );
    },
    async chat(req, onText, signal) {
      if (!wllama) throw new Error('model not loaded');
      let tokens = 0;
      let finish: 'stop' | 'length' = 'stop';
      const stream = await wllama.createChatCompletion({
        messages: req.messages,
        stream: true,
        max_tokens: req.maxTokens,
        temperature: req.temperature,
        ...(req.grammar ? { grammar: req.grammar } : {}),
        abortSignal: signal,
      });
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const text = choice?.delta?.content;
        if (typeof text === 'string' && text) {
          tokens++;
          onText(text);
        }
        if (choice?.finish_reason === 'length') finish = 'length';
      }
      return { tokens, finish };
    },
    async unload() {
      const w = wllama;
      wllama = null;
      await w?.exit();
    },
  };
}
