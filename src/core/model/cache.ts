/**
 * The model-card cache: a card once written for an article, model and set
 * of preferences opens instantly and costs nothing. It sits on an injectable
 * key-value store (storage.local in the extension, a Map in tests and the
 * CLI), is bounded (least recently used out first) and can be cleared.
 */
import type { Article, Card } from '../types';
import { validateCard } from '../validate';
import type { ModelConfig } from './types';

/** The storage the cache needs: JSON values by string key (test seam). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key the store holds, so that entries the index lost can be found and removed. */
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

export type ModelCacheOptions = { maxEntries?: number; prefix?: string };

export const DEFAULT_CACHE_ENTRIES = 100;

/** A bounded LRU cache of model cards over a KeyValueStore. */
export class ModelCache {
  private readonly store: KeyValueStore;
  private readonly max: number;
  private readonly prefix: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(store: KeyValueStore, opts: ModelCacheOptions = {}) {
    this.store = store;
    this.max = Math.max(1, opts.maxEntries ?? DEFAULT_CACHE_ENTRIES);
    this.prefix = opts.prefix ?? 'modelCard:';
  }

  private get indexKey() {
    return `${this.prefix}index`;
  }

  /** Runs index updates one after another so concurrent calls do not lose entries. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async index(): Promise<string[]> {
    const v = await this.store.get(this.indexKey);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
  }

  /** The cached card, or undefined; a hit becomes the most recently used. An invalid entry is removed. */
  get(key: string, paragraphCount?: number): Promise<Card | undefined> {
    return this.serial(async () => {
      const v = await this.store.get(this.prefix + key);
      if (v === undefined) return undefined;
      const check = validateCard(v, paragraphCount);
      const idx = (await this.index()).filter((k) => k !== key);
      if (!check.ok) {
        await this.store.remove(this.prefix + key);
        await this.store.set(this.indexKey, idx);
        return undefined;
      }
      await this.store.set(this.indexKey, [...idx, key]);
      return check.card;
    });
  }

  /**
   * Stores a card; the least recently used entries go when there are more
   * than maxEntries, and so do orphans (entries under the prefix that the
   * index lost, say to a write from another extension context).
   */
  set(key: string, card: Card): Promise<void> {
    return this.serial(async () => {
      await this.store.set(this.prefix + key, card);
      const idx = [...(await this.index()).filter((k) => k !== key), key];
      const evicted = idx.splice(0, Math.max(0, idx.length - this.max));
      for (const k of evicted) await this.store.remove(this.prefix + k);
      await this.store.set(this.indexKey, idx);
      const kept = new Set(idx.map((k) => this.prefix + k));
      for (const k of await this.storedKeys()) if (!kept.has(k)) await this.store.remove(k);
    });
  }

  /** The store's keys of cached cards (the index itself excluded); none when the store cannot list them. */
  private async storedKeys(): Promise<string[]> {
    if (!this.store.keys) return [];
    return (await this.store.keys()).filter((k) => k.startsWith(this.prefix) && k !== this.indexKey);
  }

  /** Removes one entry ("Lag på nytt" may call it before regenerating). */
  remove(key: string): Promise<void> {
    return this.serial(async () => {
      await this.store.remove(this.prefix + key);
      await this.store.set(this.indexKey, (await this.index()).filter((k) => k !== key));
    });
  }

  /** The keys held, least recently used first. */
  keys(): Promise<string[]> {
    return this.serial(() => this.index());
  }

  /**
   * Empties the cache (the options page's "Slett alle lagra samandrag"):
   * every entry under the prefix, also those the index does not list.
   */
  clear(): Promise<void> {
    return this.serial(async () => {
      for (const k of await this.index()) await this.store.remove(this.prefix + k);
      for (const k of await this.storedKeys()) await this.store.remove(k);
      await this.store.remove(this.indexKey);
    });
  }
}
