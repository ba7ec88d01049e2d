/**
 * The background's way to the on-device model. To the model engine it is a
 * `fetch` that answers the local provider's requests with an OpenAI-style
 * event stream, so the local model runs through the same streaming, timeout,
 * cancel, parsing, repair and cache code as a remote one. Behind it, the
 * answer is written by the engine host: in Chrome's offscreen document over a
 * port, in Firefox in this very background page. Loading and prompt reading
 * send heartbeats, which keep the stream (and Chrome's worker) alive.
 */
import { LOCAL_MODEL_MESSAGES } from '../core/local/download';
import { ModelError } from '../core/model/errors';
import { modelErrorMessages } from '../strings/model-errors';
import { LOCAL_ENGINE_URL } from '../core/model/providers/local';
import type { FetchLike } from '../core/model/types';
import type { EngineChatRequest, EngineEvent } from '../engine/host';
import { ENGINE_PORT, parseEngineEvent, parseEngineRequest } from '../engine/protocol';

/** Runs one answer on the engine host, wherever it lives. */
export type EngineTransport = (req: EngineChatRequest, emit: (e: EngineEvent) => void, signal: AbortSignal) => Promise<void>;

/** Speed of the answer being written, for the card's status line. */
export type LocalRate = { tokens: number; tokensPerSecond?: number };

/** What the card's status line hears while the engine works: its phase, then the speed of the answer. */
export type LocalProgress = {
  onPhase?(phase: 'loading' | 'reading' | 'writing'): void;
  onRate?(r: LocalRate): void;
};

const sse = (v: unknown) => `data: ${JSON.stringify(v)}\n\n`;

/** The Nynorsk error for what the engine host reported. */
export function engineError(e: Extract<EngineEvent, { type: 'error' }>): ModelError {
  const detail = e.detail ? { detail: e.detail } : {};
  switch (e.kind) {
    case 'not-installed':
      return new ModelError('model-not-found', LOCAL_MODEL_MESSAGES.notInstalled, detail);
    case 'no-memory':
      return new ModelError('server', LOCAL_MODEL_MESSAGES.allocationFailed, detail);
    case 'load-failed':
      return new ModelError('server', LOCAL_MODEL_MESSAGES.loadFailed, detail);
    case 'cancelled':
      return new ModelError('cancelled', modelErrorMessages.cancelled(), detail);
    case 'generation-failed':
      return new ModelError('invalid-answer', LOCAL_MODEL_MESSAGES.generationFailed, detail);
  }
}

/** Tokens after which the speed is told even before a second has gone by. */
const RATE_MIN_TOKENS = 32;

/**
 * A fetch for LOCAL_ENGINE_URL: the body is the engine request, the answer an
 * event stream in the OpenAI chat-completions shape. `progress` hears the phase and the speed.
 */
export function localEngineFetch(transport: EngineTransport, progress: LocalProgress = {}, now: () => number = () => Date.now()): FetchLike {
  return async (url, init) => {
    if (url !== LOCAL_ENGINE_URL) throw new TypeError(`not the local engine: ${url}`);
    const parsed = parseEngineRequest({ type: 'chat', request: JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as unknown });
    if (!parsed || parsed.type !== 'chat') throw new ModelError('bad-request', LOCAL_MODEL_MESSAGES.generationFailed, { detail: 'bad engine request' });
    const signal = init?.signal ?? new AbortController().signal;
    const enc = new TextEncoder();
    let tokens = 0;
    let firstAt: number | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        const push = (s: string) => !closed && controller.enqueue(enc.encode(s));
        const fail = (err: unknown) => {
          if (closed) return;
          closed = true;
          signal.removeEventListener('abort', onAbort);
          controller.error(err);
        };
        // As fetch does: an abort (cancel, or the reader's idle timeout) ends the body at once with an
        // AbortError, which the reader maps to 'cancelled' or 'timeout', whatever the host is busy with.
        const onAbort = () => fail(new DOMException('This operation was aborted', 'AbortError'));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
        const emit = (e: EngineEvent) => {
          if (closed) return;
          switch (e.type) {
            case 'status':
              progress.onPhase?.(e.phase);
              // A comment line: the SSE reader skips it, the idle timer sees bytes.
              return push(`: ${e.phase}\n\n`);
            case 'text': {
              tokens++;
              firstAt ??= now();
              const secs = (now() - firstAt) / 1000;
              // A rate after a second, or sooner on a fast machine once enough tokens make it a fair guess
              // (a fast model may write the whole card in under a second).
              const measured = secs >= 1 || (tokens >= RATE_MIN_TOKENS && secs > 0);
              progress.onRate?.({ tokens, ...(measured ? { tokensPerSecond: tokens / secs } : {}) });
              return push(sse({ choices: [{ index: 0, delta: { content: e.text } }] }));
            }
            case 'end':
              push(sse({ choices: [{ index: 0, delta: {}, finish_reason: e.finish }] }));
              push('data: [DONE]\n\n');
              closed = true;
              signal.removeEventListener('abort', onAbort);
              return controller.close();
            case 'error':
              return fail(engineError(e));
          }
        };
        transport(parsed.request, emit, signal).then(
          // A host that stopped without a last word cut the answer off.
          () => fail(new ModelError('invalid-answer', LOCAL_MODEL_MESSAGES.engineStopped)),
          (err: unknown) => fail(err instanceof ModelError ? err : new ModelError('invalid-answer', LOCAL_MODEL_MESSAGES.engineStopped, { detail: String(err) })),
        );
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
}

/** What the Chrome transport needs of the extension API (test seam). */
export type OffscreenApi = {
  hasDocument(): Promise<boolean>;
  createDocument(): Promise<void>;
  connect(name: string): {
    postMessage(m: unknown): void;
    disconnect(): void;
    onMessage: { addListener(fn: (m: unknown) => void): void };
    onDisconnect: { addListener(fn: () => void): void };
  };
};

/**
 * Chrome: the engine lives in an offscreen document, made on first use. One
 * port per answer; closing it (cancel) stops the answer there.
 */
export function offscreenTransport(api: OffscreenApi): EngineTransport {
  let creating: Promise<void> | null = null;
  const ensure = async () => {
    if (await api.hasDocument()) return;
    creating ??= api.createDocument().finally(() => (creating = null));
    await creating;
  };
  return async (request, emit, signal) => {
    await ensure();
    await new Promise<void>((resolve) => {
      const port = api.connect(ENGINE_PORT);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        emit({ type: 'error', kind: 'cancelled' });
        try {
          port.disconnect();
        } catch {
          /* gone already */
        }
        finish();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      port.onMessage.addListener((raw) => {
        const e = parseEngineEvent(raw);
        if (!e || done) return;
        emit(e);
        if (e.type === 'end' || e.type === 'error') {
          finish();
          port.disconnect();
        }
      });
      // The document closed (or crashed) mid-answer: resolving without an end is "cut off".
      port.onDisconnect.addListener(finish);
      port.postMessage({ type: 'chat', request });
    });
  };
}
