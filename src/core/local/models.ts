/**
 * The on-device models the options page offers, and what the extension
 * remembers of the one the reader installed. Pure data and checks: the
 * options page, the background and the engine host read the same shapes.
 */

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

/** What storage.local remembers of the reader's model. */
export type LocalModelRecord = {
  id: string;
  url: string;
  /** Total bytes (once the server said). */
  size?: number;
  /** Bytes safely stored so far. */
  received: number;
  sha256?: string;
  /** Whether the stored file was checked against a known sha256. */
  verified: boolean;
  status: 'partial' | 'installed';
  updatedAt: string;
};

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Reads the record from storage; anything malformed is treated as no model. */
export function parseLocalModelRecord(v: unknown): LocalModelRecord | null {
  if (!isObj(v)) return null;
  if (typeof v.id !== 'string' || typeof v.url !== 'string' || modelIdFromUrl(v.url) === null) return null;
  if (!isCount(v.received) || (v.size !== undefined && !isCount(v.size))) return null;
  if (v.status !== 'partial' && v.status !== 'installed') return null;
  if (typeof v.verified !== 'boolean' || typeof v.updatedAt !== 'string') return null;
  if (v.sha256 !== undefined && (typeof v.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(v.sha256))) return null;
  return {
    id: v.id,
    url: v.url,
    received: v.received,
    verified: v.verified,
    status: v.status,
    updatedAt: v.updatedAt,
    ...(v.size !== undefined ? { size: v.size } : {}),
    ...(v.sha256 !== undefined ? { sha256: v.sha256 } : {}),
  };
}
