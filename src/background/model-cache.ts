/**
 * The model-card cache in storage.local, shared by the background (read and
 * write) and the options page (count and clear), so both use one prefix.
 */
import { ModelCache, type KeyValueStore } from '../core/model/cache';

/** One storage area as the extension contexts use it (test seam). */
export type StorageArea = {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
};

/** The storage.local key prefix of cached model cards. */
export const MODEL_CACHE_PREFIX = 'modelCard:';

/** storage.local as the cache's KeyValueStore. */
export function localStore(local: StorageArea): KeyValueStore {
  return {
    get: async (k) => (await local.get(k))[k],
    set: (k, v) => local.set({ [k]: v }),
    remove: (k) => local.remove(k),
  };
}

/** The model cache in storage.local. */
export const modelCache = (local: StorageArea) => new ModelCache(localStore(local), { prefix: MODEL_CACHE_PREFIX });
