/**
 * The model-card cache in storage.local. The background reads, writes and
 * clears it (the options page's "Slett alle lagra samandrag" arrives as the
 * message 'model-cache:clear'); the options page only reads its status.
 */
import { ModelCache, type KeyValueStore } from './core/model/cache';

/** One storage area as the extension contexts use it (test seam). */
export type StorageArea = {
  /** `null` reads the whole area (storage.local.get(null)). */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Every key without the values (Chrome 130+); clear() uses it where it exists, else get(null). */
  getKeys?(): Promise<string[]>;
};

/** The storage.local key prefix of cached model cards. */
export const MODEL_CACHE_PREFIX = 'modelCard:';

/**
 * storage.local as the cache's KeyValueStore. A card and the index go in one
 * set() call, which Chrome and Firefox write whole or not at all. Listing
 * every key (get(null) where getKeys is missing) is for clear() only: a write
 * reads the index key and nothing else.
 */
export function localStore(local: StorageArea): KeyValueStore {
  return {
    get: async (k) => (await local.get(k))[k],
    set: (k, v) => local.set({ [k]: v }),
    setMany: (items) => local.set(items),
    remove: (k) => local.remove(k),
    keys: async () => (local.getKeys ? local.getKeys() : Object.keys(await local.get(null))),
  };
}

const caches = new WeakMap<StorageArea, ModelCache>();

/**
 * The model cache in storage.local: one instance per storage area and
 * context, so that its serialised index updates order the work of every
 * caller in that context (tabs, ports, the options page's clear) instead of
 * each caller's own. Only the background changes the cache: an instance in
 * another context (the options page reads the status with its own) is not
 * ordered with the background's, so it must never write or clear.
 */
export function modelCache(local: StorageArea): ModelCache {
  let cache = caches.get(local);
  if (!cache) {
    cache = new ModelCache(localStore(local), { prefix: MODEL_CACHE_PREFIX });
    caches.set(local, cache);
  }
  return cache;
}
