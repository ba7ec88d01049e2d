// Issue 12, defects 3 and 8: pages past the extraction budget and text that tripped backtracking regexes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { HOSTILE_URL, bigTextPage, deepBesideArticle, deepPage, manyLinksPage } from '../../../bench/hostile/pages';
import { cleanText, extractArticle, type BudgetOutcome } from '../../../src/core/extract';
import { recognisePage } from '../../../src/core/recognise';
import { splitSentences } from '../../../src/core/digest/sentences';
import { runCardCli } from '../../../src/cli/card';

const page = recognisePage(HOSTILE_URL);
const extract = (html: string) => {
  let outcome: BudgetOutcome | undefined;
  const article = extractArticle(new JSDOM(html, { url: HOSTILE_URL }).window.document, HOSTILE_URL, page, { onOverBudget: (o) => (outcome = o) });
  return { article, outcome };
};

describe('extraction budget', () => {
  it('reads a 5,000-deep page without overflowing the stack, as a page past the budget', () => {
    const { article, outcome } = extract(deepPage(5000));
    expect(outcome?.measure.over).toBe('depth');
    expect(article).toBeNull(); // the text sits below the depth limit
  }, 120_000);

  it('reads the article beside a 5,000-deep chain from its container', () => {
    const { article, outcome } = extract(deepBesideArticle(5000));
    expect(outcome).toMatchObject({ read: 'part', measure: { over: 'depth' } });
    expect(article?.paragraphs.length).toBe(2);
  }, 120_000);

  it('reads a bounded part of a 20,000-link page', () => {
    const { article, outcome } = extract(manyLinksPage(20_000));
    expect(outcome?.measure.over).toBe('elements');
    expect(article?.paragraphs[0]).toMatch(/^Cloud providers raised storage prices/);
    expect(article!.paragraphs.length).toBeLessThan(2_000);
  }, 120_000);

  it('reads a bounded part of a 5 MB text page', () => {
    const { article, outcome } = extract(bigTextPage(5_000_000));
    expect(outcome?.measure.over).toBe('text');
    expect(article!.paragraphs.join('').length).toBeLessThanOrEqual(200_000);
  }, 120_000);
});

describe('CLI on hostile pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nk-hostile-test-'));
  const run = (name: string, html: string) => {
    const file = join(dir, name);
    writeFileSync(file, html);
    return runCardCli([file, '--engine', 'digest']);
  };
  it('says in Nynorsk that a 5,000-deep page is too large, without crashing', () => {
    const r = run('deep.html', deepPage(5000));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/for stor eller for djupt nesta/);
  }, 120_000);
  it('makes a card from part of a 20,000-link page and says so', () => {
    const r = run('links.html', manyLinksPage(20_000));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/las berre ein del av ho/);
  }, 120_000);
});

describe('linear text handling (defect 8)', () => {
  // Each was quadratic: 50,000 spaces took 1.7 s in cleanText, 80,000 dots 16 s in splitSentences.
  it('cleans 200,000 spaces then "!"', () => {
    expect(cleanText(`a${' '.repeat(200_000)}!`)).toBe('a !');
    expect(cleanText('see link Opens a new window. More')).toBe('see link. More');
  }, 5_000);
  it('splits 200,000 dots and 200,000 "!" without backtracking', () => {
    expect(splitSentences(`Text ${'.'.repeat(200_000)}`)).toHaveLength(1);
    expect(splitSentences(`Text ${'!'.repeat(200_000)} Next one.`)).toHaveLength(2);
  }, 5_000);
});
