/**
 * Reads and writes the settings for the options page through a
 * `browser`-like object (test seam). Always goes through `migrateSettings`,
 * so a broken stored value never reaches the UI.
 */
import { migrateSettings, SETTINGS_KEY, type Settings } from '../settings';

/** The part of the extension API the options page uses. */
export type OptionsBrowser = {
  storage: {
    local: {
      get(keys: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

/** Loads settings; missing or malformed values fall back to defaults. */
export async function loadSettings(browser: OptionsBrowser): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(got[SETTINGS_KEY]);
}

/** Saves settings (normalised by migrateSettings first); returns what was written. */
export async function saveSettings(browser: OptionsBrowser, settings: Settings): Promise<Settings> {
  const clean = migrateSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}
