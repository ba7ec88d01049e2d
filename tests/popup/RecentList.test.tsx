// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../src/popup/PopupApp';
import { RECENT_SHOWN } from '../../src/popup/RecentList';
import { RECENT_KEY, type RecentEntry } from '../../src/recent';
import { text } from '../../src/strings/text';
import { readyState } from '../ui/sample-card';
import { fakeBrowser } from './fake-browser';

afterEach(cleanup);

const entry = (i: number): RecentEntry => ({
  url: `https://www.spiceworks.com/tech/cloud/news/sak-${i}/`,
  key: `a:sak-${i}`,
  title: `Sak nummer ${i}`,
  topic: { id: 'cloud', label: 'Skytenester' },
  openedAt: `2026-03-0${(i % 9) + 1}T10:00:00.000Z`,
});

describe('Sist opna kort in the popup', () => {
  it('lists the last cards on a page without a card: title, topic, date; a click opens the article', async () => {
    const b = fakeBrowser({ local: { [RECENT_KEY]: [entry(1), entry(2)] }, activeTabId: 3 });
    const create = vi.fn(async () => ({}));
    (b.tabs as { create?: typeof create }).create = create;
    const onDone = vi.fn();
    render(<PopupApp browser={b} search="" onDone={onDone} />);
    const items = await screen.findAllByTestId('recent-item');
    expect(items.map((i) => i.textContent)).toEqual(['Sak nummer 1Skytenester · opna 2. mars 2026', 'Sak nummer 2Skytenester · opna 3. mars 2026']);
    await waitFor(() => expect(screen.getByTestId('status').getAttribute('data-status')).toBe('none'));
    fireEvent.click(screen.getByRole('link', { name: 'Sak nummer 2' }));
    expect(create).toHaveBeenCalledWith({ url: entry(2).url });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('shows at most RECENT_SHOWN, below a ready card too, and clears the stored list', async () => {
    const many = Array.from({ length: RECENT_SHOWN + 4 }, (_, i) => entry(i));
    const b = fakeBrowser({ session: { 'tab:5': readyState() }, local: { [RECENT_KEY]: many } });
    const { container } = render(<PopupApp browser={b} search="?tab=5" />);
    expect(await screen.findAllByTestId('recent-item')).toHaveLength(RECENT_SHOWN);
    await waitFor(() => expect(container.querySelector('[data-testid=card]')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: text.recentClear }));
    await screen.findByTestId('recent-empty');
    expect(b.areas.local[RECENT_KEY]).toEqual([]);
  });

  it('is absent when the reader turned the list off', async () => {
    const b = fakeBrowser({ local: { settings: { history: false }, [RECENT_KEY]: [entry(1)] }, activeTabId: 3 });
    render(<PopupApp browser={b} search="" />);
    await waitFor(() => expect(screen.getByTestId('status').getAttribute('data-status')).toBe('none'));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('recent')).toBeNull();
  });

  it('sends feedback on the card to the background', async () => {
    const b = fakeBrowser({ session: { 'tab:5': readyState() } });
    const sendMessage = vi.fn(async () => ({ ok: true }));
    b.runtime.sendMessage = sendMessage;
    render(<PopupApp browser={b} search="?tab=5" />);
    fireEvent.click(await screen.findByRole('button', { name: text.feedbackOpen }));
    fireEvent.click(screen.getByRole('button', { name: text.feedbackSave }));
    await waitFor(() => expect(screen.getByTestId('actions-status').textContent).toBe(text.feedbackSaved));
    const state = readyState();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'feedback:add', kind: 'fact', note: '', url: state.url, card: state.status === 'ready' ? state.card : null });
  });
});

describe('recent entries', () => {
  it('marks a fact card\'s English title as English, and shows the topic with a capital', async () => {
    const { recentEntryOf } = await import('../../src/recent');
    const { sampleCard } = await import('../ui/sample-card');
    const url = 'https://www.spiceworks.com/tech/artificial-intelligence/news/a-test-card/';
    const card = sampleCard({ url, source: { site: 'Spiceworks', url }, title: 'A Test Card About Artificial Intelligence', topic: { id: 'ai', label: 'kunstig intelligens', confidence: 0.5 } });
    const e = recentEntryOf(card, new Date('2026-03-01T10:00:00Z'))!;
    expect(e.english).toBe(true);
    const b = fakeBrowser({ local: { [RECENT_KEY]: [e] }, activeTabId: 3 });
    render(<PopupApp browser={b} search="" />);
    const link = await screen.findByRole('link', { name: card.title });
    expect(link.getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('recent-item').textContent).toContain('Kunstig intelligens · opna');
  });
});
