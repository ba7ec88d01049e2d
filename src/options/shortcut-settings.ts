/**
 * The browser's own page where the reader changes extension shortcuts. The
 * one place that knows the two browsers differ: Firefox (137+) opens it with
 * commands.openShortcutSettings(); Chrome has no such call but lets an
 * extension open chrome://extensions/shortcuts in a tab.
 */

/** A shortcut as commands.getAll() reports it. */
export type BrowserCommand = { name?: string; shortcut?: string; description?: string };

/** The part of the extension API the shortcuts section uses (test seam). */
export type ShortcutsApi = {
  commands?: { getAll(): Promise<BrowserCommand[]>; openShortcutSettings?(): Promise<void> };
  /** `query` only so that a fake tabs object without `create` still fits (it opens nothing then). */
  tabs?: { create?(p: { url: string }): Promise<unknown>; query?(q: object): Promise<unknown> };
};

export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/** True when the browser opened its shortcut settings. */
export async function openShortcutSettings(api: ShortcutsApi): Promise<boolean> {
  try {
    if (typeof api.commands?.openShortcutSettings === 'function') {
      await api.commands.openShortcutSettings();
      return true;
    }
    if (api.tabs?.create) {
      await api.tabs.create({ url: CHROME_SHORTCUTS_URL });
      return true;
    }
  } catch {
    // Refused: the page tells the reader where to go instead.
  }
  return false;
}
