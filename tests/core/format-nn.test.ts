import { describe, expect, it } from 'vitest';
import { formatDateNn } from '../../src/core/format-nn';

describe('formatDateNn', () => {
  it('writes dates the Nynorsk way', () => {
    expect(formatDateNn('2024-04-03')).toBe('3. april 2024');
    expect(formatDateNn('2023-12-31T22:10:00Z')).toBe('31. desember 2023');
    expect(formatDateNn('2024-01-01')).toBe('1. januar 2024');
  });
  it('names every month', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDateNn(`2025-${String(i + 1).padStart(2, '0')}-15`));
    expect(months).toEqual([
      '15. januar 2025', '15. februar 2025', '15. mars 2025', '15. april 2025', '15. mai 2025', '15. juni 2025',
      '15. juli 2025', '15. august 2025', '15. september 2025', '15. oktober 2025', '15. november 2025', '15. desember 2025',
    ]);
  });
  it('reads a date with blanks around it', () => {
    expect(formatDateNn('\n 2024-04-03 ')).toBe('3. april 2024');
  });
  it('gives undefined for missing or unreadable dates', () => {
    expect(formatDateNn(undefined)).toBeUndefined();
    expect(formatDateNn('yesterday')).toBeUndefined();
    expect(formatDateNn('2024-13-01')).toBeUndefined();
    expect(formatDateNn('2024-04-00')).toBeUndefined();
    expect(formatDateNn('2024-01-32')).toBeUndefined();
    // A date must start the text: "Updated 2024-04-03" is not read as one.
    expect(formatDateNn('Updated 2024-04-03')).toBeUndefined();
  });
});

