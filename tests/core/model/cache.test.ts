import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CacheWriteError,
  DEFAULT_CACHE_BYTES,
  DEFAULT_CACHE_ENTRIES,
  entryBytes,
  fnv1a64,
  hashText,
  isQuotaError,
  memoryStore,
  ModelCache,
  modelCacheKey,
  type KeyValueStore,
} from '../../../src/core/model/cache';
import { DEFAULT_PREFS } from '../../../src/core/model/types';
import type { Card } from '../../../src/core/types';
import { TEST_ARTICLE } from '../../../support/model-server';
import { sampleCard } from '../../ui/sample-card';

const card = (title: string): Card => ({ ...sampleCard(), title, engine: { kind: 'model', model: 'm' } });

/** The bytes a card takes in the cache, as status() counts them (entry and index line). */
const sizeOf = async (key: string, c: Card) => {
  const cache = new ModelCache(memoryStore());
  await cache.set(key, c);
  return cache.status();
};

/** A memory store whose setMany fails while `failing` says so; `tries` counts the calls. */
const flakyStore = (failing: (tries: number) => unknown) => {
  const store = memoryStore();
  const ok = store.setMany!;
  let tries = 0;
  const setMany = async (items: Record<string, unknown>) => {
    const e = failing(++tries);
    if (e !== undefined) throw e;
    return ok(items);
  };
  return Object.assign(store, { setMany, tries: () => tries });
};

afterEach(() => vi.restoreAllMocks());

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
    // The broken entry is gone from the store too, not only from the index.
    expect(store.map.has('modelCard:x')).toBe(false);
  });
  it('keeps its entries and index under the prefix it is given', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store, { prefix: 'testCard:' });
    await cache.set('a', card('A'));
    expect([...store.map.keys()].sort()).toEqual(['testCard:a', 'testCard:index']);
    expect((await cache.get('a'))?.title).toBe('A');
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

describe('ModelCache: bounds and writes', () => {
  it('has bounds by default: 100 cards and 4 MB', async () => {
    expect(await new ModelCache(memoryStore()).status()).toEqual({ count: 0, bytes: 0, maxEntries: DEFAULT_CACHE_ENTRIES, maxBytes: DEFAULT_CACHE_BYTES });
    expect([DEFAULT_CACHE_ENTRIES, DEFAULT_CACHE_BYTES]).toEqual([100, 4 * 1024 * 1024]);
  });
  it('reads a bound below one as one', async () => {
    expect(await new ModelCache(memoryStore(), { maxEntries: 0, maxBytes: 0 }).status()).toMatchObject({ maxEntries: 1, maxBytes: 1 });
  });
  it('counts an entry\'s bytes in UTF-8, its key and its JSON value', () => {
    // "modelCard:æ" is 12 bytes, {"a":"ø"} 10.
    expect(entryBytes('modelCard:æ', { a: 'ø' })).toBe(22);
  });

  it('caches a card whose entry takes the whole byte budget, and refuses one a byte larger', async () => {
    const { bytes } = await sizeOf('a', card('A'));
    const exact = new ModelCache(memoryStore(), { maxBytes: bytes });
    await exact.set('a', card('A'));
    expect(await exact.keys()).toEqual(['a']);
    const less = new ModelCache(memoryStore(), { maxBytes: bytes - 1 });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(less.set('a', card('A'))).rejects.toThrow(`card too large to cache: ${bytes} bytes, the cache holds ${bytes - 1}`);
    // Two cards that together fill the budget exactly are both kept.
    const two = new ModelCache(memoryStore(), { maxBytes: 2 * bytes });
    await two.set('a', card('A'));
    await two.set('b', card('B'));
    expect(await two.keys()).toEqual(['a', 'b']);
  });

  it('writing a key again replaces its entry: it counts once against the bounds', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store, { maxEntries: 2 });
    await cache.set('a', card('A'));
    await cache.set('b', card('B'));
    await cache.set('b', card('B2'));
    expect(await cache.keys()).toEqual(['a', 'b']);
    expect((await cache.get('b'))?.title).toBe('B2');
    expect([...store.map.keys()].sort()).toEqual(['modelCard:a', 'modelCard:b', 'modelCard:index']);
  });

  it('writes the card and its index in one call where the store can', async () => {
    const store = memoryStore();
    const setMany = vi.spyOn(store, 'setMany');
    const set = vi.spyOn(store, 'set');
    await new ModelCache(store).set('a', card('A'));
    expect(setMany).toHaveBeenCalledTimes(1);
    expect(Object.keys(setMany.mock.calls[0]![0]).sort()).toEqual(['modelCard:a', 'modelCard:index']);
    expect(set).not.toHaveBeenCalled();
  });

  it('a miss writes nothing; an entry the store lost is taken off the index when read', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store);
    await cache.set('a', card('A'));
    await cache.set('b', card('B'));
    const set = vi.spyOn(store, 'set');
    expect(await cache.get('unknown')).toBeUndefined();
    expect(set).not.toHaveBeenCalled();
    store.map.delete('modelCard:a');
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.keys()).toEqual(['b']);
  });

  it('a hit is returned even when its recency cannot be written, and the failure is logged', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store);
    await cache.set('a', card('A'));
    store.set = () => Promise.reject(new Error('storage closed'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await cache.get('a'))?.title).toBe('A');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('index'), 'storage closed');
  });

  it('remove() takes one entry out of the store and the index', async () => {
    const store = memoryStore();
    const cache = new ModelCache(store);
    await cache.set('a', card('A'));
    await cache.set('b', card('B'));
    await cache.remove('a');
    expect(await cache.keys()).toEqual(['b']);
    expect([...store.map.keys()].sort()).toEqual(['modelCard:b', 'modelCard:index']);
  });

  it('a refused card says every field that is wrong', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(new ModelCache(memoryStore()).set('a', { ...card(''), url: 'nope' })).rejects.toThrow(/^card refused: url, title$/);
  });

  it('a failed write\'s note goes with the next good write; an eviction\'s note stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = flakyStore((n) => (n === 2 ? new Error('disk I/O error') : n === 4 ? new Error('QUOTA_BYTES quota exceeded') : undefined));
    const cache = new ModelCache(store);
    await cache.set('a', card('A'));
    await expect(cache.set('b', card('B'))).rejects.toThrow(CacheWriteError);
    expect((await cache.status()).note).toMatchObject({ kind: 'failed', message: 'could not store the card: disk I/O error' });
    await cache.set('c', card('C'));
    expect((await cache.status()).note).toBeUndefined();
    await cache.set('d', card('D'));
    expect((await cache.status()).note).toMatchObject({ kind: 'evicted', message: 'QUOTA_BYTES quota exceeded' });
    await cache.set('e', card('E'));
    expect(await cache.status()).toMatchObject({ count: 3, note: { kind: 'evicted' } });
  });
});

describe('ModelCache: a store without room', () => {
  const filled = async (store: KeyValueStore, n: number) => {
    const cache = new ModelCache(store);
    for (let i = 0; i < n; i++) await cache.set(`k${i}`, card('K'));
    return cache;
  };

  it('evicts the oldest entries worth the new card and writes again, noting it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const message = `QUOTA_BYTES quota exceeded ${'x'.repeat(500)}`;
    const store = flakyStore((n) => (n === 4 ? new Error(message) : undefined));
    const cache = await filled(store, 3);
    // The same size as each of the others: one of them makes room for it.
    await cache.set('k3', card('K'));
    expect(await cache.keys()).toEqual(['k1', 'k2', 'k3']);
    expect(store.map.has('modelCard:k0')).toBe(false);
    const note = (await cache.status()).note;
    expect(note).toMatchObject({ kind: 'evicted', message: message.slice(0, 300) });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/removed 1 cached card/), message.slice(0, 300));
  });

  it('evicts as many of the oldest entries as a larger card needs', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const small = (await sizeOf('k0', card('K'))).bytes;
    const large = { ...card('N'), summary: Array.from({ length: 6 }, () => 'x'.repeat(Math.ceil(small / 3))) };
    const size = (await sizeOf('kN', large)).bytes;
    expect(size > 2 * small && size <= 3 * small).toBe(true);
    const store = flakyStore((n) => (n === 5 ? new Error('QUOTA_BYTES quota exceeded') : undefined));
    const cache = await filled(store, 4);
    await cache.set('kN', large);
    expect(await cache.keys()).toEqual(['k3', 'kN']);
  });

  it('gives up after a few rounds rather than empty the cache for one card; the index lists what is left', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const full = new Error('QUOTA_BYTES quota exceeded');
    const store = flakyStore((n) => (n > 10 ? full : undefined));
    const cache = await filled(store, 10);
    const failed: unknown = await cache.set('kN', card('N')).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CacheWriteError);
    expect(failed).toMatchObject({ message: 'could not store the card: QUOTA_BYTES quota exceeded', cause: full });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('write failed'), 'could not store the card: QUOTA_BYTES quota exceeded');
    // The first try and three rounds of evicting the oldest card.
    expect(store.tries() - 10).toBe(4);
    const keys = await cache.keys();
    expect(keys).toEqual(['k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9']);
    expect([...store.map.keys()].filter((k) => k !== 'modelCard:index').sort()).toEqual(keys.map((k) => `modelCard:${k}`));
    expect((await cache.status()).note?.kind).toBe('failed');
  });

  it('fails at once when there is nothing to evict', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = flakyStore(() => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const cache = new ModelCache(store);
    await expect(cache.set('a', card('A'))).rejects.toThrow(CacheWriteError);
    expect(store.tries()).toBe(1);
    expect(await cache.status()).toMatchObject({ count: 0, note: { kind: 'failed' } });
  });

  it('fails at once on an error that is not about room, evicting nothing; the note is at most 300 characters', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const long = `disk I/O error ${'x'.repeat(1000)}`;
    let error: unknown = new Error(long);
    const store = flakyStore((n) => (n > 2 ? error : undefined));
    const cache = await filled(store, 2);
    await expect(cache.set('new', card('N'))).rejects.toThrow(CacheWriteError);
    expect(store.tries()).toBe(3);
    expect(await cache.keys()).toEqual(['k0', 'k1']);
    const note = (await cache.status()).note!;
    expect(note.message).toHaveLength(300);
    expect(note.message).toMatch(/^could not store the card: disk I\/O error x+$/);
    // A store may reject with a string.
    error = 'storage closed';
    await expect(cache.set('new', card('N'))).rejects.toThrow('could not store the card: storage closed');
  });

  it('still rejects with its own error when the note cannot be written, and logs that', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = memoryStore();
    store.set = () => Promise.reject(new Error('storage closed'));
    const cache = new ModelCache(store);
    await expect(cache.set('a', { ...card(''), summary: [] })).rejects.toThrow(CacheWriteError);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('note'), 'storage closed');
  });

  it('isQuotaError knows Chrome\'s and Firefox\'s errors and nothing else', () => {
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError(new DOMException('The operation failed.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError('Quota exceeded')).toBe(true);
    for (const e of [new Error('disk I/O error'), { name: 'NotAllowedError' }, 'closed', null, undefined, 0]) expect([e, isQuotaError(e)]).toEqual([e, false]);
  });
});

describe('ModelCache: the stored index', () => {
  /** A cache over a store whose index holds `index` as given: not through JSON, as Firefox's storage.local keeps what JSON drops (Infinity, undefined). */
  const withIndex = async (index: unknown, entries: Record<string, unknown> = {}, opts: ConstructorParameters<typeof ModelCache>[1] = {}) => {
    const store = memoryStore();
    for (const [k, v] of Object.entries(entries)) await store.set(`modelCard:${k}`, v);
    let held = structuredClone(index);
    const indexed: KeyValueStore = {
      get: async (k) => (k === 'modelCard:index' ? structuredClone(held) : store.get(k)),
      set: async (k, v) => (k === 'modelCard:index' ? void (held = structuredClone(v)) : store.set(k, v)),
      remove: async (k) => (k === 'modelCard:index' ? void (held = undefined) : store.remove(k)),
    };
    return { store, cache: new ModelCache(indexed, opts) };
  };

  it('reads a version-1 index (a list of keys): other items and repeats skipped, sizes measured from the entries still there', async () => {
    const { cache } = await withIndex(['a', 5, 'gone', null, 'b', 'a', ['c']], { a: card('A'), b: card('B') });
    expect(await cache.keys()).toEqual(['a', 'gone', 'b']);
    const st = await cache.status();
    expect(st.count).toBe(2);
    expect(st.bytes).toBeGreaterThan(2 * entryBytes('modelCard:a', card('A')));
  });

  it('the first write after a version-1 index counts the entries it lists against the byte budget', async () => {
    const size = (await sizeOf('a', card('A'))).bytes;
    const { cache, store } = await withIndex(['a', 'b'], { a: card('A'), b: card('B') }, { maxBytes: 2 * size });
    await cache.set('c', card('C'));
    expect(await cache.keys()).toEqual(['b', 'c']);
    expect(store.map.has('modelCard:a')).toBe(false);
  });

  it('a read moves an entry to the end with the size the index has for it; an entry the index lost is listed again', async () => {
    const { cache } = await withIndex({ v: 2, entries: [['a', 10], ['b', 20]] }, { a: card('A'), b: card('B'), c: card('C') });
    expect((await cache.get('a'))?.title).toBe('A');
    expect(await cache.keys()).toEqual(['b', 'a']);
    expect((await cache.status()).bytes).toBe(30);
    expect((await cache.get('c'))?.title).toBe('C');
    expect(await cache.keys()).toEqual(['b', 'a', 'c']);
    expect((await cache.status()).bytes).toBe(30 + (await sizeOf('c', card('C'))).bytes);
  });

  it('clear() on a store that cannot list its keys removes the listed entries and the index', async () => {
    const { cache, store } = await withIndex({ v: 2, entries: [['a', 1], ['b', 1]] }, { a: card('A'), b: card('B') });
    await store.set('settings', { overlay: 'pill' });
    await cache.clear();
    expect([...store.map.keys()]).toEqual(['settings']);
    expect(await cache.keys()).toEqual([]);
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
    // Always 16 digits, leading zeros kept.
    expect(fnv1a64('k0')).toBe('08be0e07b562230e');
    vi.stubGlobal('crypto', undefined);
    try {
      expect(await hashText('abc')).toBe('e71fa2190541574b');
    } finally {
      vi.unstubAllGlobals();
    }
  });
  it('keep title and paragraphs apart, and use the URL when there is no canonical one', async () => {
    const base = { provider: 'ollama' as const, model: 'llama3.1', prefs: DEFAULT_PREFS };
    const article = { ...TEST_ARTICLE, canonicalUrl: '' };
    expect(await modelCacheKey({ ...article, title: 'ab', paragraphs: ['c'] }, base)).not.toBe(await modelCacheKey({ ...article, title: 'a', paragraphs: ['bc'] }, base));
    expect(await modelCacheKey(article, base)).not.toBe(await modelCacheKey({ ...article, url: 'https://www.spiceworks.com/other/' }, base));
  });
});
