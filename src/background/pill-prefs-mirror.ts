/**
 * Mirrors the overlay switches (mode from the settings, "hidden for this
 * session") into storage.session and opens that area to content scripts, so
 * that the pill shows without waking this worker (issue 13). storage.local,
 * with the settings, API keys and cached cards, stays closed to them
 * (./storage-access). What content scripts can then read in storage.session:
 * these switches, each open tab's card and model job (text from pages the
 * reader already has open).
 */
import { isPillPrefs, PILL_PREFS_KEY, type PillPrefs } from '../pill-prefs';
import { migrateSettings, SETTINGS_KEY } from '../settings';

export const HIDDEN_KEY = 'overlay:hidden';

type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
export type MirrorStorage = { local: Pick<Area, 'get'>; session: Area };

/** The switches as they are now (settings in storage.local, the session flag in storage.session). */
export async function currentPillPrefs(storage: MirrorStorage): Promise<PillPrefs> {
  const [local, session] = await Promise.all([storage.local.get(SETTINGS_KEY), storage.session.get(HIDDEN_KEY)]);
  return { mode: migrateSettings(local[SETTINGS_KEY]).overlay, hiddenForSession: session[HIDDEN_KEY] === true };
}

/** Writes the mirror; returns what it wrote. */
export async function mirrorPillPrefs(storage: MirrorStorage): Promise<PillPrefs> {
  const prefs = await currentPillPrefs(storage);
  const prev = (await storage.session.get(PILL_PREFS_KEY))[PILL_PREFS_KEY];
  if (!isPillPrefs(prev) || prev.mode !== prefs.mode || prev.hiddenForSession !== prefs.hiddenForSession) {
    await storage.session.set({ [PILL_PREFS_KEY]: prefs });
  }
  return prefs;
}

type SessionAccess = { storage?: { session?: { setAccessLevel?(o: { accessLevel: string }): Promise<void> | void } } } | undefined;

/** Lets content scripts read storage.session where the browser has the switch (Chrome); false where it has not. */
export async function openSessionToContentScripts(api: SessionAccess = (globalThis as { chrome?: SessionAccess }).chrome): Promise<boolean> {
  const session = api?.storage?.session;
  if (typeof session?.setAccessLevel !== 'function') return false;
  try {
    await session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
