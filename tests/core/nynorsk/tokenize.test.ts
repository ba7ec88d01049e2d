import { describe, expect, it } from 'vitest';
import { tokenize, tokenParts } from '../../../src/core/nynorsk/tokenize';

const words = (t: string) => tokenize(t).map((x) => x.text);

describe('tokenize', () => {
  it('keeps Norwegian letters, hyphenated compounds and apostrophes in one token', () => {
    expect(words('Blåbærsyltetøy, IT-tryggleik og Meta’s planar.')).toEqual([
      'Blåbærsyltetøy',
      'IT-tryggleik',
      'og',
      'Meta’s',
      'planar',
    ]);
  });

  it('gives offsets that slice back to the token', () => {
    const text = '  «Ærleg talt» – sa ho.\nNeste linje';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('skips URLs, e-mail addresses, inline code, placeholders and file names', () => {
    expect(words('Sjå https://døme.no/side?a=b og www.example.com, skriv til ola@døme.no.')).toEqual([
      'Sjå',
      'og',
      'skriv',
      'til',
    ]);
    expect(words('Køyr `npm test` på {count} filer i src/core/index.ts no.')).toEqual([
      'Køyr',
      'på',
      'filer',
      'i',
      'no',
    ]);
  });

  it('marks sentence starts after . ! ? : line breaks and list marks', () => {
    const t = tokenize('Ein to. Tre! Fire? Fem: Seks\n- Sju\nÅtte');
    expect(t.filter((x) => x.sentenceStart).map((x) => x.text)).toEqual(['Ein', 'Tre', 'Fire', 'Fem', 'Seks', 'Sju', 'Åtte']);
    expect(tokenize('«Sitat» seier ho')[0]).toMatchObject({ text: 'Sitat', sentenceStart: true });
  });

  it('splits a hyphenated token into positioned parts', () => {
    const [t] = tokenize('x AI-talenter');
    const parts = tokenParts(tokenize('x AI-talenter')[1]!);
    expect(t?.text).toBe('x');
    expect(parts).toEqual([
      { text: 'AI', start: 2, end: 4 },
      { text: 'talenter', start: 5, end: 13 },
    ]);
  });
});
