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

  it('skips words glued to code: versions, assignments, tags, paths and snake_case, but not a word before a full stop', () => {
    expect(words('Versjon v2.1 og fil a=b, <tag> og ferdig. Neste')).toEqual(['Versjon', 'og', 'fil', 'og', 'ferdig', 'Neste']);
    expect(words('ein.to og x_y og path\\to og ~heime')).toEqual(['og', 'og', 'og', 'heime']);
    // A dot after a space is no file name: ".net" is a word after a sentence end.
    expect(tokenize('sjå .net no').map((t) => [t.text, t.sentenceStart])).toEqual([
      ['sjå', true],
      ['net', true],
      ['no', false],
    ]);
  });

  it('looks past spaces, quotes and brackets for the sentence end, and takes a hyphen as a list mark only at a line start', () => {
    const starts = (t: string) => tokenize(t).filter((x) => x.sentenceStart).map((x) => x.text);
    expect(starts('Han sa: «(Kom)» no')).toEqual(['Han', 'Kom']);
    expect(starts('slutt.» «Ny start')).toEqual(['slutt', 'Ny']);
    expect(starts('Nei; Kanskje • Punkt * Stjerne # Emne')).toEqual(['Nei', 'Kanskje', 'Punkt', 'Stjerne', 'Emne']);
    expect(starts('- Start\nho - sa')).toEqual(['Start', 'ho']);
    expect(starts('ho sa, og ho gjekk')).toEqual(['ho']);
  });

  it('splits at both hyphen characters, each part with its own offsets', () => {
    expect(tokenParts(tokenize('lang‐strek-ord')[0]!)).toEqual([
      { text: 'lang', start: 0, end: 4 },
      { text: 'strek', start: 5, end: 10 },
      { text: 'ord', start: 11, end: 14 },
    ]);
  });
});
