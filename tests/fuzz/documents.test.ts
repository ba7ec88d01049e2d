/**
 * Property-based fuzzing of the page pipeline (issue 12): mutated fixture
 * pages through recognise → confirm → extract (jsdom) → topic → fact card →
 * validator, plus the harness's sanity checks (support/sanity.ts). Fixed seed
 * for CI (FUZZ_SEED overrides), a budget of a few seconds; `npm run fuzz`
 * runs 10,000 documents. A failure prints the seed, the path and the shrunk
 * input that replay it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fuzzRuns, fuzzSeed, withShrinkBudget } from '../../support/fuzz/config';
import { assertDocumentOk, docInput, loadDocSources, runDocument, UNIT_SCALE } from '../../support/fuzz/documents';

const { sources, skipped } = loadDocSources();
if (skipped) console.info(`fuzz documents: ${skipped} (our own fixture pages only)`);

describe('fuzz: documents through the whole core', () => {
  it('never crashes, never makes a card the validator or the sanity checks reject', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(docInput(sources.length, UNIT_SCALE), withShrinkBudget((input) => assertDocumentOk(runDocument(input, sources)), 20_000)),
      { seed: fuzzSeed(), numRuns: fuzzRuns('FUZZ_UNIT_DOCS', 30) },
    );
  });
});
