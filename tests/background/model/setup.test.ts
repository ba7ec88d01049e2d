import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { idleJob, modelOffer, readModelSetup } from '../../../src/background/model/setup';
import { LOCAL_ENDPOINT, LOCAL_MODEL_KEY, LOCAL_MODELS } from '../../../src/core/local/models';
import { LOCAL_MAX_PROMPT_TOKENS } from '../../../src/core/model/providers/local';
import { API_KEYS_KEY } from '../../../src/api-keys';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../src/settings';
import { startModelServer, type ModelServer } from '../../../support/model-server';
import { LOCAL_MODEL_ID, makeLocalModelRecord, makeLocalSettings } from '../../factories/local-model';
import { area, configureServer } from '../../support/background-fakes';

describe('readModelSetup with the on-device model', () => {
  let local: ReturnType<typeof area>;
  beforeEach(() => {
    local = area();
  });

  it('gives a local config for the installed model the settings name, and caps the prompt size', async () => {
    await local.set({ [SETTINGS_KEY]: makeLocalSettings({ autoGenerate: true }), [LOCAL_MODEL_KEY]: makeLocalModelRecord() });
    const setup = await readModelSetup(local);
    expect(setup.config).toEqual({ provider: 'local', endpoint: LOCAL_ENDPOINT, model: LOCAL_MODEL_ID, prefs: DEFAULT_SETTINGS.prefs });
    expect(setup.config).not.toHaveProperty('apiKey');
    expect(setup.auto).toBe(true);
    expect(DEFAULT_SETTINGS.maxPromptTokens).toBeGreaterThan(LOCAL_MAX_PROMPT_TOKENS);
    expect(setup.maxPromptTokens).toBe(LOCAL_MAX_PROMPT_TOKENS);
    expect(await modelOffer(local)).toEqual({ model: LOCAL_MODEL_ID, auto: true });
  });

  it('keeps a prompt limit the reader set below the cap', async () => {
    await local.set({ [SETTINGS_KEY]: makeLocalSettings({ maxPromptTokens: 2000 }), [LOCAL_MODEL_KEY]: makeLocalModelRecord() });
    expect((await readModelSetup(local)).maxPromptTokens).toBe(2000);
  });

  it('does not cap the prompt for a remote model', async () => {
    await local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, engine: 'ollama', providers: { ...DEFAULT_SETTINGS.providers, ollama: { endpoint: 'http://localhost:11434', model: 'm' } } },
      [LOCAL_MODEL_KEY]: makeLocalModelRecord(),
    });
    const setup = await readModelSetup(local);
    expect(setup.config?.provider).toBe('ollama');
    expect(setup.maxPromptTokens).toBe(DEFAULT_SETTINGS.maxPromptTokens);
  });

  it('gives no config for a half-downloaded model', async () => {
    await local.set({ [SETTINGS_KEY]: makeLocalSettings(), [LOCAL_MODEL_KEY]: makeLocalModelRecord({ status: 'partial', received: 1000 }) });
    expect((await readModelSetup(local)).config).toBeNull();
    expect(await modelOffer(local)).toBeNull();
  });

  it('gives no config when the installed model is another one than the settings name', async () => {
    const other = LOCAL_MODELS[1]!;
    await local.set({ [SETTINGS_KEY]: makeLocalSettings({ local: { url: other.url } }), [LOCAL_MODEL_KEY]: makeLocalModelRecord() });
    expect((await readModelSetup(local)).config).toBeNull();
    await local.set({ [LOCAL_MODEL_KEY]: makeLocalModelRecord({ id: 'something-else' }) });
    expect((await readModelSetup(local)).config).toBeNull();
  });

  it('gives no config without a record, or with a malformed one', async () => {
    await local.set({ [SETTINGS_KEY]: makeLocalSettings() });
    expect((await readModelSetup(local)).config).toBeNull();
    await local.set({ [LOCAL_MODEL_KEY]: { ...makeLocalModelRecord(), sha256: 'not-hex' } });
    expect((await readModelSetup(local)).config).toBeNull();
    await local.set({ [LOCAL_MODEL_KEY]: { ...makeLocalModelRecord(), status: 'done' } });
    expect((await readModelSetup(local)).config).toBeNull();
  });
});

describe('readModelSetup with a remote model', () => {
  let server: ModelServer;
  let local: ReturnType<typeof area>;
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    local = area();
  });
  const configure = (model: string, over: Partial<Settings> = {}) => configureServer(local, server, model, over);

  it('tells the page the model name and the auto flag, never the key or the endpoint', async () => {
    await configure('nn-writer', { autoGenerate: true });
    expect(await modelOffer(local)).toEqual({ model: 'nn-writer', auto: true });
    expect((await readModelSetup(local)).config?.apiKey).toBe(server.apiKey);
  });

  it('binds an old bare key to the endpoint read with it, and sends no key to another origin', async () => {
    await configure('nn-writer');
    expect((await readModelSetup(local)).config?.apiKey).toBe(server.apiKey);
    expect(local.data.get(API_KEYS_KEY)).toEqual({ openai: { key: server.apiKey, origin: new URL(server.endpoints.openai).origin } });
    const settings = local.data.get(SETTINGS_KEY) as Settings;
    await local.set({ [SETTINGS_KEY]: { ...settings, providers: { ...settings.providers, openai: { endpoint: 'https://elsewhere.example/v1', model: 'nn-writer' } } } });
    const { config } = await readModelSetup(local);
    expect(config?.endpoint).toBe('https://elsewhere.example/v1');
    expect(config?.apiKey).toBeUndefined();
  });
});

describe('idleJob', () => {
  it('offers the model, and says when it runs on the device', () => {
    const prefs = DEFAULT_SETTINGS.prefs;
    expect(idleJob({ provider: 'openai', endpoint: 'https://x.example/v1', model: 'm', prefs })).toEqual({ status: 'idle', model: 'm' });
    expect(idleJob({ provider: 'local', endpoint: LOCAL_ENDPOINT, model: 'q', prefs })).toEqual({ status: 'idle', model: 'q', local: true });
  });
});
