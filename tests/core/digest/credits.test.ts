/** Photo credits inside a sentence: which part of it is blanked. Our own sentences. */
import { describe, expect, it } from 'vitest';
import { CREDIT_MASK, creditSpans, isCaption, withoutCredits } from '../../../src/core/digest/credits';

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
