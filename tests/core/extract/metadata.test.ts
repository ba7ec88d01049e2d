/**
 * The page's metadata read by selector queries: tags, breadcrumbs, title and
 * dates. Small pages of our own; the author has its own file (author.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { JsonLdInfo } from '../../../src/core/extract/jsonld';
import { canonicalUrl, nameFrom, readBreadcrumbs, readMeta, readPublished, readTags, readTitle, readUpdated } from '../../../src/core/extract/metadata';

const ld = (over: Partial<JsonLdInfo> = {}): JsonLdInfo => ({ types: [], sections: [], keywords: [], authors: [], authorOrgs: [], breadcrumbs: [], ...over });
const doc = (head: string, body = '') => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).window.document;

describe('readTags', () => {
  it('gives no tags for a page without article:tag or tag links', () => {
    const d = doc('<meta property="og:title" content="Backups">', '<p>Nothing tagged here.</p>');
    expect(readTags(d, readMeta(d))).toEqual([]);
  });

  it('splits article:tag at commas, whole tags, and adds tag links after them without repeats', () => {
    const d = doc('<meta property="article:tag" content="Cloud Storage, Backup"><meta property="article:tag" content="NAS">', '<a rel="tag" href="/t/backup">backup</a><span class="discourse-tag">RAID</span>');
    expect(readTags(d, readMeta(d))).toEqual(['Cloud Storage', 'Backup', 'NAS', 'RAID']);
  });
});

describe('readMeta', () => {
  it('keeps the first non-empty value of a repeated tag and skips empty ones', () => {
    const d = doc('<meta name="description" content="  "><meta name="description" content="First words"><meta name="description" content="Second words"><meta property="og:title" content="A"><meta property="og:title" content="B">');
    expect(readMeta(d)).toEqual({ description: 'First words', 'og:title': 'A' });
  });

  it('reads tag names in any case and keeps only the listed tags', () => {
    const d = doc('<meta property="OG:Title" content="Backups"><meta name="Description" content="How to keep backups."><meta name="viewport" content="width=device-width"><meta name="robots" content="index">');
    expect(readMeta(d)).toEqual({ 'og:title': 'Backups', description: 'How to keep backups.' });
  });
});

describe('readTitle', () => {
  it('takes og:title, then the JSON-LD headline, then the h1, then <title>, on an article', () => {
    const d = doc('<meta property="og:title" content="From og - Spiceworks"><title>From title</title>', '<h1>From h1</h1>');
    expect(readTitle(d, readMeta(d), ld({ headline: 'From ld' }), false)).toBe('From og');
    const d2 = doc('<title>From title</title>', '<h1>From h1</h1>');
    expect(readTitle(d2, readMeta(d2), ld({ headline: 'From ld' }), false)).toBe('From ld');
    expect(readTitle(d2, readMeta(d2), ld(), false)).toBe('From h1');
  });

  it("takes a thread's topic heading over og:title and an earlier h1, and without a heading og:title before <title>", () => {
    const d = doc('<meta property="og:title" content="From og"><title>From title</title>', '<h1>Site name</h1><div id="topic-title"><h1>From topic</h1></div>');
    expect(readTitle(d, readMeta(d), ld({ headline: 'From ld' }), true)).toBe('From topic');
    const d2 = doc('<meta property="og:title" content="From og">', '<h1>Only h1</h1>');
    expect(readTitle(d2, readMeta(d2), ld(), true)).toBe('Only h1');
    // No heading yet (the topic is rendered by script): og:title before <title>, which names the page of a long thread.
    const d3 = doc('<meta property="og:title" content="Printer offline after update"><title>Printer offline after update - Page 2 - Windows - Spiceworks Community</title>');
    expect(readTitle(d3, readMeta(d3), ld({ headline: 'From ld' }), true, 'Windows')).toBe('Printer offline after update');
    const d4 = doc('<title>Printer offline after update - Windows - Spiceworks Community</title>');
    expect(readTitle(d4, readMeta(d4), ld(), true, 'Windows')).toBe('Printer offline after update');
  });

  it('keeps a title of 300 characters and cuts a longer one at a word, with "…"', () => {
    const exact = 'x'.repeat(300);
    const d = doc(`<meta property="og:title" content="${exact}">`);
    expect(readTitle(d, readMeta(d), ld(), false)).toBe(exact);
    const long = `${'word '.repeat(70)}end`;
    const d2 = doc(`<meta property="og:title" content="${long}">`);
    const t = readTitle(d2, readMeta(d2), ld(), false);
    expect(t).toBe(`${'word '.repeat(59).trim()}…`);
    // A space at exactly half the limit is too early to cut at: the title is cut at the limit instead.
    const half = `${'h'.repeat(150)} ${'z'.repeat(200)}`;
    const d4 = doc(`<meta property="og:title" content="${half}">`);
    expect(readTitle(d4, readMeta(d4), ld(), false)).toBe(`${half.slice(0, 299)}…`);
    const unbroken = 'y'.repeat(400);
    const d3 = doc(`<meta property="og:title" content="${unbroken}">`);
    expect(readTitle(d3, readMeta(d3), ld(), false)).toBe(`${'y'.repeat(299)}…`);
  });
});

describe('readBreadcrumbs', () => {
  it('takes JSON-LD crumbs and then no markup crumbs, without "Home", repeats or overlong names', () => {
    const d = doc('', '<ul class="breadcrumbs"><li>Markup</li></ul>');
    expect(readBreadcrumbs(d, ld({ breadcrumbs: ['Home', ' Cloud ', 'cloud', 'News', 'x'.repeat(80), 'y'.repeat(79)] }))).toEqual(['Cloud', 'News', 'y'.repeat(79)]);
  });

  it('reads the innermost items of a .breadcrumb list or an aria-labelled nav, or its links', () => {
    const list = doc('', '<ol class="breadcrumb"><li><a href="/">Home</a></li><li><span itemprop="name">Tech</span> ›</li><li>Cloud</li></ol>');
    expect(readBreadcrumbs(list, ld())).toEqual(['Tech', 'Cloud']);
    const plural = doc('', '<ul class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/tech/">Tech</a></li><li>Security</li></ul>');
    expect(readBreadcrumbs(plural, ld())).toEqual(['Tech', 'Security']);
    const nav = doc('', '<nav aria-label="Site menu"><a href="/x">Menu</a></nav><nav aria-label="Breadcrumb"><a href="/">Home</a> / <a href="/tech">Tech</a></nav>');
    expect(readBreadcrumbs(nav, ld())).toEqual(['Tech']);
    expect(readBreadcrumbs(doc('', '<nav><a href="/tech">Tech</a></nav>'), ld())).toEqual([]);
  });
});

describe('readPublished and readUpdated', () => {
  it('takes meta, then JSON-LD, then <time>, then the fallback, then a short date element', () => {
    const all = doc('<meta property="article:published_time" content="2024-01-01">', '<time datetime="2024-03-03">x</time><p class="post-date">May 5, 2024</p>');
    expect(readPublished(all, readMeta(all), ld({ datePublished: '2024-02-02' }), '2024-04-04')).toBe('2024-01-01');
    const noMeta = doc('', '<time datetime="2024-03-03">x</time><p class="post-date">May 5, 2024</p>');
    expect(readPublished(noMeta, {}, ld({ datePublished: '2024-02-02' }), '2024-04-04')).toBe('2024-02-02');
    expect(readPublished(noMeta, {}, ld(), '2024-04-04')).toBe('2024-03-03');
    const noTime = doc('', '<p class="post-date">May 5, 2024</p>');
    expect(readPublished(noTime, {}, ld(), '2024-04-04')).toBe('2024-04-04');
    expect(readPublished(noTime, {}, ld(), null)).toBe('2024-05-05');
    const long = doc('', `<p class="post-date">May 5, 2024 ${'and more words '.repeat(4)}</p>`);
    expect(readPublished(long, {}, ld())).toBeUndefined();
  });

  it('takes the modified time from meta before JSON-LD', () => {
    expect(readUpdated({ 'article:modified_time': '2024-06-01' }, ld({ dateModified: '2024-07-01' }))).toBe('2024-06-01');
    expect(readUpdated({}, ld({ dateModified: '2024-07-01' }))).toBe('2024-07-01');
  });
});

describe('nameFrom', () => {
  it('drops a job title after the first comma, even when the name holds a title word', () => {
    expect(nameFrom('Jane Head, Senior Editor', false)).toBe('Jane Head');
  });

  it('takes the name from the part after a dash when the part before it is only a job title', () => {
    expect(nameFrom('Senior Editor – Jane Smith', false)).toBe('Jane Smith');
    expect(nameFrom('Technical Writer — Kari Nordmann', true)).toBe('Kari Nordmann');
  });

  it('takes no name of more than five words, or with an angle bracket left in it', () => {
    expect(nameFrom('Anna Maria Berit Kari Nordmann Olsen', false)).toBeUndefined();
    expect(nameFrom('Anna Maria Berit Nordmann Olsen', false)).toBe('Anna Maria Berit Nordmann Olsen');
    expect(nameFrom('Jane > Doe', false)).toBeUndefined();
    expect(nameFrom('Jane <Doe', false)).toBeUndefined();
  });
});

describe('canonicalUrl: only an https address on spiceworks.com is trusted', () => {
  const url = 'https://www.spiceworks.com/tech/cloud/news/a-story/?utm_source=feed#comments';
  const page = 'https://www.spiceworks.com/tech/cloud/news/a-story/';
  const link = (href: string) => doc(`<link rel="canonical" href="${href}">`);

  it('follows a canonical link or og:url on spiceworks.com or its subdomains', () => {
    expect(canonicalUrl(link('https://www.spiceworks.com/tech/cloud/news/the-story/'), url, {})).toBe('https://www.spiceworks.com/tech/cloud/news/the-story/');
    expect(canonicalUrl(link('https://spiceworks.com/tech/cloud/news/the-story/'), url, {})).toBe('https://spiceworks.com/tech/cloud/news/the-story/');
    expect(canonicalUrl(doc(''), url, { 'og:url': 'https://community.spiceworks.com/t/printer-offline/1001' })).toBe('https://community.spiceworks.com/t/printer-offline/1001');
  });

  it('does not follow a short relative link that resolves longer than a card URL', () => {
    const rel = `related/${'d'.repeat(2_030)}`;
    expect(rel.length).toBeLessThanOrEqual(2_048);
    expect(canonicalUrl(link(rel), url, {})).toBe(page);
  });

  it('keeps the page address, without query and hash, for a link to http, another host or a look-alike host', () => {
    for (const href of ['http://www.spiceworks.com/tech/cloud/news/the-story/', 'https://evil.example/tech/', 'https://evilspiceworks.com/tech/', 'https://spiceworks.com.evil.example/tech/']) {
      expect(canonicalUrl(link(href), url, {}), href).toBe(page);
      expect(canonicalUrl(doc(''), url, { 'og:url': href }), href).toBe(page);
    }
  });

  it('cuts an overlong page address to its origin and the start of its path, and a broken one to the card limit', () => {
    const long = `https://www.spiceworks.com/tech/${'a'.repeat(2_100)}/?q=1#x`;
    expect(canonicalUrl(doc(''), long, {})).toBe(`https://www.spiceworks.com/tech/${'a'.repeat(2_100)}/`.slice(0, 2_048));
    const exact = `https://www.spiceworks.com/${'b'.repeat(2_048 - 'https://www.spiceworks.com/'.length)}`;
    expect(canonicalUrl(doc(''), `${exact}?q=1`, {})).toBe(exact);
    const broken = `not a url ${'c'.repeat(3_000)}`;
    expect(canonicalUrl(doc(''), broken, {})).toBe(broken.slice(0, 2_048));
  });
});

describe('canonicalUrl', () => {
  it('does not follow a canonical link longer than a card URL, even one that resolves shorter', () => {
    const url = 'https://www.spiceworks.com/tech/cloud/news/a-story/';
    const href = `https://www.spiceworks.com/${'a/../'.repeat(500)}tech/other-story/`;
    expect(href.length).toBeGreaterThan(2_048);
    expect(canonicalUrl(doc(`<link rel="canonical" href="${href}">`), url, {})).toBe(url);
    const short = `https://www.spiceworks.com/${'a/../'.repeat(10)}tech/other-story/`;
    expect(canonicalUrl(doc(`<link rel="canonical" href="${short}">`), url, {})).toBe('https://www.spiceworks.com/tech/other-story/');
  });
});
