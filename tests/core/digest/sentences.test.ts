/** Sentence splitting and word counting for the fact card (our own sentences). */
import { describe, expect, it } from 'vitest';
import { articleSentences, isQuestion, splitSentences, words } from '../../../src/core/digest/sentences';

const texts = (p: string) => splitSentences(p).map((s) => s.text);

describe('sentence splitting', () => {
  it('ends a sentence at . ! ? … (a run of them taken whole) before a capital, a digit or an opening mark', () => {
    expect(texts('It costs 5 dollars. 42 servers failed.')).toEqual(['It costs 5 dollars.', '42 servers failed.']);
    expect(texts('Then he left!! What?! Wait… Then it came.')).toEqual(['Then he left!!', 'What?!', 'Wait…', 'Then it came.']);
    expect(texts('One. #Tag two. *Star three. •Bullet four. -Dash five. (Aside six.) “Quote seven.”')).toEqual([
      'One.',
      '#Tag two.',
      '*Star three.',
      '•Bullet four.',
      '-Dash five.',
      '(Aside six.)',
      '“Quote seven.”',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(texts('It ended (see below.) After that, more. "Done." She left.')).toEqual(['It ended (see below.)', 'After that, more.', '"Done."', 'She left.']);
  });

  it('does not end a sentence without a space after the mark, or before a lower-case word', () => {
    expect(texts('A sentence ending here.Next without space.')).toEqual(['A sentence ending here.Next without space.']);
    expect(texts('"Done," she said. the rest follows.')).toEqual(['"Done," she said. the rest follows.']);
  });

  it('does not end a sentence after an abbreviation, a single capital or a dotted initialism', () => {
    expect(texts('He met Gen. Smith. Apple Inc. The firm said so. See fig. 3 for more.')).toEqual(['He met Gen. Smith.', 'Apple Inc. The firm said so.', 'See fig. 3 for more.']);
    expect(texts('The vendor, i.e. Acme, agreed. The U.K. Office is shut. Plan A. Plan B. Done.')).toEqual(['The vendor, i.e. Acme, agreed.', 'The U.K. Office is shut.', 'Plan A. Plan B. Done.']);
    // A single lower-case letter is a word like any other.
    expect(texts('Take a b. C follows.')).toEqual(['Take a b.', 'C follows.']);
    // Only a full stop marks an abbreviation.
    expect(texts('Ask Dr! Then go.')).toEqual(['Ask Dr!', 'Then go.']);
  });

  it('finds an abbreviation at the end of a long sentence too', () => {
    const long = `${'x '.repeat(40)}and Mr. Smith came. He left.`;
    expect(texts(long)).toEqual([`${'x '.repeat(40)}and Mr. Smith came.`, 'He left.']);
  });

  it('gives every sentence its paragraph and its offset, trimmed, and skips empty paragraphs', () => {
    expect(articleSentences(['One here.  Two here.', '', '  Three here. ']).map(({ text, paragraph, start }) => [text, paragraph, start])).toEqual([
      ['One here.', 0, 0],
      ['Two here.', 0, 11],
      ['Three here.', 2, 2],
    ]);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('words', () => {
  it('counts letters and digits, keeping inner apostrophes and hyphens but not outer ones or dots', () => {
    expect(words("It's a well-known co-op's rock’n’roll -- e-mail 3.5 ÆØÅ-test ’quoted’ x-")).toEqual([
      "It's",
      'a',
      'well-known',
      "co-op's",
      'rock’n’roll',
      'e-mail',
      '3',
      '5',
      'ÆØÅ-test',
      'quoted',
      'x',
    ]);
    expect(words('  ... ')).toEqual([]);
  });
});

describe('isQuestion', () => {
  it('is true for a sentence ending in a question mark, also inside quotes or brackets', () => {
    expect(isQuestion('Will this work?')).toBe(true);
    expect(isQuestion('He asked: "Is the patch out?"')).toBe(true);
    expect(isQuestion('(Is it still supported?) ')).toBe(true);
  });

  it('is false for a question mark inside the sentence or none', () => {
    expect(isQuestion('Is it out? The vendor says no.')).toBe(false);
    expect(isQuestion('The patch is out.')).toBe(false);
  });
});
