import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from '../src/settings';
import { DEFAULT_LOCAL_MODEL_URL, LOCAL_MODELS } from '../src/core/local/models';

describe('migrateSettings', () => {
  it('gives defaults for nothing or junk', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ overlay: 'sideways' })).toEqual(DEFAULT_SETTINGS);
  });
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      version: 2,
      overlay: 'pill',
      engine: 'builtin',
      providers: {
        ollama: { endpoint: 'http://localhost:11434', model: '' },
        openai: { endpoint: 'https://api.openai.com/v1', model: '' },
        anthropic: { endpoint: 'https://api.anthropic.com', model: '' },
      },
      local: { url: DEFAULT_LOCAL_MODEL_URL },
      prefs: { infinitive: 'e', pronoun: 'me', length: 'full' },
      autoGenerate: false,
      maxPromptTokens: 6000,
      history: true,
    });
  });
  it('keeps valid values and migrates the old boolean', () => {
    expect(migrateSettings({ overlay: 'open' }).overlay).toBe('open');
    expect(migrateSettings({ showOverlay: false }).overlay).toBe('off');
    expect(migrateSettings({ showOverlay: false, overlay: 'junk' }).overlay).toBe('off');
    // A valid `overlay` wins over the old boolean.
    expect(migrateSettings({ showOverlay: false, overlay: 'open' }).overlay).toBe('open');
    expect(migrateSettings({ showOverlay: true }).overlay).toBe('pill');
  });
  it('writes version 2 whatever the stored version, and drops unknown keys', () => {
    expect(migrateSettings({ version: 7, junk: 1 })).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ version: 1 }).version).toBe(2);
  });
});

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
      providers: { ollama: { endpoint: ' http://box:11434 ', model: 'llama3.1:8b' }, openai: { endpoint: 42, model: 'gpt' }, anthropic: 'junk' },
      prefs: { infinitive: 'a', pronoun: 'kanskje', length: 'short' },
      autoGenerate: 'yes',
      history: false,
    });
    expect(s.engine).toBe('ollama');
    expect(s.providers.ollama).toEqual({ endpoint: 'http://box:11434', model: 'llama3.1:8b' });
    expect(s.providers.openai).toEqual({ endpoint: DEFAULT_SETTINGS.providers.openai.endpoint, model: 'gpt' });
    expect(s.providers.anthropic).toEqual(DEFAULT_SETTINGS.providers.anthropic);
    expect(s.prefs).toEqual({ infinitive: 'a', pronoun: 'me', length: 'short' });
    expect(s.autoGenerate).toBe(false);
    expect(s.history).toBe(false);
    expect(migrateSettings({ engine: 'gemini' }).engine).toBe('builtin');
  });
  it('falls back for an endpoint that is blank or too long, and a model name that is too long', () => {
    const s = migrateSettings({ providers: { ollama: { endpoint: '   ', model: 'x'.repeat(301) }, openai: { endpoint: 'h'.repeat(2001), model: ' m ' } } });
    expect(s.providers.ollama).toEqual(DEFAULT_SETTINGS.providers.ollama);
    expect(s.providers.openai).toEqual({ endpoint: DEFAULT_SETTINGS.providers.openai.endpoint, model: 'm' });
    expect(migrateSettings({ providers: { ollama: { model: 'x'.repeat(300) } } }).providers.ollama.model).toHaveLength(300);
  });
  it('does not share nested objects with the defaults or with another result', () => {
    const s = migrateSettings(undefined);
    s.providers.openai.model = 'changed';
    s.prefs.length = 'short';
    expect(DEFAULT_SETTINGS.providers.openai.model).toBe('');
    expect(DEFAULT_SETTINGS.prefs.length).toBe('full');
    const t = migrateSettings({ providers: 'junk', prefs: 3 });
    t.providers.ollama.endpoint = 'changed';
    t.prefs.pronoun = 'vi';
    expect(migrateSettings('junk').providers.ollama.endpoint).toBe('http://localhost:11434');
    expect(migrateSettings('junk').prefs.pronoun).toBe('me');
  });
});

describe('settings v2: prompt size limit', () => {
  it('keeps the limit within its bounds', () => {
    expect(migrateSettings({}).maxPromptTokens).toBe(6000);
    expect(migrateSettings({ maxPromptTokens: 12000 }).maxPromptTokens).toBe(12000);
    expect(migrateSettings({ maxPromptTokens: 10 }).maxPromptTokens).toBe(1000);
    expect(migrateSettings({ maxPromptTokens: 1e9 }).maxPromptTokens).toBe(200000);
    expect(migrateSettings({ maxPromptTokens: 1234.6 }).maxPromptTokens).toBe(1235);
    expect(migrateSettings({ maxPromptTokens: 'lots' }).maxPromptTokens).toBe(6000);
    expect(migrateSettings({ maxPromptTokens: Infinity }).maxPromptTokens).toBe(6000);
    expect(migrateSettings({ maxPromptTokens: NaN }).maxPromptTokens).toBe(6000);
  });
});

describe('settings: the on-device model', () => {
  it('defaults to the first catalogue model, and keeps engine "local" with a valid GGUF url', () => {
    expect(DEFAULT_SETTINGS.local).toEqual({ url: LOCAL_MODELS[0]!.url });
    expect(migrateSettings({}).local.url).toBe(DEFAULT_LOCAL_MODEL_URL);
    const url = 'https://models.example/org/nn-small.Q4_K_M.gguf#sha256=' + 'ab'.repeat(32);
    const s = migrateSettings({ engine: 'local', local: { url } });
    expect(s.engine).toBe('local');
    expect(s.local).toEqual({ url });
    expect(migrateSettings({ engine: 'local', local: { url: ` ${LOCAL_MODELS[1]!.url} ` } }).local.url).toBe(LOCAL_MODELS[1]!.url);
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
});
