/** Photo credits inside a sentence: which part of it is blanked. Our own sentences. */
import { describe, expect, it } from 'vitest';
import { CREDIT_MASK, creditSpans, isCaption, isCredit, withoutCredits } from '../../../src/core/digest/credits';

describe('credits in brackets', () => {
  it('end at the closing bracket: the sentence after it stays article text', () => {
    const s = 'The rollout (Image courtesy of Tom Berg) took three months.';
    const credit = 'Image courtesy of Tom Berg';
    expect(creditSpans(s)).toEqual([[s.indexOf(credit), s.indexOf(credit) + credit.length]]);
    expect(withoutCredits(s)).toBe(`The rollout (${CREDIT_MASK.repeat(credit.length)}) took three months.`);
  });

  it('run to the end of the text when the bracket is never closed', () => {
    const s = 'The rollout (Image courtesy of Tom Berg took three months.';
    const start = s.indexOf('Image');
    expect(creditSpans(s)).toEqual([[start, s.length]]);
    expect(withoutCredits(s)).toBe(`The rollout (${CREDIT_MASK.repeat(s.length - start)}`);
  });

  it('close at their own kind of bracket', () => {
    const s = 'The new hall [Photo: Tom Berg] (opened in May) holds 400 racks.';
    const credit = 'Photo: Tom Berg';
    expect(creditSpans(s)).toEqual([[s.indexOf(credit), s.indexOf(credit) + credit.length]]);
  });
});

describe('isCaption', () => {
  // Words are runs of letters or digits: «Smith/Getty» is two.
  const caption = (place: string) => `A technician checks the cabling of a server rack in the new data centre that the company opened last spring near the ${place}. Photo: John Smith/Getty Images`;

  it('takes a paragraph of up to 30 words ending in a credit as a caption, and a longer one as article text', () => {
    expect(isCaption(caption('old fishing harbour'))).toBe(true); // 30 words
    expect(isCaption(caption('old busy fishing harbour'))).toBe(false); // 31 words
  });
});

describe('where a credit starts', () => {
  const from = (s: string, credit: string) => [[s.indexOf(credit), s.length]];

  it('after a sentence, also one that ends in a closing quote, and after a dash with a space', () => {
    for (const [s, credit] of [
      ['The racks were replaced in May. Photo: Tom Berg', 'Photo'],
      ['Staff call the hall “the fridge.” Photo: Tom Berg', 'Photo'],
      ['The new hall in Oslo – Photo: Tom Berg', 'Photo'],
    ] as const)
      expect(creditSpans(s), s).toEqual(from(s, credit));
  });

  it('at a bar before "Source" without a colon, at the name before an agency, at "via" a picture library, at "(c)"', () => {
    for (const [s, credit] of [
      ['Racks in the new hall | Source Shutterstock', '| Source'],
      ['Technicians at work. Anna Maria Berg/Reuters', 'Anna Maria Berg'],
      ['Racks in the new hall, via Shutterstock', 'via'],
      ['(c) 2024 Nortex Systems', '(c)'],
    ] as const)
      expect(creditSpans(s), s).toEqual(from(s, credit));
  });

  it('in a bracket at the very start, and ends at its closing bracket', () => {
    const s = '(Photo: Tom Berg) The new hall opened in May.';
    expect(creditSpans(s)).toEqual([[1, s.indexOf(')')]]);
  });

  it('at the first of two credits, whichever pattern finds each', () => {
    const s = 'John Smith/Getty Images | Illustration: Nortex';
    expect(creditSpans(s)).toEqual([[0, s.length]]);
    expect(isCredit(s)).toBe(true);
  });
});

describe('isCaption: credits in brackets', () => {
  it('takes a paragraph that is only a bracketed credit for a caption', () => {
    expect(isCaption('(Photo: Tom Berg)')).toBe(true);
  });

  it('takes a sentence with a bracketed credit at its end for article text', () => {
    expect(isCaption('The hall holds 400 racks (Photo: Tom Berg).')).toBe(false);
  });
});

describe('a credit in brackets before a sentence', () => {
  const s = '(Photo: Jane Doe/Getty Images) Microsoft said on Tuesday that it would cut the price of its Azure storage tiers.';

  it('ends at its closing bracket, also when a name and an agency inside it start a credit of their own', () => {
    expect(creditSpans(s)).toEqual([[1, s.indexOf(')')]]);
    expect(withoutCredits(s)).toContain(') Microsoft said on Tuesday');
  });

  it('does not make the sentence after it a credit or a caption', () => {
    expect(isCredit(s)).toBe(false);
    expect(isCaption(s)).toBe(false);
    expect(isCredit('(Photo: Jane Doe/Getty Images)')).toBe(true);
  });
});

describe('a name-and-agency credit after a sentence', () => {
  it('starts at the name, not at the last word of the sentence before it', () => {
    for (const s of [
      'Start-up of the new gas pipeline was delayed until spring, the operator told reporters in Oslo. Anna Berg/Reuters',
      'The compressors were supplied by Nortex Corp. Anna Maria Berg/AFP',
    ])
      expect(creditSpans(s), s).toEqual([[s.indexOf('Anna'), s.length]]);
  });

  it('still reads initials as part of the name', () => {
    const s = 'Technicians at work. Anna J. Berg/Reuters';
    expect(creditSpans(s)).toEqual([[s.indexOf('Anna'), s.length]]);
  });
});

describe('a wire dateline', () => {
  it('is blanked from the start to its dash, and the story after it stays article text', () => {
    for (const [s, dateline] of [
      ['OSLO (Reuters) - Equinor said on Tuesday it would halve its spending on wind power.', 'OSLO (Reuters) -'],
      ['LONDON, Dec 3 (Reuters) - Shell said it would sell its stake in the field.', 'LONDON, Dec 3 (Reuters) -'],
      ['NEW YORK/LONDON (Reuters) - Banks said the outage was over.', 'NEW YORK/LONDON (Reuters) -'],
      ['SAN FRANCISCO (AP) — Microsoft said the fix was rolling out.', 'SAN FRANCISCO (AP) —'],
      ['Oslo (Reuters) - Equinor said the field was shut.', 'Oslo (Reuters) -'],
      ['KYIV, Ukraine (AP) — Officials said the grid held.', 'KYIV, Ukraine (AP) —'],
      ['REDMOND, Wash. (AP) — Microsoft said the fix was out.', 'REDMOND, Wash. (AP) —'],
    ] as const) {
      expect(creditSpans(s), s).toEqual([[0, dateline.length]]);
      expect(isCredit(s), s).toBe(false);
      expect(isCaption(s), s).toBe(false);
    }
  });

  it('only at the start, and only with an agency in brackets and a dash', () => {
    for (const s of [
      'Equinor told Reuters (Reuters) - no comment.',
      'OSLO (Equinor) - the field was shut.',
      'OSLO (Reuters) the field was shut.',
      // A glossary line: AP and EPA are abbreviations here, not agencies.
      'Wireless Access Point (AP) – a device that lets laptops join the network.',
      'Environmental Protection Agency (EPA) – the agency that sets the rules.',
    ])
      expect(creditSpans(s), s).toEqual([]);
  });
});
