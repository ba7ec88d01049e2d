/**
 * The on-device models the options page offers, and what the extension
 * remembers of the one the reader installed. Pure data and checks: the
 * options page, the background and the engine host read the same shapes.
 */
import * as v from 'valibot';
import { parser, plainObject, withoutUndefined } from '../schema/common';

/** A model the reader can install with one click. Sizes are what the hub lists; the download reports the exact one. */
export type LocalModelChoice = {
  id: string;
  label: string;
  url: string;
  /** Approximate size in bytes, shown before the download starts. */
  approxBytes: number;
  /** sha256 of the file where we have it pinned; otherwise the hub's metadata is read at install time. */
  sha256?: string;
  licence: string;
};

/**
 * NbAiLab's NB-Llama 3.2 models (Bokmål, Nynorsk and English), Q4_K_M. The
 * URLs pin the hub revision, so the bytes behind them never change.
 */
export const LOCAL_MODELS: readonly LocalModelChoice[] = [
  {
    id: 'nb-llama-3.2-1b-instruct-q4_k_m',
    label: 'NB-Llama 3.2 1B Instruct (Q4_K_M)',
    url: 'https://huggingface.co/NbAiLab/nb-llama-3.2-1B-Instruct-Q4_K_M-GGUF/resolve/2631b2f2ee1d60ec2490ab88930093ff51137d7d/nb-llama-3.2-1b-instruct-q4_k_m.gguf',
    approxBytes: 808_000_000,
    licence: 'Llama 3.2 Community License',
  },
  {
    id: 'nb-llama-3.2-3b_1200-q4_k_m',
    label: 'NB-Llama 3.2 3B (Q4_K_M)',
    url: 'https://huggingface.co/NbAiLab/nb-llama-3.2-3B-Q4_K_M-GGUF/resolve/d78fa0ee7d0f0267fadbccd6ad0f8b24502035c2/nb-llama-3.2-3b_1200-q4_k_m.gguf',
    approxBytes: 2_020_000_000,
    licence: 'Llama 3.2 Community License',
  },
];

export const DEFAULT_LOCAL_MODEL_URL = LOCAL_MODELS[0]!.url;

/** The attribution the Llama 3.2 Community License asks for, shown where the model is offered. */
export const LLAMA_ATTRIBUTION = 'Built with Llama';

/** The endpoint the on-device model's config carries (ModelConfig.endpoint); its requests never leave the browser. */
export const LOCAL_ENDPOINT = 'nynorsk-kort-engine://local';

/** storage.local key of the installed model's record. */
export const LOCAL_MODEL_KEY = 'localModel';

/** A model id from its URL: the file name without `.gguf`, lower-case, safe as a folder name. */
export function modelIdFromUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const file = decodeURIComponent(u.pathname.split('/').pop() ?? '');
  const m = /^(.+)\.gguf$/i.exec(file);
  if (!m) return null;
  const id = m[1]!.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').slice(0, 120);
  return id || null;
}

const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** What storage.local remembers of the reader's model; unknown keys are dropped. */
const LocalModelRecordSchema = v.pipe(
  plainObject,
  v.object({
    id: v.string(),
    /** The GGUF file's URL (one modelIdFromUrl reads). */
    url: v.pipe(v.string(), v.check((url) => modelIdFromUrl(url) !== null)),
    /** Total bytes (once the server said). */
    size: v.optional(count),
    /** Bytes safely stored so far. */
    received: count,
    sha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
    /** Whether the stored file was checked against a known sha256. */
    verified: v.boolean(),
    status: v.picklist(['partial', 'installed']),
    updatedAt: v.string(),
  }),
  v.transform(withoutUndefined),
);

export type LocalModelRecord = v.InferOutput<typeof LocalModelRecordSchema>;

/** Reads the record from storage; anything malformed is treated as no model. */
export const parseLocalModelRecord = parser(LocalModelRecordSchema);
