import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  DownloadError,
  LOCAL_MODEL_MESSAGES,
  downloadModel,
  hubMetadataUrl,
  modelBlob,
  parseContentRange,
  parseHubSiblings,
  parseHubUrl,
  resolveHubMetadata,
  storedBytes,
  toDownloadUrl,
  type DownloadDeps,
  type DownloadProgress,
  type FetchLike,
} from '../../../src/core/local/download';
import { createMemoryModelStore, type MemoryModelStore } from '../../support/memory-model-store';

// ---------------------------------------------------------------------------
// Test data and a fake server

/** "GGUF" and then deterministic pseudo-random bytes. */
function gguf(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  out.set([0x47, 0x47, 0x55, 0x46].slice(0, n));
  let x = seed;
  for (let i = 4; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Request = { url: string; range?: string };

type ServerOpts = {
  data: Uint8Array;
  /** Bytes per body chunk. */
  chunk?: number;
  /** Answer 200 with the whole file even to a Range request. */
  ignoreRange?: boolean;
  /** Answer every file request with this status and no body. */
  status?: number;
  /** For request i: cut the connection after this many body bytes. */
  cutAfter?: (number | undefined)[];
  /** For request i: reject the fetch itself (no connection). */
  refuse?: boolean[];
  /** For request i: deliver this many bytes, then go silent (a stalled connection). */
  stallAfter?: (number | undefined)[];
  /** For request i: answer 206 from this byte, whatever was asked. */
  wrongStart?: (number | undefined)[];
  /** Called for every chunk sent (advance a fake clock). */
  onChunk?(bytes: number): void;
  noContentLength?: boolean;
  /** Other URLs (the Hub API): their JSON. */
  json?: Record<string, unknown>;
};

function fakeServer(opts: ServerOpts) {
  const requests: Request[] = [];
  let sent = 0;
  const fetch: FetchLike = async (url, init) => {
    if (opts.json && url in opts.json) {
      return new Response(JSON.stringify(opts.json[url]), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const i = requests.length;
    const range = init.headers?.Range;
    requests.push({ url, range });
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (opts.refuse?.[i]) throw new TypeError('fetch failed');
    if (opts.status) return new Response(null, { status: opts.status });
    const len = opts.data.length;
    let start = 0;
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    if (m && !opts.ignoreRange) start = Number(m[1]);
    if (opts.wrongStart?.[i] !== undefined) start = opts.wrongStart[i]!;
    if (start >= len && m && !opts.ignoreRange) {
      return new Response(null, { status: 416, headers: { 'content-range': `bytes */${len}` } });
    }
    const partial = start > 0 || (m !== null && !opts.ignoreRange);
    const headers: Record<string, string> = {};
    if (!opts.noContentLength) headers['content-length'] = String(len - start);
    if (partial) headers['content-range'] = `bytes ${start}-${len - 1}/${len}`;
    const chunk = opts.chunk ?? 256;
    const cut = opts.cutAfter?.[i];
    const stall = opts.stallAfter?.[i];
    let at = start;
    let bodySent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        init.signal?.addEventListener('abort', () => {
          try {
            // As fetch does (Fetch standard, "abort the fetch() call"): the body errors with the signal's abort reason.
            controller.error(init.signal?.reason ?? new DOMException('This operation was aborted', 'AbortError'));
          } catch {
            /* already closed */
          }
        });
      },
      async pull(controller) {
        await Promise.resolve();
        if (init.signal?.aborted) return;
        if (cut !== undefined && bodySent >= cut) {
          controller.error(new TypeError('terminated: other side closed'));
          return;
        }
        if (stall !== undefined && bodySent >= stall) {
          await new Promise(() => {}); // never answers
          return;
        }
        if (at >= len) {
          controller.close();
          return;
        }
        let n = Math.min(chunk, len - at);
        if (cut !== undefined) n = Math.min(n, cut - bodySent);
        if (stall !== undefined) n = Math.min(n, stall - bodySent);
        controller.enqueue(opts.data.slice(at, at + n));
        at += n;
        bodySent += n;
        sent += n;
        opts.onChunk?.(n);
      },
    });
    return new Response(body, { status: partial ? 206 : 200, headers });
  };
  return { fetch, requests, sentBytes: () => sent };
}

/** Fast, deterministic deps: tiny parts, no real waiting, progress on every chunk. */
function deps(store: MemoryModelStore, fetch: FetchLike, extra: Partial<DownloadDeps> = {}): DownloadDeps {
  return {
    fetch,
    store,
    partSize: 1000,
    sleep: async () => {},
    progressIntervalMs: 0,
    ...extra,
  };
}

async function failure(p: Promise<unknown>): Promise<DownloadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DownloadError);
    return e as DownloadError;
  }
  throw new Error('expected the download to fail');
}

const URL_ = 'https://models.example/nb.gguf';

// ---------------------------------------------------------------------------

describe('downloadModel', () => {
  it('downloads into whole parts, reports progress with rate and time left, and verifies the sha256', async () => {
    const data = gguf(10_500);
    const store = createMemoryModelStore();
    let t = 0;
    // 250 bytes every 100 ms: 2500 B/s.
    const server = fakeServer({ data, chunk: 250, onChunk: () => (t += 100) });
    const events: DownloadProgress[] = [];
    const result = await downloadModel(
      { id: 'nb', url: URL_, sha256: sha(data), size: data.length },
      deps(store, server.fetch, { now: () => t, onProgress: (p) => events.push(p) }),
    );

    expect(result).toEqual({ id: 'nb', size: 10_500, sha256: sha(data), verified: true });
    expect(store.bytes('nb')).toEqual(data);
    expect([...store.parts('nb').entries()].map(([i, p]) => [i, p.length])).toEqual([
      ...Array.from({ length: 10 }, (_, i) => [i, 1000]),
      [10, 500],
    ]);
    expect(server.requests).toEqual([{ url: URL_, range: undefined }]);
    // A first download has nothing to replace: the store is only written to, never emptied.
    expect(store.log.filter((l) => !l.startsWith('write'))).toEqual([]);

    const down = events.filter((e) => e.phase === 'downloading');
    const verify = events.filter((e) => e.phase === 'verifying');
    expect(down[0]).toMatchObject({ received: 0, total: 10_500, secondsLeft: undefined, bytesPerSecond: undefined });
    for (let i = 1; i < down.length; i++) expect(down[i]!.received).toBeGreaterThanOrEqual(down[i - 1]!.received);
    expect(down.at(-1)!.received).toBe(10_500);
    expect(events.indexOf(down.at(-1)!)).toBeLessThan(events.indexOf(verify[0]!));
    expect(verify.at(-1)).toMatchObject({ received: 10_500, total: 10_500 });
    // A moving average: 2500 B/s once it spans half a second, and the time left follows from it.
    expect(down.find((e) => e.received === 250)!.bytesPerSecond).toBeUndefined(); // 100 ms
    expect(down.find((e) => e.received === 1250)!.bytesPerSecond).toBeCloseTo(2500, 5); // 500 ms
    const mid = down.find((e) => e.received === 5000)!;
    expect(mid.bytesPerSecond).toBeCloseTo(2500, 5);
    expect(mid.secondsLeft).toBeCloseTo(5500 / 2500, 5);
    expect(down.at(-1)!.secondsLeft).toBe(0);
  });

  it('pauses on abort, keeping every byte received, and resumes with a Range from the stored bytes', async () => {
    const data = gguf(7_300);
    const store = createMemoryModelStore();
    const first = fakeServer({ data, chunk: 300 });
    const pause = new AbortController();
    const retries: unknown[] = [];
    const err = await failure(
      downloadModel(
        { id: 'nb', url: URL_, sha256: sha(data) },
        deps(store, first.fetch, {
          signal: pause.signal,
          onProgress: (p) => {
            if (p.received >= 3_600) pause.abort();
          },
          onRetry: (r) => retries.push(r),
        }),
      ),
    );
    expect(err.kind).toBe('cancelled');
    expect(err.message).toBe(LOCAL_MODEL_MESSAGES.cancelled);
    // A pause is no broken connection: no reconnect is tried or announced.
    expect(retries).toEqual([]);
    expect(first.requests).toHaveLength(1);
    // Three whole parts and the bytes of the fourth received before the pause.
    expect(await storedBytes(store, 'nb', 1000)).toBe(3_600);
    expect(store.bytes('nb')).toEqual(data.slice(0, 3_600));
    expect(first.sentBytes()).toBeLessThan(data.length);

    const second = fakeServer({ data, chunk: 300 });
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, second.fetch));
    expect(second.requests).toEqual([{ url: URL_, range: 'bytes=3600-' }]);
    expect(second.sentBytes()).toBe(7_300 - 3_600);
    expect(result.verified).toBe(true);
    expect(store.bytes('nb')).toEqual(data);
  });

  it('does not start when paused before it began, keeping the reason as the cause', async () => {
    const store = createMemoryModelStore();
    const server = fakeServer({ data: gguf(100) });
    const ctl = new AbortController();
    const reason = new Error('the reader paused');
    ctl.abort(reason);
    const err = await failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, server.fetch, { signal: ctl.signal })));
    expect(err.kind).toBe('cancelled');
    expect(err.cause).toBe(reason);
    expect(server.requests).toEqual([]);
  });

  it('reconnects by itself after a cut connection and resumes from the bytes stored', async () => {
    const data = gguf(6_000);
    const store = createMemoryModelStore();
    const server = fakeServer({ data, chunk: 500, cutAfter: [3_500] });
    const retries: number[] = [];
    const sleeps: number[] = [];
    const result = await downloadModel(
      { id: 'nb', url: URL_, sha256: sha(data), size: 6_000 },
      deps(store, server.fetch, {
        onRetry: (r) => retries.push(r.attempt),
        sleep: async (ms) => void sleeps.push(ms),
      }),
    );
    expect(server.requests.map((r) => r.range)).toEqual([undefined, 'bytes=3500-']);
    expect(retries).toEqual([1]);
    expect(sleeps).toEqual([500]);
    expect(store.bytes('nb')).toEqual(data);
    expect(result).toMatchObject({ size: 6_000, verified: true });
  });

  it('keeps going while each connection brings bytes, and backs off while none do', async () => {
    const data = gguf(5_000);
    const store = createMemoryModelStore();
    // Cut after 900 bytes five times, and two refused connections in between.
    const server = fakeServer({
      data,
      chunk: 300,
      cutAfter: [900, 900, undefined, 900, 900, 900],
      refuse: [false, false, true, false, false, false, false],
    });
    const sleeps: number[] = [];
    const result = await downloadModel(
      { id: 'nb', url: URL_, sha256: sha(data) },
      deps(store, server.fetch, { retries: 2, sleep: async (ms) => void sleeps.push(ms) }),
    );
    expect(result.verified).toBe(true);
    expect(server.requests.map((r) => r.range)).toEqual([
      undefined,
      'bytes=900-',
      'bytes=1800-', // refused
      'bytes=1800-',
      'bytes=2700-',
      'bytes=3600-',
      'bytes=4500-',
    ]);
    // The counter starts again after a connection that brought bytes.
    expect(sleeps).toEqual([500, 500, 1000, 500, 500, 500]);
  });

  it('treats a connection that goes silent as broken', async () => {
    const data = gguf(3_000);
    const store = createMemoryModelStore();
    const server = fakeServer({ data, chunk: 500, stallAfter: [1_500] });
    const errors: unknown[] = [];
    const result = await downloadModel(
      { id: 'nb', url: URL_, sha256: sha(data) },
      deps(store, server.fetch, { stallTimeoutMs: 50, onRetry: (info) => void errors.push(info.error) }),
    );
    expect(server.requests.map((r) => r.range)).toEqual([undefined, 'bytes=1500-']);
    expect(result.verified).toBe(true);
    // onRetry (the console) hears that the connection stalled, not only that it broke.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'stalled' });
  });

  it('starts again from byte 0 when the server ignores Range, and still ends byte-identical', async () => {
    const data = gguf(4_200);
    const store = createMemoryModelStore();
    const server = fakeServer({ data, chunk: 400, ignoreRange: true, cutAfter: [2_400] });
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, server.fetch));
    expect(server.requests.map((r) => r.range)).toEqual([undefined, 'bytes=2400-']);
    expect(store.log).toContain('remove nb');
    expect(store.bytes('nb')).toEqual(data);
    expect(result).toMatchObject({ size: 4_200, verified: true, sha256: sha(data) });
  });

  it('starts again when a 206 does not start at the byte asked for', async () => {
    const data = gguf(3_000);
    const store = createMemoryModelStore();
    const server = fakeServer({ data, chunk: 500, cutAfter: [1_500], wrongStart: [undefined, 1_000] });
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, server.fetch));
    expect(server.requests.map((r) => r.range)).toEqual([undefined, 'bytes=1500-', undefined]);
    expect(store.bytes('nb')).toEqual(data);
    expect(result.verified).toBe(true);
  });

  it('fails with "checksum" on a wrong sha256 and deletes the parts', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    const server = fakeServer({ data });
    const err = await failure(downloadModel({ id: 'nb', url: URL_, sha256: 'ab'.repeat(32) }, deps(store, server.fetch)));
    expect(err.kind).toBe('checksum');
    expect(err.message).toBe('Fila stemmer ikkje med kontrollsummen (sha256), så ho er sletta. Prøv å laste ned på nytt.');
    expect(await store.listParts('nb')).toEqual([]);
    expect(await store.usage('nb')).toBe(0);
  });

  it('fails with "no-space" when the store is full, keeping what fitted', async () => {
    const data = gguf(5_000);
    const store = createMemoryModelStore({ quotaBytes: 2_500 });
    const server = fakeServer({ data });
    const err = await failure(downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, server.fetch)));
    expect(err.kind).toBe('no-space');
    expect(err.message).toMatch(/^Det er ikkje nok plass på disken til modellen\. Frigjer minst \d+ MB og prøv igjen\.$/);
    expect(err.cause).toBeInstanceOf(DOMException);
    expect(await storedBytes(store, 'nb', 1000)).toBe(2_000);
    // The part that did not fit is not tried again.
    expect(store.log.filter((l) => l.startsWith('quota'))).toEqual(['quota nb 2']);
  });

  it('takes a store failure for a full disk by the quota error\'s name or code, and any other for a storage error', async () => {
    const data = gguf(2_500);
    const failing = (thrown: unknown) => {
      const store = createMemoryModelStore();
      store.writePart = async () => {
        throw thrown;
      };
      return failure(downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, fakeServer({ data }).fetch)));
    };
    // By name (no legacy code), by the legacy DOMException code 22, and old Firefox's NS_ERROR_DOM_QUOTA_REACHED.
    expect((await failing(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }))).kind).toBe('no-space');
    expect((await failing(Object.assign(new Error('quota'), { code: 22 }))).kind).toBe('no-space');
    expect((await failing(Object.assign(new Error('Persistent storage maximum size reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }))).kind).toBe(
      'no-space',
    );
    for (const other of [new DOMException('A requested file or directory could not be found.', 'NotFoundError'), null, 'disk error']) {
      const err = await failing(other);
      expect(err.kind).toBe('storage');
      expect(err.message).toBe(LOCAL_MODEL_MESSAGES.storage);
      expect(err.cause).toBe(other);
    }
  });

  it('takes a full disk found when the stored parts are listed for "no-space", without an amount to free', async () => {
    // The browser may refuse even to open the model's folder when the disk is full.
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    store.listParts = async () => {
      throw full;
    };
    const err = await failure(downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, fakeServer({ data }).fetch)));
    expect([err.kind, err.message, err.cause]).toEqual(['no-space', LOCAL_MODEL_MESSAGES.noSpace(), full]);
  });

  it('refuses up front when the free space is known to be too small', async () => {
    const data = gguf(5_000);
    const store = createMemoryModelStore();
    const server = fakeServer({ data });
    const err = await failure(
      downloadModel({ id: 'nb', url: URL_, size: 5_000 }, deps(store, server.fetch, { freeBytes: async () => 1_000 })),
    );
    expect(err.kind).toBe('no-space');
    expect(server.requests).toEqual([]);
  });

  it('says how much to free when the free space is too small for the model', async () => {
    // The 1B model (807,690,400 bytes) with 500 MB free: 307.7 MB short, told rounded up to the next 100 MB.
    const store = createMemoryModelStore();
    const server = fakeServer({ data: gguf(10) });
    const err = await failure(
      downloadModel(
        { id: 'nb', url: URL_, size: 807_690_400, sha256: 'ab'.repeat(32) },
        deps(store, server.fetch, { freeBytes: async () => 500_000_000 }),
      ),
    );
    expect(err.kind).toBe('no-space');
    expect(err.message).toBe('Det er ikkje nok plass på disken til modellen. Frigjer minst 400 MB og prøv igjen.');
    expect(server.requests).toEqual([]);
  });

  it('starts when the free space covers the bytes still to come, or when it is not known', async () => {
    const data = gguf(2_500);
    // Two whole parts stored: 500 bytes to come, and exactly 500 free.
    const resumed = createMemoryModelStore();
    for (let i = 0; i < 2; i++) await resumed.writePart('nb', i, data.slice(i * 1000, (i + 1) * 1000));
    const server = fakeServer({ data });
    const result = await downloadModel(
      { id: 'nb', url: URL_, sha256: sha(data), size: 2_500 },
      deps(resumed, server.fetch, { freeBytes: async () => 500 }),
    );
    expect(result.verified).toBe(true);
    expect(server.requests.map((r) => r.range)).toEqual(['bytes=2000-']);
    // One byte less is refused before any request.
    const short = createMemoryModelStore();
    for (let i = 0; i < 2; i++) await short.writePart('nb', i, data.slice(i * 1000, (i + 1) * 1000));
    const refused = fakeServer({ data });
    const err = await failure(
      downloadModel({ id: 'nb', url: URL_, sha256: sha(data), size: 2_500 }, deps(short, refused.fetch, { freeBytes: async () => 499 })),
    );
    expect(err.kind).toBe('no-space');
    expect(refused.requests).toEqual([]);
    // The browser does not say how much is free: go ahead.
    const unknown = createMemoryModelStore();
    const fresh = await downloadModel(
      { id: 'nb', url: URL_, sha256: sha(data), size: 2_500 },
      deps(unknown, fakeServer({ data }).fetch, { freeBytes: async () => undefined }),
    );
    expect(fresh.verified).toBe(true);
    expect(unknown.bytes('nb')).toEqual(data);
  });

  it('fails with "not-gguf" as soon as the first bytes are not GGUF, without reading the rest', async () => {
    const html = new TextEncoder().encode('<!doctype html><html>' + 'x'.repeat(20_000));
    const store = createMemoryModelStore();
    const server = fakeServer({ data: html, chunk: 100 });
    const err = await failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, server.fetch)));
    expect(err.kind).toBe('not-gguf');
    expect(err.message).toBe(LOCAL_MODEL_MESSAGES.notGguf);
    expect(server.sentBytes()).toBeLessThanOrEqual(200);
    expect(await store.listParts('nb')).toEqual([]);
  });

  it('checks the stored head on resume too', async () => {
    const store = createMemoryModelStore();
    await store.writePart('nb', 0, new TextEncoder().encode('<html>'));
    const server = fakeServer({ data: gguf(100) });
    const err = await failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, server.fetch)));
    expect(err.kind).toBe('not-gguf');
    expect(server.requests).toEqual([]);
  });

  it('fails with "http" and a Nynorsk message on 404 and 403', async () => {
    const store = createMemoryModelStore();
    const e404 = await failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, fakeServer({ data: gguf(10), status: 404 }).fetch)));
    expect(e404).toMatchObject({ kind: 'http', status: 404, message: 'Fann ikkje fila på models.example (feilkode 404). Sjekk adressa.' });
    const e403 = await failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, fakeServer({ data: gguf(10), status: 403 }).fetch)));
    expect(e403).toMatchObject({ kind: 'http', status: 403 });
  });

  it('says in Nynorsk what each kind of HTTP refusal means, naming the host and the status', async () => {
    const store = createMemoryModelStore();
    const fail = (status: number) => failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, fakeServer({ data: gguf(10), status }).fetch, { retries: 0 })));
    expect(await fail(404)).toMatchObject({ kind: 'http', status: 404, message: LOCAL_MODEL_MESSAGES.notFound('models.example') });
    for (const status of [401, 403]) expect(await fail(status)).toMatchObject({ kind: 'http', status, message: LOCAL_MODEL_MESSAGES.denied('models.example', status) });
    for (const status of [500, 503, 429, 408]) expect(await fail(status)).toMatchObject({ kind: 'http', status, message: LOCAL_MODEL_MESSAGES.serverError('models.example', status) });
    for (const status of [400, 410, 418]) expect(await fail(status)).toMatchObject({ kind: 'http', status, message: LOCAL_MODEL_MESSAGES.httpError('models.example', status) });
  });

  it('retries a 503 and then reports it', async () => {
    const store = createMemoryModelStore();
    const server = fakeServer({ data: gguf(10), status: 503 });
    const err = await failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, server.fetch, { retries: 2 })));
    expect(err).toMatchObject({ kind: 'http', status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it('fails with "no-network" after the retries when there is no connection', async () => {
    const store = createMemoryModelStore();
    const server = fakeServer({ data: gguf(10), refuse: [true, true, true, true] });
    const onRetry = vi.fn();
    const err = await failure(downloadModel({ id: 'nb', url: URL_ }, deps(store, server.fetch, { retries: 3, onRetry })));
    expect(err.kind).toBe('no-network');
    expect(err.message).toBe('Fekk ikkje kontakt med models.example. Sjekk nettet og prøv igjen; nedlastinga held fram der ho slapp.');
    expect(onRetry).toHaveBeenCalledTimes(3);
    expect(server.requests).toHaveLength(4);
    // The network's own error stays reachable for the console.
    const causes: unknown[] = [];
    for (let c: unknown = err.cause; c instanceof Error; c = c.cause) causes.push(c);
    expect(causes.at(-1)).toEqual(new TypeError('fetch failed'));
  });

  it('tells onRetry that the request itself failed, with the network error as its cause', async () => {
    const store = createMemoryModelStore();
    const server = fakeServer({ data: gguf(10), refuse: [true] });
    const errors: unknown[] = [];
    await downloadModel({ id: 'nb', url: URL_ }, deps(store, server.fetch, { retries: 3, onRetry: (info) => void errors.push(info.error) }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'fetch failed', cause: new TypeError('fetch failed') });
  });

  it('fails with "size-mismatch" when the server size differs from the expected one', async () => {
    const store = createMemoryModelStore();
    const server = fakeServer({ data: gguf(3_000) });
    const err = await failure(downloadModel({ id: 'nb', url: URL_, size: 2_000 }, deps(store, server.fetch)));
    expect(err.kind).toBe('size-mismatch');
    expect(err.message).toContain('skulle vere');
  });

  it('fails with "size-mismatch" when the body runs past the announced length', async () => {
    const store = createMemoryModelStore();
    const data = gguf(3_000);
    const server = fakeServer({ data, chunk: 1_500, noContentLength: true });
    const err = await failure(downloadModel({ id: 'nb', url: URL_, size: 2_000 }, deps(store, server.fetch)));
    expect(err.kind).toBe('size-mismatch');
    // The size it says is where the body got to: here the whole file.
    expect(err.message).toBe('Fila er 3,0 kB, men skulle vere 2,0 kB. Ho er truleg endra på tenaren. Sjekk adressa og prøv igjen.');
  });

  it('takes a source sha256 in capitals', async () => {
    const data = gguf(1_500);
    const store = createMemoryModelStore();
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data).toUpperCase() }, deps(store, fakeServer({ data }).fetch));
    expect(result).toEqual({ id: 'nb', size: 1_500, sha256: sha(data), verified: true });
  });

  it('installs a file with no known sum, but says it is not verified', async () => {
    const data = gguf(1_234);
    const store = createMemoryModelStore();
    const result = await downloadModel({ id: 'nb', url: URL_ }, deps(store, fakeServer({ data, noContentLength: true }).fetch));
    expect(result).toEqual({ id: 'nb', size: 1_234, sha256: sha(data), verified: false });
  });

  it('verifies without any request when the whole file is already stored', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    await downloadModel({ id: 'nb', url: URL_ }, deps(store, fakeServer({ data }).fetch));
    const again = fakeServer({ data });
    const events: DownloadProgress[] = [];
    const result = await downloadModel(
      { id: 'nb', url: URL_, sha256: sha(data), size: 2_500 },
      deps(store, again.fetch, { onProgress: (p) => events.push(p) }),
    );
    expect(again.requests).toEqual([]);
    expect(result.verified).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'verifying', received: 2_500 });
  });

  it('takes a 416 at the end as complete when the size is not known in advance', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    await downloadModel({ id: 'nb', url: URL_ }, deps(store, fakeServer({ data }).fetch));
    const again = fakeServer({ data });
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, again.fetch));
    expect(again.requests.map((r) => r.range)).toEqual(['bytes=2500-']);
    expect(result).toMatchObject({ size: 2_500, verified: true });
  });

  it('drops stored bytes that are more than the expected size and starts again from byte 0', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    // An earlier, larger file under the same id: four whole parts, 4,000 bytes (its last part is past the new file's end).
    const old = gguf(4_000, 7);
    for (let i = 0; i < 4; i++) await store.writePart('nb', i, old.slice(i * 1000, (i + 1) * 1000));
    const server = fakeServer({ data });
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data), size: 2_500 }, deps(store, server.fetch));
    expect(server.requests.map((r) => r.range)).toEqual([undefined]);
    expect(result).toMatchObject({ size: 2_500, verified: true });
    expect(store.bytes('nb')).toEqual(data);
  });

  it('keeps stored bytes up to the expected size and resumes after them', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    for (let i = 0; i < 2; i++) await store.writePart('nb', i, data.slice(i * 1000, (i + 1) * 1000));
    const server = fakeServer({ data });
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data), size: 2_500 }, deps(store, server.fetch));
    // Two whole parts stored: the next byte is 2,000, and no stored byte is fetched again.
    expect(server.requests.map((r) => r.range)).toEqual(['bytes=2000-']);
    expect(server.sentBytes()).toBe(500);
    expect(result).toMatchObject({ size: 2_500, verified: true });
    expect(store.bytes('nb')).toEqual(data);
  });

  it('keeps the bytes received before a failure, so that the next try resumes after them', async () => {
    const store = createMemoryModelStore();
    const data = gguf(3_000);
    // The body runs past the 2,000 bytes expected: 1,792 bytes (seven chunks) arrive before the eighth is refused.
    const server = fakeServer({ data, noContentLength: true });
    const err = await failure(downloadModel({ id: 'nb', url: URL_, size: 2_000 }, deps(store, server.fetch)));
    expect(err.kind).toBe('size-mismatch');
    expect(await storedBytes(store, 'nb', 1000)).toBe(1_792);
    expect(store.bytes('nb')).toEqual(data.slice(0, 1_792));
  });

  it('does not count a connection that brings only empty chunks as progress', async () => {
    const data = gguf(3_000);
    const store = createMemoryModelStore();
    const server = fakeServer({ data, chunk: 300, cutAfter: [900] });
    let calls = 0;
    // Connection 1 brings 900 bytes and drops; connections 2-4 answer 206, send an empty chunk and drop; then all is well.
    const fetch: FetchLike = async (url, init) => {
      calls++;
      if (calls === 1 || calls > 4) return server.fetch(url, init);
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulls++ === 0) controller.enqueue(new Uint8Array(0));
          else controller.error(new TypeError('terminated: other side closed'));
        },
      });
      return new Response(body, { status: 206, headers: { 'content-range': 'bytes 900-2999/3000', 'content-length': '2100' } });
    };
    const sleeps: number[] = [];
    const err = await failure(
      downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, fetch, { retries: 2, sleep: async (ms) => void sleeps.push(ms) })),
    );
    // The count of failures went on from the first: backed off, and gave up after the retries.
    expect(err.kind).toBe('no-network');
    expect(sleeps).toEqual([500, 1000]);
    expect(calls).toBe(3);
    expect(await storedBytes(store, 'nb', 1000)).toBe(900);
  });

  it('resumes from parts the store lists out of order (a directory listing has no order)', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    // Written, and so listed, as 1, 0.
    await store.writePart('nb', 1, data.slice(1000, 2000));
    await store.writePart('nb', 0, data.slice(0, 1000));
    expect((await store.listParts('nb')).map((p) => p.index)).toEqual([1, 0]);
    expect(await storedBytes(store, 'nb', 1000)).toBe(2_000);
    const server = fakeServer({ data });
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data), size: 2_500 }, deps(store, server.fetch));
    expect(server.requests.map((r) => r.range)).toEqual(['bytes=2000-']);
    expect(result).toMatchObject({ size: 2_500, verified: true });
    expect(store.bytes('nb')).toEqual(data);
  });

  it('counts stored bytes only for parts 0..n-1 with every part but the last full', async () => {
    const data = gguf(2_500);
    const layout = async (parts: [number, Uint8Array][]) => {
      const store = createMemoryModelStore();
      for (const [i, p] of parts) await store.writePart('nb', i, p);
      return storedBytes(store, 'nb', 1000);
    };
    expect(await layout([[0, data.slice(0, 1000)], [1, data.slice(1000, 1500)]])).toBe(1_500);
    expect(await layout([[0, data.slice(0, 1000)], [2, data.slice(2000, 2500)]])).toBe(0); // a gap
    expect(await layout([[0, data.slice(0, 1000)], [1, new Uint8Array(0)]])).toBe(0); // an empty part
    expect(await layout([[0, data.slice(0, 1500)]])).toBe(0); // stored with larger parts
  });

  it('reads a first chunk shorter than the GGUF magic and goes on', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    const result = await downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, fakeServer({ data, chunk: 2 }).fetch));
    expect(result.verified).toBe(true);
    expect(store.bytes('nb')).toEqual(data);
  });

  it('drops stored parts that do not fit the part layout and starts again', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    await store.writePart('nb', 0, data.slice(0, 700)); // short, yet not the last
    await store.writePart('nb', 1, data.slice(1000, 2000));
    await store.writePart('nb', 3, data.slice(0, 1000)); // past the file's end: must not stay behind
    const server = fakeServer({ data });
    await downloadModel({ id: 'nb', url: URL_, sha256: sha(data) }, deps(store, server.fetch));
    expect(server.requests.map((r) => r.range)).toEqual([undefined]);
    expect(store.bytes('nb')).toEqual(data);
  });

  it('gives the stored file as one Blob', async () => {
    const data = gguf(2_500);
    const store = createMemoryModelStore();
    await downloadModel({ id: 'nb', url: URL_ }, deps(store, fakeServer({ data }).fetch));
    const blob = await modelBlob(store, 'nb');
    expect(blob.size).toBe(2_500);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(data);
  });

  it('uses an injected hash', async () => {
    const data = gguf(1_000);
    const store = createMemoryModelStore();
    const updates: number[] = [];
    const result = await downloadModel(
      { id: 'nb', url: URL_ },
      deps(store, fakeServer({ data }).fetch, {
        partSize: 400,
        hash: () => ({ update: (d) => updates.push(d.length), digest: () => new Uint8Array([1, 2]) }),
      }),
    );
    expect(updates).toEqual([400, 400, 200]);
    expect(result.sha256).toBe('0102');
  });
});

// ---------------------------------------------------------------------------

/** The shape of GET https://huggingface.co/api/models/{repo}/revision/{rev}?blobs=true (huggingface_hub model_info(files_metadata=True)). */
const HUB_BODY = {
  _id: '6720f0f0c0ffee0000000001',
  id: 'NbAiLab/nb-llama-3.2-1B-Instruct-Q4_K_M-GGUF',
  private: false,
  pipeline_tag: 'text-generation',
  library_name: 'gguf',
  tags: ['gguf', 'llama-cpp', 'no', 'nb', 'nn'],
  downloads: 120,
  likes: 3,
  modelId: 'NbAiLab/nb-llama-3.2-1B-Instruct-Q4_K_M-GGUF',
  author: 'NbAiLab',
  sha: '2631b2f2ee1d60ec2490ab88930093ff51137d7d',
  lastModified: '2024-11-20T10:00:00.000Z',
  gated: false,
  disabled: false,
  siblings: [
    { rfilename: '.gitattributes', blobId: 'a6344aac8c09253b3b630fb776ae94478aa0275b', size: 1570 },
    { rfilename: 'README.md', blobId: '0c6b0b9a0e1a9e7f5f6a2a0e6a5b3b0a1c2d3e4f', size: 1200 },
    {
      rfilename: 'nb-llama-3.2-1b-instruct-q4_k_m.gguf',
      blobId: '3c1f4e6a9b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f',
      size: 807690400,
      lfs: { sha256: '099dd91802c5586ad318db4faf40da599c2ad4faf9375c277bffeee89df3b906', size: 807690400, pointerSize: 134 },
    },
  ],
  createdAt: '2024-11-20T09:00:00.000Z',
  usedStorage: 807690400,
};

describe('Hugging Face Hub metadata', () => {
  const FILE_URL =
    'https://huggingface.co/NbAiLab/nb-llama-3.2-1B-Instruct-Q4_K_M-GGUF/resolve/main/nb-llama-3.2-1b-instruct-q4_k_m.gguf';

  it('parses resolve, blob, dataset and encoded-revision URLs, and nothing else', () => {
    expect(parseHubUrl(FILE_URL)).toEqual({
      repoType: 'models',
      repo: 'NbAiLab/nb-llama-3.2-1B-Instruct-Q4_K_M-GGUF',
      revision: 'main',
      path: 'nb-llama-3.2-1b-instruct-q4_k_m.gguf',
    });
    expect(parseHubUrl('https://huggingface.co/o/r/blob/refs%2Fpr%2F1/sub/dir/m.gguf?download=true')).toEqual({
      repoType: 'models',
      repo: 'o/r',
      revision: 'refs/pr/1',
      path: 'sub/dir/m.gguf',
    });
    expect(parseHubUrl('https://huggingface.co/datasets/o/r/resolve/main/m.gguf')?.repoType).toBe('datasets');
    expect(parseHubUrl('https://huggingface.co/spaces/o/r/resolve/main/m.gguf')?.repoType).toBe('spaces');
    expect(parseHubUrl('https://huggingface.co/o/r/resolve/main/nb%20modell.gguf')?.path).toBe('nb modell.gguf');
    // Each part must be there: owner, name, revision, a file, and no empty folder.
    for (const bad of ['//r/resolve/main/m.gguf', '/o//resolve/main/m.gguf', '/o/r/resolve//m.gguf', '/o/r/resolve/main', '/o/r/resolve/main/', '/o/r/resolve/main/dir//m.gguf'])
      expect(parseHubUrl(`https://huggingface.co${bad}`), bad).toBeUndefined();
    expect(parseHubUrl('https://huggingface.co/o/r/tree/main/m.gguf')).toBeUndefined();
    expect(parseHubUrl('https://huggingface.co/o/r')).toBeUndefined();
    expect(parseHubUrl('https://example.com/o/r/resolve/main/m.gguf')).toBeUndefined();
    expect(parseHubUrl('http://huggingface.co/o/r/resolve/main/m.gguf')).toBeUndefined();
    expect(parseHubUrl('not a url')).toBeUndefined();
  });

  it('turns a page link into a download link', () => {
    expect(toDownloadUrl('https://huggingface.co/o/r/blob/main/m.gguf')).toBe('https://huggingface.co/o/r/resolve/main/m.gguf');
    expect(toDownloadUrl('https://huggingface.co/datasets/o/r/blob/main/blob/m.gguf')).toBe(
      'https://huggingface.co/datasets/o/r/resolve/main/blob/m.gguf',
    );
    expect(toDownloadUrl('https://huggingface.co/NbAiLab/nb-gguf/blob/main/m.gguf')).toBe('https://huggingface.co/NbAiLab/nb-gguf/resolve/main/m.gguf');
    // A folder named blob in a download link stays.
    expect(toDownloadUrl('https://huggingface.co/o/r/resolve/main/blob/m.gguf')).toBe('https://huggingface.co/o/r/resolve/main/blob/m.gguf');
    expect(toDownloadUrl(FILE_URL)).toBe(FILE_URL);
    expect(toDownloadUrl(URL_)).toBe(URL_);
  });

  it('builds the API URL huggingface_hub uses for files_metadata=True', () => {
    expect(hubMetadataUrl(parseHubUrl(FILE_URL)!)).toBe(
      'https://huggingface.co/api/models/NbAiLab/nb-llama-3.2-1B-Instruct-Q4_K_M-GGUF/revision/main?blobs=true',
    );
    expect(hubMetadataUrl(parseHubUrl('https://huggingface.co/o/r/resolve/refs%2Fpr%2F1/m.gguf')!)).toBe(
      'https://huggingface.co/api/models/o/r/revision/refs%2Fpr%2F1?blobs=true',
    );
    expect(hubMetadataUrl(parseHubUrl('https://huggingface.co/o/my%20repo/resolve/main/m.gguf')!)).toBe(
      'https://huggingface.co/api/models/o/my%20repo/revision/main?blobs=true',
    );
  });

  it('reads sha256 and size from siblings[].lfs', () => {
    expect(parseHubSiblings(HUB_BODY, 'nb-llama-3.2-1b-instruct-q4_k_m.gguf')).toEqual({
      sha256: '099dd91802c5586ad318db4faf40da599c2ad4faf9375c277bffeee89df3b906',
      size: 807690400,
    });
    expect(parseHubSiblings(HUB_BODY, 'README.md')).toEqual({ size: 1200 }); // not in LFS: no sha256
    expect(parseHubSiblings(HUB_BODY, 'other.gguf')).toBeUndefined();
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x' }] }, 'x')).toEqual({});
    expect(parseHubSiblings({ siblings: 'no' }, 'x')).toBeUndefined();
    expect(parseHubSiblings(null, 'x')).toBeUndefined();
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x', lfs: { sha256: 'zz', size: -1 } }] }, 'x')).toEqual({});
    const sum = '099dd91802c5586ad318db4faf40da599c2ad4faf9375c277bffeee89df3b906';
    // A sum in capitals is read in lower case; one with more around it is no sum.
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x', lfs: { sha256: sum.toUpperCase() } }] }, 'x')).toEqual({ sha256: sum });
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x', lfs: { sha256: `sha256:${sum}` } }] }, 'x')).toEqual({});
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x', lfs: { sha256: `${sum}0` } }] }, 'x')).toEqual({});
    // The LFS size is the file's; the entry's own size is used only without it. An empty file has size 0; a fraction is no size.
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x', size: 134, lfs: { size: 807690400 } }] }, 'x')).toEqual({ size: 807690400 });
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x', size: 0 }] }, 'x')).toEqual({ size: 0 });
    expect(parseHubSiblings({ siblings: [{ rfilename: 'x', size: 1.5 }] }, 'x')).toEqual({});
    // Entries that are not objects are passed over.
    expect(parseHubSiblings({ siblings: [null, { rfilename: 'x', size: 5 }] }, 'x')).toEqual({ size: 5 });
  });

  it('fetches the metadata, tolerates API errors, and reports an unreachable hub', async () => {
    const apiUrl = hubMetadataUrl(parseHubUrl(FILE_URL)!);
    const ok: FetchLike = async (url) => (url === apiUrl ? new Response(JSON.stringify(HUB_BODY)) : new Response(null, { status: 500 }));
    expect(await resolveHubMetadata(FILE_URL, ok)).toMatchObject({ size: 807690400 });
    expect(await resolveHubMetadata(URL_, ok)).toBeUndefined();
    const gated: FetchLike = async () => new Response('{"error":"gated"}', { status: 401 });
    expect(await resolveHubMetadata(FILE_URL, gated)).toBeUndefined();
    const garbage: FetchLike = async () => new Response('<html>');
    expect(await resolveHubMetadata(FILE_URL, garbage)).toBeUndefined();
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(resolveHubMetadata(FILE_URL, down)).rejects.toMatchObject({ kind: 'no-network', message: LOCAL_MODEL_MESSAGES.noNetwork('huggingface.co') });
    // Paused while asking: cancelled, not a network failure.
    const ctl = new AbortController();
    const paused: FetchLike = async () => {
      ctl.abort();
      throw new DOMException('This operation was aborted', 'AbortError');
    };
    await expect(resolveHubMetadata(FILE_URL, paused, ctl.signal)).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('checks a Hub download against the sha256 the Hub lists', async () => {
    const data = gguf(3_000);
    const url = 'https://huggingface.co/o/r/resolve/abc123/m.gguf';
    const api = 'https://huggingface.co/api/models/o/r/revision/abc123?blobs=true';
    const good = { siblings: [{ rfilename: 'm.gguf', size: 3_000, lfs: { sha256: sha(data), size: 3_000, pointerSize: 130 } }] };
    const store = createMemoryModelStore();
    const result = await downloadModel({ id: 'm', url }, deps(store, fakeServer({ data, json: { [api]: good } }).fetch));
    expect(result).toMatchObject({ verified: true, sha256: sha(data) });

    const bad = { siblings: [{ rfilename: 'm.gguf', size: 3_000, lfs: { sha256: 'cd'.repeat(32), size: 3_000, pointerSize: 130 } }] };
    const err = await failure(downloadModel({ id: 'm2', url }, deps(store, fakeServer({ data, json: { [api]: bad } }).fetch)));
    expect(err.kind).toBe('checksum');

    const other = { siblings: [{ rfilename: 'm.gguf', size: 2_999, lfs: { sha256: sha(data), size: 2_999, pointerSize: 130 } }] };
    const size = await failure(downloadModel({ id: 'm3', url }, deps(store, fakeServer({ data, json: { [api]: other } }).fetch)));
    expect(size.kind).toBe('size-mismatch');

    // hubMetadata: false: no API call, and the file is installed unverified.
    const server = fakeServer({ data, json: { [api]: bad } });
    const asked: string[] = [];
    const noHub = await downloadModel(
      { id: 'm4', url },
      deps(store, (u, init) => (asked.push(u), server.fetch(u, init)), { hubMetadata: false }),
    );
    expect(asked).toEqual([url]);
    expect(noHub).toMatchObject({ verified: false, sha256: sha(data) });
  });
});

describe('LOCAL_MODEL_MESSAGES', () => {
  it('asks to free the shortfall rounded up: to 10 MB under 100 MB, else to 100 MB, and at least 10 MB', () => {
    const free = (need: string) => `Det er ikkje nok plass på disken til modellen. Frigjer minst ${need} og prøv igjen.`;
    expect(LOCAL_MODEL_MESSAGES.noSpace(870_000_000)).toBe(free('900 MB'));
    expect(LOCAL_MODEL_MESSAGES.noSpace(100_000_000)).toBe(free('100 MB'));
    expect(LOCAL_MODEL_MESSAGES.noSpace(45_000_001)).toBe(free('50 MB'));
    expect(LOCAL_MODEL_MESSAGES.noSpace(3_000)).toBe(free('10 MB'));
    expect(LOCAL_MODEL_MESSAGES.noSpace(1_234_000_000)).toBe(free('1,3 GB'));
    // No shortfall known: no figure.
    const plain = 'Det er ikkje nok plass på disken til modellen. Frigjer plass og prøv igjen.';
    expect(LOCAL_MODEL_MESSAGES.noSpace()).toBe(plain);
    expect(LOCAL_MODEL_MESSAGES.noSpace(0)).toBe(plain);
    expect(LOCAL_MODEL_MESSAGES.noSpace(-500)).toBe(plain);
  });

  it('writes memory in GB with a decimal comma', () => {
    expect(LOCAL_MODEL_MESSAGES.tooLittleMemory(0.25, 2)).toContain('om lag 0,25 GB, og modellen treng om lag 2 GB');
  });
});

describe('parseContentRange', () => {
  it('reads ranges and the unsatisfied form', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, total: 1000 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: undefined });
    expect(parseContentRange('bytes */1000')).toEqual({ start: undefined, end: undefined, total: 1000 });
    expect(parseContentRange('items 1-2/3')).toBeUndefined();
    expect(parseContentRange(null)).toBeUndefined();
    // Case and spaces around are free; anything else around the range is not.
    expect(parseContentRange(' Bytes 0-99/1000 ')).toEqual({ start: 0, end: 99, total: 1000 });
    expect(parseContentRange('bytes 0-99/1000, bytes 200-299/1000')).toBeUndefined();
    expect(parseContentRange('x-bytes 0-99/1000')).toBeUndefined();
  });
});
