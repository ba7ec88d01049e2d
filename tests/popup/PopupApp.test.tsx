// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAINT_WAIT_MS, firstPaint, PopupApp, preloadTab, type Preloaded } from '../../src/popup/PopupApp';
import { readyState } from '../ui/sample-card';
import { fakeBrowser } from './fake-browser';

afterEach(cleanup);

describe('PopupApp', () => {
  it('shows the card of the tab named in ?tab=', async () => {
    const b = fakeBrowser({ session: { 'tab:12': readyState() }, activeTabId: 1 });
    const { container } = render(<PopupApp browser={b} search="?tab=12" />);
    await waitFor(() => expect(container.querySelector('[data-testid=card]')).not.toBeNull());
    expect(container.querySelector('[data-testid=topic]')!.getAttribute('data-topic')).toBe('ai');
    expect(container.querySelectorAll('[data-testid=faq-item]')).toHaveLength(3);
  });

  it('uses the active tab without ?tab=', async () => {
    const b = fakeBrowser({ session: { 'tab:4': { status: 'loading', url: 'u' } }, activeTabId: 4 });
    render(<PopupApp browser={b} search="" />);
    await waitFor(() => expect(screen.getByTestId('status').getAttribute('data-status')).toBe('loading'));
    expect(b.storage.session.get).toHaveBeenCalled();
  });

  it('shows the loading status while it finds the tab, not a blank popup', async () => {
    const b = fakeBrowser({ activeTabId: 4 });
    let answer: (tabs: { id: number }[]) => void = () => undefined;
    b.tabs.query.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    render(<PopupApp browser={b} search="" />);
    expect(screen.getByTestId('status').getAttribute('data-status')).toBe('loading');
    await waitFor(() => expect(screen.getByTestId('status-live').textContent).toBe('Lagar kortet …'));
    answer([]);
    await waitFor(() => expect(screen.getByTestId('status').getAttribute('data-status')).toBe('none'));
  });

  it('explains the extension when the tab has no card, and opens the options', async () => {
    const b = fakeBrowser({ activeTabId: 3 });
    const onDone = vi.fn();
    render(<PopupApp browser={b} search="" onDone={onDone} />);
    await waitFor(() => expect(screen.getByTestId('status').getAttribute('data-status')).toBe('none'));
    expect(screen.getByTestId('status').textContent).toContain('Nynorsk-kort er laga for artiklar og trådar på spiceworks.com');
    fireEvent.click(screen.getByRole('button', { name: 'Opne innstillingane' }));
    expect(b.runtime.openOptionsPage).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('updates live when the tab state changes', async () => {
    const b = fakeBrowser({ session: { 'tab:8': { status: 'loading', url: 'u' } } });
    const { container } = render(<PopupApp browser={b} search="?tab=8" />);
    await screen.findByTestId('status-live');
    await act(() => b.storage.session.set({ 'tab:8': readyState() }));
    expect(container.querySelector('[data-testid=card]')).not.toBeNull();
    await act(() => b.storage.session.set({ 'tab:8': { status: 'error', url: 'u', message: 'Feil i testen.' } }));
    expect(screen.getByTestId('status-live').textContent).toContain('Feil i testen.');
  });
});

describe('PopupApp, preloaded', () => {
  it('shows the card read before it rendered, and asks for the active tab only once', async () => {
    const b = fakeBrowser({ session: { 'tab:12': readyState() }, activeTabId: 12 });
    const query = vi.spyOn(b.tabs, 'query');
    const preload = preloadTab(b, '');
    render(<PopupApp browser={b} search="" preload={preload} />);
    await screen.findByTestId('card');
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('paints the preloaded card even before its own read answers', async () => {
    const b = fakeBrowser({ activeTabId: 12 });
    render(<PopupApp browser={b} search="?tab=12" preload={Promise.resolve({ tabId: 12, state: readyState() })} />);
    await screen.findByTestId('card');
  });

  it('keeps a change that came between its read and the first render (a card finished meanwhile)', async () => {
    const b = fakeBrowser({ session: { 'tab:12': { status: 'loading', url: 'u' } } });
    const preload = preloadTab(b, '?tab=12');
    const initial = await preload;
    expect(initial.state?.status).toBe('loading');
    await b.storage.session.set({ 'tab:12': readyState() });
    const { container } = render(<PopupApp browser={b} search="?tab=12" preload={preload} initial={initial} />);
    await waitFor(() => expect(container.querySelector('[data-testid=card]')).not.toBeNull());
    // The preload's own listener is handed over: only the popup's watchers (card, model job, recent list) remain.
    await waitFor(() => expect(b.storage.session.get).toHaveBeenCalledWith('model:12'));
    expect(b.listeners.size).toBe(3);
  });

  it('falls back to reading the tab itself when the preload failed', async () => {
    const b = fakeBrowser({ session: { 'tab:12': readyState() }, activeTabId: 12 });
    render(<PopupApp browser={b} search="" preload={Promise.reject(new Error('gone'))} />);
    await screen.findByTestId('card');
  });
});

describe('PopupApp, first render with the card already read (firstPaint)', () => {
  it('paints the card in its first render, before the model job and the recent list are read', () => {
    const b = fakeBrowser({ session: { 'tab:12': readyState() } });
    // Neither storage read answers while we look: the card must not wait for them.
    b.storage.session.get.mockImplementation(() => new Promise(() => undefined));
    b.storage.local.get.mockImplementation(() => new Promise(() => undefined));
    const { container } = render(<PopupApp browser={b} search="?tab=12" initial={{ tabId: 12, state: readyState() }} />);
    expect(container.querySelector('[data-testid=card]')).not.toBeNull();
    expect(screen.queryByTestId('status')).toBeNull();
  });

  it('reads the card once: not again after the first render showed it', async () => {
    const b = fakeBrowser({ session: { 'tab:12': readyState() } });
    render(<PopupApp browser={b} search="?tab=12" initial={{ tabId: 12, state: readyState() }} />);
    // The effect still reads the model job (one get), never the card's key.
    await waitFor(() => expect(b.storage.session.get).toHaveBeenCalledWith('model:12'));
    expect(b.storage.session.get).not.toHaveBeenCalledWith('tab:12');
  });

  it('still follows the tab live after a first render with the card', async () => {
    const b = fakeBrowser({ session: { 'tab:12': readyState() } });
    render(<PopupApp browser={b} search="?tab=12" initial={{ tabId: 12, state: readyState() }} />);
    await waitFor(() => expect(b.storage.session.get).toHaveBeenCalledWith('model:12'));
    await act(() => b.storage.session.set({ 'tab:12': { status: 'error', url: 'u', message: 'Feil i testen.' } }));
    expect(screen.getByTestId('status-live').textContent).toContain('Feil i testen.');
  });

  it('with no tab found (initial tabId null) explains the extension', async () => {
    const b = fakeBrowser();
    render(<PopupApp browser={b} search="" initial={{ tabId: null, state: null }} />);
    await waitFor(() => expect(screen.getByTestId('status').getAttribute('data-status')).toBe('none'));
    expect(b.tabs.query).not.toHaveBeenCalled();
  });
});

describe('firstPaint', () => {
  afterEach(() => vi.useRealTimers());
  const got: Preloaded = { tabId: 12, state: readyState() };

  it('gives the preload when it comes in time', async () => {
    await expect(firstPaint(Promise.resolve(got))).resolves.toEqual(got);
  });

  it('gives null when the preload fails, so the popup renders and reads by itself', async () => {
    await expect(firstPaint(Promise.reject(new Error('gone')))).resolves.toBeNull();
  });

  it('gives null once the wait is over when the read is slow: the loading status is painted, not a blank popup', async () => {
    vi.useFakeTimers();
    let settled: Preloaded | null | undefined;
    void firstPaint(new Promise<Preloaded>(() => undefined)).then((v) => (settled = v));
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_WAIT_MS - 1);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeNull();
  });
});
