/**
 * A file server on 127.0.0.1 for the on-device model's tests: serves a GGUF
 * (the tiny random-weight one the tests write) with HTTP Range support, the
 * CORS headers a model hub sends, and knobs for what goes wrong in real
 * downloads: a connection cut after N bytes, and a delay per chunk (so a
 * test can pause mid-way). Every request is recorded with its Range header.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type GgufServer = {
  /** Base URL (http://127.0.0.1:PORT). */
  url: string;
  /** URL of the served file. */
  fileUrl(name?: string): string;
  requests: { path: string; range: string | undefined; status: number; bytes: number }[];
  /** The next GET of the file is cut after this many body bytes. */
  cutNextAfter(bytes: number): void;
  /** Milliseconds to wait between chunks (default 0). */
  setChunkDelay(ms: number, chunkBytes?: number): void;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startGgufServer(file: Uint8Array, name = 'tiny-nn.gguf'): Promise<GgufServer> {
  const requests: GgufServer['requests'] = [];
  let cutAfter: number | null = null;
  let delayMs = 0;
  let chunk = 16 * 1024;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'content-length, content-range, accept-ranges' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-headers': 'range', 'access-control-allow-methods': 'GET, HEAD' });
      return res.end();
    }
    const rec = { path, range: req.headers.range, status: 404, bytes: 0 };
    requests.push(rec);
    if (path !== `/${name}`) {
      res.writeHead(404, cors);
      return res.end('not found');
    }
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m) start = Number(m[1]);
    if (start > file.length) {
      rec.status = 416;
      res.writeHead(416, { ...cors, 'content-range': `bytes */${file.length}` });
      return res.end();
    }
    const body = file.subarray(start);
    rec.status = m ? 206 : 200;
    res.writeHead(rec.status, {
      ...cors,
      'content-type': 'application/octet-stream',
      'content-length': String(body.length),
      'accept-ranges': 'bytes',
      ...(m ? { 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    const cut = cutAfter;
    cutAfter = null;
    for (let off = 0; off < body.length; off += chunk) {
      const piece = body.subarray(off, Math.min(body.length, off + chunk));
      if (cut !== null && rec.bytes + piece.length > cut) {
        res.write(piece.subarray(0, Math.max(0, cut - rec.bytes)));
        rec.bytes = cut;
        // A dropped connection mid-body, as a flaky network gives.
        await sleep(20);
        req.socket.destroy();
        return;
      }
      if (!res.write(piece)) await new Promise((r) => res.once('drain', r));
      rec.bytes += piece.length;
      if (delayMs) await sleep(delayMs);
      if (req.socket.destroyed) return;
    }
    res.end();
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => req.socket.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fileUrl: (n = name) => `${url}/${n}`,
    requests,
    cutNextAfter: (bytes) => void (cutAfter = bytes),
    setChunkDelay: (ms, bytes) => {
      delayMs = ms;
      if (bytes) chunk = bytes;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
