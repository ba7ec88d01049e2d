/**
 * The engine host: runs the on-device model for the background, off every
 * page's main thread (a Chrome offscreen document, the Firefox background
 * page). It keeps one model loaded, runs one answer at a time, streams the
 * text as events and says something at least every couple of seconds while
 * it loads or reads the prompt, so that neither the service worker nor the
 * engine's idle timeout takes silence for a dead engine. The runtime and the
 * model store are parameters (test seam).
 */
import { isOutOfMemory } from '../core/local/memory';
import type { ChatMessage } from '../core/model/types';
import type { EngineChatRequest, EngineEvent } from './protocol';

/** The request, its error kinds and the events are inferred from the port's schemas (protocol.ts). */
export type { EngineChatRequest, EngineErrorKind, EngineEvent } from './protocol';

/** The model runtime (wllama in the extension; a fake in unit tests). */
export type LocalRuntime = {
  load(files: Blob[], opts: { nCtx: number; nThreads: number }): Promise<void>;
  /** Streams one chat answer; resolves with the token count and why it stopped. */
  chat(
    req: { messages: ChatMessage[]; grammar?: string; maxTokens: number; temperature: number },
    onText: (text: string) => void,
    signal: AbortSignal,
  ): Promise<{ tokens: number; finish: 'stop' | 'length' }>;
  unload(): Promise<void>;
};

export type EngineHostDeps = {
  /** The installed model's file(s), or null when it is not (completely) there. */
  openModel(id: string): Promise<Blob[] | null>;
  createRuntime(): LocalRuntime;
  /** Threads to use (1 where the page cannot share memory). */
  threads: number;
  /** Unload the model after this long without work, to give the memory back (default 5 min). */
  idleUnloadMs?: number;
  /** Milliseconds between heartbeats while nothing else is said (default 2000). */
  heartbeatMs?: number;
  now?: () => number;
};

export type EngineHost = {
  chat(req: EngineChatRequest, emit: (e: EngineEvent) => void, signal: AbortSignal): Promise<void>;
  /** Frees the model now (deleting it, or leaving). */
  unload(): Promise<void>;
  readonly loadedModel: string | null;
};

export function createEngineHost(deps: EngineHostDeps): EngineHost {
  const now = deps.now ?? (() => Date.now());
  let runtime: LocalRuntime | null = null;
  let loaded: { id: string; nCtx: number } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const unload = async () => {
    const r = runtime;
    runtime = null;
    loaded = null;
    await r?.unload().catch(() => undefined);
  };

  const armIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void (queue = queue.then(unload)), deps.idleUnloadMs ?? 5 * 60_000);
  };

  const run = async (req: EngineChatRequest, emit: (e: EngineEvent) => void, signal: AbortSignal) => {
    if (idleTimer) clearTimeout(idleTimer);
    let phase: 'loading' | 'reading' | 'writing' = 'loading';
    let lastSaid = now();
    const say = (e: EngineEvent) => {
      lastSaid = now();
      emit(e);
    };
    const beat = setInterval(() => {
      if (now() - lastSaid >= (deps.heartbeatMs ?? 2000)) say({ type: 'status', phase });
    }, Math.max(50, Math.floor((deps.heartbeatMs ?? 2000) / 2)));
    try {
      if (signal.aborted) return say({ type: 'error', kind: 'cancelled' });
      if (!loaded || loaded.id !== req.modelId || loaded.nCtx < req.nCtx) {
        await unload();
        say({ type: 'status', phase: 'loading' });
        const files = await deps.openModel(req.modelId);
        if (!files) return say({ type: 'error', kind: 'not-installed' });
        const r = deps.createRuntime();
        try {
          await r.load(files, { nCtx: req.nCtx, nThreads: deps.threads });
        } catch (e) {
          await r.unload().catch(() => undefined);
          return say({ type: 'error', kind: isOutOfMemory(e) ? 'no-memory' : 'load-failed', detail: String(e).slice(0, 300) });
        }
        runtime = r;
        loaded = { id: req.modelId, nCtx: req.nCtx };
      }
      if (signal.aborted) return say({ type: 'error', kind: 'cancelled' });
      phase = 'reading';
      say({ type: 'status', phase });
      const t0 = now();
      let result: { tokens: number; finish: 'stop' | 'length' };
      try {
        result = await runtime!.chat(
          { messages: req.messages, ...(req.grammar ? { grammar: req.grammar } : {}), maxTokens: req.maxTokens, temperature: req.temperature ?? 0.3 },
          (text) => {
            phase = 'writing';
            say({ type: 'text', text });
          },
          signal,
        );
      } catch (e) {
        if (signal.aborted) return say({ type: 'error', kind: 'cancelled' });
        // A runtime that failed mid-answer may be in any state: start the next one afresh.
        await unload();
        return say({ type: 'error', kind: isOutOfMemory(e) ? 'no-memory' : 'generation-failed', detail: String(e).slice(0, 300) });
      }
      if (signal.aborted) return say({ type: 'error', kind: 'cancelled' });
      say({ type: 'end', tokens: result.tokens, ms: now() - t0, finish: result.finish });
    } finally {
      clearInterval(beat);
      armIdle();
    }
  };

  return {
    chat(req, emit, signal) {
      // One answer at a time: the model and its context are not shared.
      const job = queue.then(() => run(req, emit, signal));
      queue = job.catch(() => undefined);
      return job;
    },
    unload: () => {
      const job = queue.then(unload);
      queue = job.catch(() => undefined);
      return job;
    },
    get loadedModel() {
      return loaded?.id ?? null;
    },
  };
}
