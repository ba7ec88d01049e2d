import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/core/regex';

/** A pattern for exactly this text, with the Unicode flag the term and entity patterns use. */
const exactly = (s: string) => new RegExp(`^${escapeRegExp(s)}$`, 'u');

describe('escapeRegExp', () => {
  it('makes names and terms with pattern characters match themselves', () => {
    const names = ['C++', 'C#', '.NET', 'Node.js', '(ISC)²', 'AT&T', '$9.99', 'x^2', 'TCP/IP', 'Wi-Fi 6E', 'a|b', '[beta]', '{id}', 'C:\\temp', 'Why?', 'SELECT *'];
    for (const s of names) expect(exactly(s).test(s), s).toBe(true);
  });

  it('lets no pattern character stand for other text', () => {
    expect(exactly('Node.js').test('Nodexjs')).toBe(false);
    expect(exactly('C++').test('C+++')).toBe(false);
    expect(exactly('SELECT *').test('SELECT ')).toBe(false);
    expect(exactly('Why?').test('Wh')).toBe(false);
    expect(exactly('a|b').test('a')).toBe(false);
    expect(exactly('(ISC)²').test('ISC²')).toBe(false);
    expect(exactly('[beta]').test('b')).toBe(false);
    expect(exactly('C:\\temp').test('C:\temp')).toBe(false);
  });
});
