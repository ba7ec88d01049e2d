/**
 * extractArticle on a page past the budget, with limits small enough that an
 * ordinary page passes them (hostile.test.ts does the same with huge pages,
 * too slow for the mutation run). Our own text.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, extractArticle, type BudgetOutcome, type Limits } from '../../../src/core/extract/index';
import { recognisePage } from '../../../src/core/recognise';

const URL_ARTICLE = 'https://www.spiceworks.com/tech/cloud/news/storage-prices-rise/';
const STORY = [
  'Cloud providers raised the price of object storage again this quarter, the third rise in two years.',
  'Analysts said the cost of hard drives and power in the data centres explained most of the increase.',
  'Several customers said they would move their backup archives to cheaper tiers before the new prices apply.',
];
const story = STORY.map((p) => `<p>${p}</p>`).join('');
/** Sixty links in a plain div: elements, but no paragraph. */
const LINKS = `<div class="links">${Array.from({ length: 60 }, (_, i) => `<a href="/tech/topic-${i}/">Topic ${i}</a>`).join(' ')}</div>`;
const TIGHT: Limits = { ...DEFAULT_LIMITS, maxElements: 50 };

function extract(body: string, limits?: Limits) {
  const html = `<!DOCTYPE html><html><head><title>Storage Prices Rise - Spiceworks</title></head><body>${body}</body></html>`;
  const doc = new JSDOM(html, { url: URL_ARTICLE }).window.document;
  const outcomes: BudgetOutcome[] = [];
  const article = extractArticle(doc, URL_ARTICLE, recognisePage(URL_ARTICLE), { ...(limits ? { limits } : {}), onOverBudget: (o) => outcomes.push(o) });
  return { article, outcomes };
}

describe('extractArticle past the budget', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads a page within the budget whole and reports nothing', () => {
    const { article, outcomes } = extract(`${LINKS}<article><h1>Storage Prices Rise</h1>${story}</article>`);
    expect(outcomes).toEqual([]);
    expect(article?.paragraphs).toEqual(STORY);
  });

  it('reads only the article container when the page is past the budget and the container within it', () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    const { article, outcomes } = extract(`${LINKS}<article><h1>Storage Prices Rise</h1>${story}</article>`, TIGHT);
    // The copy of the container is small: Readability reads it.
    expect(parse).toHaveBeenCalledTimes(1);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ read: 'part', measure: { over: 'elements' } });
    expect(article?.paragraphs).toEqual(STORY);
    expect(article?.title).toBe('Storage Prices Rise');
  });

  it('takes the h1 outside the container into the copy, for the title', () => {
    const { article, outcomes } = extract(`<header><h1>Storage Prices Rise</h1></header>${LINKS}<article>${story}</article>`, { ...TIGHT });
    expect(outcomes[0]?.read).toBe('part');
    expect(article?.paragraphs).toEqual(STORY);
    expect(article?.title).toBe('Storage Prices Rise');
  });

  it('reads the start of the body, not through Readability, when no container is within the budget', () => {
    // No article container at all: the copy is the body, still past the budget, so its blocks are read directly.
    const parse = vi.spyOn(Readability.prototype, 'parse');
    const none = extract(`${LINKS}<div class="story"><h1>Storage Prices Rise</h1>${story}</div>`, TIGHT);
    expect(none.outcomes).toHaveLength(1);
    expect(none.outcomes[0]).toMatchObject({ read: 'cut', measure: { over: 'elements' } });
    expect(none.article?.paragraphs).toEqual(STORY);
    // A container past the budget itself: the same, from the container in the copy.
    const big = extract(`<article>${LINKS}<h1>Storage Prices Rise</h1>${story}</article>`, TIGHT);
    expect(big.outcomes[0]).toMatchObject({ read: 'cut', measure: { over: 'elements' } });
    expect(big.article?.paragraphs).toEqual(STORY);
    expect(parse).not.toHaveBeenCalled();
  });

  it('reads a page past the budget when the caller gave no onOverBudget', () => {
    // The content script calls extractArticle with no options at all.
    const html = `<!DOCTYPE html><html><head><title>Storage Prices Rise - Spiceworks</title></head><body>${LINKS}<article><h1>Storage Prices Rise</h1>${story}</article></body></html>`;
    const doc = new JSDOM(html, { url: URL_ARTICLE }).window.document;
    const article = extractArticle(doc, URL_ARTICLE, recognisePage(URL_ARTICLE), { limits: TIGHT });
    expect(article?.paragraphs).toEqual(STORY);
    expect(article?.title).toBe('Storage Prices Rise');
  });

  it('says how the page passed the budget: too deep', () => {
    const deep = `${'<div>'.repeat(12)}deep${'</div>'.repeat(12)}`;
    const { article, outcomes } = extract(`${deep}<article><h1>Storage Prices Rise</h1>${story}</article>`, { ...DEFAULT_LIMITS, maxDepth: 8 });
    expect(outcomes[0]).toMatchObject({ read: 'part', measure: { over: 'depth' } });
    expect(article?.paragraphs).toEqual(STORY);
  });
});
