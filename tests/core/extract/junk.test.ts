/**
 * Junk a page can carry never makes an invalid card (issue 12, defect 6 at
 * the source): lone surrogates and control characters, a 55,000-character
 * relative canonical, a title of thousands of characters. Our own text.
 */
import { describe, expect, it, vi } from 'vitest';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { buildDigestCard } from '../../../src/core/digest/index';
import { extractArticle } from '../../../src/core/extract/index';
import { recognisePage } from '../../../src/core/recognise';
import { detectTopic } from '../../../src/core/topic/index';
import { validateCard } from '../../../src/core/validate';

const URL_ARTICLE = 'https://www.spiceworks.com/tech/cloud/news/cloud-outage-hits-retail-payments/';
const P = [
  'A cloud outage at a large payment processor stopped card payments in shops across several countries for most of Tuesday.',
  'The provider blamed a faulty configuration change in one of its regions that spread to the systems routing payments.',
  'Retailers reported queues at tills and lost sales, and several asked customers to pay in cash while the service recovered.',
];

function card(head: string, title: string, paragraphs: string[]) {
  const html = `<!DOCTYPE html><html><head><title>${title} - Spiceworks</title>${head}</head><body><main><article><h1>${title}</h1><div class="article-body">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></article></main></body></html>`;
  const doc = new JSDOM(html, { url: URL_ARTICLE }).window.document;
  const article = extractArticle(doc, URL_ARTICLE, recognisePage(URL_ARTICLE));
  if (!article) throw new Error('no article');
  return { article, card: buildDigestCard(article, detectTopic(article)) };
}

describe('page junk never makes an invalid card', () => {
  it('mends lone surrogates and drops control characters in title and text', () => {
    const { article, card: c } = card('', 'Cloud \uD800outage\u0001 hits \u0085payments', P.map((p, i) => (i === 0 ? `${p} \uDC00\u0000\u009F` : p)));
    expect(article.title).toBe('Cloud \uFFFDoutage hits payments');
    expect(article.paragraphs.join('')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    expect(validateCard(c, article.paragraphs.length).ok).toBe(true);
  });

  it('falls back to the page URL for a canonical longer than a card may carry', () => {
    const { article, card: c } = card(`<link rel="canonical" href="${'a'.repeat(55_000)}">`, 'Cloud outage hits payments', P);
    expect(article.canonicalUrl).toBe(URL_ARTICLE);
    expect(validateCard(c, article.paragraphs.length).ok).toBe(true);
  });

  it('cuts a title of thousands of characters at a word, within the card limit', () => {
    const long = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const { article, card: c } = card('', long, P);
    expect(article.title.length).toBeLessThanOrEqual(300);
    expect(article.title.endsWith('…')).toBe(true);
    expect(validateCard(c, article.paragraphs.length).ok).toBe(true);
  });

  it('reads the page’s own containers when Readability throws on broken markup (found by the fuzzer)', () => {
    const spy = vi.spyOn(Readability.prototype, 'parse').mockImplementation(() => {
      throw new DOMException('"<iframe" did not match the QName production', 'InvalidCharacterError');
    });
    try {
      const { article, card: c } = card('', 'Cloud outage hits payments', P);
      expect(spy).toHaveBeenCalled();
      expect(article.paragraphs).toEqual(P);
      expect(validateCard(c, article.paragraphs.length).ok).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
