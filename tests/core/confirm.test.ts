import { describe, expect, it } from 'vitest';
import { confirmArticle } from '../../src/core/confirm';
import { recognisePage } from '../../src/core/recognise';
import { loadFixturePages, parsePage } from '../../support/fixtures';

const URL_A = 'https://www.spiceworks.com/tech/cloud/news/some-story/';
const page = recognisePage(URL_A);
const para = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} explains how the backup window shrank after the team moved its file servers to a new storage array.</p>`).join('');
const doc = (body: string, head = '') => parsePage(`<!DOCTYPE html><html><head><title>T - Spiceworks</title>${head}</head><body>${body}</body></html>`, URL_A);

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
    const t = recognisePage('https://community.spiceworks.com/t/printer-offline/123');
    const shell = parsePage('<html><body><div id="topic-title"><h1>Printer offline</h1></div><div class="post-stream"></div></body></html>', 'https://community.spiceworks.com/t/printer-offline/123');
    expect(confirmArticle(shell, t)).toBe(false);
    const full = parsePage(
      '<html><body><div id="topic-title"><h1>Printer offline</h1></div><article data-post-id="1"><div class="cooked"><p>Our printer drops off the network every morning.</p></div></article></body></html>',
      'https://community.spiceworks.com/t/printer-offline/123',
    );
    expect(confirmArticle(full, t)).toBe(true);
  });
});
