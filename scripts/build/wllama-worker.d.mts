/** Types of wllama-worker.mjs (build step; also used by bench:local). */
export function wllamaWorkerSource(): string;
export const WLLAMA_WASM: string;
