import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createParagraphLocator, normaliseText } from '../../src/content/find-paragraph';
import { extractArticle } from '../../src/core/extract/index';
import { recognisePage } from '../../src/core/recognise';
import { parsePage, PAGES_DIR } from '../../support/fixtures';
import { loadSharedPages } from '../../support/shared-pages';

/** A fixture page as the content script sees it, and the article extracted from it. */
function fixture(name: string) {
  const dir = `${PAGES_DIR}${name}/`;
  const { url } = JSON.parse(readFileSync(`${dir}page.json`, 'utf8')) as { url: string };
  const doc = parsePage(readFileSync(`${dir}source.html`, 'utf8'), url);
  const article = extractArticle(doc, url, recognisePage(url));
  if (!article) throw new Error(`no article in ${name}`);
  return { doc, article };
}

describe('createParagraphLocator on fixture pages', () => {
  for (const name of ['meta-ai-workforce', 'what-is-a-data-lakehouse', 'community-print-spooler']) {
    it(`maps every extracted paragraph of ${name} back to a distinct element with that text`, () => {
      const { doc, article } = fixture(name);
      const locator = createParagraphLocator(doc, article.paragraphs);
      const seen = new Set<Element>();
      article.paragraphs.forEach((p, i) => {
        const el = locator.find(i);
        expect(el, `paragraph ${i}: ${p.slice(0, 60)}`).not.toBeNull();
        expect(normaliseText(el!.textContent ?? '')).toBe(normaliseText(p));
        expect(seen.has(el!), `paragraph ${i} maps to an element already used`).toBe(false);
        seen.add(el!);
      });
    });
  }

  it('finds the Meta article paragraphs in document order, inside the article', () => {
    const { doc, article } = fixture('meta-ai-workforce');
    const locator = createParagraphLocator(doc, article.paragraphs);
    const els = article.paragraphs.map((_, i) => locator.find(i)!);
    for (let i = 1; i < els.length; i++) {
      // DOCUMENT_POSITION_FOLLOWING = 4
      expect(els[i - 1]!.compareDocumentPosition(els[i]!) & 4, `paragraph ${i} follows ${i - 1}`).toBe(4);
    }
    expect(els[0]!.textContent).toContain('Meta is losing experienced artificial intelligence specialists');
  });

  it('returns null for indices outside the article and for text the page lacks', () => {
    const { doc, article } = fixture('meta-ai-workforce');
    const locator = createParagraphLocator(doc, [...article.paragraphs, 'A sentence that appears nowhere on this page at all.']);
    expect(locator.find(-1)).toBeNull();
    expect(locator.find(1.5)).toBeNull();
    expect(locator.find(article.paragraphs.length + 1)).toBeNull();
    expect(locator.find(article.paragraphs.length)).toBeNull();
  });

  it('caches a lookup and looks again when the element left the page', () => {
    const { doc, article } = fixture('meta-ai-workforce');
    const locator = createParagraphLocator(doc, article.paragraphs);
    const first = locator.find(2)!;
    expect(locator.find(2)).toBe(first);
    // The site re-renders the paragraph: same text, new element.
    const copy = first.cloneNode(true) as Element;
    first.replaceWith(copy);
    expect(locator.find(2)).toBe(copy);
  });
});

describe('createParagraphLocator, text matching', () => {
  const page = (body: string) => parsePage(`<!doctype html><html><body>${body}</body></html>`, 'https://www.spiceworks.com/x/');

  it('prefers the paragraph inside the article to the same text in a teaser elsewhere', () => {
    const doc = page(`<aside><p id="teaser">Same words here.</p></aside><article><p id="real">Same words here.</p></article>`);
    expect(createParagraphLocator(doc, ['Same words here.']).find(0)?.id).toBe('real');
  });

  it('takes the inner block when a list item wraps the matching paragraph', () => {
    const doc = page(`<article><ul><li id="li"><p id="p">An item in a list.</p></li></ul></article>`);
    expect(createParagraphLocator(doc, ['An item in a list.']).find(0)?.id).toBe('p');
  });

  it('gives a repeated paragraph its own occurrence', () => {
    const doc = page(`<article><p id="a">Repeat.</p><p id="b">Between.</p><p id="c">Repeat.</p></article>`);
    const locator = createParagraphLocator(doc, ['Repeat.', 'Between.', 'Repeat.']);
    expect([0, 1, 2].map((i) => locator.find(i)?.id)).toEqual(['a', 'b', 'c']);
  });

  it('matches on the first 80 characters when the page adds to the text, ignoring whitespace, case and curly quotes', () => {
    const long = "The company's new policy changes how administrators approve remote access for contractors and partners.";
    const doc = page(`<article><p id="x">  The company’s NEW policy changes how administrators
      approve remote access for contractors and partners. <a>Opens a new window</a> (Updated.)</p></article>`);
    expect(createParagraphLocator(doc, [long]).find(0)?.id).toBe('x');
  });
});

describe('createParagraphLocator on real texts in our page templates (/work/shared/fixtures)', () => {
  const { pages, skipped } = loadSharedPages();
  if (skipped) console.warn(`find-paragraph: shared pages skipped: ${skipped}`);
  it.skipIf(pages.length === 0)('finds every extracted paragraph of every shared article page', () => {
    let checked = 0;
    for (const p of pages) {
      const doc = parsePage(p.html, p.url);
      const page = recognisePage(p.url);
      const article = extractArticle(doc, p.url, page);
      if (!article) continue;
      const locator = createParagraphLocator(doc, article.paragraphs);
      article.paragraphs.forEach((text, i) => {
        const el = locator.find(i);
        expect(el, `${p.url} paragraph ${i}`).not.toBeNull();
        expect(normaliseText(el!.textContent ?? ''), `${p.url} paragraph ${i}`).toBe(normaliseText(text));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(20);
  });
});
