// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEEDBACK_KEY } from '../../src/feedback';
import { OptionsApp } from '../../src/options/OptionsApp';
import { CHROME_SHORTCUTS_URL, openShortcutSettings } from '../../src/options/shortcut-settings';
import { RECENT_KEY } from '../../src/recent';
import { text } from '../../src/strings/options-text';
import { fakeBrowser } from '../popup/fake-browser';
import { sampleCard } from '../ui/sample-card';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const commands = (shortcuts: Record<string, string>) => ({
  getAll: vi.fn(async () => Object.entries(shortcuts).map(([name, shortcut]) => ({ name, shortcut, description: '' }))),
});

describe('options: shortcuts', () => {
  it('shows each shortcut as the browser has it, and "ikkje sett" for one without keys', async () => {
    const b = { ...fakeBrowser(), commands: commands({ _execute_action: 'Alt+Shift+N', 'toggle-card': 'Alt+Shift+K', 'generate-summary': '' }) };
    render(<OptionsApp browser={b} />);
    await waitFor(() => expect(screen.getByTestId('shortcuts').querySelector('[data-command=toggle-card]')!.getAttribute('data-shortcut')).toBe('Alt+Shift+K'));
    const rows = [...screen.getByTestId('shortcuts').querySelectorAll('[data-command]')].map((r) => r.textContent);
    expect(rows).toEqual([`${text.shortcutAction}Alt+Shift+N`, `${text.shortcutToggle}Alt+Shift+K`, `${text.shortcutGenerate}${text.shortcutNone}`]);
  });

  it('opens the browser’s shortcut settings: Firefox’s own call, else chrome://extensions/shortcuts', async () => {
    const openFirefox = vi.fn(async () => undefined);
    const create = vi.fn(async () => ({}));
    expect(await openShortcutSettings({ commands: { getAll: async () => [], openShortcutSettings: openFirefox }, tabs: { create } })).toBe(true);
    expect(openFirefox).toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    expect(await openShortcutSettings({ commands: { getAll: async () => [] }, tabs: { create } })).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: CHROME_SHORTCUTS_URL });
    expect(await openShortcutSettings({ tabs: { create: async () => Promise.reject(new Error('no')) } })).toBe(false);
  });

  it('tells where the settings are when the browser would not open them', async () => {
    const b = { ...fakeBrowser(), commands: commands({}) };
    render(<OptionsApp browser={b} />);
    fireEvent.click(await screen.findByTestId('shortcuts-change'));
    expect((await screen.findByRole('alert')).textContent).toContain('chrome://extensions/shortcuts');
  });
});

describe('options: recent cards and feedback', () => {
  it('one switch turns the recent list off and forgets it', async () => {
    const b = fakeBrowser({ local: { [RECENT_KEY]: [{ url: 'https://www.spiceworks.com/x/', key: 'a:x' }] } });
    render(<OptionsApp browser={b} />);
    const box = (await screen.findByRole('checkbox', { name: text.historyLabel })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
    expect(screen.getByTestId('history').textContent).toContain('aldri synkronisert');
    fireEvent.click(box);
    await waitFor(() => expect((b.areas.local.settings as { history?: boolean }).history).toBe(false));
    expect(b.areas.local[RECENT_KEY]).toEqual([]);
  });

  it('exports the feedback list as a JSON file and can delete it', async () => {
    const entry = { kind: 'fact', note: 'Feil årstal', url: 'https://www.spiceworks.com/tech/cloud/news/a/', card: sampleCard(), createdAt: '2026-01-01T00:00:00.000Z' };
    const b = fakeBrowser({ local: { [FEEDBACK_KEY]: [entry] } });
    // The file the link points at (jsdom's Blob is not Node's, so the URL itself cannot be read back here).
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (files.push(blob as Blob), `blob:nk-${files.length}`));
    render(<OptionsApp browser={b} />);
    const link = (await screen.findByTestId('feedback-export')) as HTMLAnchorElement;
    expect(screen.getByTestId('feedback-count').textContent).toBe('Lagra tilbakemeldingar: 1');
    expect(link.getAttribute('download')).toBe('nynorsk-kort-tilbakemeldingar.json');
    expect(link.getAttribute('href')).toBe(`blob:nk-${files.length}`);
    const json = await files[files.length - 1]!.text();
    expect((JSON.parse(json) as { entries: unknown[] }).entries).toEqual([entry]);
    fireEvent.click(screen.getByRole('button', { name: text.feedbackClear }));
    await screen.findByText(text.feedbackCleared);
    expect(b.areas.local[FEEDBACK_KEY]).toEqual([]);
    expect(screen.queryByTestId('feedback-export')).toBeNull();
  });
});
