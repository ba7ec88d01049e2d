import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_MODEL_URL, LOCAL_ENDPOINT, LOCAL_MODELS, modelIdFromUrl, type LocalModelRecord } from '../src/core/local/models';
import { modelConfigOf } from '../src/model-config';
import { DEFAULT_SETTINGS, migrateSettings } from '../src/settings';

describe('modelConfigOf: remote providers', () => {
  it('builds the model config only for a chosen engine with a model', () => {
    const base = migrateSettings({ engine: 'openai', providers: { openai: { endpoint: 'http://127.0.0.1:8080/v1', model: 'm' } } });
    expect(modelConfigOf(base, { openai: { key: 'sk', origin: 'http://127.0.0.1:8080' }, anthropic: { key: 'other', origin: 'http://127.0.0.1:8080' } })).toEqual({ provider: 'openai', endpoint: 'http://127.0.0.1:8080/v1', model: 'm', apiKey: 'sk', prefs: DEFAULT_SETTINGS.prefs });
    expect(modelConfigOf({ ...base, engine: 'builtin' }, {})).toBeNull();
    expect(modelConfigOf(migrateSettings({ engine: 'ollama' }), {})).toBeNull();
  });
  it('leaves out a key the policy does not allow for the endpoint', () => {
    const keys = { openai: { key: 'sk', origin: 'https://api.openai.com' } };
    const s = migrateSettings({ engine: 'openai', providers: { openai: { endpoint: 'https://evil.example/v1', model: 'm' } } });
    expect(modelConfigOf(s, keys)).not.toHaveProperty('apiKey');
    expect(modelConfigOf(s, keys)).toMatchObject({ provider: 'openai', model: 'm' });
  });
});

describe('modelConfigOf: the on-device model', () => {
  const id = modelIdFromUrl(DEFAULT_LOCAL_MODEL_URL)!;
  const installed: LocalModelRecord = { id, url: DEFAULT_LOCAL_MODEL_URL, size: 10, received: 10, verified: true, status: 'installed', updatedAt: '2026-03-20T08:00:00.000Z' };

  it('gives the local provider only for the installed model the settings name', () => {
    const s = migrateSettings({ engine: 'local', prefs: { infinitive: 'a', pronoun: 'vi', length: 'short' } });
    expect(modelConfigOf(s, {}, installed)).toEqual({ provider: 'local', endpoint: LOCAL_ENDPOINT, model: id, prefs: { infinitive: 'a', pronoun: 'vi', length: 'short' } });
    // Never an API key, even one stored for another provider.
    expect(modelConfigOf(s, { openai: { key: 'sk', origin: 'https://api.openai.com' } }, installed)).not.toHaveProperty('apiKey');
    expect(modelConfigOf(s, {})).toBeNull();
    expect(modelConfigOf(s, {}, null)).toBeNull();
    expect(modelConfigOf(s, {}, { ...installed, status: 'partial' })).toBeNull();
    expect(modelConfigOf(s, {}, { ...installed, id: 'other-model' })).toBeNull();
    expect(modelConfigOf({ ...s, local: { url: LOCAL_MODELS[1]!.url } }, {}, installed)).toBeNull();
    // The built-in engine ignores an installed model.
    expect(modelConfigOf({ ...s, engine: 'builtin' }, {}, installed)).toBeNull();
  });

  it('does not share prefs with the settings', () => {
    const s = migrateSettings({ engine: 'local' });
    const c = modelConfigOf(s, {}, installed)!;
    c.prefs.length = 'short';
    expect(s.prefs.length).toBe('full');
  });
});
