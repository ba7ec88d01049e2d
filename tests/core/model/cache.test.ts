import { describe, expect, it, vi } from 'vitest';
import { CacheWriteError, DEFAULT_CACHE_BYTES, entryBytes, fnv1a64, hashText, memoryStore, ModelCache, modelCacheKey, type KeyValueStore } from '../../../src/core/model/cache';
import { DEFAULT_PREFS } from '../../../src/core/model/types';
import type { Card } from '../../../src/core/types';
import { TEST_ARTICLE } from '../../../support/model-server';
import { sampleCard } from '../../ui/sample-card';

const card = (title: string): Card => ({ ...sampleCard(), title, engine: { kind: 'model', model: 'm' } });

describe('ModelCache', () => {
  it('evicts the least recently used entry beyond maxEntries; a read counts as use', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store, { maxEntries: 2 });
    await cache.set('a', card('A'));
    await cache.set('b', card('B'));
    expect((await cache.get('a'))?.title).toBe('A');
    await cache.set('c', card('C'));
    expect(await cache.keys()).toEqual(['a', 'c']);
    expect(await cache.get('b')).toBeUndefined();
    expect(store.map.has('modelCard:b')).toBe(false);
  });
  it('a key set again holds the new card and counts as the most recent, once', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store, { maxEntries: 2 });
    await cache.set('a', card('A'));
    await cache.set('b', card('B'));
    await cache.set('a', card('A2'));
    expect(await cache.keys()).toEqual(['b', 'a']);
    expect((await cache.get('a'))?.title).toBe('A2');
    await cache.set('c', card('C'));
    expect(await cache.keys()).toEqual(['a', 'c']);
    expect(await cache.get('b')).toBeUndefined();
  });
  it('drops an entry that is no longer a valid card', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store);
    await cache.set('x', card('X'));
    await store.set('modelCard:x', { title: 'broken' });
    expect(await cache.get('x')).toBeUndefined();
    expect(await cache.keys()).toEqual([]);
  });
  it('clear() removes every entry and the index, and nothing else', async () => {
    const store = memoryStore();
    await store.set('settings', { overlay: 'pill' });
    const cache = new ModelCache(store);
    await Promise.all([cache.set('a', card('A')), cache.set('b', card('B'))]);
    expect(await cache.keys()).toEqual(['a', 'b']);
    await cache.clear();
    expect([...store.map.keys()]).toEqual(['settings']);
  });
  it('clear() also removes entries the index lost (nothing stored stays behind)', async () => {
    const store = memoryStore();
    await store.set('settings', { overlay: 'pill' });
    const cache = new ModelCache(store);
    await cache.set('a', card('A'));
    await store.set('modelCard:orphan', card('O'));
    await cache.clear();
    expect([...store.map.keys()]).toEqual(['settings']);
  });
  it('a write never lists the whole store (issue 12, defect 7)', async () => {
    const store = memoryStore();
    const keys = vi.spyOn(store, 'keys');
    const cache = new ModelCache(store);
    for (let i = 0; i < 5; i++) await cache.set(`k${i}`, card(`K${i}`));
    expect(keys).not.toHaveBeenCalled();
    expect(await cache.keys()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
  });
  it('refuses an invalid card rather than caching it (issue 12, defect 6)', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store);
    await cache.set('a', card('A'));
    const refused = cache.set('b', card('x'.repeat(130_000)));
    await expect(refused).rejects.toThrow(/title/);
    // A CacheWriteError by class and by name, so that a log line or a caught error says what failed.
    const err: unknown = await refused.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheWriteError);
    expect(String(err)).toMatch(/^CacheWriteError: card refused: .*title/);
    expect([...store.map.keys()].sort()).toEqual(['modelCard:a', 'modelCard:index']);
    expect(await cache.keys()).toEqual(['a']);
  });
  it('stores the card in NFC', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store);
    await cache.set('a', card('Kafe\u0301'));
    expect((await cache.get('a'))?.title).toBe('Kaf\u00e9');
  });
  it('is bounded by bytes too: the least recently used go first (issue 12, defect 7)', async () => {
    const store = memoryStore();
    const one = entryBytes('modelCard:a', card('A'));
    const cache = new ModelCache(store, { maxBytes: Math.floor(one * 3.5) });
    for (const k of ['a', 'b', 'c', 'd', 'e']) await cache.set(k, card(k.toUpperCase()));
    expect(await cache.keys()).toEqual(['c', 'd', 'e']);
    expect(store.map.has('modelCard:a')).toBe(false);
    const st = await cache.status();
    expect(st.count).toBe(3);
    expect(st.bytes).toBeLessThanOrEqual(st.maxBytes);
    expect(DEFAULT_CACHE_BYTES).toBe(4 * 1024 * 1024);
  });
  it('refuses a card larger than the whole budget and keeps the others', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store, { maxBytes: 3000 });
    await cache.set('a', { ...card('A'), summary: ['Kort.'] });
    await expect(cache.set('big', { ...card('B'), summary: ['x'.repeat(1900), 'y'.repeat(1900)] })).rejects.toThrow();
    expect(await cache.keys()).toEqual(['a']);
    expect((await cache.status()).note?.kind).toBe('failed');
  });
});

describe('ModelCache: the stored index', () => {
  /** A cache over a store whose index holds `index` as given: not through JSON, as Firefox's storage.local keeps what JSON drops (Infinity, undefined). */
  const withIndex = async (index: unknown, entries: Record<string, unknown> = {}) => {
    const store = memoryStore();
    for (const [k, v] of Object.entries(entries)) await store.set(`modelCard:${k}`, v);
    let held = structuredClone(index);
    const indexed: KeyValueStore = {
      get: async (k) => (k === 'modelCard:index' ? structuredClone(held) : store.get(k)),
      set: async (k, v) => (k === 'modelCard:index' ? void (held = structuredClone(v)) : store.set(k, v)),
      remove: store.remove,
    };
    return { store, cache: new ModelCache(indexed) };
  };

  it('reads a version-1 index (a list of keys): other items and repeats skipped, sizes measured from the entries still there', async () => {
    const { cache } = await withIndex(['a', 5, 'gone', null, 'b', 'a', ['c']], { a: card('A'), b: card('B') });
    expect(await cache.keys()).toEqual(['a', 'gone', 'b']);
    const st = await cache.status();
    expect(st.count).toBe(2);
    expect(st.bytes).toBeGreaterThan(2 * entryBytes('modelCard:a', card('A')));
  });

  it('skips broken entries of a version-2 index and keeps the rest: the first of a key, a negative size as 0', async () => {
    const entries = [['a', 'x'], ['a', 10], 'junk', ['b'], ['c', Number.POSITIVE_INFINITY], [5, 1], ['d', -4, 'extra'], ['a', 99], null];
    const { cache } = await withIndex({ v: 2, entries });
    expect(await cache.keys()).toEqual(['a', 'd']);
    expect(await cache.status()).toMatchObject({ count: 2, bytes: 10 });
  });

  const note = { kind: 'evicted', at: '2026-03-20T08:00:00.000Z', message: 'full' };

  it('keeps a good note, with its fields only', async () => {
    const { cache } = await withIndex({ v: 2, entries: [['a', 1]], note: { ...note, card: 'x' } });
    expect((await cache.status()).note).toStrictEqual(note);
  });

  it('drops a broken note but not the entries', async () => {
    for (const bad of [{ ...note, kind: 'lost' }, { ...note, at: 5 }, { kind: 'failed', at: note.at }, 'full', null]) {
      const st = await (await withIndex({ v: 2, entries: [['a', 1]], note: bad })).cache.status();
      expect(st).toMatchObject({ count: 1, bytes: 1 });
      expect('note' in st).toBe(false);
    }
  });

  it('reads an index of another version or shape as empty', async () => {
    for (const index of [{ v: 3, entries: [['a', 1]] }, { entries: [['a', 1]] }, { v: 2, entries: { a: 1 } }, { v: '2', entries: [] }, 'a', 5, null]) {
      const { cache } = await withIndex(index, { a: card('A') });
      expect(await cache.keys()).toEqual([]);
    }
  });
});

describe('cache keys', () => {
  it('depend on URL, text, provider, model and each preference', async () => {
    const base = { provider: 'ollama' as const, model: 'llama3.1', prefs: DEFAULT_PREFS };
    const k = await modelCacheKey(TEST_ARTICLE, base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(await modelCacheKey(structuredClone(TEST_ARTICLE), base)).toBe(k);
    const variants = await Promise.all([
      modelCacheKey({ ...TEST_ARTICLE, canonicalUrl: 'https://www.spiceworks.com/other/' }, base),
      modelCacheKey({ ...TEST_ARTICLE, paragraphs: [...TEST_ARTICLE.paragraphs, 'More.'] }, base),
      modelCacheKey(TEST_ARTICLE, { ...base, provider: 'openai' }),
      modelCacheKey(TEST_ARTICLE, { ...base, model: 'qwen3' }),
      modelCacheKey(TEST_ARTICLE, { ...base, prefs: { ...DEFAULT_PREFS, infinitive: 'a' } }),
      modelCacheKey(TEST_ARTICLE, { ...base, prefs: { ...DEFAULT_PREFS, pronoun: 'vi' } }),
      modelCacheKey(TEST_ARTICLE, { ...base, prefs: { ...DEFAULT_PREFS, length: 'short' } }),
    ]);
    expect(new Set([k, ...variants]).size).toBe(8);
  });
  it('hashText is SHA-256; FNV-1a 64 is the fallback', async () => {
    expect(await hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
  });
});
