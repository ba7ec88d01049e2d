import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelDeps } from '../../../src/background/model/deps';
import { preflight } from '../../../src/background/model/preflight';
import { LOCAL_MODEL_KEY } from '../../../src/core/local/models';
import { fill } from '../../../src/core/template';
import { API_KEYS_KEY } from '../../../src/api-keys';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/settings';
import { text } from '../../../src/strings/text';
import { LOCAL_MODEL_ID, makeLocalModelRecord, makeLocalSettings } from '../../factories/local-model';
import { area } from '../../support/background-fakes';

describe('preflight', () => {
  let local: ReturnType<typeof area>;
  let deps: Pick<ModelDeps, 'storage' | 'permissions' | 'localTransport'>;
  const remote = (endpoint: string) =>
    local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, engine: 'openai', providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint, model: 'm' } } },
      [API_KEYS_KEY]: { openai: 'sk-test' },
    });
  beforeEach(() => {
    local = area();
    deps = { storage: { local, session: area() }, permissions: { contains: vi.fn(async () => true) } };
  });

  it('refuses without a configured model', async () => {
    expect(await preflight(deps)).toEqual({ ok: false, model: '', message: text.modelNotConfigured });
  });

  it('lets a remote model go only to a valid endpoint whose origin is granted', async () => {
    await remote('https://api.example.com/v1');
    const ok = await preflight(deps);
    expect(ok.ok && ok.config.model).toBe('m');
    expect(ok.ok && ok.transport).toBeUndefined();
    expect(deps.permissions.contains).toHaveBeenCalledWith({ origins: ['https://api.example.com/*'] });
    deps.permissions.contains = async () => false;
    expect(await preflight(deps)).toEqual({ ok: false, model: 'm', message: fill(text.modelNoPermission, { origin: 'https://api.example.com' }) });
    deps.permissions.contains = async () => Promise.reject(new Error('no permissions API'));
    expect((await preflight(deps)).ok).toBe(false);
  });

  it('refuses an endpoint that is no web address', async () => {
    await remote('not a url');
    expect(await preflight(deps)).toEqual({ ok: false, model: 'm', message: fill(text.modelBadEndpoint, { endpoint: 'not a url' }) });
  });

  it('gives the on-device model its engine host, asking no permission', async () => {
    await local.set({ [SETTINGS_KEY]: makeLocalSettings(), [LOCAL_MODEL_KEY]: makeLocalModelRecord() });
    expect(await preflight(deps)).toEqual({ ok: false, model: LOCAL_MODEL_ID, message: text.localEngineMissing });
    const transport = vi.fn();
    deps.localTransport = transport;
    const ok = await preflight(deps);
    expect(ok.ok && ok.transport).toBe(transport);
    expect(deps.permissions.contains).not.toHaveBeenCalled();
  });
});
