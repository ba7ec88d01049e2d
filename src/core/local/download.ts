/**
 * Download of an on-device model (a GGUF file of about 0.8 to 2 GB) into
 * browser storage, resumable and verified. Pure logic: no extension APIs; the
 * network, the storage, the clock and the hash are passed in, so this runs
 * under vitest in Node as it runs in the options page.
 *
 * Storage is in parts of `partSize` bytes (16 MiB by default), each written
 * whole. Appending to one 800 MB OPFS file would be quadratic
 * (`createWritable` commits only on close, and `keepExistingData` copies the
 * file), while whole parts are cheap and a complete part survives a crash.
 * Part i always holds the bytes from i * partSize, so the bytes already stored
 * are the sum of the part sizes, and only the last part may be short.
 *
 * Resume: `Range: bytes=<stored>-`. A 206 must start where we asked; a 200 to
 * a range request means the server ignored it: the parts are dropped and the
 * file starts again from byte 0. A broken connection is retried (with backoff)
 * from the bytes stored; pausing is aborting `signal`, and the bytes received
 * so far are written first, so nothing already downloaded is lost.
 *
 * Verify: after the last byte every part is read back from storage and hashed
 * in order (sha256, incremental) and compared with the expected sum: the
 * source's (pinned for the default models), else the Hugging Face Hub's file
 * metadata (`resolveHubMetadata`). On a mismatch the parts are deleted. With
 * no known sum the file is kept but the result says `verified: false`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { localModelStrings as T } from '../../strings/local-model';
import { formatBytes } from './format';

// ---------------------------------------------------------------------------
// Types

/** What to download. `sha256` (hex) and `size` (bytes) are checked when given. */
export type ModelSource = { id: string; url: string; sha256?: string; size?: number };

/** The part of a fetch Response this module reads; `Response` fits. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  json(): Promise<unknown>;
}

/** The part of `fetch` this module calls; the global `fetch` fits. */
export type FetchLike = (
  url: string,
  init: { headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<ResponseLike>;

/** Where the parts live (OPFS in the browser, memory in tests). */
export interface ModelStore {
  /** The stored parts of a model, in any order. */
  listParts(id: string): Promise<{ index: number; size: number }[]>;
  /** Writes (or replaces) one whole part. Throws a DOMException named QuotaExceededError when full. */
  writePart(id: string, index: number, data: Uint8Array): Promise<void>;
  readPart(id: string, index: number): Promise<Blob>;
  /** Removes every part of the model; no error when there is none. */
  remove(id: string): Promise<void>;
  /** Bytes stored for the model (what deleting it frees). */
  usage(id: string): Promise<number>;
}

export type DownloadProgress = {
  /** Bytes received (downloading; up to one part of it may still be in memory, see `storedBytes`) or hashed (verifying). */
  received: number;
  /** Size of the file, when known. */
  total?: number;
  /** Moving average over the last few seconds; undefined until there is one. */
  bytesPerSecond?: number;
  /** Undefined until there is a rate and a total. */
  secondsLeft?: number;
  phase: 'downloading' | 'verifying';
};

/** An incremental hash; `sha256.create()` from @noble/hashes fits. */
export type HashLike = { update(data: Uint8Array): unknown; digest(): Uint8Array };

export type DownloadDeps = {
  fetch: FetchLike;
  store: ModelStore;
  /** Abort to pause: the bytes received are kept, and the call fails with kind 'cancelled'. */
  signal?: AbortSignal;
  onProgress?(p: DownloadProgress): void;
  /** Called before each automatic reconnect. */
  onRetry?(info: { attempt: number; delayMs: number; error: unknown }): void;
  /** Milliseconds; default Date.now. */
  now?(): number;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  /** Reconnects in a row without any new byte before giving up (default 5). */
  retries?: number;
  /** Delay before reconnect number `attempt` (1, 2, ...); default 0.5 s doubling up to 15 s. */
  retryDelayMs?(attempt: number): number;
  /** A connection that delivers nothing for this long counts as broken (default 30 s). */
  stallTimeoutMs?: number;
  /** Bytes per stored part (default 16 MiB). Must stay the same between runs for one model. */
  partSize?: number;
  hash?(): HashLike;
  /** Free storage in bytes, when known (quota minus usage); checked before the download starts. */
  freeBytes?(): Promise<number | undefined>;
  /** Look up the Hub's sha256 and size when the source has no sha256 (default true). */
  hubMetadata?: boolean;
  /** Minimum milliseconds between progress events (default 200; the last one always comes). */
  progressIntervalMs?: number;
};

export type DownloadResult = {
  id: string;
  size: number;
  /** The sha256 of the stored file (hex), computed from the stored parts. */
  sha256: string;
  /** True when it matched a known sum; false when no sum was known. */
  verified: boolean;
};

export type DownloadErrorKind =
  | 'no-space'
  | 'no-network'
  | 'http'
  | 'checksum'
  | 'size-mismatch'
  | 'cancelled'
  | 'not-gguf'
  | 'storage';

export const DEFAULT_PART_SIZE = 16 * 1024 * 1024;

// ---------------------------------------------------------------------------
// Messages

/** Rounds a byte count up to a figure worth telling a person (10 MB steps under 100 MB, else 100 MB). */
function roundUpBytes(n: number): number {
  const step = n >= 1e8 ? 1e8 : 1e7;
  return Math.max(step, Math.ceil(n / step) * step);
}

/** 0.5 → "0,5". */
function decimalComma(n: number): string {
  return String(Number(n.toFixed(2))).replace('.', ',');
}

/** The words of src/strings/local-model.ts, with the sizes (bytes, GB) formatted here. */
function withSizes(t: typeof T) {
  return {
    ...t,
    noSpace: (needBytes = 0) => t.noSpace(needBytes > 0 ? formatBytes(roundUpBytes(needBytes)) : undefined),
    sizeMismatch: (expected: number, actual: number) => t.sizeMismatch(formatBytes(expected), formatBytes(actual)),
    tooLittleMemory: (haveGb: number, needGb: number) => t.tooLittleMemory(decimalComma(haveGb), decimalComma(needGb)),
    deleteLabel: (bytes: number) => t.deleteLabel(formatBytes(bytes)),
    deleted: (bytes: number) => t.deleted(formatBytes(bytes)),
  } as const;
}

/**
 * Every Nynorsk text about the on-device model: download errors, memory,
 * loading and deleting. One object, so the Nynorsk checker can go through it.
 * Marked pure so that a bundle that uses none of it (the engine) leaves the
 * words out, as it did when they were literals here.
 */
export const LOCAL_MODEL_MESSAGES = /* @__PURE__ */ withSizes(T);

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly kind: DownloadErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const M = LOCAL_MODEL_MESSAGES;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return T.someServer;
  }
}

function httpError(url: string, status: number): DownloadError {
  const host = hostOf(url);
  const message =
    status === 404
      ? M.notFound(host)
      : status === 401 || status === 403
        ? M.denied(host, status)
        : status >= 500 || status === 429 || status === 408
          ? M.serverError(host, status)
          : M.httpError(host, status);
  return new DownloadError('http', message, status);
}

function isQuotaError(e: unknown): boolean {
  const { name, code } = (e ?? {}) as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || code === 22 || code === 1014; // 1014: old Firefox NS_ERROR_DOM_QUOTA_REACHED
}

// ---------------------------------------------------------------------------
// Hugging Face Hub

export type HubFile = {
  repoType: 'models' | 'datasets' | 'spaces';
  repo: string;
  revision: string;
  path: string;
};

/**
 * https://huggingface.co/{owner}/{repo}/resolve/{rev}/{path} (also /blob/, and
 * /datasets/... or /spaces/... in front) → its parts; undefined for other URLs.
 */
export function parseHubUrl(url: string): HubFile | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.hostname !== 'huggingface.co') return undefined;
  let seg = u.pathname.split('/').slice(1);
  let repoType: HubFile['repoType'] = 'models';
  if (seg[0] === 'datasets' || seg[0] === 'spaces') {
    repoType = seg[0];
    seg = seg.slice(1);
  }
  const [owner, name, kind, rev, ...rest] = seg;
  if (!owner || !name || (kind !== 'resolve' && kind !== 'blob') || !rev || rest.length === 0 || rest.some((s) => !s)) {
    return undefined;
  }
  try {
    return {
      repoType,
      repo: `${decodeURIComponent(owner)}/${decodeURIComponent(name)}`,
      revision: decodeURIComponent(rev),
      path: rest.map((s) => decodeURIComponent(s)).join('/'),
    };
  } catch {
    return undefined;
  }
}

/** A Hub page link (/blob/) → its download link (/resolve/); other URLs unchanged. */
export function toDownloadUrl(url: string): string {
  const f = parseHubUrl(url);
  if (!f) return url;
  const u = new URL(url);
  u.pathname = u.pathname.replace(/^((?:\/datasets|\/spaces)?\/[^/]+\/[^/]+\/)blob\//, '$1resolve/');
  return u.toString();
}

/** The Hub API call behind huggingface_hub's `model_info(repo, revision=rev, files_metadata=True)`. */
export function hubMetadataUrl(f: HubFile): string {
  const repo = f.repo.split('/').map(encodeURIComponent).join('/');
  return `https://huggingface.co/api/${f.repoType}/${repo}/revision/${encodeURIComponent(f.revision)}?blobs=true`;
}

export type HubMetadata = { sha256?: string; size?: number };

/**
 * Reads `siblings[]` of a Hub API answer (`?blobs=true`): for the entry whose
 * `rfilename` is `path`, `lfs.sha256` (the file's sha256, for files in Git LFS)
 * and `lfs.size` or `size`. Undefined when the file is not listed.
 */
export function parseHubSiblings(body: unknown, path: string): HubMetadata | undefined {
  const siblings = (body as { siblings?: unknown } | null)?.siblings;
  if (!Array.isArray(siblings)) return undefined;
  const s = siblings.find((x: unknown) => (x as { rfilename?: unknown } | null)?.rfilename === path) as
    | { size?: unknown; lfs?: { sha256?: unknown; size?: unknown } | null }
    | undefined;
  if (!s) return undefined;
  const out: HubMetadata = {};
  const sha = s.lfs?.sha256;
  if (typeof sha === 'string' && /^[0-9a-f]{64}$/i.test(sha)) out.sha256 = sha.toLowerCase();
  const size = typeof s.lfs?.size === 'number' ? s.lfs.size : s.size;
  if (typeof size === 'number' && Number.isSafeInteger(size) && size >= 0) out.size = size;
  return out;
}

/**
 * sha256 and size of a Hugging Face file from the Hub API; undefined for other
 * URLs, files the API does not list, or an API error. Fails with 'no-network'
 * when the Hub cannot be reached (the download could not work either).
 */
export async function resolveHubMetadata(
  url: string,
  fetch: FetchLike,
  signal?: AbortSignal,
): Promise<HubMetadata | undefined> {
  const f = parseHubUrl(url);
  if (!f) return undefined;
  let res: ResponseLike;
  try {
    res = await fetch(hubMetadataUrl(f), { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (signal?.aborted) throw new DownloadError('cancelled', M.cancelled, undefined, { cause: e });
    throw new DownloadError('no-network', M.noNetwork('huggingface.co'), undefined, { cause: e });
  }
  if (res.status !== 200) return undefined;
  try {
    return parseHubSiblings(await res.json(), f.path);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Stored parts

/** Bytes already stored for a model, as a resume would count them. */
export async function storedBytes(store: ModelStore, id: string, partSize = DEFAULT_PART_SIZE): Promise<number> {
  const parts = validParts(await store.listParts(id), partSize);
  return parts ? parts.reduce((n, p) => n + p.size, 0) : 0;
}

/** Parts 0..n-1 with every part but the last full; undefined when the parts do not fit that. */
function validParts(parts: { index: number; size: number }[], partSize: number): { index: number; size: number }[] | undefined {
  const sorted = [...parts].sort((a, b) => a.index - b.index);
  for (const [i, p] of sorted.entries()) {
    if (p.index !== i || p.size <= 0 || p.size > partSize) return undefined;
    if (i < sorted.length - 1 && p.size !== partSize) return undefined;
  }
  return sorted;
}

/**
 * The stored model as one Blob, for loading (wllama takes `[blob]`; pass one
 * Blob, not the parts, which it would take for shards of a split GGUF).
 * `new Blob(parts)` is lazy over file-backed parts: nothing is copied here.
 */
export async function modelBlob(store: ModelStore, id: string): Promise<Blob> {
  const parts = (await store.listParts(id)).sort((a, b) => a.index - b.index);
  const blobs: Blob[] = [];
  for (const p of parts) blobs.push(await store.readPart(id, p.index));
  return new Blob(blobs, { type: 'application/octet-stream' });
}

const GGUF_MAGIC = [0x47, 0x47, 0x55, 0x46]; // "GGUF"

/** True when `head` starts with "GGUF", or (fewer than four bytes) could still. */
function isGguf(head: Uint8Array): boolean {
  return GGUF_MAGIC.every((b, i) => i >= head.length || head[i] === b);
}

// ---------------------------------------------------------------------------
// Rate

/** Bytes per second over the last `windowMs`; undefined until it spans half a second. */
class RateMeter {
  private samples: { t: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 5000) {}

  add(t: number, bytes: number): void {
    this.samples.push({ t, bytes });
    while (this.samples.length > 2 && t - this.samples[1]!.t >= this.windowMs) this.samples.shift();
  }

  rate(): number | undefined {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t - first.t < 500) return undefined;
    const r = ((last.bytes - first.bytes) * 1000) / (last.t - first.t);
    return r > 0 ? r : undefined;
  }
}

// ---------------------------------------------------------------------------
// Download

/** A broken connection: retried. */
class ConnectionLost extends Error {}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** "bytes 100-199/1000" → {start: 100, end: 199, total: 1000}; "bytes *\/1000" (a 416) → {total: 1000}. */
export function parseContentRange(v: string | null): { start?: number; end?: number; total?: number } | undefined {
  if (!v) return undefined;
  const m = /^\s*bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)\s*$/i.exec(v);
  if (!m) return undefined;
  return {
    start: m[1] !== undefined ? Number(m[1]) : undefined,
    end: m[2] !== undefined ? Number(m[2]) : undefined,
    total: m[3] !== '*' ? Number(m[3]) : undefined,
  };
}

/**
 * Downloads `source` into `deps.store` (resuming what is there), verifies it
 * and resolves with its size and sha256. Fails with a DownloadError whose
 * message is Nynorsk for the user.
 */
export async function downloadModel(source: ModelSource, deps: DownloadDeps): Promise<DownloadResult> {
  const { store, signal } = deps;
  const url = toDownloadUrl(source.url);
  const id = source.id;
  const partSize = deps.partSize ?? DEFAULT_PART_SIZE;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const retries = deps.retries ?? 5;
  const retryDelayMs = deps.retryDelayMs ?? ((n: number) => Math.min(500 * 2 ** (n - 1), 15_000));
  const stallTimeoutMs = deps.stallTimeoutMs ?? 30_000;
  const progressIntervalMs = deps.progressIntervalMs ?? 200;
  const host = hostOf(url);
  const cancelled = (cause?: unknown) => new DownloadError('cancelled', M.cancelled, undefined, { cause });

  if (signal?.aborted) throw cancelled(signal.reason);

  // Expected sum and size: the source's (pinned for the default models), else the Hub's.
  let expectedSha = source.sha256?.toLowerCase();
  let expectedSize = source.size;
  if (!expectedSha && deps.hubMetadata !== false) {
    const meta = await resolveHubMetadata(url, deps.fetch, signal);
    expectedSha = meta?.sha256;
    expectedSize ??= meta?.size;
  }

  const storeCall = async <T>(op: () => Promise<T>, needBytes?: () => number | undefined): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      if (e instanceof DownloadError) throw e;
      if (isQuotaError(e)) throw new DownloadError('no-space', M.noSpace(needBytes?.()), undefined, { cause: e });
      throw new DownloadError('storage', M.storage, undefined, { cause: e });
    }
  };

  // What is stored already.
  let parts = validParts(await storeCall(() => store.listParts(id)), partSize);
  if (!parts || parts.reduce((n, p) => n + p.size, 0) > (expectedSize ?? Infinity)) {
    await storeCall(() => store.remove(id));
    parts = [];
  }
  let total = expectedSize;
  /** Bytes in storage plus in `buffer`: the next byte to receive. */
  let offset = 0;
  let partIndex = 0;
  let buffer = new Uint8Array(partSize);
  let fill = 0;
  /** Bytes of `buffer` that are already in storage (a short part read back on resume). */
  let flushedFill = 0;

  const last = parts[parts.length - 1];
  if (last) {
    const head = new Uint8Array(await storeCall(async () => (await store.readPart(id, 0)).slice(0, 4).arrayBuffer()));
    if (!isGguf(head)) {
      await storeCall(() => store.remove(id));
      throw new DownloadError('not-gguf', M.notGguf);
    }
    const fullParts = last.size === partSize ? parts.length : parts.length - 1;
    partIndex = fullParts;
    offset = fullParts * partSize;
    if (last.size < partSize) {
      // A short last part: the end of the file, or a pause. Read it back and go on filling it.
      const data = new Uint8Array(await storeCall(async () => (await store.readPart(id, last.index)).arrayBuffer()));
      buffer.set(data.subarray(0, partSize));
      fill = flushedFill = data.length;
      offset += data.length;
    }
  }

  const resetAll = async () => {
    await storeCall(() => store.remove(id));
    offset = partIndex = fill = flushedFill = 0;
    buffer = new Uint8Array(partSize);
  };

  /** Bytes still to be written to storage. */
  const needBytes = () => (total !== undefined ? total - (offset - fill + flushedFill) : undefined);

  /** Writes the bytes in `buffer` not yet stored (pause, failure). */
  const flushPartial = async () => {
    if (fill > flushedFill) {
      await storeCall(() => store.writePart(id, partIndex, buffer.slice(0, fill)), needBytes);
      flushedFill = fill;
    }
  };

  // Progress.
  const meter = new RateMeter();
  let lastEmit = -Infinity;
  const emit = (phase: DownloadProgress['phase'], received: number, force: boolean, m = meter) => {
    const t = now();
    if (!force && t - lastEmit < progressIntervalMs) return;
    lastEmit = t;
    const bytesPerSecond = m.rate();
    const secondsLeft =
      bytesPerSecond !== undefined && total !== undefined ? Math.max(0, (total - received) / bytesPerSecond) : undefined;
    deps.onProgress?.({ received, total, bytesPerSecond, secondsLeft, phase });
  };

  const checkTotal = (t: number | undefined) => {
    if (t === undefined) return;
    if (expectedSize !== undefined && t !== expectedSize) {
      throw new DownloadError('size-mismatch', M.sizeMismatch(expectedSize, t));
    }
    if (total !== undefined && t !== total) throw new DownloadError('size-mismatch', M.sizeMismatch(total, t));
    total = t;
  };

  let spaceChecked = false;
  const checkSpace = async () => {
    if (spaceChecked || total === undefined || !deps.freeBytes) return;
    spaceChecked = true;
    const free = await deps.freeBytes();
    const need = total - offset;
    if (free !== undefined && free < need) throw new DownloadError('no-space', M.noSpace(need - free));
  };

  const complete = () => total !== undefined && offset === total;

  meter.add(now(), offset);
  emit('downloading', offset, true);
  await checkSpace();

  let failures = 0;
  while (!complete()) {
    if (signal?.aborted) {
      await flushPartial();
      throw cancelled(signal.reason);
    }
    const attempt = new AbortController();
    const onAbort = () => attempt.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let stall: ReturnType<typeof setTimeout> | undefined;
    const armStall = () => {
      clearTimeout(stall);
      stall = setTimeout(() => attempt.abort(new ConnectionLost('stalled')), stallTimeoutMs);
    };
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const startOffset = offset;
    let progressed = false;
    try {
      const headers: Record<string, string> = {};
      if (offset > 0) headers.Range = `bytes=${offset}-`;
      armStall();
      let res: ResponseLike;
      try {
        res = await deps.fetch(url, { headers, signal: attempt.signal });
      } catch (e) {
        throw new ConnectionLost('fetch failed', { cause: e });
      }
      const encoded = !!res.headers.get('content-encoding') && res.headers.get('content-encoding') !== 'identity';
      const length = encoded ? undefined : toInt(res.headers.get('content-length'));

      if (res.status === 416 && offset > 0) {
        // Nothing after what we have: complete if the server's size says so.
        const cr = parseContentRange(res.headers.get('content-range'));
        const t = cr?.total ?? total;
        if (t === offset) {
          checkTotal(t);
          break;
        }
        await resetAll();
        continue;
      }
      if (res.status === 200) {
        if (offset > 0) await resetAll(); // the server ignored Range: start again from byte 0
        checkTotal(length);
      } else if (res.status === 206) {
        const cr = parseContentRange(res.headers.get('content-range'));
        if (cr?.start !== undefined && cr.start !== offset) {
          await resetAll(); // not the bytes we asked for: start again from byte 0
          throw new ConnectionLost(`asked for byte ${startOffset}, got ${cr.start}`);
        }
        checkTotal(cr?.total ?? (length !== undefined ? offset + length : undefined));
      } else if (res.status >= 500 || res.status === 429 || res.status === 408) {
        throw new ConnectionLost(`HTTP ${res.status}`, { cause: httpError(url, res.status) });
      } else {
        throw httpError(url, res.status);
      }
      await checkSpace();
      if (!res.body) throw new ConnectionLost('no body');

      reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armStall();
        progressed ||= value.length > 0;
        let chunk = value;
        if (total !== undefined && offset + chunk.length > total) {
          throw new DownloadError('size-mismatch', M.sizeMismatch(total, offset + chunk.length));
        }
        while (chunk.length > 0) {
          const n = Math.min(chunk.length, partSize - fill);
          buffer.set(chunk.subarray(0, n), fill);
          fill += n;
          offset += n;
          chunk = chunk.subarray(n);
          if (partIndex === 0 && fill - n < 4 && !isGguf(buffer.subarray(0, fill))) {
            await storeCall(() => store.remove(id));
            throw new DownloadError('not-gguf', M.notGguf);
          }
          if (fill === partSize) {
            await storeCall(() => store.writePart(id, partIndex, buffer), needBytes);
            partIndex++;
            buffer = new Uint8Array(partSize);
            fill = flushedFill = 0;
          }
        }
        meter.add(now(), offset);
        emit('downloading', offset, false);
      }
      if (total === undefined) total = offset; // no length given: the end of the stream is the end of the file
      if (offset < total) throw new ConnectionLost('ended early');
    } catch (e) {
      const userAbort = signal?.aborted === true;
      if (e instanceof DownloadError && !userAbort) {
        if (e.kind !== 'not-gguf' && e.kind !== 'no-space') await flushPartial().catch(() => {});
        throw e;
      }
      if (userAbort) {
        await flushPartial();
        throw cancelled(e);
      }
      // A broken connection: keep what arrived, and go again from there.
      await flushPartial();
      if (progressed) failures = 0;
      failures++;
      if (failures > retries) {
        const cause = e instanceof ConnectionLost ? (e.cause ?? e) : e;
        if (cause instanceof DownloadError) throw cause;
        throw new DownloadError('no-network', M.noNetwork(host), undefined, { cause: e });
      }
      const delayMs = retryDelayMs(failures);
      deps.onRetry?.({ attempt: failures, delayMs, error: e });
      await sleep(delayMs, signal);
    } finally {
      clearTimeout(stall);
      signal?.removeEventListener('abort', onAbort);
      if (reader) reader.cancel().catch(() => {});
    }
  }

  if (offset < GGUF_MAGIC.length) {
    await storeCall(() => store.remove(id));
    throw new DownloadError('not-gguf', M.notGguf);
  }
  // The last, short part.
  await flushPartial();
  const size = offset;
  emit('downloading', size, true);

  // Verify: hash what is stored, in order.
  const hash = deps.hash ? deps.hash() : sha256.create();
  const stored = validParts(await storeCall(() => store.listParts(id)), partSize);
  if (!stored || stored.reduce((n, p) => n + p.size, 0) !== size) {
    await storeCall(() => store.remove(id));
    throw new DownloadError('checksum', M.checksum);
  }
  const verifyMeter = new RateMeter();
  let hashed = 0;
  verifyMeter.add(now(), 0);
  emit('verifying', 0, true, verifyMeter);
  for (const p of stored) {
    if (signal?.aborted) throw cancelled(signal.reason);
    const data = new Uint8Array(await storeCall(async () => (await store.readPart(id, p.index)).arrayBuffer()));
    hash.update(data);
    hashed += data.length;
    verifyMeter.add(now(), hashed);
    emit('verifying', hashed, p === stored[stored.length - 1], verifyMeter);
  }
  const actual = bytesToHex(hash.digest());
  if (expectedSha && actual !== expectedSha) {
    await storeCall(() => store.remove(id));
    throw new DownloadError('checksum', M.checksum);
  }
  return { id, size, sha256: actual, verified: !!expectedSha };
}

function toInt(v: string | null): number | undefined {
  if (v === null || !/^\s*\d+\s*$/.test(v)) return undefined;
  return Number(v);
}
