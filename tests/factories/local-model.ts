/** Builds the stored record of an installed on-device model, and settings that choose it, for unit tests. */
import { DEFAULT_LOCAL_MODEL_URL, modelIdFromUrl, type LocalModelRecord } from '../../src/core/local/models';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';

/** The id of the default on-device model. */
export const LOCAL_MODEL_ID = modelIdFromUrl(DEFAULT_LOCAL_MODEL_URL)!;

export function makeLocalModelRecord(over: Partial<LocalModelRecord> = {}): LocalModelRecord {
  return {
    id: LOCAL_MODEL_ID,
    url: DEFAULT_LOCAL_MODEL_URL,
    size: 808_000_000,
    received: 808_000_000,
    sha256: 'a'.repeat(64),
    verified: true,
    status: 'installed',
    updatedAt: '2026-03-20T08:00:00.000Z',
    ...over,
  };
}

export function makeLocalSettings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, engine: 'local', ...over };
}
