import { describe, expect, it } from 'vitest';
import { modelCache, type StorageArea } from '../../src/background/model-cache';
import type { Card } from '../../src/core/types';
import { sampleCard } from '../ui/sample-card';

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
});
