import { describe, expect, it } from 'vitest';
import { describeEngine, formatDateNn, listNn } from '../../src/ui/format';
import { text } from '../../src/strings/text';

describe('formatDateNn', () => {
  it('writes dates the Nynorsk way', () => {
    expect(formatDateNn('2024-04-03')).toBe('3. april 2024');
    expect(formatDateNn('2023-12-31')).toBe('31. desember 2023');
    expect(formatDateNn('2025-01-09')).toBe('9. januar 2025');
  });
  it('reads the calendar date of a timestamp without a time-zone shift', () => {
    expect(formatDateNn('2024-04-03T23:30:00-08:00')).toBe('3. april 2024');
  });
  it('rejects what is not a date', () => {
    expect(formatDateNn('2024-13-01')).toBeUndefined();
    expect(formatDateNn('i går')).toBeUndefined();
    expect(formatDateNn('')).toBeUndefined();
  });
});

describe('listNn', () => {
  it('joins with commas and "og"', () => {
    expect(listNn([])).toBe('');
    expect(listNn(['1'])).toBe('1');
    expect(listNn(['1', '2'])).toBe('1 og 2');
    expect(listNn(['1', '2', '3'])).toBe('1, 2 og 3');
  });
});


describe('describeEngine', () => {
  it('names each engine in Nynorsk', () => {
    expect(describeEngine({ kind: 'library' })).toBe(text.engineLibrary);
    expect(describeEngine({ kind: 'digest' })).toBe('Faktakort (utan språkmodell)');
    expect(describeEngine({ kind: 'model', model: 'llama3.2' })).toBe('Språkmodell: llama3.2');
    expect(describeEngine({ kind: 'model' })).toBe('Språkmodell');
    expect(describeEngine({ kind: 'local', model: 'qwen2.5-0.5b' })).toBe('Språkmodell på maskinen din: qwen2.5-0.5b');
    expect(describeEngine({ kind: 'local' })).toBe('Språkmodell på maskinen din');
  });
});
