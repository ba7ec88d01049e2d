/**
 * One streamed HTTP request to a model endpoint: retries with exponential
 * backoff for 429 and 5xx, an idle timeout, cancel through an AbortSignal,
 * and every failure turned into a ModelError with a Nynorsk message.
 * Cookies are never sent and redirects are refused, so the API key reaches
 * no origin other than the configured one.
 */
import { errorForStatus, ModelError } from './errors';
import { modelErrorMessages } from '../../strings/model-errors';
import { originForMessage } from '../url-origin';
import type { FetchLike, Sleep } from './types';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/** The default Sleep: a timer that an AbortSignal cancels. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ModelError('cancelled', modelErrorMessages.cancelled()));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new ModelError('cancelled', modelErrorMessages.cancelled()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export type HttpOptions = {
  fetch: FetchLike;
  signal?: AbortSignal;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  sleep?: Sleep;
  provider: string;
  model: string;
  /** Bytes of response body after which the request is aborted with an 'answer-too-long' error. */
  maxBodyBytes?: number;
};

/** Receives a response body as decoded text; `end` may throw when the body was incomplete. */
export type BodyConsumer = { feed(chunk: string): void; end(): void };

export type HttpRequest = { url: string; method?: 'GET' | 'POST'; headers: Record<string, string>; body?: string };

/** Delay before retry `attempt` (0-based): base·2^attempt, or Retry-After when it is given and shorter than 30 s. */
export function backoffDelay(attempt: number, base: number, retryAfter: string | null): number {
  const exp = base * 2 ** attempt;
  const ra = retryAfter === null ? NaN : Number(retryAfter) * 1000;
  return Math.min(MAX_BACKOFF_MS, Number.isFinite(ra) && ra >= 0 ? ra : exp);
}

/**
 * Sends the request and feeds the decoded body, chunk by chunk, to the
 * consumer `onResponse` returns (it sees the content type first). Resolves
 * when the body has ended.
 */
export async function streamHttp(
  req: HttpRequest,
  opts: HttpOptions,
  onResponse: (contentType: string) => BodyConsumer,
): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = opts.retries ?? DEFAULT_RETRIES;
  const wait = opts.sleep ?? sleep;
  const cancelled = () => new ModelError('cancelled', modelErrorMessages.cancelled());
  for (let attempt = 0; ; attempt++) {
    if (opts.signal?.aborted) throw cancelled();
    const ctl = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        ctl.abort();
      }, timeoutMs);
    };
    const onAbort = () => ctl.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const fail = (e: unknown): ModelError => {
      if (e instanceof ModelError) return e;
      if (timedOut) return new ModelError('timeout', modelErrorMessages.timeout(Math.round(timeoutMs / 1000)));
      if (opts.signal?.aborted) return cancelled();
      const c = e instanceof Error ? e.cause : undefined;
      const cause = c instanceof Error || typeof c === 'string' || typeof c === 'number' ? ` (${String(c)})` : '';
      return new ModelError('no-connection', modelErrorMessages.noConnection(originForMessage(req.url)), { detail: String(e) + cause });
    };
    try {
      touch();
      let res: Response;
      try {
        res = await opts.fetch(req.url, {
          method: req.method ?? 'POST',
          headers: req.headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
          signal: ctl.signal,
          credentials: 'omit',
          redirect: 'error',
        });
      } catch (e) {
        throw fail(e);
      }
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        const err = errorForStatus(res.status, text, opts);
        if (err.retryable && attempt < retries) {
          clearTimeout(timer);
          await wait(backoffDelay(attempt, opts.backoffMs ?? DEFAULT_BACKOFF_MS, res.headers.get('retry-after')), opts.signal);
          continue;
        }
        throw err;
      }
      const consume = onResponse(res.headers.get('content-type') ?? '');
      // What the consumer throws is about the answer, not the connection: a ModelError as it is
      // (too long, an error frame), anything else an unreadable answer, never "cut off".
      const give = (f: () => void) => {
        try {
          f();
        } catch (e) {
          throw e instanceof ModelError ? e : new ModelError('invalid-answer', modelErrorMessages.invalidAnswer(), { detail: String(e) });
        }
      };
      if (!res.body) {
        const whole = await res.text();
        give(() => consume.feed(whole));
        give(() => consume.end());
        return;
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let received = 0;
      try {
        for (;;) {
          touch();
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (e) {
            // A body may end with a ModelError of its own (the on-device engine's errors).
            if (e instanceof ModelError) throw e;
            if (timedOut || opts.signal?.aborted) throw fail(e);
            // The connection broke in the middle of the answer.
            throw new ModelError('invalid-answer', modelErrorMessages.cutOff(), { detail: String(e) });
          }
          if (chunk.done) break;
          received += chunk.value.byteLength;
          if (opts.maxBodyBytes !== undefined && received > opts.maxBodyBytes)
            throw new ModelError('answer-too-long', modelErrorMessages.answerTooLong(), { detail: `body over ${opts.maxBodyBytes} bytes` });
          const text = decoder.decode(chunk.value, { stream: true });
          if (text) give(() => consume.feed(text));
        }
        const rest = decoder.decode();
        if (rest) give(() => consume.feed(rest));
        give(() => consume.end());
      } catch (e) {
        // Stop the transfer: a server still sending (one that ignores max_tokens) must not keep going.
        ctl.abort();
        void reader.cancel().catch(() => undefined);
        throw e;
      } finally {
        try {
          reader.releaseLock();
        } catch {
          /* already released */
        }
      }
      return;
    } catch (e) {
      throw fail(e);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
}
