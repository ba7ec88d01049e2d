import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { extractArticle, cleanText, stripTitleSuffix, toIsoDate, isBoilerplateText } from '../../src/core/extract/index';
import { canonicalUrl } from '../../src/core/extract/metadata';
import { recognisePage } from '../../src/core/recognise';
import { ArticleSchema } from '../../src/core/schema/article';
import { loadFixturePages, parsePage, type FixturePage } from '../../support/fixtures';
import { buildArticlePage, buildThreadPage } from '../../support/page-builder';

const pages = loadFixturePages().filter((f) => f.expected.kind !== 'none' && f.expected.confirmed);

function extract(f: FixturePage) {
  const a = extractArticle(parsePage(f.html, f.url), f.url, recognisePage(f.url));
  if (!a) throw new Error(`no article from ${f.name}`);
  return a;
}

describe('extractArticle on every fixture page', () => {
  for (const f of pages) {
    describe(f.name, () => {
      const e = f.expected;
      it('gives a valid Article with the expected metadata', () => {
        const a = extract(f);
        expect(v.is(ArticleSchema, a)).toBe(true);
        expect(a.kind).toBe(e.kind);
        if (e.title) expect(a.title).toBe(e.title);
        if (e.author) expect(a.author).toBe(e.author);
        if (e.published) expect(a.published?.slice(0, 10)).toBe(e.published);
        if (e.updated) expect(a.updated ?? a.published).toBe(e.updated);
        if (e.moreOn) expect(a.moreOn).toBe(e.moreOn);
        expect(a.title).not.toMatch(/spiceworks/i);
        expect(a.canonicalUrl.startsWith('https://')).toBe(true);
      });
      it('keeps the paragraphs in order', () => {
        const a = extract(f);
        if (e.paragraphCount !== undefined) expect(a.paragraphs).toHaveLength(e.paragraphCount);
        if (e.firstParagraph) expect(a.paragraphs[0]).toContain(e.firstParagraph);
        if (e.lastParagraph) expect(a.paragraphs[a.paragraphs.length - 1]).toContain(e.lastParagraph);
        for (const s of e.mustContain ?? []) expect(a.paragraphs.join('\n')).toContain(s);
      });
      it('drops the boilerplate', () => {
        const text = extract(f).paragraphs.join('\n');
        for (const b of e.boilerplate ?? []) expect(text, b).not.toContain(b);
        const paras = new Set(extract(f).paragraphs);
        for (const p of e.notParagraphs ?? []) expect(paras.has(p), p).toBe(false);
      });
    });
  }
});

describe('extractArticle details', () => {
  const meta = pages.find((p) => p.name === 'meta-ai-workforce')!;

  it('reads JSON-LD, og/article meta, breadcrumbs and the MORE ON heading', () => {
    const a = extract(meta);
    expect(a.jsonLd.types).toContain('NewsArticle');
    expect(a.jsonLd.sections).toEqual(['Artificial Intelligence']);
    expect(a.jsonLd.keywords).toContain('AI talent');
    expect(a.meta['og:type']).toBe('article');
    expect(a.breadcrumbs).toEqual(['Artificial Intelligence', 'News']);
    expect(a.section).toBe('artificial-intelligence');
    expect(a.contentType).toBe('news');
  });

  it('does not change the page it reads', () => {
    const doc = parsePage(meta.html, meta.url);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, meta.url, recognisePage(meta.url));
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it("reads the story Readability finds, not an earlier <article> teaser that the fallback containers would match", () => {
    const url = 'https://www.spiceworks.com/tech/cloud/news/some-story/';
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} explains how the backup window shrank after the team moved its file servers to a new storage array.</p>`).join('');
    const teaser = '<aside><article class="teaser"><p>Related: how to pick a NAS for a small office with ten users.</p></article></aside>';
    const html = `<!DOCTYPE html><html><head><title>Backups</title></head><body>${teaser}<div id="content"><h1>Backups</h1>${story}</div></body></html>`;
    const a = extractArticle(parsePage(html, url), url, recognisePage(url));
    expect(a?.paragraphs).toHaveLength(6);
    expect(a?.paragraphs[0]).toMatch(/^Paragraph 0 explains/);
    expect(a?.paragraphs.join('\n')).not.toContain('Related:');
  });

  it('returns null for none pages and empty shells', () => {
    expect(extractArticle(parsePage(meta.html, meta.url), meta.url, { kind: 'none' })).toBeNull();
    const url = 'https://www.spiceworks.com/tech/cloud/news/x/';
    expect(extractArticle(parsePage('<html><body><main><div id="app"></div></main></body></html>', url), url, recognisePage(url))).toBeNull();
    // No container for the fallback either.
    expect(extractArticle(parsePage('<html><body><div id="app"></div></body></html>', url), url, recognisePage(url))).toBeNull();
  });

  it('removes "Opens a new window" glued to link text and keeps the link text', () => {
    const url = 'https://www.spiceworks.com/tech/devops/news/git-turns-twenty/';
    const body = [
      { type: 'p' as const, text: 'Git was written in 2005 to manage the Linux kernel after the project lost access to its previous version control tool, and it spread from there to nearly every software team.' },
      { type: 'p' as const, text: 'Its design favours cheap branches and local history, which made workflows such as pull requests possible on hosting sites built around it.' },
    ];
    const built = buildArticlePage({ url, title: 'Git Turns Twenty', template: 'bare', blocks: body });
    const html = built.html.replace('cheap branches', '<a href="https://git-scm.com/">cheap branches<span class="sr-only">Opens a new window</span></a>');
    const a = extractArticle(parsePage(html, url), url, recognisePage(url))!;
    expect(a.paragraphs.join(' ')).toContain('favours cheap branches and local history');
    expect(a.paragraphs.join(' ')).not.toContain('Opens a new window');
  });

  it('reads a Discourse thread: first post, answers, no quotes, signatures or oneboxes', () => {
    const url = 'https://community.spiceworks.com/t/vpn-drops-every-hour/55';
    const built = buildThreadPage({
      url,
      title: 'VPN drops every hour',
      category: 'Networking',
      tags: ['vpn'],
      view: 'js',
      posts: [
        { author: 'anna', paragraphs: ['Our site-to-site VPN drops exactly every hour and comes back after a minute.'], signature: 'Anna | IT at a small school' },
        { author: 'bo', paragraphs: ['Check the phase 2 lifetime on both ends; a mismatch gives exactly that pattern.'], onebox: { title: 'IPsec lifetimes', text: 'A vendor note on rekeying.' } },
        { author: 'anna', quotes: { author: 'bo', text: 'Check the phase 2 lifetime on both ends; a mismatch gives exactly that pattern.' }, paragraphs: ['That was it, the firewall had 3600 seconds and the router 28800.'] },
      ],
    });
    const a = extractArticle(parsePage(built.html, url), url, recognisePage(url))!;
    expect(a.paragraphs).toEqual([
      'Our site-to-site VPN drops exactly every hour and comes back after a minute.',
      'Check the phase 2 lifetime on both ends; a mismatch gives exactly that pattern.',
      'That was it, the firewall had 3600 seconds and the router 28800.',
    ]);
    expect(a.section).toBe('Networking');
    expect(a.tags).toEqual(['vpn']);
    expect(a.title).toBe('VPN drops every hour');
    expect(a.contentType).toBe('thread');
  });
});

describe('tables and figures', () => {
  it('keeps a table wrapped in a WordPress figure but drops its caption', () => {
    const url = 'https://www.spiceworks.com/tech/networking/articles/wifi-standards-compared/';
    const para = '<p>Each Wi-Fi generation raised the top speed and changed how access points share the air between many clients at once.</p>';
    const html = `<html><head><title>Wi-Fi Standards Compared - Spiceworks</title></head><body><article><h1>Wi-Fi Standards Compared</h1>${para.repeat(3)}<figure class="wp-block-table"><table><tr><td>Wi-Fi 6 tops out at 9.6 Gbit/s in theory</td></tr></table><figcaption>Standards at a glance | Source</figcaption></figure>${para}</article></body></html>`;
    const a = extractArticle(parsePage(html, url), url, recognisePage(url))!;
    expect(a.paragraphs).toContain('Wi-Fi 6 tops out at 9.6 Gbit/s in theory');
    expect(a.paragraphs.join(' ')).not.toContain('Standards at a glance');
  });
});

describe('date lines', () => {
  it('takes a date-only line as the published date, not as a paragraph', () => {
    const url = 'https://www.spiceworks.com/tech/cloud/news/object-storage-prices/';
    const para = '<p>Object storage prices fell again this quarter as providers competed for backup and archive workloads from enterprises of every size.</p>';
    const html = `<html><head><title>Object Storage Prices Fall - Spiceworks</title></head><body><div class="story"><h1>Object Storage Prices Fall</h1><div class="meta">Published: March 3, 2024</div>${para.repeat(4)}</div></body></html>`;
    const a = extractArticle(parsePage(html, url), url, recognisePage(url))!;
    expect(a.published).toBe('2024-03-03');
    expect(a.paragraphs.some((p) => p.includes('March 3, 2024'))).toBe(false);
    expect(a.paragraphs.length).toBeGreaterThan(0);
  });

  it('takes the updated date from the page\'s meta, or else from a "Last updated" line', () => {
    const url = 'https://www.spiceworks.com/tech/cloud/news/object-storage-prices/';
    const para = '<p>Object storage prices fell again this quarter as providers competed for backup and archive workloads from enterprises of every size.</p>';
    const page = (head: string, line: string) =>
      `<html><head><title>Object Storage Prices Fall - Spiceworks</title>${head}</head><body><div class="story"><h1>Object Storage Prices Fall</h1>${line}${para.repeat(4)}</div></body></html>`;
    const published = '<meta property="article:published_time" content="2024-03-03T08:00:00+00:00">';
    const byMeta = extractArticle(parsePage(page(`${published}<meta property="article:modified_time" content="2024-05-10T12:00:00+00:00">`, ''), url), url, recognisePage(url))!;
    expect([byMeta.published, byMeta.updated]).toEqual(['2024-03-03T08:00:00+00:00', '2024-05-10T12:00:00+00:00']);
    const byLine = extractArticle(parsePage(page(published, '<p>Last updated: May 10, 2024</p>'), url), url, recognisePage(url))!;
    expect([byLine.published, byLine.updated]).toEqual(['2024-03-03T08:00:00+00:00', '2024-05-10']);
    expect(byLine.paragraphs.some((p) => p.includes('Last updated'))).toBe(false);
  });

  it('gives no updated date when it is the published one, and takes og:description before the description meta', () => {
    const url = 'https://www.spiceworks.com/tech/cloud/news/object-storage-prices/';
    const para = '<p>Object storage prices fell again this quarter as providers competed for backup and archive workloads from enterprises of every size.</p>';
    const page = (head: string) => `<html><head><title>Object Storage Prices Fall - Spiceworks</title>${head}</head><body><div class="story"><h1>Object Storage Prices Fall</h1>${para.repeat(4)}</div></body></html>`;
    const dates = '<meta property="article:published_time" content="2024-03-03"><meta property="article:modified_time" content="2024-03-03">';
    const both = extractArticle(parsePage(page(`${dates}<meta name="description" content="Prices fall."><meta property="og:description" content="Storage prices fall again.">`), url), url, recognisePage(url))!;
    expect(both.published).toBe('2024-03-03');
    expect(Object.keys(both)).not.toContain('updated');
    expect(both.description).toBe('Storage prices fall again.');
    const plain = extractArticle(parsePage(page('<meta name="description" content="Prices fall.">'), url), url, recognisePage(url))!;
    expect(plain.description).toBe('Prices fall.');
    const none = extractArticle(parsePage(page(''), url), url, recognisePage(url))!;
    expect(Object.keys(none)).not.toContain('description');
  });

  it('leaves the date fields out when the page gives no date', () => {
    const url = 'https://www.spiceworks.com/tech/cloud/news/object-storage-prices/';
    const para = '<p>Object storage prices fell again this quarter as providers competed for backup and archive workloads from enterprises of every size.</p>';
    const html = `<html><head><title>Object Storage Prices Fall - Spiceworks</title></head><body><div class="story"><h1>Object Storage Prices Fall</h1>${para.repeat(4)}</div></body></html>`;
    const a = extractArticle(parsePage(html, url), url, recognisePage(url))!;
    expect(a.paragraphs.length).toBeGreaterThan(0);
    // Absent, not present as undefined: an Article holds only what the page gives.
    expect(Object.keys(a)).not.toContain('published');
    expect(Object.keys(a)).not.toContain('updated');
  });
});

describe('text helpers', () => {
  it('strips both Spiceworks title suffixes and a community category', () => {
    expect(stripTitleSuffix('What Is JSON? - Spiceworks')).toBe('What Is JSON?');
    expect(stripTitleSuffix('What Is JSON? – Spiceworks News and Insights')).toBe('What Is JSON?');
    expect(stripTitleSuffix('Printer offline - Windows - Spiceworks Community', 'Windows')).toBe('Printer offline');
    expect(stripTitleSuffix('Printer offline - windows - Spiceworks Community', 'Windows')).toBe('Printer offline');
    expect(stripTitleSuffix('Spiceworks Raises Funding')).toBe('Spiceworks Raises Funding');
    // Without a category nothing but the site's suffix goes, whatever the title ends with.
    expect(stripTitleSuffix('PowerShell: $user.Manager shows - undefined - Spiceworks Community')).toBe('PowerShell: $user.Manager shows - undefined');
  });
  it('turns page dates into ISO dates', () => {
    expect(toIsoDate('October 11, 2022')).toBe('2022-10-11');
    expect(toIsoDate('3 April 2024')).toBe('2024-04-03');
    expect(toIsoDate('2024-04-03T09:00:00+00:00')).toBe('2024-04-03T09:00:00+00:00');
    expect(toIsoDate('soon')).toBeUndefined();
    // A datetime attribute written across lines.
    expect(toIsoDate('\n  2024-04-03T09:00:00Z\n')).toBe('2024-04-03T09:00:00Z');
  });
  it('reads a "Month D, YYYY" date before a "D Month YYYY" one, and the latter when the first form names no month', () => {
    expect(toIsoDate('January 5, 2024 (revised 7 Feb 2024)')).toBe('2024-01-05');
    expect(toIsoDate('Published October 11, 2022; updated 3 April 2024')).toBe('2022-10-11');
    expect(toIsoDate('Issue 12, 2024: 3 April 2024')).toBe('2024-04-03');
    expect(toIsoDate('Sept. 9, 2021')).toBe('2021-09-09');
    expect(toIsoDate('9 Sept. 2021')).toBe('2021-09-09');
    expect(toIsoDate('Issue 12, 2024')).toBeUndefined();
    expect(toIsoDate('2024-04-03 09:00')).toBe('2024-04-03T09:00');
  });
  it('cleans whitespace and link chrome', () => {
    expect(cleanText('  Threat Post Opens a new window\n')).toBe('Threat Post');
  });
  it('mends a text that is nothing but junk: a bidi mark, a NUL, a lone surrogate, a tag', () => {
    // A span holding only a directional mark, or only an escaped tag, is no text.
    expect(cleanText('\u202C')).toBe('');
    expect(cleanText('\u0000')).toBe('');
    expect(cleanText('<br>')).toBe('');
    expect(cleanText('\uD83D')).toBe('\uFFFD');
    expect(cleanText('Patch\u0000 Tuesday <b>fixes</b> 61 flaws')).toBe('Patch Tuesday fixes 61 flaws');
  });
  it('keeps emoji while mending, drops tags with attributes, and collapses every kind of space', () => {
    expect(cleanText('Ship it 🚀 <b>today</b>\uDE00')).toBe('Ship it 🚀 today\uFFFD');
    expect(cleanText('By <a href="/profile/jane-doe" rel="author">Jane Doe</a>')).toBe('By Jane Doe');
    expect(cleanText('Patch\n\t Tuesday\u00a0fixes\u200b61 flaws')).toBe('Patch Tuesday fixes 61 flaws');
    expect(cleanText('Read Threat Post Opens a new window for the details.')).toBe('Read Threat Post for the details.');
  });
  it.each([
    'See More: What Is Serverless? Definition and Examples',
    'A Typical JSON Coding Dashboard | Source',
    'Did this article help you understand JSON? Tell us on Facebook, Twitter, and LinkedIn.',
    'Do you still have questions? Head over to the Spiceworks Community to find answers.',
    '- Advertisement -',
    'Pinterest LinkedIn Tumblr',
    'Share Facebook Twitter LinkedIn Email',
    'Image Source: Shutterstock',
    'Sign up for the Spiceworks newsletter and get the latest IT news in your inbox.',
  ])('"%s" is boilerplate', (t) => expect(isBoilerplateText(t)).toBe(true));
  it.each([
    'Researchers see source code as the main source of the leak.',
    'The newsletter team at the company was laid off, the report says, and LinkedIn confirmed it.',
    'Share prices fell after the outage.',
  ])('"%s" is content', (t) => expect(isBoilerplateText(t)).toBe(false));
});

describe('canonical URL', () => {
  const url = 'https://www.spiceworks.com/tech/cloud/news/a-story/?utm=x#top';
  const page = (head: string) =>
    parsePage(`<html><head>${head}<title>A Story - Spiceworks</title></head><body><h1>A Story</h1>${'<p>Cloud budgets grew again this year as firms moved workloads around.</p>'.repeat(8)}</body></html>`, url);
  const canonical = (head: string) => extractArticle(page(head), url, recognisePage(url))?.canonicalUrl;

  it('takes the page\'s canonical link on spiceworks.com', () => {
    expect(canonical('<link rel="canonical" href="https://www.spiceworks.com/tech/cloud/news/a-story/">')).toBe('https://www.spiceworks.com/tech/cloud/news/a-story/');
  });

  it('never trusts a canonical link off spiceworks.com or one that is not https (the card links to it)', () => {
    for (const href of ['javascript:alert(1)', 'https://evil.example/x', 'http://www.spiceworks.com/tech/cloud/news/a-story/']) {
      expect(canonical(`<link rel="canonical" href="${href}">`)).toBe('https://www.spiceworks.com/tech/cloud/news/a-story/');
    }
    expect(canonical('<meta property="og:url" content="data:text/html,hi">')).toBe('https://www.spiceworks.com/tech/cloud/news/a-story/');
  });

  it('cuts a page URL longer than a card may carry to its origin and path, at 2,048 characters', () => {
    const long = `https://www.spiceworks.com/tech/cloud/news/${'a'.repeat(3_000)}/?utm=x#top`;
    const c = canonicalUrl(parsePage('<html><head></head><body></body></html>', long), long, {});
    expect(c).toBe(`https://www.spiceworks.com/tech/cloud/news/${'a'.repeat(3_000)}/`.slice(0, 2_048));
  });

  it('takes a canonical link that differs from the page URL only on spiceworks.com or a subdomain, over https', () => {
    // The links name another path, so that taking the link and falling back to the page URL give different answers.
    const moved = '/tech/cloud/news/a-story-renamed/';
    expect(canonical(`<link rel="canonical" href="https://www.spiceworks.com${moved}">`)).toBe(`https://www.spiceworks.com${moved}`);
    expect(canonical(`<link rel="canonical" href="https://spiceworks.com${moved}">`)).toBe(`https://spiceworks.com${moved}`);
    expect(canonical(`<meta property="og:url" content="https://community.spiceworks.com${moved}">`)).toBe(`https://community.spiceworks.com${moved}`);
    for (const href of [`http://www.spiceworks.com${moved}`, `https://notspiceworks.com${moved}`, `https://spiceworks.com.evil.example${moved}`]) {
      expect(canonical(`<link rel="canonical" href="${href}">`), href).toBe('https://www.spiceworks.com/tech/cloud/news/a-story/');
    }
  });
});
