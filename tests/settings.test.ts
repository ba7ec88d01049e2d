import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from '../src/settings';

describe('migrateSettings', () => {
  it('gives defaults for nothing or junk', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ overlay: 'sideways' })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid values and migrates the old boolean', () => {
    expect(migrateSettings({ overlay: 'open' }).overlay).toBe('open');
    expect(migrateSettings({ showOverlay: false }).overlay).toBe('off');
  });
});
