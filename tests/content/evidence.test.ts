// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listenForEvidenceRequests, setCurrentArticle, showEvidence } from '../../src/content/evidence';
import { messageSource } from '../support/message-source';
import { HIGHLIGHT_ATTR } from '../../src/content/highlight';

const HIGHLIGHT_SELECTOR = `[${HIGHLIGHT_ATTR}]`;
import { extractArticle } from '../../src/core/extract/index';
import { recognisePage } from '../../src/core/recognise';
import type { Article } from '../../src/core/types';
import { parseMessage } from '../../src/protocol';

// Not via support/fixtures: its file-URL path fails under the jsdom environment's URL.
const dir = join(import.meta.dirname, '../fixtures/pages/meta-ai-workforce/');
const { url } = JSON.parse(readFileSync(`${dir}page.json`, 'utf8')) as { url: string };
let article: Article;

beforeAll(() => {
  // The fixture page becomes this test's document, as the content script sees it.
  const html = readFileSync(`${dir}source.html`, 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  article = extractArticle(document, url, recognisePage(url))!;
  expect(article.paragraphs.length).toBe(9);
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});
afterEach(() => {
  document.querySelectorAll(HIGHLIGHT_SELECTOR).forEach((el) => el.remove());
  setCurrentArticle(null);
});

describe('showEvidence', () => {
  it('highlights the paragraph of the current article', () => {
    setCurrentArticle(article, document);
    expect(showEvidence(4)).toBe(true);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(1);
  });

  it('says false, and draws nothing, without an article or for a paragraph the article lacks', () => {
    expect(showEvidence(0)).toBe(false);
    setCurrentArticle(article, document);
    expect(showEvidence(article.paragraphs.length)).toBe(false);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(0);
  });
});

describe('listenForEvidenceRequests', () => {
  const listen = () => {
    const m = messageSource();
    listenForEvidenceRequests(m.source);
    return m.ask;
  };

  it('answers evidence:show with whether the paragraph was found', async () => {
    setCurrentArticle(article, document);
    const listener = listen();
    await expect(listener({ type: 'evidence:show', index: 1 })).resolves.toEqual({ found: true });
    await expect(listener({ type: 'evidence:show', index: 40 })).resolves.toEqual({ found: false });
  });

  it('leaves other and malformed messages to other listeners', () => {
    const listener = listen();
    expect(listener({ type: 'overlay:get' })).toBeUndefined();
    expect(listener({ type: 'evidence:show', index: -1 })).toBeUndefined();
    expect(listener({ type: 'evidence:show', index: '2' })).toBeUndefined();
    expect(listener('evidence:show')).toBeUndefined();
  });
});

describe('parseMessage, evidence:show', () => {
  it('accepts a non-negative integer index and copies only the known fields', () => {
    expect(parseMessage({ type: 'evidence:show', index: 3, extra: true })).toEqual({ type: 'evidence:show', index: 3 });
    expect(parseMessage({ type: 'evidence:show', index: 0 })).toEqual({ type: 'evidence:show', index: 0 });
  });
  it('refuses a missing, negative, fractional or non-numeric index', () => {
    for (const index of [undefined, -1, 1.5, NaN, Infinity, '1', null]) {
      expect(parseMessage({ type: 'evidence:show', index }), String(index)).toBeNull();
    }
  });
});
