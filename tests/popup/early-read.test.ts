import { describe, expect, it } from 'vitest';
import { readEarly } from '../../src/popup/early-read';
import { preloadTab } from '../../src/popup/PopupApp';
import { readyState } from '../ui/sample-card';
import { fakeBrowser } from './fake-browser';

describe('readEarly (popup.js\'s first statement)', () => {
  it('reads the raw state of the tab in ?tab=, unchecked', async () => {
    const b = fakeBrowser({ session: { 'tab:5': { status: 'bogus' } }, activeTabId: 1 });
    const got = await readEarly(b, '?tab=5');
    expect(got).toMatchObject({ tabId: 5, raw: { status: 'bogus' } });
    expect(b.tabs.query).not.toHaveBeenCalled();
  });

  it('asks for the active tab without ?tab=, and reads nothing when there is none', async () => {
    const b = fakeBrowser({});
    expect(await readEarly(b, '')).toEqual({ tabId: null });
    expect(b.storage.session.get).not.toHaveBeenCalled();
    expect(b.listeners.size).toBe(0);
  });

  it('says the read failed, and still hands over', async () => {
    const b = fakeBrowser({ activeTabId: 3 });
    b.storage.session.get.mockRejectedValueOnce(new Error('gone'));
    const got = await readEarly(b, '');
    expect(got.failed).toBe(true);
    expect(got.handOver?.()).toBeUndefined();
    expect(b.listeners.size).toBe(0);
  });

  it('follows the tab from before the read: the newest change is handed over, other keys and areas are not', async () => {
    const b = fakeBrowser({ session: { 'tab:7': { status: 'loading', url: 'u' } } });
    const got = await readEarly(b, '?tab=7');
    await b.storage.session.set({ 'tab:8': readyState() });
    await b.storage.local.set({ 'tab:7': 'local area' });
    expect(got.handOver?.()).toBeUndefined();
    const got2 = await readEarly(b, '?tab=7');
    await b.storage.session.set({ 'tab:7': readyState() });
    expect(got2.handOver?.()).toEqual({ raw: readyState() });
    expect(b.listeners.size).toBe(0);
  });
});

describe('preloadTab with the early read', () => {
  it('validates what the early read found: a malformed state counts as none', async () => {
    const b = fakeBrowser({});
    const got = await preloadTab(b, '?tab=5', Promise.resolve({ tabId: 5, raw: { status: 'ready', card: 'not a card' } }));
    expect(got.state).toEqual({ status: 'none' });
  });

  it('gives no state when the early read failed, so the popup reads again', async () => {
    const b = fakeBrowser({});
    const got = await preloadTab(b, '?tab=5', Promise.resolve({ tabId: 5, failed: true }));
    expect(got.state).toBeNull();
  });

  it('validates the handed-over change too', async () => {
    const b = fakeBrowser({});
    const got = await preloadTab(b, '?tab=5', Promise.resolve({ tabId: 5, raw: undefined, handOver: () => ({ raw: readyState() }) }));
    expect(got.state).toEqual({ status: 'none' });
    expect(got.handOver?.()).toEqual(readyState());
  });
});
