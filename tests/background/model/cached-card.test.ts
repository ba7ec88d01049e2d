import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyModel } from '../../../src/background/model/cached-card';
import type { ModelDeps } from '../../../src/background/model/deps';
import type { Card, CardState } from '../../../src/core/types';
import { modelJobKey, parseModelJob } from '../../../src/protocol';
import { API_KEYS_KEY } from '../../../src/api-keys';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../src/settings';
import { TEST_ARTICLE } from '../../../support/model-server';
import { area } from '../../support/background-fakes';

describe('applyModel', () => {
  let local: ReturnType<typeof area>;
  let session: ReturnType<typeof area>;
  let deps: Pick<ModelDeps, 'storage' | 'findBokmal'>;
  const card = { engine: { kind: 'library' } } as Card;
  const digest: CardState = { status: 'ready', url: 'u', card: { ...card, engine: { kind: 'digest' } } };
  const configure = (over: Partial<Settings> = {}) =>
    local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, engine: 'openai', providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint: 'https://api.example.com/v1', model: 'nn-writer' } }, ...over },
      [API_KEYS_KEY]: { openai: 'sk-test' },
    });

  beforeEach(() => {
    local = area();
    session = area();
    deps = { storage: { local, session }, findBokmal: vi.fn(async () => () => []) };
  });

  it('leaves library cards alone and offers the model only when one is configured', async () => {
    const lib: CardState = { status: 'ready', url: 'u', card };
    await session.set({ [modelJobKey(7)]: { status: 'idle', model: 'x' } });
    expect(await applyModel(deps, 7, TEST_ARTICLE, lib)).toBe(lib);
    expect(session.data.has(modelJobKey(7))).toBe(false);
    await applyModel(deps, 7, TEST_ARTICLE, digest);
    expect(session.data.has(modelJobKey(7))).toBe(false);
    expect(deps.findBokmal).not.toHaveBeenCalled();
    await configure({ autoGenerate: true });
    expect(await applyModel(deps, 7, TEST_ARTICLE, digest)).toBe(digest);
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: 'nn-writer' });
    // The checker starts loading with the offer, so a click does not wait for its data.
    expect(deps.findBokmal).toHaveBeenCalledOnce();
  });

  it('keeps the fact card and the offer when the cache cannot be read', async () => {
    await configure();
    const get = local.get;
    let reads = 0;
    // The setup read works; the cache read after it fails.
    local.get = async (k) => (++reads > 1 ? Promise.reject(new Error('storage gone')) : get(k));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await applyModel(deps, 7, TEST_ARTICLE, digest)).toBe(digest);
      expect(error).toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: 'nn-writer' });
  });
});
