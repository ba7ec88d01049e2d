/**
 * How the popup finds its tab's card state: the tab id from `?tab=<id>` (so
 * a test can open the popup as a page for a given tab) or the active tab,
 * then the validated state from storage.session, kept live via onChanged.
 * Takes a `browser`-like object as a test seam instead of importing the
 * polyfill, so tests pass a fake.
 */
import type { CardState } from '../core/types';
import { isCardState } from '../core/validate';
import { tabStateKey } from '../storage-keys';
import type { Transport } from '../rpc';
import { watchSessionKey, type ChangeListener } from './early-read';

export { resolveTabId, tabIdFromSearch } from './early-read';


/** The part of the extension API the popup uses. */
export type PopupBrowser = {
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>;
    /** Messages the tab's content script ("Vis i teksten"); needs no `tabs` permission. */
    sendMessage?(tabId: number, message: unknown): Promise<unknown>;
    /** Opens an article from "Sist opna kort". */
    create?(p: { url: string }): Promise<unknown>;
  };
  storage: {
    session: { get(keys: string): Promise<Record<string, unknown>> };
    /** "Sist opna kort" (storage.local; never storage.sync). */
    local?: { get(keys: string | string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    onChanged: { addListener(fn: ChangeListener): void; removeListener(fn: ChangeListener): void };
  };
  runtime: { openOptionsPage(): Promise<void>; sendMessage?(message: unknown): Promise<unknown> };
};

/** Reads the tab's card state; anything missing or malformed counts as "none". */
export async function readTabState(browser: PopupBrowser, tabId: number): Promise<CardState> {
  const key = tabStateKey(tabId);
  const got = await browser.storage.session.get(key);
  return toState(got[key]);
}

/** Calls `onChange` whenever the tab's stored state changes; returns an unsubscribe function. */
export function watchTabState(browser: PopupBrowser, tabId: number, onChange: (state: CardState) => void): () => void {
  return watchSessionKey(browser, tabStateKey(tabId), (raw) => onChange(toState(raw)));
}

const NONE: CardState = { status: 'none' };
/** A stored value as a card state; anything missing or malformed counts as "none". */
export const toState = (v: unknown): CardState => (isCardState(v) ? v : NONE);

/** Messages to the tab's content script (rpc.ts's transport), or null where the API has no tabs.sendMessage. */
export function tabTransport(browser: PopupBrowser, tabId: number): Transport | null {
  const sendMessage = browser.tabs.sendMessage;
  return sendMessage ? (message) => sendMessage.call(browser.tabs, tabId, message) : null;
}

/** Messages to the background (rpc.ts's transport), or null where the API has no runtime.sendMessage. */
export function backgroundTransport(browser: PopupBrowser): Transport | null {
  const sendMessage = browser.runtime.sendMessage;
  return sendMessage ? (message) => sendMessage.call(browser.runtime, message) : null;
}
