import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, LOCAL_MODEL_MESSAGES, type FetchLike } from '../../src/core/local/download';
import { DEFAULT_LOCAL_MODEL_URL, LOCAL_MODEL_KEY, LOCAL_MODELS, parseLocalModelRecord, type LocalModelRecord } from '../../src/core/local/models';
import { deleteModel, installModel, knownSha256, readRecord } from '../../src/options/local-install';
import type { OptionsBrowser } from '../../src/options/settings-store';
import { writeTinyLlamaGguf } from '../../support/gguf';
import { startGgufServer, type GgufServer } from '../support/gguf-server';
import { createMemoryModelStore } from '../support/memory-model-store';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** "GGUF" and then deterministic bytes. */
function gguf(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  out.set([0x47, 0x47, 0x55, 0x46]);
  let x = seed;
  for (let i = 4; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** storage.local in memory, with every write recorded (copied, as storage does). */
function fakeBrowser(init: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(init);
  const writes: Record<string, unknown>[] = [];
  const browser: OptionsBrowser = {
    storage: {
      local: {
        get: async (keys) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
        set: async (items) => {
          writes.push(structuredClone(items));
          Object.assign(data, structuredClone(items));
        },
        remove: async (keys) => {
          for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
        },
      },
    },
  };
  return { browser, data, writes, records: () => writes.filter((w) => LOCAL_MODEL_KEY in w).map((w) => w[LOCAL_MODEL_KEY] as LocalModelRecord) };
}

/** A file server in a function: serves `file` at any URL, honours `Range: bytes=N-`, records each request. */
function fakeFetch(file: Uint8Array) {
  const requests: { url: string; range?: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const range = init.headers?.Range;
    requests.push({ url, ...(range ? { range } : {}) });
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    const start = m ? Number(m[1]) : 0;
    const body = file.slice(start);
    return new Response(body, {
      status: m ? 206 : 200,
      headers: { 'content-length': String(body.length), ...(m ? { 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}) },
    });
  };
  return { fetch, requests };
}

const NOW = new Date('2026-03-20T08:30:00.000Z');

describe('knownSha256', () => {
  const hex = 'AB'.repeat(32);
  it('reads #sha256=<hex> after a pasted URL, in lower case', () => {
    expect(knownSha256(`https://models.example/m.gguf#sha256=${hex}`)).toBe(hex.toLowerCase());
    expect(knownSha256(`https://models.example/m.gguf#rev=2&sha256=${hex}`)).toBe(hex.toLowerCase());
    expect(knownSha256(`https://models.example/m.gguf#sha256=${hex}&x=1`)).toBe(hex.toLowerCase());
  });
  it('gives nothing for a missing, short, long or non-hex sum', () => {
    expect(knownSha256('https://models.example/m.gguf')).toBeUndefined();
    expect(knownSha256(`https://models.example/m.gguf#sha256=${hex.slice(1)}`)).toBeUndefined();
    expect(knownSha256(`https://models.example/m.gguf#sha256=${hex}0`)).toBeUndefined();
    expect(knownSha256(`https://models.example/m.gguf#sha256=${'g'.repeat(64)}`)).toBeUndefined();
    expect(knownSha256(`https://models.example/m.gguf#xsha256=${hex}`)).toBeUndefined();
    // In the query it would go to the server: only the fragment counts.
    expect(knownSha256(`https://models.example/m.gguf?sha256=${hex}`)).toBeUndefined();
  });
  it('gives the catalogue models their pinned sum, where there is one', () => {
    for (const m of LOCAL_MODELS) expect(knownSha256(m.url)).toBe(m.sha256);
  });
});

describe('installModel and deleteModel (memory store, fake fetch)', () => {
  const file = gguf(5000);
  const url = `https://models.example/org/tiny-nn.gguf#sha256=${sha(file)}`;

  it('writes a partial record first, then the installed record with size, sha256 and verified', async () => {
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    const f = fakeFetch(file);
    const rec = await installModel(url, { browser: b.browser, store, fetch: f.fetch, now: () => NOW });
    const records = b.records();
    expect(records[0]).toEqual({ id: 'tiny-nn', url, received: 0, verified: false, status: 'partial', updatedAt: NOW.toISOString(), sha256: sha(file) });
    expect(records.slice(0, -1).every((r) => r.status === 'partial')).toBe(true);
    const want: LocalModelRecord = { id: 'tiny-nn', url, size: 5000, received: 5000, sha256: sha(file), verified: true, status: 'installed', updatedAt: NOW.toISOString() };
    expect(records.at(-1)).toEqual(want);
    expect(rec).toEqual(want);
    expect(await readRecord(b.browser)).toEqual(want);
    expect(parseLocalModelRecord(b.data[LOCAL_MODEL_KEY])).toEqual(want);
    expect(store.bytes('tiny-nn')).toEqual(file);
    // The fragment is ours: one plain request, nothing else.
    expect(f.requests).toHaveLength(1);
  });

  it('installs a file without a known sum as unverified, with the sum it computed', async () => {
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    const plain = 'https://models.example/org/tiny-nn.gguf';
    const rec = await installModel(plain, { browser: b.browser, store, fetch: fakeFetch(file).fetch });
    expect(rec).toMatchObject({ id: 'tiny-nn', status: 'installed', verified: false, sha256: sha(file), size: 5000 });
    expect(b.records()[0]).not.toHaveProperty('sha256');
  });

  it('a wrong sha256 deletes the file and leaves no installed record', async () => {
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    const bad = `https://models.example/org/tiny-nn.gguf#sha256=${'0'.repeat(64)}`;
    const err = await installModel(bad, { browser: b.browser, store, fetch: fakeFetch(file).fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).kind).toBe('checksum');
    expect((err as DownloadError).message).toContain('kontrollsummen');
    expect(b.records().every((r) => r.status === 'partial')).toBe(true);
    expect(await readRecord(b.browser)).toMatchObject({ status: 'partial', received: 0 });
    expect(await store.usage('tiny-nn')).toBe(0);
  });

  it("removes another model's parts and record when a new one is installed", async () => {
    const old = gguf(3000, 9);
    const oldUrl = 'https://models.example/org/old-model.gguf';
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    await installModel(oldUrl, { browser: b.browser, store, fetch: fakeFetch(old).fetch });
    expect(await store.usage('old-model')).toBe(3000);

    await installModel(url, { browser: b.browser, store, fetch: fakeFetch(file).fetch });
    expect(store.log).toContain('remove old-model');
    expect(store.parts('old-model').size).toBe(0);
    expect(await store.usage('old-model')).toBe(0);
    expect((await readRecord(b.browser))?.id).toBe('tiny-nn');
    expect(store.bytes('tiny-nn')).toEqual(file);
  });

  it('resumes its own partial download instead of removing it', async () => {
    const store = createMemoryModelStore();
    await store.writePart('tiny-nn', 0, file.slice(0, 1200));
    const b = fakeBrowser({
      [LOCAL_MODEL_KEY]: { id: 'tiny-nn', url, size: 5000, received: 1200, verified: false, status: 'partial', updatedAt: '2026-03-19T00:00:00.000Z' },
    });
    const f = fakeFetch(file);
    const rec = await installModel(url, { browser: b.browser, store, fetch: f.fetch, now: () => NOW });
    expect(store.log).not.toContain('remove tiny-nn');
    expect(b.records()[0]).toMatchObject({ status: 'partial', received: 1200, size: 5000 });
    expect(f.requests).toEqual([{ url, range: 'bytes=1200-' }]);
    expect(rec).toMatchObject({ status: 'installed', verified: true, size: 5000 });
    expect(store.bytes('tiny-nn')).toEqual(file);
  });

  it('a pause writes down the bytes stored so far, and the next install resumes from there', async () => {
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    const ctl = new AbortController();
    // The first answer sends half the file, then hangs until the pause.
    const first: FetchLike = async (_u, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          init.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
          c.enqueue(file.slice(0, 2500));
          setTimeout(() => ctl.abort(), 20);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-length': String(file.length) } });
    };
    const err = await installModel(url, {
      browser: b.browser,
      store,
      fetch: first,
      signal: ctl.signal,
    }).catch((e: unknown) => e);
    expect((err as DownloadError).kind).toBe('cancelled');
    expect(await store.usage('tiny-nn')).toBe(2500);
    expect(await readRecord(b.browser)).toMatchObject({ id: 'tiny-nn', status: 'partial', received: 2500 });

    const f = fakeFetch(file);
    const rec = await installModel(url, { browser: b.browser, store, fetch: f.fetch });
    expect(f.requests).toEqual([{ url, range: 'bytes=2500-' }]);
    expect(rec).toMatchObject({ status: 'installed', verified: true, size: 5000 });
  });

  it('refuses a URL that is not a GGUF file before anything is written or fetched', async () => {
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    const f = fakeFetch(file);
    const err = await installModel('https://models.example/model.bin', { browser: b.browser, store, fetch: f.fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).kind).toBe('not-gguf');
    expect((err as DownloadError).message).toBe(LOCAL_MODEL_MESSAGES.notGguf);
    expect(b.writes).toHaveLength(0);
    expect(f.requests).toHaveLength(0);
  });

  it('a file that is not a GGUF is refused and removed', async () => {
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    const html = new TextEncoder().encode('<!doctype html><title>Logg inn</title>');
    const err = await installModel('https://models.example/org/tiny-nn.gguf', { browser: b.browser, store, fetch: fakeFetch(html).fetch }).catch((e: unknown) => e);
    expect((err as DownloadError).kind).toBe('not-gguf');
    expect(await store.usage('tiny-nn')).toBe(0);
    expect((await readRecord(b.browser))?.status).not.toBe('installed');
  });

  it('deleteModel frees the stored bytes, says how many, and removes the record', async () => {
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    await installModel(url, { browser: b.browser, store, fetch: fakeFetch(file).fetch });
    expect(await deleteModel({ browser: b.browser, store })).toBe(5000);
    expect(await store.usage('tiny-nn')).toBe(0);
    expect(store.log.at(-1)).toBe('remove tiny-nn');
    expect(LOCAL_MODEL_KEY in b.data).toBe(false);
    expect(await readRecord(b.browser)).toBeNull();
    // Nothing left: nothing freed.
    expect(await deleteModel({ browser: b.browser, store })).toBe(0);
  });

  it('the Hub answers the sum for a catalogue model without a pinned one', async () => {
    const model = LOCAL_MODELS[0]!;
    expect(model.url).toBe(DEFAULT_LOCAL_MODEL_URL);
    const files = fakeFetch(file);
    const seen: string[] = [];
    const fetch: FetchLike = async (u, init) => {
      seen.push(u);
      if (u.startsWith('https://huggingface.co/api/')) {
        const path = decodeURIComponent(new URL(model.url).pathname.split('/').pop()!);
        return new Response(JSON.stringify({ siblings: [{ rfilename: path, lfs: { sha256: sha(file), size: file.length } }] }), { status: 200 });
      }
      return files.fetch(u, init);
    };
    const b = fakeBrowser();
    const rec = await installModel(model.url, { browser: b.browser, store: createMemoryModelStore(), fetch });
    expect(rec).toMatchObject({ id: model.id, status: 'installed', verified: true, sha256: sha(file) });
    expect(seen[0]).toMatch(/^https:\/\/huggingface\.co\/api\/models\/NbAiLab\//);
  });
});

describe('installModel over HTTP (gguf-server on 127.0.0.1)', () => {
  const file = writeTinyLlamaGguf();
  let server: GgufServer;
  beforeAll(async () => {
    server = await startGgufServer(file);
  });
  afterAll(() => server.close());

  it('downloads, verifies and records the tiny model, resuming after a dropped connection', async () => {
    server.cutNextAfter(200_000);
    const url = `${server.fileUrl()}#sha256=${sha(file)}`;
    const b = fakeBrowser();
    const store = createMemoryModelStore();
    const rec = await installModel(url, { browser: b.browser, store, fetch: (u, init) => fetch(u, init) });
    expect(rec).toMatchObject({ id: 'tiny-nn', status: 'installed', verified: true, size: file.length, received: file.length, sha256: sha(file) });
    // (compared by hash: a deep equal of 700 kB is slow)
    expect(sha(store.bytes('tiny-nn'))).toBe(sha(file));
    const gets = server.requests.filter((r) => r.path === '/tiny-nn.gguf');
    expect(gets.length).toBeGreaterThanOrEqual(2);
    expect(gets[0]).toMatchObject({ range: undefined, status: 200 });
    expect(gets.at(-1)!.status).toBe(206);
    expect(gets.at(-1)!.range).toMatch(/^bytes=\d+-$/);
    expect(await deleteModel({ browser: b.browser, store })).toBe(file.length);
  });
});
