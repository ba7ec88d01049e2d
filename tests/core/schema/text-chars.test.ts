/** Card text is plain text (issue 12, found by the fuzzer): no bidi overrides, no markup. */
import { describe, expect, it } from 'vitest';
import { cleanChars } from '../../../src/core/schema/card';
import { cleanText } from '../../../src/core/extract/text';

describe('card text characters', () => {
  it('refuses bidi embeddings, overrides and isolates, which make text read other than it is', () => {
    for (const c of ['\u202A', '\u202D', '\u202E', '\u2066', '\u2069']) expect(cleanChars(`Tittel ${c}x`), JSON.stringify(c)).toBe(false);
    expect(cleanChars('Tittel med \u200E merke')).toBe(true);
  });

  it('refuses control characters but tab and newline, a carriage return and a terminal escape too', () => {
    const refused = ['\u0000', '\u0007', '\u0008', '\u000B', '\u000C', '\r', '\u001B[31m', '\u001F', '\u007F', '\u0085', '\u009F'];
    for (const c of refused) expect(cleanChars(`Tittel ${c}x`), JSON.stringify(c)).toBe(false);
    for (const c of ['\t', '\n', '\u00A0', '\u00A9', '\u2013', '\u202F', '\u206A']) expect(cleanChars(`Tittel ${c}x`), JSON.stringify(c)).toBe(true);
  });

  it('refuses HTML tags but not a lone "<" or an arrow', () => {
    expect(cleanChars('<b>Bold</b>')).toBe(false);
    expect(cleanChars('ein <script src=x> her')).toBe(false);
    // A stray closing tag, a one-letter tag with attributes, an upper-case tag, a self-closing one.
    expect(cleanChars('Les meir i kjelda.</p>')).toBe(false);
    expect(cleanChars('Klikk <a href="https://evil.example/">her')).toBe(false);
    expect(cleanChars('<B>Viktig</B>: oppdater no')).toBe(false);
    expect(cleanChars('linje<br/>linje')).toBe(false);
    expect(cleanChars('2 < 3 og a -> b')).toBe(true);
  });

  it('extraction takes tag remnants and bidi overrides out of page text', () => {
    expect(cleanText('<b>Jane</b> Doe \u202Ewrites')).toBe('Jane Doe writes');
  });
});
