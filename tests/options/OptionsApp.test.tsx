// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../src/options/OptionsApp';
import { loadSettings, saveSettings } from '../../src/options/settings-store';
import { fakeBrowser } from '../popup/fake-browser';
import { DEFAULT_SETTINGS } from '../../src/settings';

afterEach(cleanup);

describe('settings-store', () => {
  it('loads defaults from empty or broken storage and migrates old values', async () => {
    expect(await loadSettings(fakeBrowser())).toEqual({ ...DEFAULT_SETTINGS, overlay: 'pill' });
    expect(await loadSettings(fakeBrowser({ local: { settings: 'tull' } }))).toEqual({ ...DEFAULT_SETTINGS, overlay: 'pill' });
    expect(await loadSettings(fakeBrowser({ local: { settings: { showOverlay: false } } }))).toEqual({ ...DEFAULT_SETTINGS, overlay: 'off' });
  });
  it('saves under the settings key', async () => {
    const b = fakeBrowser();
    await saveSettings(b, { ...DEFAULT_SETTINGS, overlay: 'open' });
    expect(b.areas.local.settings).toEqual({ ...DEFAULT_SETTINGS, overlay: 'open' });
  });
});

describe('OptionsApp', () => {
  it('shows the stored overlay mode', async () => {
    render(<OptionsApp browser={fakeBrowser({ local: { settings: { ...DEFAULT_SETTINGS, overlay: 'off' } } })} />);
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Ikkje vis på sida' }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('radio', { name: 'Vis som ein liten knapp' }) as HTMLInputElement).checked).toBe(false);
  });

  it('saves a new choice and confirms it politely', async () => {
    const user = userEvent.setup();
    const b = fakeBrowser();
    render(<OptionsApp browser={b} />);
    const open = screen.getByRole('radio', { name: 'Opne kortet med ein gong' }) as HTMLInputElement;
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Vis som ein liten knapp' }) as HTMLInputElement).checked).toBe(true));
    await user.click(open);
    await waitFor(() => expect(b.areas.local.settings).toEqual({ ...DEFAULT_SETTINGS, overlay: 'open' }));
    const status = screen.getByTestId('options-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(status.textContent).toBe('Innstillinga er lagra.'));
    expect(open.checked).toBe(true);
  });

  it('says so when saving fails', async () => {
    const user = userEvent.setup();
    const b = fakeBrowser();
    b.storage.local.set.mockRejectedValueOnce(new Error('kvote full'));
    render(<OptionsApp browser={b} />);
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Vis som ein liten knapp' }) as HTMLInputElement).checked).toBe(true));
    await user.click(screen.getByRole('radio', { name: 'Ikkje vis på sida' }));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toContain('kvote full'));
  });

  it('after a failed read writes nothing (no defaults over stored data) and offers to read again', async () => {
    const user = userEvent.setup();
    const stored = { ...DEFAULT_SETTINGS, overlay: 'off' as const, engine: 'openai' as const, providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint: 'https://llm.example/v1', model: 'm' } } };
    const b = fakeBrowser({ local: { settings: stored } });
    b.storage.local.get.mockRejectedValueOnce(new Error('storage busy'));
    render(<OptionsApp browser={b} />);
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe('Innstillingane kunne ikkje lesast, så ingenting blir lagra før dei er lesne. Prøv igjen.'));
    const pill = screen.getByRole('radio', { name: 'Vis som ein liten knapp' }) as HTMLInputElement;
    expect(pill.matches(':disabled')).toBe(true);
    await user.click(pill);
    expect(screen.queryByTestId('engine')).toBeNull();
    expect(b.storage.local.set).not.toHaveBeenCalled();
    expect(b.areas.local.settings).toEqual(stored);
    await user.click(screen.getByRole('button', { name: 'Les innstillingane på nytt' }));
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Ikkje vis på sida' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.queryByRole('button', { name: 'Les innstillingane på nytt' })).toBeNull();
    expect(screen.getByTestId('options-status').textContent).toBe('');
  });

  it('a failed read of the API keys also blocks saving, so one key never wipes the others', async () => {
    const b = fakeBrowser({ local: { settings: { ...DEFAULT_SETTINGS, engine: 'openai' }, apiKeys: { openai: 'sk-1', anthropic: 'sk-2' } } });
    const get = b.storage.local.get.getMockImplementation()!;
    b.storage.local.get.mockImplementation(async (key: string | string[]) => (key === 'apiKeys' ? Promise.reject(new Error('busy')) : get(key)));
    render(<OptionsApp browser={b} />);
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toContain('Innstillingane kunne ikkje lesast'));
    expect(screen.queryByTestId('api-key')).toBeNull();
    expect(b.storage.local.set).not.toHaveBeenCalled();
  });

  it('describes the built-in engine and that nothing leaves the browser', async () => {
    render(<OptionsApp browser={fakeBrowser()} />);
    const engine = await screen.findByTestId('engine');
    expect(engine.textContent).toContain('Berre innebygd');
    expect(engine.textContent).toContain('Ingenting av det du les, blir sendt ut av nettlesaren.');
  });
});
