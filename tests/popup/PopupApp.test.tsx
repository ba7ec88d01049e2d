// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, preloadTab } from '../../src/popup/PopupApp';
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

  it('falls back to reading the tab itself when the preload failed', async () => {
    const b = fakeBrowser({ session: { 'tab:12': readyState() }, activeTabId: 12 });
    render(<PopupApp browser={b} search="" preload={Promise.reject(new Error('gone'))} />);
    await screen.findByTestId('card');
  });
});
