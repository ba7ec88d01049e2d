/**
 * The model-card cache: a card once written for an article, model and set
 * of preferences opens instantly and costs nothing. It sits on an injectable
 * key-value store (storage.local in the extension, a Map in tests and the
 * CLI), is bounded by entries and by bytes (least recently used out first)
 * and can be cleared.
 *
 * An index key lists the entries, least recently used first, with the bytes
 * each takes, so a write reads one key, never the whole store. A card is
 * validated (and so put in NFC) before it is stored; one that is refused,
 * larger than the whole budget, or that the store will not take even after
 * the oldest entries made room, is not cached: the write rejects, is logged,
 * and a note in the index tells the options page. Keys outside the prefix
 * (settings, API keys) are never touched.
 */
import * as v from 'valibot';
import { validItems } from '../schema/common';
import type { Article, Card } from '../types';
import { validateCard } from '../validate';
import type { ModelConfig } from './types';

/** The storage the cache needs: JSON values by string key (test seam). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Writes several keys in one call, all or none (storage.local.set with several items). */
  setMany?(items: Record<string, unknown>): Promise<void>;
  /** Every key the store holds, so that clear() finds entries the index lost; never used by a write. */
  keys?(): Promise<string[]>;
}

/** An in-memory KeyValueStore (tests, CLI). Values are copied as JSON, like storage.local does. */
export function memoryStore(): KeyValueStore & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: async (k) => {
      const v = map.get(k);
      return v === undefined ? undefined : (JSON.parse(v) as unknown);
    },
    set: async (k, v) => void map.set(k, JSON.stringify(v)),
    setMany: async (items) => {
      const json = Object.entries(items).map(([k, v]) => [k, JSON.stringify(v)] as const);
      for (const [k, v] of json) map.set(k, v);
    },
    remove: async (k) => void map.delete(k),
    keys: async () => [...map.keys()],
  };
}

/** FNV-1a, 64 bit, as 16 hex digits: the fallback hash when crypto.subtle is absent. */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** SHA-256 of the text as hex (crypto.subtle, in Node 20 and in extensions), else FNV-1a 64. */
export async function hashText(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return fnv1a64(text);
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The cache key of an article for a model and preferences. */
export async function modelCacheKey(article: Article, config: Pick<ModelConfig, 'provider' | 'model' | 'prefs'>): Promise<string> {
  const textHash = await hashText([article.title, ...article.paragraphs].join('\n'));
  const { infinitive, pronoun, length } = config.prefs;
  return hashText(JSON.stringify([article.canonicalUrl || article.url, textHash, config.provider, config.model, infinitive, pronoun, length]));
}

export type ModelCacheOptions = { maxEntries?: number; maxBytes?: number; prefix?: string };

export const DEFAULT_CACHE_ENTRIES = 100;
/** 4 MB: well inside Chrome's 10 MB storage.local quota, which the settings, the keys and the on-device model's record share. */
export const DEFAULT_CACHE_BYTES = 4 * 1024 * 1024;
/** What one entry adds to the index (its key and size), counted with the entry. */
const INDEX_ENTRY_BYTES = 96;
/** Rounds of "evict the oldest, write again" after a quota error before the write gives up. */
const QUOTA_ROUNDS = 3;

const utf8 = new TextEncoder();

/** The bytes an entry takes in storage.local: key and JSON value, in UTF-8 (how Chrome counts its quota). */
export function entryBytes(key: string, value: unknown): number {
  return utf8.encode(key).length + utf8.encode(JSON.stringify(value) ?? '').length;
}

/** A storage write refused for want of room (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError). */
export function isQuotaError(e: unknown): boolean {
  const name = e && typeof e === 'object' ? (e as { name?: unknown }).name : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return name === 'QuotaExceededError' || /quota/i.test(message);
}

/** What the options page is told about the last write that did not go as planned; unknown keys are dropped. */
const CacheNoteSchema = v.object({
  /** evicted: storage was full, so the oldest entries went to make room; failed: the card was not cached. */
  kind: v.picklist(['evicted', 'failed']),
  /** ISO time. */
  at: v.string(),
  /** The store's or the check's message (never card text). */
  message: v.string(),
});

export type CacheNote = v.InferOutput<typeof CacheNoteSchema>;

export type CacheStatus = { count: number; bytes: number; maxEntries: number; maxBytes: number; note?: CacheNote };

/** A cache write that did not happen; the message says why. */
export class CacheWriteError extends Error {
  override name = 'CacheWriteError';
}

/** One entry of a stored index, [key, bytes]: read as { k, b }, a negative size as 0. */
const IndexEntrySchema = v.pipe(
  v.tuple([v.string(), v.pipe(v.number(), v.finite())]),
  v.transform(([k, b]) => ({ k, b: Math.max(0, b) })),
);

type Entry = v.InferOutput<typeof IndexEntrySchema>;
type Index = { entries: Entry[]; note?: CacheNote };

/** The first entry of each key (a later one with the same key is a stray). */
const firstOfEachKey = (entries: Entry[]) => {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.k) && !!seen.add(e.k));
};

/** A version-1 index: the keys, least recently used first (anything else in the list is skipped, and a key's repeats). */
const IndexV1Schema = v.pipe(validItems(v.string()), v.transform((keys) => [...new Set(keys)]));

/** The stored index, version 2: broken entries (and a key's repeats) are skipped, a broken note is dropped, the rest is kept. */
const IndexV2Schema = v.object({
  v: v.literal(2),
  entries: v.pipe(validItems(IndexEntrySchema), v.transform(firstOfEachKey)),
  note: v.fallback(v.optional(CacheNoteSchema), undefined),
});

/** The index as it is written (IndexV2Schema reads it back). */
type StoredIndex = { v: 2; entries: [string, number][]; note?: CacheNote };

const total = (entries: readonly Entry[]) => entries.reduce((n, e) => n + e.b, 0);
const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

/** A bounded LRU cache of model cards over a KeyValueStore. */
export class ModelCache {
  private readonly store: KeyValueStore;
  private readonly max: number;
  private readonly maxBytes: number;
  private readonly prefix: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(store: KeyValueStore, opts: ModelCacheOptions = {}) {
    this.store = store;
    this.max = Math.max(1, opts.maxEntries ?? DEFAULT_CACHE_ENTRIES);
    this.maxBytes = Math.max(1, opts.maxBytes ?? DEFAULT_CACHE_BYTES);
    this.prefix = opts.prefix ?? 'modelCard:';
  }

  private get indexKey() {
    return `${this.prefix}index`;
  }

  /** Runs index updates one after another so concurrent calls do not lose entries. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    // The queue never rejects (the catch), so fn runs after the call before it whether that one failed or not.
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private entrySize(key: string, value: unknown): number {
    return entryBytes(this.prefix + key, value) + INDEX_ENTRY_BYTES;
  }

  /**
   * The index. A version-1 index (an array of keys) is read as it is; with
   * `measure`, each of its entries is read once to learn its size (entries
   * that are gone are left out).
   */
  private async index(measure = false): Promise<Index> {
    const raw = await this.store.get(this.indexKey);
    const v1 = v.safeParse(IndexV1Schema, raw);
    if (v1.success) {
      const keys = v1.output;
      if (!measure) return { entries: keys.map((k) => ({ k, b: 0 })) };
      const entries: Entry[] = [];
      for (const k of keys) {
        const value = await this.store.get(this.prefix + k);
        if (value !== undefined) entries.push({ k, b: this.entrySize(k, value) });
      }
      return { entries };
    }
    const v2 = v.safeParse(IndexV2Schema, raw, { abortEarly: true });
    if (!v2.success) return { entries: [] };
    const { entries, note } = v2.output;
    return { entries, ...(note ? { note } : {}) };
  }

  private stored(index: Index): StoredIndex {
    return { v: 2, entries: index.entries.map((e) => [e.k, e.b]), ...(index.note ? { note: index.note } : {}) };
  }

  private writeIndex(index: Index): Promise<void> {
    return this.store.set(this.indexKey, this.stored(index));
  }

  /** Writes the card and the index that lists it: in one call where the store can, else card first. */
  private async writeEntry(key: string, value: unknown, index: Index): Promise<void> {
    if (this.store.setMany) return this.store.setMany({ [this.prefix + key]: value, [this.indexKey]: this.stored(index) });
    await this.store.set(this.prefix + key, value);
    await this.writeIndex(index);
  }

  /** The cached card, or undefined; a hit becomes the most recently used. An invalid entry is removed. */
  get(key: string, paragraphCount?: number): Promise<Card | undefined> {
    return this.serial(async () => {
      const v = await this.store.get(this.prefix + key);
      const index = await this.index();
      const others = index.entries.filter((e) => e.k !== key);
      if (v === undefined) {
        if (others.length !== index.entries.length) await this.writeIndex({ ...index, entries: others });
        return undefined;
      }
      const check = validateCard(v, paragraphCount);
      if (!check.ok) {
        await this.store.remove(this.prefix + key);
        await this.writeIndex({ ...index, entries: others });
        return undefined;
      }
      const mine = index.entries.find((e) => e.k === key) ?? { k: key, b: this.entrySize(key, v) };
      // Recency is worth less than the card: a failed index write still returns it.
      await this.writeIndex({ ...index, entries: [...others, mine] }).catch((e: unknown) =>
        console.warn('Nynorsk-kort: model cache index not updated', errorMessage(e)),
      );
      return check.card;
    });
  }

  /**
   * Stores a card (validated first, and in NFC). The least recently used
   * entries go when there would be more than maxEntries or more than
   * maxBytes. When the store still has no room (a quota error), the oldest
   * entries go and the write is tried again, a few rounds at most. A card
   * that is refused, larger than maxBytes, or that does not fit even so is
   * not cached: the promise rejects with a CacheWriteError, the failure is
   * logged, and the index keeps a note of it for the options page.
   */
  set(key: string, card: Card): Promise<void> {
    return this.serial(async () => {
      const check = validateCard(card);
      if (!check.ok) return this.fail(`card refused: ${check.errors.join(', ')}`);
      const value = check.card;
      const bytes = this.entrySize(key, value);
      if (bytes > this.maxBytes) return this.fail(`card too large to cache: ${bytes} bytes, the cache holds ${this.maxBytes}`);
      const index = await this.index(true);
      // What the store holds under the prefix, for the index written if the write fails.
      const present = new Set(index.entries.map((e) => e.k));
      const keep = index.entries.filter((e) => e.k !== key);
      const drop: Entry[] = [];
      while (keep.length + 1 > this.max || total(keep) + bytes > this.maxBytes) drop.push(keep.shift()!);
      let note = index.note?.kind === 'failed' ? undefined : index.note;
      for (let round = 0; ; round++) {
        try {
          await this.writeEntry(key, value, { entries: [...keep, { k: key, b: bytes }], ...(note ? { note } : {}) });
          break;
        } catch (e) {
          if (!isQuotaError(e) || round >= QUOTA_ROUNDS || (!drop.length && !keep.length)) {
            const left = index.entries.filter((x) => present.has(x.k));
            return this.fail(`could not store the card: ${errorMessage(e)}`, left, e);
          }
          // Make room: what the budget drops anyway, else the oldest entries worth the new card's size.
          const freed = drop.splice(0);
          while (!freed.length || (keep.length && total(freed) < bytes)) freed.push(keep.shift()!);
          for (const x of freed) {
            await this.store.remove(this.prefix + x.k);
            present.delete(x.k);
          }
          note = { kind: 'evicted', at: new Date().toISOString(), message: errorMessage(e) };
          console.warn(`Nynorsk-kort: storage full; removed ${freed.length} cached card(s) to make room`, note.message);
        }
      }
      for (const x of drop) await this.store.remove(this.prefix + x.k);
    });
  }

  /** Logs a write that did not happen, notes it in the index (best effort) and rejects. */
  private async fail(message: string, entries?: Entry[], cause?: unknown): Promise<never> {
    console.error('Nynorsk-kort: model cache write failed:', message);
    const note: CacheNote = { kind: 'failed', at: new Date().toISOString(), message: message.slice(0, 300) };
    try {
      const index = entries ? { entries } : await this.index();
      await this.writeIndex({ entries: index.entries, note });
    } catch (e) {
      console.error('Nynorsk-kort: model cache note not written:', errorMessage(e));
    }
    throw new CacheWriteError(message, cause === undefined ? undefined : { cause });
  }

  /** Removes one entry ("Lag på nytt" may call it before regenerating). */
  remove(key: string): Promise<void> {
    return this.serial(async () => {
      await this.store.remove(this.prefix + key);
      const index = await this.index();
      await this.writeIndex({ ...index, entries: index.entries.filter((e) => e.k !== key) });
    });
  }

  /** The keys held, least recently used first. */
  keys(): Promise<string[]> {
    return this.serial(async () => (await this.index()).entries.map((e) => e.k));
  }

  /** How many cards are held and how many bytes they take, the bounds, and the note of the last write that did not go as planned. */
  status(): Promise<CacheStatus> {
    return this.serial(async () => {
      const index = await this.index(true);
      return {
        count: index.entries.length,
        bytes: total(index.entries),
        maxEntries: this.max,
        maxBytes: this.maxBytes,
        ...(index.note ? { note: index.note } : {}),
      };
    });
  }

  /** The store's keys of cached cards (the index itself excluded); none when the store cannot list them. */
  private async storedKeys(): Promise<string[]> {
    if (!this.store.keys) return [];
    return (await this.store.keys()).filter((k) => k.startsWith(this.prefix) && k !== this.indexKey);
  }

  /**
   * Empties the cache (the options page's "Slett alle lagra samandrag"):
   * every entry under the prefix, also those the index does not list, and
   * the index with its note.
   */
  clear(): Promise<void> {
    return this.serial(async () => {
      for (const e of (await this.index()).entries) await this.store.remove(this.prefix + e.k);
      for (const k of await this.storedKeys()) await this.store.remove(k);
      await this.store.remove(this.indexKey);
    });
  }
}
