/**
 * The one typed settings module: defaults, migration, and a runtime check of
 * what comes back from storage. Settings live in storage.local and are never
 * overwritten by a failed read: a broken value falls back to its default
 * field by field.
 */
export type Settings = {
  version: 1;
  /** How the overlay starts on an article: collapsed pill, open card, or not at all. */
  overlay: 'pill' | 'open' | 'off';
};

export const DEFAULT_SETTINGS: Settings = { version: 1, overlay: 'pill' };

export const SETTINGS_KEY = 'settings';

/** Turns whatever storage held (nothing, an old version, junk) into valid settings. */
export function migrateSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (r.overlay === 'pill' || r.overlay === 'open' || r.overlay === 'off') s.overlay = r.overlay;
  // version 0 (never shipped) had a boolean `showOverlay`.
  else if (r.showOverlay === false) s.overlay = 'off';
  return s;
}
