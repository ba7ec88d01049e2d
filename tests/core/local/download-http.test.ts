// The download over real HTTP: a node:http server on 127.0.0.1 that serves
// Range requests and cuts the socket in the middle of the body, and Node's
// own fetch (undici), as the browser's fetch would meet them.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModel, storedBytes, type FetchLike } from '../../../src/core/local/download';
import { createMemoryModelStore } from '../../support/memory-model-store';

const SIZE = 300 * 1024;
const PART = 16 * 1024;
const DATA = (() => {
  const b = new Uint8Array(SIZE);
  b.set([0x47, 0x47, 0x55, 0x46]);
  let x = 7;
  for (let i = 4; i < SIZE; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
})();
const SHA = createHash('sha256').update(DATA).digest('hex');

type Seen = { range?: string; status: number; bodyBytes: number; cut: boolean };

let server: Server;
let base = '';
const seen: Seen[] = [];
/** Cut the socket after this many body bytes on the next request (then reset). */
let cutNextAfter: number | undefined;
/** Stop writing after this many bytes on the next request, and hold the connection open. */
let holdNextAfter: number | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const range = req.headers.range;
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    const start = m ? Number(m[1]) : 0;
    const entry: Seen = { range, status: 200, bodyBytes: 0, cut: false };
    seen.push(entry);
    if (start >= SIZE) {
      entry.status = 416;
      res.writeHead(416, { 'Content-Range': `bytes */${SIZE}` }).end();
      return;
    }
    entry.status = m ? 206 : 200;
    res.writeHead(entry.status, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(SIZE - start),
      'Accept-Ranges': 'bytes',
      ...(m ? { 'Content-Range': `bytes ${start}-${SIZE - 1}/${SIZE}` } : {}),
    });
    const cut = cutNextAfter;
    const hold = holdNextAfter;
    cutNextAfter = holdNextAfter = undefined;
    let at = start;
    const step = () => {
      if (cut !== undefined && entry.bodyBytes >= cut) {
        entry.cut = true;
        res.socket?.destroy();
        return;
      }
      if (hold !== undefined && entry.bodyBytes >= hold) return; // silent, connection kept open
      if (at >= SIZE) {
        res.end();
        return;
      }
      let n = Math.min(8 * 1024, SIZE - at);
      if (cut !== undefined) n = Math.min(n, cut - entry.bodyBytes);
      if (hold !== undefined) n = Math.min(n, hold - entry.bodyBytes);
      res.write(DATA.subarray(at, at + n));
      at += n;
      entry.bodyBytes += n;
      setImmediate(step);
    };
    step();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const nodeFetch: FetchLike = (url, init) => fetch(url, init);

describe('downloadModel over real HTTP (127.0.0.1)', () => {
  it('resumes by itself with Range after the server cuts the socket mid-body', async () => {
    seen.length = 0;
    cutNextAfter = 100 * 1024 + 123;
    const store = createMemoryModelStore();
    const retries: unknown[] = [];
    const result = await downloadModel(
      { id: 'http', url: `${base}/m.gguf`, sha256: SHA, size: SIZE },
      { fetch: nodeFetch, store, partSize: PART, sleep: async () => {}, onRetry: (r) => retries.push(r.error) },
    );
    expect(seen[0]).toMatchObject({ range: undefined, status: 200, cut: true });
    // Everything that arrived before the cut was kept (flushed as a short part), so the Range starts there.
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(seen[1]!.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(96 * 1024);
    expect(resumedAt).toBeLessThanOrEqual(100 * 1024 + 123);
    expect(seen[1]).toMatchObject({ status: 206, cut: false, bodyBytes: SIZE - resumedAt });
    expect(seen).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(result).toEqual({ id: 'http', size: SIZE, sha256: SHA, verified: true });
    expect(Buffer.compare(store.bytes('http'), DATA)).toBe(0); // (toEqual on 300 KB takes seconds)
  });

  it('pauses, and a new call (as after a browser restart) resumes from the stored bytes', async () => {
    seen.length = 0;
    holdNextAfter = 64 * 1024 + 500; // the server goes quiet here; we pause meanwhile
    const store = createMemoryModelStore();
    const pause = new AbortController();
    const first = downloadModel(
      { id: 'p', url: `${base}/m.gguf`, sha256: SHA },
      {
        fetch: nodeFetch,
        store,
        partSize: PART,
        onProgress: (p) => {
          if (p.received >= 64 * 1024 + 500) pause.abort();
        },
        progressIntervalMs: 0,
        signal: pause.signal,
      },
    );
    await expect(first).rejects.toMatchObject({ kind: 'cancelled' });
    const stored = await storedBytes(store, 'p', PART);
    expect(stored).toBe(64 * 1024 + 500);

    const result = await downloadModel({ id: 'p', url: `${base}/m.gguf`, sha256: SHA }, { fetch: nodeFetch, store, partSize: PART });
    expect(seen.map((s) => s.range)).toEqual([undefined, `bytes=${stored}-`]);
    expect(seen[1]!.bodyBytes).toBe(SIZE - stored);
    expect(result.verified).toBe(true);
    expect(Buffer.compare(store.bytes('p'), DATA)).toBe(0); // (toEqual on 300 KB takes seconds)
  });
});
