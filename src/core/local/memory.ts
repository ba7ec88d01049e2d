/**
 * Whether this machine has memory enough for an on-device model, and which
 * Nynorsk message a failed load gets. Pure logic: the caller passes
 * `navigator.deviceMemory` (Chromium only; undefined in Firefox).
 */
import { LOCAL_MODEL_MESSAGES } from './download';

const GiB = 1024 ** 3;

/** What a model of this size needs in all (weights, context, runtime): 2.5 × the file, in whole GB, at least 1. */
export function requiredMemoryGb(modelBytes: number, minGb = 0): number {
  return Math.max(1, Math.round((modelBytes * 2.5) / GiB), minGb);
}

export type MemoryCheck =
  | { ok: true; requiredGb: number }
  | { ok: false; requiredGb: number; reason: string };

/**
 * Refuses up front when the browser says there is too little memory.
 * `navigator.deviceMemory` is rounded down to a power of two and capped
 * (0.25, 0.5, 1, 2, 4, 8), so a machine that reports 4 has 4 to 8 GB: the
 * need is compared with the power of two at or below it. So the 1B model
 * (808 MB, needs about 2 GB) is refused at 1 GB and below, and the 3B model
 * (2.02 GB, needs about 5 GB) at 2 GB and below, that is under 4 GB.
 * `minGb` raises the need for a model known to want more.
 * Unknown memory (Firefox, Safari) → allowed; a failed allocation when loading
 * is the fallback (see `describeLoadFailure`).
 */
export function checkMemory(opts: { deviceMemoryGb?: number; modelBytes: number; minGb?: number }): MemoryCheck {
  const requiredGb = requiredMemoryGb(opts.modelBytes, opts.minGb);
  const have = opts.deviceMemoryGb;
  if (have === undefined || !Number.isFinite(have) || have <= 0) return { ok: true, requiredGb };
  const bucket = Math.min(8, 2 ** Math.floor(Math.log2(requiredGb)));
  if (have >= bucket) return { ok: true, requiredGb };
  return { ok: false, requiredGb, reason: LOCAL_MODEL_MESSAGES.tooLittleMemory(have, requiredGb) };
}

const OUT_OF_MEMORY =
  /out of memory|\boom\b|allocation failed|could not allocate|cannot allocate|failed to allocate|cannot enlarge memory|failed to grow memory|memory\.grow|unable to allocate/i;

/**
 * The message of a thrown value that is not an Error (another realm's error object, a plain object), or ''.
 * (A number, boolean or bigint, or such a message, could never read as running out of memory.)
 */
function messageOf(err: NonNullable<unknown>): string {
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}

/** True for an error that says memory ran out (V8, SpiderMonkey, Emscripten/WebAssembly, llama.cpp). */
export function isOutOfMemory(err: unknown): boolean {
  if (err === null || err === undefined) return false;
  const text = typeof err === 'string' ? err : err instanceof Error ? `${err.name}: ${err.message}` : messageOf(err);
  return OUT_OF_MEMORY.test(text);
}
