/**
 * Property-based fuzzing of the model engine (issue 12): mutated, truncated,
 * oversized and wrongly typed answers in each provider's wire protocol, in
 * random chunk sizes with invalid UTF-8, through generateModelCard. The
 * engine may only refuse with its own ModelError; any card it returns must
 * pass validateCard and the sanity checks. Fixed seed (FUZZ_SEED overrides);
 * `npm run fuzz` runs 10,000 answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOOD_CONTENT } from '../../support/model-server';
import { fuzzRuns, fuzzSeed, withShrinkBudget } from '../../support/fuzz/config';
import { answerInput, assertAnswerOk, runAnswer, wellFormedAnswerInput } from '../../support/fuzz/answers';

describe('fuzz: model answers through the engine', () => {
  it('never crashes or hangs, and never returns a card the validator or the sanity checks reject', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(answerInput(), withShrinkBudget(async (input) => assertAnswerOk(await runAnswer(input, 5_000)), 20_000)),
      { seed: fuzzSeed(), numRuns: fuzzRuns('FUZZ_UNIT_ANSWERS', 200) },
    );
  });

  it('gives the card for a good answer in any protocol, framing and chunking', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        wellFormedAnswerInput(),
        withShrinkBudget(async (input) => {
          const o = await runAnswer(input, 5_000);
          assertAnswerOk(o);
          expect(o.status, JSON.stringify(o)).toBe('card');
          const card = (o as { card: { title: string; summary: string[] } }).card;
          expect(card.title).toBe(GOOD_CONTENT.title);
          expect(card.summary).toEqual(GOOD_CONTENT.summary);
        }, 20_000),
      ),
      { seed: fuzzSeed(), numRuns: fuzzRuns('FUZZ_UNIT_ANSWERS', 200) / 4 },
    );
  });
});
