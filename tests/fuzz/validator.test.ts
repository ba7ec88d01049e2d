/**
 * Property-based fuzzing of the card validator (issue 12): valid cards with
 * fields changed to junk, oversized text, markup, wrong types and long lists.
 * Whatever validateCard accepts must pass the harness's sanity checks
 * (support/sanity.ts): 0 invalid cards accepted. Fixed seed (FUZZ_SEED overrides).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCard } from '../../src/core/validate';
import { fuzzRuns, fuzzSeed } from '../../support/fuzz/config';
import { BASE_CARDS, cardInput, editedCard } from '../../support/fuzz/cards';
import { cardProblems } from '../../support/fuzz/sanity';

describe('fuzz: the card validator', () => {
  it('starts from cards that are valid and sane', () => {
    for (const c of BASE_CARDS) {
      expect(validateCard(c).ok).toBe(true);
      expect(cardProblems(c)).toEqual([]);
    }
  });
  it('accepts no card that fails the sanity checks', () => {
    fc.assert(
      fc.property(cardInput, (input) => {
        const card = editedCard(input);
        if (!validateCard(card).ok) return;
        const problems = cardProblems(card);
        if (problems.length) throw new Error(`invalid accepted: ${problems.join('; ')}`);
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns('FUZZ_UNIT_CARDS', 1000) },
    );
  });
});
