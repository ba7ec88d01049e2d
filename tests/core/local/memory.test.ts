import { describe, expect, it } from 'vitest';
import { checkMemory, isOutOfMemory, requiredMemoryGb } from '../../../src/core/local/memory';

const ONE_B = 807_690_400; // nb-llama-3.2-1b-instruct-q4_k_m.gguf
const THREE_B = 2_020_000_000; // nb-llama-3.2-3b_1200-q4_k_m.gguf (about)

describe('checkMemory', () => {
  it('needs 2.5 × the file in whole GB', () => {
    expect(requiredMemoryGb(ONE_B)).toBe(2);
    expect(requiredMemoryGb(THREE_B)).toBe(5);
    expect(requiredMemoryGb(10_000_000)).toBe(1);
    expect(requiredMemoryGb(ONE_B, 4)).toBe(4);
  });

  it('allows when the browser does not say (Firefox)', () => {
    expect(checkMemory({ modelBytes: THREE_B })).toEqual({ ok: true, requiredGb: 5 });
    expect(checkMemory({ modelBytes: THREE_B, deviceMemoryGb: Number.NaN }).ok).toBe(true);
  });

  it('takes a reported 0 or less as not saying, and allows', () => {
    expect(checkMemory({ modelBytes: ONE_B, deviceMemoryGb: 0 })).toEqual({ ok: true, requiredGb: 2 });
    expect(checkMemory({ modelBytes: THREE_B, deviceMemoryGb: -1 })).toEqual({ ok: true, requiredGb: 5 });
  });

  it('refuses the 1B model at 1 GB and below, and allows it from 2 GB', () => {
    expect(checkMemory({ modelBytes: ONE_B, deviceMemoryGb: 2 }).ok).toBe(true);
    expect(checkMemory({ modelBytes: ONE_B, deviceMemoryGb: 8 }).ok).toBe(true);
    const no = checkMemory({ modelBytes: ONE_B, deviceMemoryGb: 1 });
    expect(no).toEqual({
      ok: false,
      requiredGb: 2,
      reason: 'Maskinen din har for lite minne til denne modellen: han har om lag 1 GB, og modellen treng om lag 2 GB. Vel ein mindre modell.',
    });
    const half = checkMemory({ modelBytes: ONE_B, deviceMemoryGb: 0.5 });
    expect(!half.ok && half.reason).toContain('om lag 0,5 GB');
  });

  it('refuses the 3B model under 4 GB (deviceMemory is rounded down to a power of two)', () => {
    expect(checkMemory({ modelBytes: THREE_B, deviceMemoryGb: 2 }).ok).toBe(false);
    expect(checkMemory({ modelBytes: THREE_B, deviceMemoryGb: 4 }).ok).toBe(true);
    expect(checkMemory({ modelBytes: THREE_B, deviceMemoryGb: 8 }).ok).toBe(true);
  });

  it('never asks for more than 8, the most deviceMemory reports', () => {
    expect(checkMemory({ modelBytes: 5_000_000_000, deviceMemoryGb: 8 }).ok).toBe(true);
    expect(checkMemory({ modelBytes: 5_000_000_000, deviceMemoryGb: 4 }).ok).toBe(false);
  });
});

describe('load failures', () => {
  it('tells a failed allocation from other load failures', () => {
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(new RangeError('WebAssembly.Memory(): could not allocate memory'))).toBe(true);
    expect(isOutOfMemory(new Error('Aborted(OOM)'))).toBe(true);
    expect(isOutOfMemory('Cannot enlarge memory arrays to size 2147483648 bytes (OOM).')).toBe(true);
    expect(isOutOfMemory({ message: 'out of memory' })).toBe(true);
    expect(isOutOfMemory(new Error('llama_model_load: error loading model: invalid magic'))).toBe(false);
    expect(isOutOfMemory(null)).toBe(false);
    expect(isOutOfMemory(undefined)).toBe(false);
    // Not an Error (another realm's, or a plain object): its message is read; a thrown number or one with no message is no OOM.
    expect(isOutOfMemory({ name: 'RangeError', message: 'Array buffer allocation failed' })).toBe(true);
    expect(isOutOfMemory({ message: 404 })).toBe(false);
    expect(isOutOfMemory(12)).toBe(false);
    expect(isOutOfMemory({})).toBe(false);
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
  });
});
