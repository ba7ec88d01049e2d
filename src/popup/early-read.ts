/**
 * The first thing popup.js does: find the tab and start reading its card state, before the rest of the bundle
 * (Preact, the card view, the schemas) is evaluated, so that the storage round trip runs while it is (issue 13:
 * popup open → cached card). Nothing here is checked yet: tab-state.ts validates what was read. It imports no
 * module with top-level work, so that it is evaluated first (see start-read.ts).
 */
import { tabStateKey } from '../storage-keys';

type StorageChange = { newValue?: unknown; oldValue?: unknown };
export type ChangeListener = (changes: Record<string, StorageChange>, areaName: string) => void;

/** The part of the extension API the early read uses (a subset of tab-state's PopupBrowser). */
export type EarlyReadApi = {
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>> };
  storage: {
    session: { get(keys: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(fn: ChangeListener): void; removeListener(fn: ChangeListener): void };
  };
};

/** What the early read found: the tab, the raw stored state (`failed` when the read threw), and the hand-over. */
export type EarlyRead = {
  tabId: number | null;
  raw?: unknown;
  failed?: true;
  /** Stops following the tab; gives the newest raw state since the read, if it changed. */
  handOver?: () => { raw: unknown } | undefined;
};

/** Calls `onRaw` with the new raw value whenever `key` changes in storage.session; returns an unsubscribe function. */
export function watchSessionKey(api: Pick<EarlyReadApi, 'storage'>, key: string, onRaw: (raw: unknown) => void): () => void {
  const listener: ChangeListener = (changes, areaName) => {
    if (areaName === 'session' && key in changes) onRaw(changes[key]?.newValue);
  };
  api.storage.onChanged.addListener(listener);
  return () => api.storage.onChanged.removeListener(listener);
}

/** Parses `?tab=<id>`; null when absent or not a non-negative integer. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The tab the popup is about: `?tab=` first, else the active tab of the current window. */
export async function resolveTabId(api: EarlyReadApi, search: string): Promise<number | null> {
  const fromQuery = tabIdFromSearch(search);
  if (fromQuery !== null) return fromQuery;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}

/**
 * Finds the tab and reads its state. It follows the state from before the read on, so a change that comes before
 * the popup watches the tab itself (a card finished meanwhile) is not lost.
 */
export async function readEarly(api: EarlyReadApi, search: string): Promise<EarlyRead> {
  const tabId = await resolveTabId(api, search);
  if (tabId === null) return { tabId };
  const key = tabStateKey(tabId);
  let newest: { raw: unknown } | undefined;
  const stop = watchSessionKey(api, key, (raw) => (newest = { raw }));
  const handOver = () => {
    stop();
    return newest;
  };
  try {
    const got = await api.storage.session.get(key);
    return { tabId, raw: got[key], handOver };
  } catch {
    return { tabId, failed: true, handOver };
  }
}
