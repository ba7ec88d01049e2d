import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelCache, type StorageArea } from '../src/model-cache';
import type { Card } from '../src/core/types';
import { sampleCard } from './ui/sample-card';

/** A storage area like storage.local: every call yields to the event loop, so callers interleave. */
function slowArea(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const list = (k: string | string[] | null) => (k === null ? [...data.keys()] : Array.isArray(k) ? k : [k]);
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return {
    data,
    get: async (k) => {
      await tick();
      return Object.fromEntries(list(k).filter((x) => data.has(x)).map((x) => [x, structuredClone(data.get(x))]));
    },
    set: async (items) => {
      await tick();
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (k) => {
      await tick();
      for (const x of list(k)) data.delete(x);
    },
  };
}

const card = (title: string): Card => ({ ...sampleCard(), title, engine: { kind: 'model', model: 'm' } });

describe('modelCache (storage.local)', () => {
  it('is one instance per storage area, so concurrent callers do not lose index entries', async () => {
    const local = slowArea();
    expect(modelCache(local)).toBe(modelCache(local));
    expect(modelCache(local)).not.toBe(modelCache(slowArea()));
    // Two tabs' jobs finish at once, each with its own call.
    await Promise.all([modelCache(local).set('a', card('A')), modelCache(local).set('b', card('B')), modelCache(local).set('c', card('C'))]);
    expect((await modelCache(local).keys()).sort()).toEqual(['a', 'b', 'c']);
  });

  it('clear() leaves no card in storage, also one the index does not list', async () => {
    const local = slowArea();
    await local.set({ settings: { overlay: 'pill' } });
    await modelCache(local).set('a', card('A'));
    await local.set({ 'modelCard:lost': card('L') });
    await modelCache(local).clear();
    expect([...local.data.keys()]).toEqual(['settings']);
  });

  it('clear() asked while a card is being written waits for that write, and leaves no card', async () => {
    const local = slowArea();
    await local.set({ settings: { overlay: 'pill' } });
    // The options page's "Slett alle lagra samandrag" arrives while a tab's card is being stored.
    const writing = modelCache(local).set('a', card('A'));
    const clearing = modelCache(local).clear();
    await Promise.all([writing, clearing]);
    expect([...local.data.keys()]).toEqual(['settings']);
    expect(await modelCache(local).keys()).toEqual([]);
  });
});

/** storage.local as Chrome keeps it: a quota in bytes (key + JSON, UTF-8), and a failed write changes nothing. */
function quotaArea(quotaBytes: number): StorageArea & { data: Map<string, unknown>; used(): number } {
  const data = new Map<string, unknown>();
  const sizes = new Map<string, number>();
  const size = (k: string, v: unknown) => new TextEncoder().encode(k + JSON.stringify(v)).length;
  const used = () => [...sizes.values()].reduce((n, b) => n + b, 0);
  const list = (k: string | string[] | null) => (k === null ? [...data.keys()] : Array.isArray(k) ? k : [k]);
  return {
    data,
    used,
    get: vi.fn(async (k: string | string[] | null) => Object.fromEntries(list(k).filter((x) => data.has(x)).map((x) => [x, structuredClone(data.get(x))]))),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const next = Object.entries(items).map(([k, v]) => [k, size(k, v)] as const);
      const after = used() + next.reduce((n, [k, b]) => n + b - (sizes.get(k) ?? 0), 0);
      if (after > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
      for (const [k, b] of next) sizes.set(k, b);
    }),
    remove: vi.fn(async (k: string | string[]) => {
      for (const x of list(k)) {
        data.delete(x);
        sizes.delete(x);
      }
    }),
  };
}

/** A card of about `kb` kilobytes (UTF-8), within the card limits. */
const bigCard = (title: string, kb: number): Card => {
  const paragraphs = Math.ceil((kb * 1024) / 4000);
  return { ...card(title), summary: Array.from({ length: Math.min(12, paragraphs) }, (_, i) => `${i} ${'ø'.repeat(1990)}`) };
};

describe('modelCache bounds in storage.local (issue 12, defect 7)', () => {
  afterEach(() => vi.restoreAllMocks());
  const SETTINGS = { overlay: 'pill', engine: 'openai' };
  const KEYS = { openai: { key: 'sk-test', origin: 'https://api.openai.com' } };

  it('keeps within its byte budget under a 10 MB quota, and a write never reads all of storage', async () => {
    const local = quotaArea(10 * 1024 * 1024);
    await local.set({ settings: SETTINGS, apiKeys: KEYS, localModel: { parts: 'x'.repeat(3 * 1024 * 1024) } });
    const cache = modelCache(local);
    for (let i = 0; i < 100; i++) await cache.set(`k${i}`, bigCard(`Kort ${i}`, 48));
    expect(local.get).not.toHaveBeenCalledWith(null);
    const st = await cache.status();
    expect(st.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(st.count).toBeGreaterThan(40);
    expect((await cache.keys()).at(-1)).toBe('k99');
    expect(local.data.get('settings')).toEqual(SETTINGS);
    expect(local.data.get('apiKeys')).toEqual(KEYS);
  });

  it('on a quota error, evicts the oldest entries and writes again; settings and keys stay', async () => {
    const local = quotaArea(400 * 1024);
    await local.set({ settings: SETTINGS, apiKeys: KEYS });
    const cache = modelCache(local);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (let i = 0; i < 12; i++) await cache.set(`k${i}`, bigCard(`Kort ${i}`, 48));
    const keys = await cache.keys();
    expect(keys.at(-1)).toBe('k11');
    expect(keys.length).toBeLessThan(12);
    expect(local.data.get('settings')).toEqual(SETTINGS);
    expect(local.data.get('apiKeys')).toEqual(KEYS);
    expect((await cache.status()).note?.kind).toBe('evicted');
    expect(warn).toHaveBeenCalled();
    // Every entry the index lists is there, and nothing else is.
    expect([...local.data.keys()].filter((k) => k.startsWith('modelCard:') && k !== 'modelCard:index').sort()).toEqual(keys.map((k) => `modelCard:${k}`).sort());
  });

  it('a write that cannot be made rejects and logs; nothing else is lost', async () => {
    const local = quotaArea(120 * 1024);
    await local.set({ settings: SETTINGS, apiKeys: KEYS, other: 'x'.repeat(100 * 1024) });
    const cache = modelCache(local);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await cache.set('small', card('Lite'));
    await expect(cache.set('big', bigCard('Stort', 48))).rejects.toThrow(/quota/i);
    expect(error).toHaveBeenCalled();
    expect(local.data.get('settings')).toEqual(SETTINGS);
    expect(local.data.get('apiKeys')).toEqual(KEYS);
    expect(local.data.has('modelCard:big')).toBe(false);
    expect((await cache.status()).note?.kind).toBe('failed');
  });
});
