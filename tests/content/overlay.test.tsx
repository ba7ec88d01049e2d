// @vitest-environment jsdom
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay as create, OVERLAY_SELECTOR, type OverlayConfig, type OverlayHandle, type PanelModule } from '../../src/content/overlay';
import type { CardState } from '../../src/core/types';
import type { ModelControls } from '../../src/ui/ModelControls';
import { text } from '../../src/strings/text';
import { readyState } from '../ui/sample-card';

const opts = () => ({ onHideForSession: vi.fn(), onOpenOptions: vi.fn() });
const loadPanel = vi.fn(() => import('../../src/content/panel') as Promise<PanelModule>);

// Every overlay a test makes is destroyed afterwards (the host hangs from <html> and would put itself back).
const made: OverlayHandle[] = [];
function createOverlay(config: Partial<OverlayConfig> = {}): OverlayHandle {
  const o = create(document, { loadPanel, css: '', guard: { checkDelaysMs: [] }, ...config });
  made.push(o);
  return o;
}
const shadow = () => document.querySelector(OVERLAY_SELECTOR)!.shadowRoot!;
const pill = () => shadow().querySelector<HTMLButtonElement>('[data-testid=pill]');
const card = () => shadow().querySelector('[data-testid=card]');

afterEach(() => {
  made.splice(0).forEach((o) => o.destroy());
  document.querySelectorAll(OVERLAY_SELECTOR).forEach((el) => el.remove());
  document.body.innerHTML = '';
  loadPanel.mockClear();
});

describe('createOverlay', () => {
  it('inserts nothing until the first render, then one host with the pill', () => {
    const overlay = createOverlay();
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
    overlay.render(readyState(), opts());
    overlay.render(readyState(), opts());
    expect(document.querySelectorAll(OVERLAY_SELECTOR)).toHaveLength(1);
    expect(pill()!.textContent).toContain('Nynorsk-kort · kunstig intelligens');
    expect(pill()!.getAttribute('lang')).toBe('nn');
    expect(card()).toBeNull();
  });

  it('loads the panel code only when the card is opened', async () => {
    const overlay = createOverlay();
    overlay.render(readyState(), opts());
    expect(loadPanel).not.toHaveBeenCalled();
    await overlay.open('reader');
    expect(loadPanel).toHaveBeenCalledTimes(1);
    expect(card()).not.toBeNull();
    expect(pill()).toBeNull();
  });

  it('shows the URL topic while the card is on its way, then the card topic', () => {
    const overlay = createOverlay({ urlTopic: 'nettverk' });
    overlay.render({ status: 'loading', url: 'u' }, opts());
    expect(pill()!.textContent).toContain('Nynorsk-kort · nettverk');
    expect(pill()!.querySelector('.nk-spinner')).not.toBeNull();
    overlay.render(readyState(), opts());
    expect(pill()!.textContent).toContain('kunstig intelligens');
    expect(pill()!.querySelector('.nk-spinner')).toBeNull();
  });

  it('opens on a click, closes with the close button and gives focus back to the pill', async () => {
    const user = userEvent.setup();
    const overlay = createOverlay();
    overlay.render(readyState(), opts());
    await user.click(pill()!);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    const dialog = shadow().querySelector('[role=dialog]')!;
    await vi.waitFor(() => expect(shadow().activeElement).toBe(dialog));
    await user.click(shadow().querySelector<HTMLButtonElement>(`button[aria-label="${text.close}"]`)!);
    expect(card()).toBeNull();
    expect(overlay.isOpen()).toBe(false);
    expect(shadow().activeElement).toBe(pill());
  });

  it('opens from the keyboard with Enter and with Space, and Escape closes it', async () => {
    const user = userEvent.setup();
    const overlay = createOverlay();
    overlay.render(readyState(), opts());
    pill()!.focus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(card()).not.toBeNull());
    await user.keyboard('{Escape}');
    expect(card()).toBeNull();
    expect(shadow().activeElement).toBe(pill());
    await user.keyboard(' ');
    await vi.waitFor(() => expect(card()).not.toBeNull());
  });

  it('can start open by setting without stealing focus from the page', async () => {
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    outside.focus();
    const overlay = createOverlay();
    overlay.render(readyState(), opts());
    await overlay.open('setting');
    expect(card()).not.toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(outside);
    expect(shadow().activeElement).toBeNull();
  });

  it('keeps its open state across updates: loading, then the card', async () => {
    const overlay = createOverlay();
    const o = opts();
    overlay.render({ status: 'loading', url: 'u' }, o);
    await overlay.open('reader');
    expect(shadow().querySelector('[data-testid=status]')!.getAttribute('data-status')).toBe('loading');
    overlay.render(readyState(), o);
    expect(card()).not.toBeNull();
    (shadow().querySelector('[data-testid=hide-for-session]') as HTMLButtonElement).click();
    expect(o.onHideForSession).toHaveBeenCalledTimes(1);
  });

  it('draws a state in the panel only as its full check gives it back (a card that fails shows the error), checking each state once', async () => {
    const overlay = createOverlay();
    const failing = readyState();
    const checkCard = vi.fn((s: CardState): CardState => (s === failing ? { status: 'error', url: s.url, message: 'Kortet var ikkje i orden.' } : s));
    const loadCardCheck = vi.fn(() => Promise.resolve(checkCard));
    const o = { ...opts(), loadCardCheck };
    overlay.render(failing, o);
    // The pill reads the topic without the full check: it is loaded and run when the panel first draws the state.
    expect(pill()!.textContent).toContain('kunstig intelligens');
    expect(loadCardCheck).not.toHaveBeenCalled();
    await overlay.open('reader');
    expect(card()).toBeNull();
    expect(shadow().querySelector('[data-testid=status]')!.getAttribute('data-status')).toBe('error');
    expect(shadow().textContent).toContain('Kortet var ikkje i orden.');
    overlay.close();
    await overlay.open('reader');
    expect(checkCard).toHaveBeenCalledTimes(1);
    const good = readyState();
    overlay.render(good, o);
    expect(card()).not.toBeNull();
    expect(checkCard).toHaveBeenCalledTimes(2);
    expect(loadCardCheck).toHaveBeenCalledTimes(1);
  });

  it('opened before the check was asked for (the settings), draws a ready card only once its check has come', async () => {
    const overlay = createOverlay();
    overlay.render({ status: 'loading', url: 'u', title: 'Sidetittelen frå artikkelen' }, opts());
    await overlay.open('setting');
    let give!: (f: (s: CardState) => CardState) => void;
    const loadCardCheck = vi.fn(() => new Promise<(s: CardState) => CardState>((r) => (give = r)));
    const ready = readyState({ sourceTitle: 'Ukontrollert tittel' });
    overlay.render(ready, { ...opts(), loadCardCheck });
    expect(card()).toBeNull();
    expect(shadow().querySelector('[data-testid=status]')!.getAttribute('data-status')).toBe('loading');
    // The page's own title stays in what the panel shows; nothing of the unchecked card shows.
    expect(shadow().querySelector('.nk-status__loading')!.textContent).toContain('Sidetittelen frå artikkelen');
    expect(shadow().textContent).not.toContain('Ukontrollert tittel');
    expect(shadow().textContent).not.toContain('kunstig intelligens');
    give((s) => s);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    expect(loadCardCheck).toHaveBeenCalledTimes(1);
  });

  it('closed and opened again while the check is loading, shows the panel once it has come (never an empty overlay)', async () => {
    const overlay = createOverlay();
    overlay.render({ status: 'loading', url: 'u' }, opts());
    await overlay.open('setting');
    let give!: (f: (s: CardState) => CardState) => void;
    const o = { ...opts(), loadCardCheck: () => new Promise<(s: CardState) => CardState>((r) => (give = r)) };
    overlay.render(readyState(), o);
    overlay.close();
    expect(pill()).not.toBeNull();
    const opening = overlay.open('reader');
    // While it waits, a new state keeps the pill; nothing is drawn that the open then clears.
    overlay.render(readyState(), o);
    expect(pill()).not.toBeNull();
    give((s) => s);
    await opening;
    expect(card()).not.toBeNull();
    overlay.render(readyState(), o);
    expect(shadow().querySelector('[role=dialog]')).not.toBeNull();
    expect(card()).not.toBeNull();
  });

  it('opened, closed and opened again during the first load: one panel, drawn by the last open', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = vi.fn(() => gate.then(() => import('../../src/content/panel') as Promise<PanelModule>));
    const overlay = createOverlay({ loadPanel: slow });
    overlay.render(readyState(), opts());
    const first = overlay.open('reader');
    overlay.close();
    expect(pill()).not.toBeNull();
    const second = overlay.open('reader');
    release();
    await Promise.all([first, second]);
    expect(overlay.isOpen()).toBe(true);
    expect(shadow().querySelectorAll('[role=dialog]')).toHaveLength(1);
    expect(card()).not.toBeNull();
    overlay.close();
    expect(pill()).not.toBeNull();
    expect(card()).toBeNull();
  });

  it('loads the panel code again at the next open when the first load failed after the reader had closed the card', async () => {
    let fail!: (e: Error) => void;
    const load = vi
      .fn<() => Promise<PanelModule>>()
      .mockImplementationOnce(() => new Promise<PanelModule>((_, reject) => (fail = reject)))
      .mockImplementation(() => import('../../src/content/panel') as Promise<PanelModule>);
    const overlay = createOverlay({ loadPanel: load });
    overlay.render(readyState(), opts());
    const first = overlay.open('reader');
    overlay.close();
    fail(new Error('Extension context invalidated'));
    await first;
    await overlay.open('reader');
    expect(load).toHaveBeenCalledTimes(2);
    expect(card()).not.toBeNull();
  });

  it('says so on the pill when the card check will not load, and loads it again at the next open', async () => {
    const overlay = createOverlay();
    const loadCardCheck = vi.fn().mockRejectedValueOnce(new Error('Extension context invalidated')).mockResolvedValue((s: CardState) => s);
    overlay.render(readyState(), { ...opts(), loadCardCheck });
    await overlay.open('reader');
    expect(overlay.isOpen()).toBe(false);
    expect(card()).toBeNull();
    expect(pill()!.textContent).toContain(text.pillError);
    await overlay.open('reader');
    expect(card()).not.toBeNull();
    expect(loadCardCheck).toHaveBeenCalledTimes(2);
    overlay.close();
    expect(pill()!.textContent).not.toContain(text.pillError);
  });

  it('says so on the pill when the panel code will not load, and can try again', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('Extension context invalidated')));
    const overlay = createOverlay({ loadPanel: failing });
    overlay.render(readyState(), opts());
    await overlay.open('reader');
    expect(overlay.isOpen()).toBe(false);
    expect(pill()!.textContent).toContain(text.pillError);
    await overlay.open('reader');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('ignores a page script\'s click on "Lag nynorsk samandrag" in the open shadow root', async () => {
    const model = { job: { status: 'idle', model: 'm' } as const, onGenerate: vi.fn(), onCancel: vi.fn() };
    const overlay = createOverlay();
    overlay.render(readyState({ engine: { kind: 'digest' } }), { ...opts(), model });
    await overlay.open('setting');
    const button = shadow().querySelector('[data-testid=model-generate]') as HTMLButtonElement;
    expect(button).not.toBeNull();
    button.click();
    expect(model.onGenerate).not.toHaveBeenCalled();
  });

  it('tells on the pill that the model is writing', () => {
    const model: ModelControls = { job: { status: 'running', model: 'm', startedAt: '2026-01-01T00:00:00Z', partial: { summary: [], faq: [] } }, onGenerate: vi.fn(), onCancel: vi.fn() };
    createOverlay().render(readyState({ engine: { kind: 'digest' } }), { ...opts(), model });
    expect(pill()!.textContent).toContain('skriv samandrag');
  });

  it('destroy removes the host for good, even while the panel code loads', async () => {
    let release!: (m: PanelModule) => void;
    const slow = vi.fn(() => new Promise<PanelModule>((r) => (release = r)));
    const overlay = createOverlay({ loadPanel: slow });
    overlay.render(readyState(), opts());
    const opening = overlay.open('reader');
    overlay.destroy();
    release((await import('../../src/content/panel')) as PanelModule);
    await opening;
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
    overlay.render(readyState() as CardState, opts());
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
  });
});
