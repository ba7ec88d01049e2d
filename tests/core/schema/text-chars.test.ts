/** Card text is plain text (issue 12, found by the fuzzer): no bidi overrides, no markup. */
import { describe, expect, it } from 'vitest';
import { cleanChars } from '../../../src/core/schema/card';
import { cleanText } from '../../../src/core/extract/text';

describe('card text characters', () => {
  it('refuses bidi embeddings, overrides and isolates, which make text read other than it is', () => {
    for (const c of ['\u202A', '\u202D', '\u202E', '\u2066', '\u2069']) expect(cleanChars(`Tittel ${c}x`), JSON.stringify(c)).toBe(false);
    expect(cleanChars('Tittel med \u200E merke')).toBe(true);
  });

  it('refuses HTML tags but not a lone "<" or an arrow', () => {
    expect(cleanChars('<b>Bold</b>')).toBe(false);
    expect(cleanChars('ein <script src=x> her')).toBe(false);
    expect(cleanChars('2 < 3 og a -> b')).toBe(true);
  });

  it('extraction takes tag remnants and bidi overrides out of page text', () => {
    expect(cleanText('<b>Jane</b> Doe \u202Ewrites')).toBe('Jane Doe writes');
  });
});
