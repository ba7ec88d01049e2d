import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatPercent, formatProgress } from '../../../src/core/local/format';

describe('formatBytes', () => {
  it('writes sizes the Nynorsk way, decimal units with a decimal comma', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_000)).toBe('1,0 kB');
    expect(formatBytes(1_500)).toBe('1,5 kB');
    expect(formatBytes(4_500_000)).toBe('4,5 MB');
    // One decimal under 10 of a unit; GB keeps it up to 100.
    expect(formatBytes(10_000_000)).toBe('10 MB');
    expect(formatBytes(45_000_000)).toBe('45 MB');
    expect(formatBytes(808_000_000)).toBe('808 MB');
    expect(formatBytes(807_690_400)).toBe('808 MB');
    expect(formatBytes(900_000_000)).toBe('900 MB');
    expect(formatBytes(1_900_000_000)).toBe('1,9 GB');
    expect(formatBytes(2_020_000_000)).toBe('2,0 GB');
    expect(formatBytes(12_345_678_901)).toBe('12,3 GB');
    // One decimal stops at 100 GB.
    expect(formatBytes(99_940_000_000)).toBe('99,9 GB');
    expect(formatBytes(100_000_000_000)).toBe('100 GB');
    expect(formatBytes(250_000_000_000)).toBe('250 GB');
  });

  it('moves up a unit instead of writing 1000', () => {
    expect(formatBytes(999_960_000)).toBe('1,0 GB');
    expect(formatBytes(999_600)).toBe('1,0 MB');
  });

  it('survives nonsense', () => {
    expect(formatBytes(Number.NaN)).toBe('0 B');
    expect(formatBytes(-5)).toBe('0 B');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('0 B');
    // TB is the largest unit.
    expect(formatBytes(2_000_000_000_000_000)).toBe('2000 TB');
    expect(formatBytes(999_960_000_000_000)).toBe('1000 TB');
  });
});

describe('formatDuration', () => {
  it('says under a minute for less than a minute', () => {
    expect(formatDuration(0)).toBe('under eitt minutt');
    expect(formatDuration(59)).toBe('under eitt minutt');
  });

  it('writes minutes with numbers under ten as words ("minutt" is the same in the plural)', () => {
    expect(formatDuration(60)).toBe('om lag eitt minutt');
    expect(formatDuration(89)).toBe('om lag eitt minutt');
    expect(formatDuration(150)).toBe('om lag tre minutt');
    expect(formatDuration(9 * 60)).toBe('om lag ni minutt');
    expect(formatDuration(12 * 60)).toBe('om lag 12 minutt');
    expect(formatDuration(59 * 60)).toBe('om lag 59 minutt');
    // 59 minutes 50 seconds rounds to an hour.
    expect(formatDuration(59 * 60 + 50)).toBe('om lag ein time');
  });

  it('writes hours as "ein time", "to timar", minutes to the nearest five', () => {
    expect(formatDuration(60 * 60)).toBe('om lag ein time');
    expect(formatDuration(65 * 60)).toBe('om lag ein time og fem minutt');
    expect(formatDuration(62 * 60)).toBe('om lag ein time');
    expect(formatDuration(2 * 3600 + 31 * 60)).toBe('om lag to timar og 30 minutt');
    expect(formatDuration(3 * 3600 + 58 * 60)).toBe('om lag fire timar');
    expect(formatDuration(14 * 3600)).toBe('om lag 14 timar');
    // From ten hours, only hours.
    expect(formatDuration(14 * 3600 + 20 * 60)).toBe('om lag 14 timar');
    expect(formatDuration(23 * 3600)).toBe('om lag 23 timar');
    expect(formatDuration(24 * 3600)).toBe('meir enn eitt døgn');
    expect(formatDuration(30 * 3600)).toBe('meir enn eitt døgn');
  });

  it('gives nothing for an unknown time', () => {
    expect(formatDuration(undefined)).toBeUndefined();
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(formatDuration(-1)).toBeUndefined();
  });
});

describe('formatProgress', () => {
  it('shows MB, per cent, speed and time left', () => {
    expect(formatPercent(312, 808)).toBe('38 %');
    expect(formatPercent(807, 808)).toBe('99 %');
    expect(formatPercent(808, 808)).toBe('100 %');
    expect(formatPercent(1, 0)).toBe('0 %');
    expect(
      formatProgress({ received: 312_000_000, total: 808_000_000, bytesPerSecond: 2_400_000, secondsLeft: 207, phase: 'downloading' }),
    ).toBe('312 MB av 808 MB (38 %), 2,4 MB/s, om lag tre minutt att');
    expect(formatProgress({ received: 5_000_000, total: 808_000_000, phase: 'downloading' })).toBe('5,0 MB av 808 MB (0 %)');
    expect(formatProgress({ received: 5_000_000, phase: 'downloading' })).toBe('5,0 MB');
    expect(formatProgress({ received: 404_000_000, total: 808_000_000, phase: 'verifying' })).toBe('Kontrollerer fila: 50 %');
    expect(formatProgress({ received: 404_000_000, phase: 'verifying' })).toBe('Kontrollerer fila');
  });

  it('leaves out the speed while nothing arrives', () => {
    expect(formatProgress({ received: 312_000_000, total: 808_000_000, bytesPerSecond: 0, phase: 'downloading' })).toBe('312 MB av 808 MB (38 %)');
  });
});
