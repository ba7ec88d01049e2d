// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { modelCache, type StorageArea } from '../../src/model-cache';
import { OptionsApp } from '../../src/options/OptionsApp';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { fakeBrowser } from '../popup/fake-browser';
import { startModelServer, type ModelServer } from '../../support/model-server';

afterEach(cleanup);

/** The popup's fake browser plus what the options page needs: remove and permissions. */
function optionsBrowser(init: Parameters<typeof fakeBrowser>[0] = {}, grant = true) {
  const b = fakeBrowser(init);
  const remove = vi.fn(async (keys: string | string[]) => {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete b.areas.local[k];
  });
  const getMany = vi.fn(async (keys: string | string[]) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in b.areas.local).map((k) => [k, structuredClone(b.areas.local[k])])));
  const request = vi.fn(async (_p: { origins: string[] }) => grant);
  // The background: its own cache instance over the same storage.local (not the page's spies) answers 'model-cache:clear'.
  const backgroundLocal: StorageArea = {
    get: async (keys) => Object.fromEntries(Object.entries(b.areas.local).filter(([k]) => keys === null || (Array.isArray(keys) ? keys : [keys]).includes(k))),
    set: async (items) => void Object.assign(b.areas.local, structuredClone(items)),
    remove: async (keys) => {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete b.areas.local[k];
    },
  };
  const sendMessage = vi.fn(async (m: unknown) => {
    if ((m as { type?: unknown }).type !== 'model-cache:clear') return undefined;
    await modelCache(backgroundLocal).clear();
    return { ok: true };
  });
  return Object.assign(b, {
    storage: { ...b.storage, local: { ...b.storage.local, get: getMany, remove } },
    permissions: { request },
    runtime: { ...b.runtime, sendMessage },
  });
}

describe('options: the model engine', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());

  it('starts on "Berre innebygd" and shows the provider fields only when a model engine is picked', async () => {
    const user = userEvent.setup();
    const b = optionsBrowser();
    render(<OptionsApp browser={b} />);
    const builtin = (await screen.findByRole('radio', { name: 'Berre innebygd' })) as HTMLInputElement;
    expect(builtin.checked).toBe(true);
    expect(screen.queryByTestId('provider')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Ollama på denne maskinen' }));
    await waitFor(() => expect((b.areas.local.settings as { engine: string }).engine).toBe('ollama'));
    expect((screen.getByTestId('endpoint') as HTMLInputElement).value).toBe('http://localhost:11434');
    expect(screen.queryByTestId('api-key')).toBeNull();
    expect(screen.getByTestId('prefs')).toBeTruthy();
  });

  it('asks for the endpoint origin from the click, then tests the connection and lists the models', async () => {
    const user = userEvent.setup();
    const b = optionsBrowser({ local: { settings: { ...DEFAULT_SETTINGS, engine: 'ollama', providers: { ...DEFAULT_SETTINGS.providers, ollama: { endpoint: server.endpoints.ollama, model: '' } } } } });
    server.reset();
    render(<OptionsApp browser={b} fetch={(i, init) => fetch(i, init)} />);
    await user.click(await screen.findByRole('button', { name: 'Test tilkoplinga' }));
    // The pattern has no port (Firefox rejects one); it matches every port of the host.
    expect(b.permissions.request).toHaveBeenCalledWith({ origins: [`http://${new URL(server.url).hostname}/*`] });
    await waitFor(() => expect(screen.getByTestId('test-verdict').textContent).toContain('Tilkoplinga til'));
    expect(screen.getByTestId('test-verdict').getAttribute('data-ok')).toBe('false'); // no model chosen yet
    const pick = screen.getByTestId('model-pick') as HTMLSelectElement;
    expect([...pick.options].map((o) => o.value)).toContain('nn-writer:latest');
    fireEvent.change(pick, { target: { value: 'nn-writer:latest' } });
    await waitFor(() => expect((b.areas.local.settings as typeof DEFAULT_SETTINGS).providers.ollama.model).toBe('nn-writer:latest'));
    await user.click(screen.getByRole('button', { name: 'Test tilkoplinga' }));
    await waitFor(() => expect(screen.getByTestId('test-verdict').getAttribute('data-ok')).toBe('true'));
    expect(server.requests.every((r) => r.path === '/api/tags')).toBe(true);
  });

  it('sends nothing when the user refuses the permission, and says what to do', async () => {
    const user = userEvent.setup();
    const b = optionsBrowser({ local: { settings: { ...DEFAULT_SETTINGS, engine: 'openai', providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint: server.endpoints.openai, model: 'nn-writer' } } } } }, false);
    server.reset();
    render(<OptionsApp browser={b} fetch={(i, init) => fetch(i, init)} />);
    await user.click(await screen.findByRole('button', { name: 'Test tilkoplinga' }));
    // The endpoint's origin, not the endpoint with its path.
    await waitFor(() => expect(screen.getByTestId('test-verdict').textContent).toContain(`Utan lov til å nå ${new URL(server.endpoints.openai).origin} kan`));
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the API key apart from the settings, in storage.local only', async () => {
    const b = optionsBrowser({ local: { settings: { ...DEFAULT_SETTINGS, engine: 'anthropic' } } });
    render(<OptionsApp browser={b} />);
    const key = (await screen.findByTestId('api-key')) as HTMLInputElement;
    expect(key.type).toBe('password');
    fireEvent.change(key, { target: { value: 'sk-ant-secret' } });
    await waitFor(() => expect(b.areas.local.apiKeys).toEqual({ anthropic: { key: 'sk-ant-secret', origin: 'https://api.anthropic.com' } }));
    expect(JSON.stringify(b.areas.local.settings)).not.toContain('sk-ant-secret');
  });

  it('asks for the key again when the endpoint moves to another origin, and never shows or sends the old one there', async () => {
    const b = optionsBrowser({
      local: {
        settings: { ...DEFAULT_SETTINGS, engine: 'openai', providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint: 'https://api.openai.com/v1', model: 'm' } } },
        apiKeys: { openai: 'sk-old' },
      },
    });
    render(<OptionsApp browser={b} />);
    const key = (await screen.findByTestId('api-key')) as HTMLInputElement;
    // The old bare key is bound to the endpoint it was stored with, and written back so.
    await waitFor(() => expect(b.areas.local.apiKeys).toEqual({ openai: { key: 'sk-old', origin: 'https://api.openai.com' } }));
    expect(key.value).toBe('sk-old');
    fireEvent.change(screen.getByTestId('endpoint'), { target: { value: 'https://other.example/v1' } });
    await waitFor(() => expect(key.value).toBe(''));
    expect(screen.getByTestId('api-key-note').textContent).toBe('API-nøkkelen du lagra, høyrer til https://api.openai.com. Skriv han inn på nytt for denne adressa.');
    fireEvent.change(key, { target: { value: 'sk-new' } });
    await waitFor(() => expect(b.areas.local.apiKeys).toEqual({ openai: { key: 'sk-new', origin: 'https://other.example' } }));
    fireEvent.change(screen.getByTestId('endpoint'), { target: { value: 'http://llm.lan:8080/v1' } });
    await waitFor(() => expect(screen.getByTestId('api-key-note').textContent).toContain('blir ikkje send over http'));
  });

  it('takes no key while the endpoint is not a web address, since there is no origin to bind it to', async () => {
    const b = optionsBrowser({ local: { settings: { ...DEFAULT_SETTINGS, engine: 'openai' } } });
    render(<OptionsApp browser={b} />);
    const key = (await screen.findByTestId('api-key')) as HTMLInputElement;
    fireEvent.change(screen.getByTestId('endpoint'), { target: { value: 'api.openai.com/v1' } });
    await waitFor(() => expect(key.disabled).toBe(true));
    expect(screen.getByTestId('api-key-note').textContent).toBe('Skriv inn ei gyldig adresse (http eller https) først: nøkkelen blir berre send til den adressa.');
    fireEvent.change(key, { target: { value: 'sk-nowhere' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(b.areas.local.apiKeys).toBeUndefined();
    fireEvent.change(screen.getByTestId('endpoint'), { target: { value: 'https://api.openai.com/v1' } });
    await waitFor(() => expect(key.disabled).toBe(false));
  });

  it('saves the Nynorsk preferences and the auto flag', async () => {
    const user = userEvent.setup();
    const b = optionsBrowser({ local: { settings: { ...DEFAULT_SETTINGS, engine: 'openai' } } });
    render(<OptionsApp browser={b} />);
    await user.click(await screen.findByRole('radio', { name: 'a-infinitiv (å skriva)' }));
    await user.click(screen.getByRole('radio', { name: 'vi' }));
    await user.click(screen.getByRole('radio', { name: 'Kort samandrag' }));
    await user.click(screen.getByTestId('auto-generate'));
    await waitFor(() =>
      expect(b.areas.local.settings).toMatchObject({ prefs: { infinitive: 'a', pronoun: 'vi', length: 'short' }, autoGenerate: true }),
    );
  });

  it('counts the stored model cards and clears them', async () => {
    const user = userEvent.setup();
    const b = optionsBrowser({ local: { 'modelCard:index': ['a', 'b'], 'modelCard:a': {}, 'modelCard:b': {}, other: 1 } });
    render(<OptionsApp browser={b} />);
    await waitFor(() => expect(screen.getByTestId('cache-count').textContent).toBe('Lagra samandrag: 2'));
    await user.click(screen.getByRole('button', { name: 'Slett alle lagra samandrag' }));
    await waitFor(() => expect(screen.getByTestId('cache-count').textContent).toBe('Lagra samandrag: 0'));
    expect(Object.keys(b.areas.local)).toEqual(['other']);
    // The background cleared them: the page asked, and never removed anything itself.
    expect(b.runtime.sendMessage).toHaveBeenCalledWith({ type: 'model-cache:clear' });
    expect(b.storage.local.remove).not.toHaveBeenCalled();
  });

  it('says so when the background does not clear the stored model cards, and keeps the count', async () => {
    const user = userEvent.setup();
    const b = optionsBrowser({ local: { 'modelCard:index': ['a'], 'modelCard:a': {} } });
    b.runtime.sendMessage.mockImplementation(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(<OptionsApp browser={b} />);
    await waitFor(() => expect(screen.getByTestId('cache-count').textContent).toBe('Lagra samandrag: 1'));
    await user.click(screen.getByRole('button', { name: 'Slett alle lagra samandrag' }));
    expect(await screen.findByText('Samandraga vart ikkje sletta. Lukk innstillingane, opne dei att og prøv på nytt.')).toBeTruthy();
    expect(screen.getByTestId('cache-count').textContent).toBe('Lagra samandrag: 1');
  });

  it('says what the cache holds, its bounds, and when storage was full or a card could not be stored (issue 12, defect 7)', async () => {
    const user = userEvent.setup();
    const note = { kind: 'evicted', at: '2026-12-01T10:00:00.000Z', message: 'QUOTA_BYTES quota exceeded' };
    const b = optionsBrowser({ local: { 'modelCard:index': { v: 2, entries: [['a', 2500]], note }, 'modelCard:a': {}, settings: DEFAULT_SETTINGS } });
    render(<OptionsApp browser={b} />);
    await waitFor(() => expect(screen.getByTestId('cache-note').textContent).toContain('Lagringsplassen i nettlesaren var full'));
    expect(screen.getByTestId('cache-count').textContent).toBe('Lagra samandrag: 1');
    expect(screen.getByTestId('cache-used').textContent).toContain('2,5 kB');
    expect(screen.getByTestId('cache-limits').textContent).toContain('opptil 100 samandrag og 4,2 MB');
    await user.click(screen.getByRole('button', { name: 'Slett alle lagra samandrag' }));
    await waitFor(() => expect(screen.queryByTestId('cache-note')).toBeNull());
    expect(Object.keys(b.areas.local)).toEqual(['settings']);
    cleanup();
    const failed = { kind: 'failed', at: '2026-12-01T10:00:00.000Z', message: 'could not store the card: QUOTA_BYTES quota exceeded' };
    const b2 = optionsBrowser({ local: { 'modelCard:index': { v: 2, entries: [], note: failed } } });
    render(<OptionsApp browser={b2} />);
    await waitFor(() => expect(screen.getByTestId('cache-note').getAttribute('data-kind')).toBe('failed'));
    expect(screen.getByTestId('cache-note').textContent).toContain('Innstillingane og dei andre samandraga er urørte');
  });
});
