import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restrictStorageAccess } from '../../src/background/storage-access';

afterEach(() => vi.restoreAllMocks());

describe('storage.local is for trusted contexts only (issue 12, defect 9)', () => {
  it('asks Chrome to keep storage.local from content scripts', async () => {
    const setAccessLevel = vi.fn(async (_o: { accessLevel: string }) => undefined);
    expect(await restrictStorageAccess({ storage: { local: { setAccessLevel } } })).toBe('restricted');
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('does nothing where the browser has no setAccessLevel for storage.local (Firefox)', async () => {
    expect(await restrictStorageAccess({ storage: { local: {} } })).toBe('unsupported');
    expect(await restrictStorageAccess(undefined)).toBe('unsupported');
  });

  it('logs a refusal instead of stopping the start-up', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const setAccessLevel = vi.fn(async () => {
      throw new Error('Unsupported storage area');
    });
    expect(await restrictStorageAccess({ storage: { local: { setAccessLevel } } })).toBe('failed');
    expect(error).toHaveBeenCalled();
  });

  it('is called first thing in the background start-up', () => {
    const src = readFileSync(new URL('../../src/background/index.ts', import.meta.url), 'utf8');
    const call = src.indexOf('restrictStorageAccess(');
    expect(call).toBeGreaterThan(0);
    expect(call).toBeLessThan(src.indexOf('addListener('));
  });
});
