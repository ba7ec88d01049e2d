import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelError } from '../../../src/core/model/errors';
import { backoffDelay, sleep, streamHttp, type HttpOptions } from '../../../src/core/model/http';
import type { FetchLike } from '../../../src/core/model/types';
import { modelErrorMessages } from '../../../src/strings/model-errors';
import { failure } from '../../support/model-error';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A body that gives `chunks` one by one (text as UTF-8), then ends or fails with `end`. */
const body = (chunks: (string | Uint8Array)[], end?: unknown, onCancel?: () => void) => {
  const enc = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(ctl) {
      const c = chunks[i++];
      if (c !== undefined) ctl.enqueue(typeof c === 'string' ? enc.encode(c) : c);
      else if (end !== undefined) ctl.error(end);
      else ctl.close();
    },
    cancel: onCancel,
  });
};

/** A fetch that answers every call with `make()` and records what it was asked. */
const answering = (make: () => Response) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({ url, init });
    return make();
  };
  return { fetch, calls };
};

/** A consumer that records what it is fed. */
const recorder = () => {
  const seen = { types: [] as string[], fed: [] as string[], ended: 0 };
  const onResponse = (type: string) => {
    seen.types.push(type);
    return { feed: (c: string) => void seen.fed.push(c), end: () => void seen.ended++ };
  };
  return { seen, onResponse };
};

const req = { url: 'https://api.example.com/v1/chat', headers: { 'content-type': 'application/json' }, body: '{}' };
const base = (fetch: FetchLike, over: Partial<HttpOptions> = {}): HttpOptions => ({ fetch, provider: 'openai', model: 'm', sleep: async () => undefined, ...over });

describe('streamHttp: the request', () => {
  it('posts by default, never with cookies, refusing redirects; a GET without a body', async () => {
    const { fetch, calls } = answering(() => new Response('x'));
    const { onResponse } = recorder();
    await streamHttp(req, base(fetch), onResponse);
    const { signal, ...init } = calls[0]!.init;
    expect(calls[0]!.url).toBe(req.url);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(init).toStrictEqual({ method: 'POST', headers: req.headers, body: '{}', credentials: 'omit', redirect: 'error' });
    await streamHttp({ url: req.url, method: 'GET', headers: {} }, base(fetch), onResponse);
    const { signal: _, ...get } = calls[1]!.init;
    expect(get).toStrictEqual({ method: 'GET', headers: {}, credentials: 'omit', redirect: 'error' });
  });

  it('leaves no listener on the caller\'s signal, also after a retry', async () => {
    let n = 0;
    const { fetch } = answering(() => (++n === 1 ? new Response('busy', { status: 503 }) : new Response('x')));
    const signal = new AbortController().signal;
    const add = vi.spyOn(signal, 'addEventListener');
    const remove = vi.spyOn(signal, 'removeEventListener');
    await streamHttp(req, base(fetch, { signal }), recorder().onResponse);
    expect(add).toHaveBeenCalledTimes(2);
    expect(remove.mock.calls).toEqual(add.mock.calls.map(([type, fn]) => [type, fn]));
  });
});

describe('streamHttp: the answer', () => {
  it('feeds the body as decoded text, a character split over chunks whole, and gives the content type', async () => {
    const oe = new TextEncoder().encode('ø');
    const { fetch } = answering(() => new Response(body(['Hei ', oe.slice(0, 1), oe.slice(1), ' du']), { headers: { 'content-type': 'text/event-stream' } }));
    const { seen, onResponse } = recorder();
    await streamHttp(req, base(fetch), onResponse);
    // The chunk with half a character gives no text of its own.
    expect(seen).toEqual({ types: ['text/event-stream'], fed: ['Hei ', 'ø', ' du'], ended: 1 });
  });

  it('gives an empty content type when there is none, and ends a body cut in a character with U+FFFD', async () => {
    const { fetch } = answering(() => new Response(body(['ab', new Uint8Array([0xc3])])));
    const { seen, onResponse } = recorder();
    await streamHttp(req, base(fetch), onResponse);
    expect(seen).toEqual({ types: [''], fed: ['ab', '\ufffd'], ended: 1 });
  });

  it('reads an answer without a body stream whole', async () => {
    const res = { ok: true, status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: null, text: async () => '{"a":1}' };
    const { seen, onResponse } = recorder();
    await streamHttp(req, base(async () => res as unknown as Response), onResponse);
    expect(seen).toEqual({ types: ['application/json'], fed: ['{"a":1}'], ended: 1 });
  });

  it('stops a body longer than maxBodyBytes and cancels the transfer; one of exactly that length passes', async () => {
    const cancel = vi.fn();
    // More to come: the server is still sending.
    const stream = body(['12345', '67890', 'x', 'y', 'z'], undefined, cancel);
    const long = answering(() => ({ ok: true, status: 200, headers: new Headers(), body: stream }) as unknown as Response);
    const e = await failure(streamHttp(req, base(long.fetch, { maxBodyBytes: 10 }), recorder().onResponse));
    expect([e.kind, e.message, e.detail]).toEqual(['answer-too-long', modelErrorMessages.answerTooLong(), 'body over 10 bytes']);
    expect(cancel).toHaveBeenCalled();
    const exact = answering(() => new Response(body(['12345', '67890'])));
    const { seen, onResponse } = recorder();
    await streamHttp(req, base(exact.fetch, { maxBodyBytes: 10 }), onResponse);
    expect(seen.fed.join('')).toBe('1234567890');
  });

  it('passes a ModelError of the consumer or the body as it is; anything else the consumer throws is an unreadable answer', async () => {
    const own = new ModelError('length-limit', 'stopped');
    const { fetch } = answering(() => new Response(body(['a'])));
    expect(await failure(streamHttp(req, base(fetch), () => ({ feed: () => { throw own; }, end: () => undefined })))).toBe(own);
    const bad = await failure(streamHttp(req, base(fetch), () => ({ feed: () => undefined, end: () => { throw new SyntaxError('no JSON'); } })));
    expect([bad.kind, bad.message, bad.detail]).toEqual(['invalid-answer', modelErrorMessages.invalidAnswer(), 'SyntaxError: no JSON']);
    const fromBody = answering(() => new Response(body(['a'], own)));
    expect(await failure(streamHttp(req, base(fromBody.fetch), recorder().onResponse))).toBe(own);
    // A body that breaks off otherwise was cut.
    const cut = answering(() => new Response(body(['a'], new TypeError('terminated'))));
    const e = await failure(streamHttp(req, base(cut.fetch), recorder().onResponse));
    expect([e.kind, e.message, e.detail]).toEqual(['invalid-answer', modelErrorMessages.cutOff(), 'TypeError: terminated']);
  });
});

describe('streamHttp: failures', () => {
  it('says which server could not be reached, with the cause of the failure when it has one', async () => {
    const refused = (cause?: unknown) => async () => Promise.reject(new TypeError('fetch failed', cause === undefined ? undefined : { cause }));
    const detail = async (cause?: unknown) => (await failure(streamHttp(req, base(refused(cause)), recorder().onResponse))).detail;
    const e = await failure(streamHttp(req, base(refused(new Error('ECONNREFUSED'))), recorder().onResponse));
    expect([e.kind, e.message]).toEqual(['no-connection', modelErrorMessages.noConnection('https://api.example.com')]);
    expect(e.detail).toBe('TypeError: fetch failed (Error: ECONNREFUSED)');
    expect(await detail('ENOTFOUND')).toBe('TypeError: fetch failed (ENOTFOUND)');
    expect(await detail(-3008)).toBe('TypeError: fetch failed (-3008)');
    expect(await detail({ code: 'X' })).toBe('TypeError: fetch failed');
    expect(await detail()).toBe('TypeError: fetch failed');
  });

  it('retries only what may pass later: a 404 is asked once', async () => {
    const { fetch, calls } = answering(() => new Response('model not found', { status: 404 }));
    expect((await failure(streamHttp(req, base(fetch), recorder().onResponse))).kind).toBe('model-not-found');
    expect(calls).toHaveLength(1);
  });

  it('a server error whose body cannot be read is still a server error', async () => {
    const res = { ok: false, status: 502, headers: new Headers(), body: null, text: () => Promise.reject(new Error('gone')) };
    const e = await failure(streamHttp(req, base(async () => res as unknown as Response, { retries: 0 }), recorder().onResponse));
    expect([e.kind, e.status, e.detail]).toEqual(['server', 502, '']);
  });

  it('times out after the idle time, in whole seconds in the message, also in the middle of a body', async () => {
    vi.useFakeTimers();
    const hanging: FetchLike = (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const p = failure(streamHttp(req, base(hanging, { timeoutMs: 1500 }), recorder().onResponse));
    await vi.advanceTimersByTimeAsync(1500);
    const e = await p;
    expect([e.kind, e.message]).toEqual(['timeout', modelErrorMessages.timeout(2)]);
    // Chunks 40 ms apart never leave the body idle for 50 ms; then it stalls.
    let i = 0;
    const slow = (signal: AbortSignal) =>
      new ReadableStream<Uint8Array>({
        pull: (ctl) =>
          new Promise<void>((resolve, reject) => {
            signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
            if (i++ < 3) setTimeout(() => resolve(ctl.enqueue(new TextEncoder().encode('x'))), 40);
          }),
      });
    const { seen, onResponse } = recorder();
    const q = failure(streamHttp(req, base(async (_url, init) => new Response(slow(init!.signal!)), { timeoutMs: 50 }), onResponse));
    await vi.advanceTimersByTimeAsync(200);
    expect((await q).kind).toBe('timeout');
    expect(seen.fed).toEqual(['x', 'x', 'x']);
  });
});

describe('sleep', () => {
  it('waits the time given, and leaves no listener on the signal', async () => {
    vi.useFakeTimers();
    let done = false;
    const signal = new AbortController().signal;
    const remove = vi.spyOn(signal, 'removeEventListener');
    void sleep(100).then(() => (done = true));
    const withSignal = sleep(100, signal);
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    await withSignal;
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('is cancelled by its signal, before or while it waits', async () => {
    vi.useFakeTimers();
    const pre = new AbortController();
    pre.abort();
    const outcomes: string[] = [];
    const outcome = (p: Promise<void>) => p.then(() => outcomes.push('waited'), (e: ModelError) => outcomes.push(e.kind));
    void outcome(sleep(1000, pre.signal));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual(['cancelled']);
    const ctl = new AbortController();
    void outcome(sleep(1000, ctl.signal));
    await vi.advanceTimersByTimeAsync(10);
    ctl.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual(['cancelled', 'cancelled']);
    // The timer went with the abort: none is left, and nothing happens at its time.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(outcomes).toEqual(['cancelled', 'cancelled']);
  });
});

describe('backoffDelay', () => {
  it('takes Retry-After of 0 s or more, up to 30 s; a negative one is ignored', () => {
    expect(backoffDelay(1, 500, '0')).toBe(0);
    expect(backoffDelay(1, 500, '60')).toBe(30_000);
    expect(backoffDelay(1, 500, '-2')).toBe(1000);
  });
});
