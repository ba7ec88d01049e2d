/**
 * wllama starts its worker from a blob: URL. Firefox's extension pages refuse
 * blob: workers (their CSP allows only the package's own scripts), so the
 * build writes the same worker code, from the same pinned wllama, into the
 * package as `wllama-worker.js`, and this swaps the one blob: worker wllama
 * makes for that file. The options the blob code would have inlined travel in
 * the worker's name.
 */

/** What wllama's worker reads as RUN_OPTIONS. */
export type WorkerRunOptions = { pathConfig: { 'wllama.wasm': string }; nbThread: number; compat: false };

/**
 * Runs `fn` with the global Worker constructor swapped so that the first
 * module worker made from a blob: URL is the packaged file instead.
 */
export async function withPackagedWorker<T>(workerUrl: string, options: WorkerRunOptions, fn: () => Promise<T>): Promise<T> {
  const Native = globalThis.Worker;
  let used = false;
  const Swapped = function (this: unknown, url: string | URL, opts?: WorkerOptions) {
    if (!used && String(url).startsWith('blob:') && opts?.type === 'module') {
      used = true;
      return new Native(workerUrl, { type: 'module', name: JSON.stringify(options) });
    }
    return new Native(url, opts);
  } as unknown as typeof Worker;
  Swapped.prototype = Native.prototype;
  globalThis.Worker = Swapped;
  try {
    return await fn();
  } finally {
    globalThis.Worker = Native;
  }
}
