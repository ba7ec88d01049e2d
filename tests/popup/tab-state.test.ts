import { describe, expect, it, vi } from 'vitest';
import { readTabState, resolveTabId, tabIdFromSearch, watchTabState } from '../../src/popup/tab-state';
import { readyState } from '../ui/sample-card';
import { fakeBrowser } from './fake-browser';

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id> and rejects anything else', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=7')).toBe(7);
    expect(tabIdFromSearch('')).toBeNull();
    expect(tabIdFromSearch('?tab=')).toBeNull();
    expect(tabIdFromSearch('?tab=-3')).toBeNull();
    expect(tabIdFromSearch('?tab=4x')).toBeNull();
  });
});

describe('resolveTabId', () => {
  it('prefers the query parameter and does not ask for tabs then', async () => {
    const b = fakeBrowser({ activeTabId: 9 });
    expect(await resolveTabId(b, '?tab=3')).toBe(3);
    expect(b.tabs.query).not.toHaveBeenCalled();
  });
  it('falls back to the active tab of the current window', async () => {
    const b = fakeBrowser({ activeTabId: 9 });
    expect(await resolveTabId(b, '')).toBe(9);
    expect(b.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await resolveTabId(fakeBrowser(), '')).toBeNull();
  });
});

describe('readTabState', () => {
  it('returns the stored state of that tab', async () => {
    const state = readyState();
    const b = fakeBrowser({ session: { 'tab:5': state, 'tab:6': { status: 'loading', url: 'x' } } });
    expect(await readTabState(b, 5)).toEqual(state);
    expect(await readTabState(b, 6)).toEqual({ status: 'loading', url: 'x' });
  });
  it('treats a missing or malformed state as none', async () => {
    const b = fakeBrowser({ session: { 'tab:1': { status: 'ready', url: 'x', card: { title: 'halvt kort' } } } });
    expect(await readTabState(b, 1)).toEqual({ status: 'none' });
    expect(await readTabState(b, 2)).toEqual({ status: 'none' });
  });
});

describe('watchTabState', () => {
  it('reports changes to its own tab in storage.session only, until unsubscribed', async () => {
    const b = fakeBrowser();
    const seen = vi.fn();
    const stop = watchTabState(b, 5, seen);
    await b.storage.session.set({ 'tab:6': { status: 'none' } });
    await b.storage.local.set({ 'tab:5': { status: 'none' } });
    expect(seen).not.toHaveBeenCalled();
    await b.storage.session.set({ 'tab:5': { status: 'loading', url: 'u' } });
    expect(seen).toHaveBeenLastCalledWith({ status: 'loading', url: 'u' });
    await b.storage.session.set({ 'tab:5': 'søppel' });
    expect(seen).toHaveBeenLastCalledWith({ status: 'none' });
    stop();
    await b.storage.session.set({ 'tab:5': { status: 'none' } });
    expect(seen).toHaveBeenCalledTimes(2);
    expect(b.listeners.size).toBe(0);
  });
});
