import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Confirm from '../../src/core/confirm';
import { recognisePage } from '../../src/core/recognise';
import type { PageKind } from '../../src/core/types';
import { loadFixturePages, parsePage } from '../../support/fixtures';

const URL_A = 'https://www.spiceworks.com/tech/cloud/news/some-story/';
const URL_T = 'https://community.spiceworks.com/t/printer-offline/123';
// Recognised, and confirm.ts imported afresh, inside each test, not at load: Stryker activates a mutant only once the
// tests run, so its tables (the JSON-LD types, the error patterns) must be built then to be mutated at all.
let page: PageKind;
let thread: PageKind;
let confirmArticle: typeof Confirm.confirmArticle;
beforeEach(async () => {
  vi.resetModules();
  ({ confirmArticle } = await import('../../src/core/confirm'));
  page = recognisePage(URL_A);
  thread = recognisePage(URL_T);
});
const para = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} explains how the backup window shrank after the team moved its file servers to a new storage array.</p>`).join('');
const doc = (body: string, head = '', title = 'T - Spiceworks') => parsePage(`<!DOCTYPE html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`, URL_A);
/** Paragraphs whose trimmed text is exactly `n` characters. */
const chars = (n: number) => `<p>${'x'.repeat(n - 100)}</p><p>${'y'.repeat(100)}</p>`;
const threadDoc = (body: string) => parsePage(`<html><body>${body}</body></html>`, URL_T);
const POST = '<article data-post-id="1"><div class="cooked"><p>Our printer drops off the network every morning.</p></div></article>';

describe('confirmArticle on fixture pages', () => {
  for (const f of loadFixturePages().filter((f) => f.expected.kind !== 'none')) {
    it(`${f.name} → ${String(f.expected.confirmed)}`, () => {
      expect(confirmArticle(parsePage(f.html, f.url), recognisePage(f.url))).toBe(f.expected.confirmed);
    });
  }
});

describe('confirmArticle rules', () => {
  it('accepts one heading with enough text and no metadata at all', () => {
    expect(confirmArticle(doc(`<h1>Backups</h1>${para(5)}`), page)).toBe(true);
  });
  it('reads a page whose elements are named like document properties (a hostile page) without throwing', () => {
    // In a browser, named elements override document properties: <img name="title"> makes document.title the <img>
    // (jsdom does not do this, so a proxy stands in for it).
    const real = doc(`<img name="title" alt=""><h1>Backups</h1>${para(5)}`);
    const img = real.querySelector('img');
    const named = new Proxy(real, {
      get: (target, prop) => {
        if (prop === 'title') return img;
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    expect(confirmArticle(named, page)).toBe(true);
  });
  it('rejects a page without a main heading', () => {
    expect(confirmArticle(doc(para(8)), page)).toBe(false);
  });
  it('rejects a page with many h1 headings (a listing)', () => {
    expect(confirmArticle(doc(`<h1>A</h1><h1>B</h1><h1>C</h1>${para(8)}`), page)).toBe(false);
  });
  it('counts only h1 headings with visible text: empty or blank ones are neither the heading nor a listing', () => {
    // Two empty and one blank h1 beside the article's own: still one heading, and the error check reads the real one.
    expect(confirmArticle(doc(`<h1></h1><h1> \n </h1><h1><span> </span></h1><h1>Backups</h1>${para(5)}`), page)).toBe(true);
    expect(confirmArticle(doc(`<h1>Page not found</h1><h1>  </h1>${para(5)}`), page)).toBe(false);
    // Blank h1s only: no main heading at all.
    expect(confirmArticle(doc(`<h1> </h1>${para(8)}`), page)).toBe(false);
    expect(confirmArticle(doc(`<h1></h1>${para(8)}`), page)).toBe(false);
  });
  it('rejects too little text, but accepts less when JSON-LD says NewsArticle', () => {
    const body = `<h1>Backups</h1>${para(2)}`;
    expect(confirmArticle(doc(body), page)).toBe(false);
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Backups"}]}</script>`;
    expect(confirmArticle(doc(body, ld), page)).toBe(true);
    expect(confirmArticle(doc(body, '<meta property="og:type" content="article">'), page)).toBe(true);
  });
  it('lowers the bar for every JSON-LD type of an article or a thread, and only for those', () => {
    const body = `<h1>Backups</h1>${para(2)}`;
    const ld = (type: string) => `<script type="application/ld+json">{"@type":"${type}","headline":"Backups"}</script>`;
    for (const type of ['NewsArticle', 'Article', 'BlogPosting', 'TechArticle', 'ReportageNews', 'AnalysisNewsArticle', 'DiscussionForumPosting', 'QAPage']) {
      expect(confirmArticle(doc(body, ld(type)), page), type).toBe(true);
    }
    for (const type of ['WebPage', 'Organization', 'Person', '']) expect(confirmArticle(doc(body, ld(type)), page), type).toBe(false);
  });
  it('takes the headings of error pages for what they are, and articles about errors for articles', () => {
    const errors = ['404 Page not found', '403 Forbidden', '400 error', '410', '500 Internal Server Error', '501 unavailable', '502', '503 Service Unavailable', 'Error', 'Page not found', 'Not found', 'Oops, that page is gone', 'Sorry, this report moved', 'Something went wrong', 'Access denied', 'Forbidden', 'We can’t find that page', 'We can\'t find that page', 'This page is no longer here', 'This page was removed', 'This page does not exist', 'This page could not be found'];
    for (const h of errors) expect(confirmArticle(doc(`<h1>${h}</h1>${para(5)}`), page), h).toBe(false);
    const articles = ['Error handling in PowerShell scripts', '500 servers moved to the cloud', '404s in your logs and what they mean', '405 Method Not Allowed explained', '504 gateway timeouts: a field guide', '4040 tickets closed in a week', 'Why forbidden words filters fail'];
    for (const h of articles) expect(confirmArticle(doc(`<h1>${h}</h1>${para(5)}`), page), h).toBe(true);
  });
  it('rejects a listing marked as CollectionPage even with text', () => {
    const ld = `<script type="application/ld+json">{"@type":"CollectionPage","name":"Cloud"}</script>`;
    expect(confirmArticle(doc(`<h1>Cloud</h1>${para(8)}`, ld), page)).toBe(false);
  });
  it('ignores broken JSON-LD', () => {
    expect(confirmArticle(doc(`<h1>Backups</h1>${para(5)}`, '<script type="application/ld+json">{oops</script>'), page)).toBe(true);
  });
  it('rejects error headings but not articles about errors', () => {
    expect(confirmArticle(doc(`<h1>404 - Page not found</h1>${para(5)}`), page)).toBe(false);
    expect(confirmArticle(doc(`<h1>Oops! Something went wrong</h1>${para(5)}`), page)).toBe(false);
    expect(confirmArticle(doc(`<h1>Error 0x80070005 Blocks Windows Updates on Some PCs</h1>${para(5)}`), page)).toBe(true);
    expect(confirmArticle(doc(`<h1>500 IT Pros Share Their Backup Habits</h1>${para(5)}`), page)).toBe(true);
  });
  it('is false for kind none', () => {
    expect(confirmArticle(doc(`<h1>Backups</h1>${para(5)}`), { kind: 'none' })).toBe(false);
  });
  it('needs Discourse post content for a thread', () => {
    const shell = threadDoc('<div id="topic-title"><h1>Printer offline</h1></div><div class="post-stream"></div>');
    expect(confirmArticle(shell, thread)).toBe(false);
    expect(confirmArticle(threadDoc(`<div id="topic-title"><h1>Printer offline</h1></div>${POST}`), thread)).toBe(true);
  });
  it('needs a visible, non-error heading for a thread, whatever its posts', () => {
    expect(confirmArticle(threadDoc(POST), thread)).toBe(false);
    expect(confirmArticle(threadDoc(`<div id="topic-title"><h1> \n </h1></div>${POST}`), thread)).toBe(false);
    expect(confirmArticle(threadDoc(`<div id="topic-title"><h1>Oops! That page doesn’t exist or is private.</h1></div>${POST}`), thread)).toBe(false);
  });
  it('needs exactly 400 characters of paragraph text, blanks around paragraphs not counted', () => {
    expect(confirmArticle(doc(`<h1>Backups</h1>${chars(400)}`), page)).toBe(true);
    expect(confirmArticle(doc(`<h1>Backups</h1>${chars(399)}`), page)).toBe(false);
    expect(confirmArticle(doc(`<h1>Backups</h1><p>${' '.repeat(300)}${'x'.repeat(300)}\n\n</p>`), page)).toBe(false);
  });
  it('tolerates a logo h1 beside the article heading, and reads the article one', () => {
    expect(confirmArticle(doc(`<h1>Spiceworks</h1><h1>Backups</h1>${para(5)}`), page)).toBe(true);
    expect(confirmArticle(doc(`<h1>Spiceworks</h1><h1>Page not found</h1>${para(5)}`), page)).toBe(false);
  });
  it('reads an error heading through the blanks around it', () => {
    expect(confirmArticle(doc(`<h1>\n   Page not found\n</h1>${para(5)}`), page)).toBe(false);
  });
  it('takes only a short heading for an error heading', () => {
    // n characters that end in a letter, so that trimming leaves all n.
    const sorry = (n: number) => `Sorry, ${'we have moved this report to the new storage section '.repeat(2)}`.slice(0, n - 1) + 'x';
    expect(confirmArticle(doc(`<h1>${sorry(79)}</h1>${para(5)}`), page)).toBe(false);
    expect(confirmArticle(doc(`<h1>${sorry(80)}</h1>${para(5)}`), page)).toBe(true);
  });
  it('rejects an error heading by its start, not by how it ends', () => {
    expect(confirmArticle(doc(`<h1>Oops, that page is gone</h1>${para(5)}`), page)).toBe(false);
  });
  it('rejects a page whose title says 404 or error, whatever its heading', () => {
    expect(confirmArticle(doc(`<h1>Nothing to see here</h1>${para(5)}`, '', '404 Not Found'), page)).toBe(false);
    // document.title drops ASCII blanks at the ends itself, not a no-break space.
    expect(confirmArticle(doc(`<h1>Nothing to see here</h1>${para(5)}`, '', '&nbsp;404 Not Found'), page)).toBe(false);
    expect(confirmArticle(doc(`<h1>Nothing to see here</h1>${para(5)}`, '', 'Error'), page)).toBe(false);
    expect(confirmArticle(doc(`<h1>Nothing to see here</h1>${para(5)}`, '', 'Error&nbsp;'), page)).toBe(false);
  });
  it('accepts an article whose title only starts like an error title', () => {
    expect(confirmArticle(doc(`<h1>Error 404 explained</h1>${para(5)}`, '', 'Error 404 explained: what it means - Spiceworks'), page)).toBe(true);
    expect(confirmArticle(doc(`<h1>Error handling in PowerShell</h1>${para(5)}`, '', 'Error handling in PowerShell'), page)).toBe(true);
    expect(confirmArticle(doc(`<h1>4040 backup tips</h1>${para(5)}`, '', '4040 backup tips'), page)).toBe(true);
  });
  it('reads og:type from a property or a name attribute, past other meta tags, blanks and case aside', () => {
    const body = `<h1>Backups</h1>${para(2)}`;
    expect(confirmArticle(doc(body, '<meta name="description" content="article"><meta property="og:type" content="website">'), page)).toBe(false);
    expect(confirmArticle(doc(body, '<meta name="description" content="Backups"><meta name="og:type" content="article">'), page)).toBe(true);
    expect(confirmArticle(doc(body, '<meta property="og:type" content=" Article ">'), page)).toBe(true);
  });
  it('lowers the bar for an article type among other JSON-LD types, and a listing type beside it does not make a listing', () => {
    const ld = (types: string) => `<script type="application/ld+json">{"@graph":[${types}]}</script>`;
    const short = `<h1>Backups</h1>${para(2)}`;
    expect(confirmArticle(doc(short, ld('{"@type":"WebPage"},{"@type":"NewsArticle"}')), page)).toBe(true);
    expect(confirmArticle(doc(short, ld('{"@type":"NewsArticle"},{"@type":"ItemList"}')), page)).toBe(true);
    expect(confirmArticle(doc(`<h1>Cloud</h1>${para(8)}`, ld('{"@type":"CollectionPage"},{"@type":"BreadcrumbList"}')), page)).toBe(false);
  });
  it('is false for a document without a body, even with a heading and text', () => {
    const d = doc(`<h1>Backups</h1>${para(5)}`);
    d.documentElement.append(...Array.from(d.body.childNodes));
    d.body.remove();
    expect(confirmArticle(d, page)).toBe(false);
  });
});
