/**
 * Reads and writes the settings and API keys for the options page through a
 * `browser`-like object (test seam). Always goes through `migrateSettings`,
 * so a broken stored value never reaches the UI. Keys go to storage.local
 * under their own key, never to storage.sync.
 */
import type { ShortcutsApi } from './shortcut-settings';
import { API_KEYS_KEY, apiKeysNeedMigration, migrateApiKeys, type ApiKeys } from '../api-keys';
import { migrateSettings, SETTINGS_KEY, type Settings } from '../settings';

/** The part of the extension API the options page uses. */
export type OptionsBrowser = {
  storage: {
    local: {
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove?(keys: string | string[]): Promise<void>;
    };
  };
  /** Asks the user for an endpoint's origin ("Test tilkoplinga"); absent in old tests. */
  permissions?: { request(p: { origins: string[] }): Promise<boolean> };
  /** Messages to the background (clearing the model cache). */
  runtime?: { sendMessage(message: unknown): Promise<unknown> };
} & ShortcutsApi;

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

/**
 * Loads the API keys (storage.local only). Keys stored the old way are bound
 * to the origin of their provider's endpoint in `settings` (as stored) and
 * written back so, so that a later change of endpoint cannot carry them along.
 */
export async function loadApiKeys(browser: OptionsBrowser, settings: Settings): Promise<ApiKeys> {
  const raw = (await browser.storage.local.get(API_KEYS_KEY))[API_KEYS_KEY];
  const keys = migrateApiKeys(raw, settings);
  if (apiKeysNeedMigration(raw)) await browser.storage.local.set({ [API_KEYS_KEY]: keys });
  return keys;
}

/** Saves the API keys (storage.local only); an empty key, or one without an origin, is dropped. */
export async function saveApiKeys(browser: OptionsBrowser, keys: ApiKeys): Promise<ApiKeys> {
  const clean = migrateApiKeys(keys);
  await browser.storage.local.set({ [API_KEYS_KEY]: clean });
  return clean;
}
