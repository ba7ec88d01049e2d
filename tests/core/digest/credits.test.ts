/** Photo credits inside a sentence: which part of it is blanked. Our own sentences. */
import { describe, expect, it } from 'vitest';
import { CREDIT_MASK, creditSpans, withoutCredits } from '../../../src/core/digest/credits';

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
