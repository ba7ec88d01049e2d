import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from '../src/settings';

describe('migrateSettings', () => {
  it('gives defaults for nothing or junk', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ overlay: 'sideways' })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid values and migrates the old boolean', () => {
    expect(migrateSettings({ overlay: 'open' }).overlay).toBe('open');
    expect(migrateSettings({ showOverlay: false }).overlay).toBe('off');
  });
});

import { apiKeyFor, apiKeysNeedMigration, migrateApiKeys, modelConfigOf, originPattern } from '../src/settings';

describe('settings v2: engine, providers, preferences', () => {
  it('migrates a version 1 value to v2 with the built-in engine and default preferences', () => {
    const s = migrateSettings({ version: 1, overlay: 'open' });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, overlay: 'open' });
    expect(s.engine).toBe('builtin');
    expect(s.providers.ollama.endpoint).toBe('http://localhost:11434');
  });
  it('keeps valid fields and drops bad ones one by one', () => {
    const s = migrateSettings({
      engine: 'ollama',
      providers: { ollama: { endpoint: ' http://box:11434 ', model: 'llama3.1:8b' }, openai: { endpoint: 42, model: 'gpt' } },
      prefs: { infinitive: 'a', pronoun: 'kanskje', length: 'short' },
      autoGenerate: 'yes',
    });
    expect(s.engine).toBe('ollama');
    expect(s.providers.ollama).toEqual({ endpoint: 'http://box:11434', model: 'llama3.1:8b' });
    expect(s.providers.openai).toEqual({ endpoint: DEFAULT_SETTINGS.providers.openai.endpoint, model: 'gpt' });
    expect(s.prefs).toEqual({ infinitive: 'a', pronoun: 'me', length: 'short' });
    expect(s.autoGenerate).toBe(false);
    expect(migrateSettings({ engine: 'gemini' }).engine).toBe('builtin');
  });
  it('does not share nested objects with the defaults', () => {
    const s = migrateSettings(undefined);
    s.providers.openai.model = 'changed';
    s.prefs.length = 'short';
    expect(DEFAULT_SETTINGS.providers.openai.model).toBe('');
    expect(DEFAULT_SETTINGS.prefs.length).toBe('full');
  });
  it('keeps only keys of known providers, binding old bare keys to the endpoint stored with them', () => {
    const s = migrateSettings({ providers: { openai: { endpoint: 'https://llm.example:8443/v1', model: 'm' } } });
    expect(migrateApiKeys({ openai: ' sk-1 ', anthropic: 5, other: 'x' }, s)).toEqual({ openai: { key: 'sk-1', origin: 'https://llm.example:8443' } });
    expect(migrateApiKeys({ anthropic: 'sk-a' })).toEqual({ anthropic: { key: 'sk-a', origin: 'https://api.anthropic.com' } });
    expect(migrateApiKeys({ openai: { key: 'k', origin: 'https://a.example' }, anthropic: { key: 'k' } })).toEqual({ openai: { key: 'k', origin: 'https://a.example' } });
    expect(migrateApiKeys('junk')).toEqual({});
    expect(apiKeysNeedMigration({ openai: 'sk' })).toBe(true);
    expect(apiKeysNeedMigration({ openai: { key: 'sk', origin: 'https://a.example' } })).toBe(false);
  });
  it('sends a key only to the origin it was entered for, and never over http to another machine', () => {
    const keys = { openai: { key: 'sk', origin: 'https://api.openai.com' } };
    expect(apiKeyFor('openai', 'https://api.openai.com/v1', keys)).toBe('sk');
    expect(apiKeyFor('openai', 'https://evil.example/v1', keys)).toBeUndefined();
    expect(apiKeyFor('openai', 'https://api.openai.com:444/v1', keys)).toBeUndefined();
    expect(apiKeyFor('anthropic', 'https://api.openai.com/v1', keys)).toBeUndefined();
    expect(apiKeyFor('openai', 'http://llm.lan:8080/v1', { openai: { key: 'sk', origin: 'http://llm.lan:8080' } })).toBeUndefined();
    for (const local of ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'])
      expect(apiKeyFor('openai', `${local}/v1`, { openai: { key: 'sk', origin: local } })).toBe('sk');
    const s = migrateSettings({ engine: 'openai', providers: { openai: { endpoint: 'https://evil.example/v1', model: 'm' } } });
    expect(modelConfigOf(s, keys)?.apiKey).toBeUndefined();
  });
  it('builds the model config only for a chosen engine with a model', () => {
    const base = migrateSettings({ engine: 'openai', providers: { openai: { endpoint: 'http://127.0.0.1:8080/v1', model: 'm' } } });
    expect(modelConfigOf(base, { openai: { key: 'sk', origin: 'http://127.0.0.1:8080' }, anthropic: { key: 'other', origin: 'http://127.0.0.1:8080' } })).toEqual({ provider: 'openai', endpoint: 'http://127.0.0.1:8080/v1', model: 'm', apiKey: 'sk', prefs: DEFAULT_SETTINGS.prefs });
    expect(modelConfigOf({ ...base, engine: 'builtin' }, {})).toBeNull();
    expect(modelConfigOf(migrateSettings({ engine: 'ollama' }), {})).toBeNull();
  });
  it('gives the origin pattern to request', () => {
    // No port: Firefox rejects match patterns with one; without it every port matches.
    expect(originPattern('http://127.0.0.1:8080/v1')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://localhost:11434')).toBe('http://localhost/*');
    expect(originPattern('http://[::1]:11434/api')).toBe('http://[::1]/*');
    expect(originPattern('https://api.openai.com/v1')).toBe('https://api.openai.com/*');
    expect(originPattern('ftp://x')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});

describe('settings v2: prompt size limit', () => {
  it('keeps the limit within its bounds', () => {
    expect(migrateSettings({}).maxPromptTokens).toBe(6000);
    expect(migrateSettings({ maxPromptTokens: 12000 }).maxPromptTokens).toBe(12000);
    expect(migrateSettings({ maxPromptTokens: 10 }).maxPromptTokens).toBe(1000);
    expect(migrateSettings({ maxPromptTokens: 1e9 }).maxPromptTokens).toBe(200000);
    expect(migrateSettings({ maxPromptTokens: 'lots' }).maxPromptTokens).toBe(6000);
  });
});

import { DEFAULT_LOCAL_MODEL_URL, LOCAL_MODELS, modelIdFromUrl, type LocalModelRecord } from '../src/core/local/models';
import { LOCAL_ENDPOINT } from '../src/core/local/models';

describe('settings: the on-device model', () => {
  const id = modelIdFromUrl(DEFAULT_LOCAL_MODEL_URL)!;
  const installed: LocalModelRecord = { id, url: DEFAULT_LOCAL_MODEL_URL, size: 10, received: 10, verified: true, status: 'installed', updatedAt: '2026-03-20T08:00:00.000Z' };

  it('defaults to the first catalogue model, and keeps engine "local" with a valid GGUF url', () => {
    expect(DEFAULT_SETTINGS.local).toEqual({ url: LOCAL_MODELS[0]!.url });
    expect(migrateSettings({}).local.url).toBe(DEFAULT_LOCAL_MODEL_URL);
    const url = 'https://models.example/org/nn-small.Q4_K_M.gguf#sha256=' + 'ab'.repeat(32);
    const s = migrateSettings({ engine: 'local', local: { url } });
    expect(s.engine).toBe('local');
    expect(s.local).toEqual({ url });
    expect(migrateSettings({ engine: 'local', local: { url: LOCAL_MODELS[1]!.url } }).local.url).toBe(LOCAL_MODELS[1]!.url);
  });

  it.each([
    ['a URL that is not a GGUF file', 'https://models.example/model.bin'],
    ['a page, not a file', 'https://huggingface.co/NbAiLab/nb-llama-3.2-1B-Instruct-Q4_K_M-GGUF'],
    ['another protocol', 'ftp://models.example/model.gguf'],
    ['not a URL', 'model.gguf'],
    ['an empty string', ''],
  ])('falls back to the default URL for %s', (_what, url) => {
    const s = migrateSettings({ engine: 'local', local: { url } });
    expect(s.engine).toBe('local');
    expect(s.local.url).toBe(DEFAULT_LOCAL_MODEL_URL);
  });

  it('falls back to the default for a local value of the wrong shape, and does not share it with the defaults', () => {
    expect(migrateSettings({ local: 'https://models.example/m.gguf' }).local.url).toBe(DEFAULT_LOCAL_MODEL_URL);
    expect(migrateSettings({ local: { url: 42 } }).local.url).toBe(DEFAULT_LOCAL_MODEL_URL);
    const s = migrateSettings(undefined);
    s.local.url = 'changed';
    expect(DEFAULT_SETTINGS.local.url).toBe(DEFAULT_LOCAL_MODEL_URL);
  });

  it('modelConfigOf gives the local provider only for the installed model the settings name', () => {
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

  it('the config does not share prefs with the settings', () => {
    const s = migrateSettings({ engine: 'local' });
    const c = modelConfigOf(s, {}, installed)!;
    c.prefs.length = 'short';
    expect(s.prefs.length).toBe('full');
  });
});
