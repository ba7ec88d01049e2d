/**
 * The page side of `npm run bench:local` (bundled by esbuild, served on 127.0.0.1).
 *
 * It runs the extension's own engine: createEngineHost (src/engine/host.ts) with
 * createWllamaRuntime (src/engine/wllama-runtime.ts), the packaged wllama worker and
 * wllama.wasm, exactly as the offscreen document / Firefox background page do; only the
 * model comes from a fetch instead of OPFS. The one addition is an observer on
 * Wllama.prototype.createChatCompletion that keeps llama.cpp's own timings (prompt and
 * generation speed, tokens), which the runtime does not pass on. Times are taken here, in
 * the page, with performance.now(), so the way back to Node adds nothing to them.
 */
// The same module the runtime imports, so the same class.
import { Wllama } from '@wllama/wllama/esm/index.js';
import { partialCardContent } from '../../src/core/model/partial-json';
import { createEngineHost, type EngineChatRequest, type EngineEvent, type EngineHost } from '../../src/engine/host';
import { createWllamaRuntime } from '../../src/engine/wllama-runtime';

export type BenchInit = { wasmUrl: string; workerUrl: string; modelUrl: string; threads: number };
export type BenchEnv = { fetchMs: number; bytes: number; crossOriginIsolated: boolean; hardwareConcurrency: number; ua: string };

/** llama.cpp's timings of the last answer (the last chunk that carried them). */
export type LlamaTimings = { cache_n: number; prompt_n: number; prompt_ms: number; prompt_per_second: number; predicted_n: number; predicted_ms: number; predicted_per_second: number };

/** One answer as the page saw it; times in ms from the request reaching the host. */
export type BenchChatResult = {
  /** The host's events in order, without its status heartbeats. */
  events: EngineEvent[];
  text: string;
  /** Model load (host status "loading" → "reading"); absent when the model was loaded already. */
  loadMs?: number;
  /** When the prompt started (after any load). */
  readingAt?: number;
  firstTokenAt?: number;
  /** First time the partial card (src/core/model/partial-json) shows a non-blank text. */
  firstWordAt?: number;
  endAt: number;
  timings: LlamaTimings | null;
  threads: number | null;
  multithread: boolean | null;
  error?: string;
};

declare global {
  interface Window {
    benchReady?: boolean;
    benchInit(cfg: BenchInit): Promise<BenchEnv>;
    benchChat(req: EngineChatRequest, timeoutMs: number): Promise<BenchChatResult>;
  }
}

let lastTimings: LlamaTimings | null = null;
let lastWllama: Wllama | null = null;

type ChatFn = (this: Wllama, options: Record<string, unknown>) => Promise<unknown>;
const proto = Wllama.prototype as unknown as { createChatCompletion: ChatFn };
const original = proto.createChatCompletion;
proto.createChatCompletion = async function (this: Wllama, options) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bench keeps the instance the extension made
  lastWllama = this;
  const res = await original.call(this, options);
  if (!options.stream || options.onData || !res) return res;
  const stream = res as AsyncIterable<{ timings?: LlamaTimings }>;
  return (async function* () {
    for await (const chunk of stream) {
      if (chunk.timings) lastTimings = chunk.timings;
      yield chunk;
    }
  })();
};

let host: EngineHost | null = null;

window.benchInit = async (cfg) => {
  const t0 = performance.now();
  const blob = await (await fetch(cfg.modelUrl)).blob();
  const fetchMs = performance.now() - t0;
  host = createEngineHost({
    openModel: async () => [blob],
    createRuntime: () => createWllamaRuntime({ wasmUrl: cfg.wasmUrl, workerUrl: cfg.workerUrl }),
    threads: cfg.threads,
    idleUnloadMs: 3_600_000,
  });
  return { fetchMs, bytes: blob.size, crossOriginIsolated: self.crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency, ua: navigator.userAgent };
};

const visible = (text: string) => {
  const p = partialCardContent(text);
  return [p.title ?? '', p.draft ?? '', ...p.summary, ...p.faq.flatMap((f) => [f.q, f.a])].some((s) => s.trim() !== '');
};

window.benchChat = async (req, timeoutMs) => {
  if (!host) throw new Error('benchInit first');
  lastTimings = null;
  const t0 = performance.now();
  const events: EngineEvent[] = [];
  let text = '';
  let loadingAt: number | undefined;
  let readingAt: number | undefined;
  let firstTokenAt: number | undefined;
  let firstWordAt: number | undefined;
  let error: string | undefined;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    await host.chat(
      req,
      (e) => {
        const t = performance.now() - t0;
        if (e.type === 'status') {
          if (e.phase === 'loading') loadingAt ??= t;
          if (e.phase === 'reading') readingAt ??= t;
          return;
        }
        events.push(e);
        if (e.type === 'text') {
          text += e.text;
          firstTokenAt ??= t;
          if (firstWordAt === undefined && visible(text)) firstWordAt = t;
        }
        if (e.type === 'error') error = `${e.kind}${e.detail ? `: ${e.detail}` : ''}`;
      },
      ctl.signal,
    );
  } catch (e) {
    error = String(e);
  } finally {
    clearTimeout(timer);
  }
  if (ctl.signal.aborted) error = `timed out after ${timeoutMs} ms${error ? ` (${error})` : ''}`;
  const endAt = performance.now() - t0;
  let threads: number | null = null;
  let multithread: boolean | null = null;
  try {
    threads = lastWllama?.getNumThreads() ?? null;
    multithread = lastWllama?.isMultithread() ?? null;
  } catch {
    /* unloaded */
  }
  return {
    events,
    text,
    ...(loadingAt !== undefined && readingAt !== undefined ? { loadMs: readingAt - loadingAt } : {}),
    ...(readingAt !== undefined ? { readingAt } : {}),
    ...(firstTokenAt !== undefined ? { firstTokenAt } : {}),
    ...(firstWordAt !== undefined ? { firstWordAt } : {}),
    endAt,
    timings: lastTimings,
    threads,
    multithread,
    ...(error ? { error } : {}),
  };
};

window.benchReady = true;
