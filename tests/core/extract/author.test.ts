/**
 * The author's name on the card (issue 10, "Author" fault class): taken from
 * JSON-LD, meta, rel=author or the author box's name element, and never from
 * a whole author box whose name, job title and bio run together.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../../src/core/extract/index';
import type { JsonLdInfo } from '../../../src/core/extract/jsonld';
import type * as Metadata from '../../../src/core/extract/metadata';
import { recognisePage } from '../../../src/core/recognise';

// The metadata functions are imported afresh for each test: their tables and patterns (META_KEYS, URLISH) are built
// when the module loads, and the mutation run credits a test only with the code that runs while the test runs.
let nameFrom: typeof Metadata.nameFrom;
let readAuthor: typeof Metadata.readAuthor;
let readMeta: typeof Metadata.readMeta;
beforeEach(async () => {
  vi.resetModules();
  ({ nameFrom, readAuthor, readMeta } = await import('../../../src/core/extract/metadata'));
});

const URL_ARTICLE = 'https://www.spiceworks.com/tech/cloud/news/cloud-outage-hits-retail-payments/';
const URL_THREAD = 'https://community.spiceworks.com/t/printer-keeps-going-offline/1001';

const BODY = [
  'A cloud outage at a large payment processor stopped card payments in shops across several European countries for most of Tuesday afternoon, the company said in a statement.',
  'The provider blamed a faulty configuration change in one of its regions that spread to the systems routing transactions, and said it had rolled the change back within three hours.',
  'Retailers reported queues at tills and lost sales, and several asked customers to pay in cash while the service recovered. Banks said no money had been lost in the incident.',
  'Analysts said the incident showed how much of retail now depends on a few cloud regions, and urged merchants to keep an offline fallback for taking payments during outages.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

type Shape = { head?: string; beforeBody?: string; afterBody?: string; ld?: unknown };

/** A Spiceworks-like article page; the author markup varies by test. */
function articlePage(s: Shape): string {
  const ld = s.ld === undefined ? '' : `<script type="application/ld+json">${JSON.stringify(s.ld)}</script>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Cloud Outage Hits Retail Payments - Spiceworks</title>
<meta property="og:site_name" content="Spiceworks">${s.head ?? ''}${ld}</head>
<body><header class="site-header"><a href="https://www.spiceworks.com/">Spiceworks</a></header>
<main><article><h1>Cloud Outage Hits Retail Payments</h1>${s.beforeBody ?? ''}<div class="article-body">${BODY}</div>${s.afterBody ?? ''}</article></main>
<footer class="site-footer"><p>© Spiceworks Inc.</p></footer></body></html>`;
}

function authorOf(html: string, url = URL_ARTICLE): string | undefined {
  const doc = new JSDOM(html, { url }).window.document;
  const a = extractArticle(doc, url, recognisePage(url));
  if (!a) throw new Error('no article');
  return a.author;
}

/** The real page's shape: name, job title and bio in sibling elements with no space between them. */
const GLUED_BOX =
  '<div class="author-box"><span>Spiceworks News Desk</span><span>, Technical Writer</span><span>Writes about cloud, security and enterprise IT.</span></div>';

describe('author box shapes', () => {
  it('cuts a glued name + title + bio box (Readability byline) to the name', () => {
    expect(authorOf(articlePage({ afterBody: GLUED_BOX }))).toBe('Spiceworks News Desk');
  });

  it('cuts a glued box without a comma ("Jane DoeTechnical WriterWrites ...") to the name', () => {
    const box = '<div class="author-box"><span>Jane Doe</span><span>Technical Writer</span><span>Writes about networks.</span></div>';
    expect(authorOf(articlePage({ afterBody: box }))).toBe('Jane Doe');
  });

  it('reads the name from an h4 link in .author-box, not the box with its <p> bio', () => {
    const box = '<div class="author-box"><h4><a href="https://www.spiceworks.com/user/about/jane-doe/">Jane Doe</a></h4><p>Jane covers networks.</p></div>';
    expect(authorOf(articlePage({ afterBody: box }))).toBe('Jane Doe');
  });

  it('reads [itemprop=author] [itemprop=name] rather than the whole author element', () => {
    const box = '<div itemprop="author" itemscope itemtype="https://schema.org/Person" class="writer"><span itemprop="name">Jane Doe</span><span>Senior Editor</span></div>';
    expect(authorOf(articlePage({ afterBody: box }))).toBe('Jane Doe');
  });

  it('joins a JSON-LD array of Person authors the way the Nynorsk card lists names', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Cloud Outage Hits Retail Payments',
      author: [
        { '@type': 'Person', name: 'Jane Doe' },
        { '@type': 'Person', name: 'John Roe' },
      ],
    };
    expect(authorOf(articlePage({ ld, afterBody: GLUED_BOX }))).toBe('Jane Doe og John Roe');
    ld.author.push({ '@type': 'Person', name: 'Kari Nordmann' });
    expect(authorOf(articlePage({ ld }))).toBe('Jane Doe, John Roe og Kari Nordmann');
  });

  it('leaves an Organization out of a JSON-LD author array that names a Person', () => {
    const ld = {
      '@type': 'NewsArticle',
      author: [
        { '@type': 'Organization', name: 'Spiceworks' },
        { '@type': 'Person', name: 'Jane Doe' },
      ],
    };
    expect(authorOf(articlePage({ ld }))).toBe('Jane Doe');
  });

  it('resolves a JSON-LD @graph author given as an @id reference to a Person', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': 'https://www.spiceworks.com/#webpage', author: { '@id': 'https://www.spiceworks.com/#org' } },
        { '@type': 'NewsArticle', '@id': 'https://www.spiceworks.com/#article', author: { '@id': 'https://www.spiceworks.com/#/schema/person/42' } },
        { '@type': 'Organization', '@id': 'https://www.spiceworks.com/#org', name: 'Spiceworks' },
        { '@type': 'Person', '@id': 'https://www.spiceworks.com/#/schema/person/42', name: 'Jane Doe', jobTitle: 'Technical Writer' },
      ],
    };
    expect(authorOf(articlePage({ ld, afterBody: GLUED_BOX }))).toBe('Jane Doe');
  });

  it('takes meta[name=author] when it is the only source', () => {
    expect(authorOf(articlePage({ head: '<meta name="author" content="Jane Doe">' }))).toBe('Jane Doe');
  });

  it('prefers a rel=author name over a meta author that is only the site name', () => {
    const byline = '<div class="post-meta"><span class="byline">By <a rel="author" href="https://www.spiceworks.com/user/about/jane-doe/">Jane Doe</a></span></div>';
    expect(authorOf(articlePage({ head: '<meta name="author" content="Spiceworks">', beforeBody: byline }))).toBe('Jane Doe');
  });

  it('gives no author for a meta author that is only the site name (the source line names the site)', () => {
    expect(authorOf(articlePage({ head: '<meta name="author" content="Spiceworks">' }))).toBeUndefined();
  });

  it('ignores a meta article:author that is a URL and reads the .byline link', () => {
    const byline = '<p class="byline">By <a href="https://www.spiceworks.com/user/about/jane-doe/">Jane Doe</a></p>';
    expect(authorOf(articlePage({ head: '<meta property="article:author" content="https://www.facebook.com/janedoe">', beforeBody: byline }))).toBe('Jane Doe');
  });

  it('reads a rel=author link inside "By Jane Doe | March 3, 2024"', () => {
    const byline = '<div class="post-meta"><span class="byline">By <a rel="author" href="https://www.spiceworks.com/user/about/jane-doe/">Jane Doe</a> | March 3, 2024</span></div>';
    expect(authorOf(articlePage({ beforeBody: byline }))).toBe('Jane Doe');
  });

  it('cuts a Readability-only byline "By Jane Doe, Technical Writer" to the name', () => {
    expect(authorOf(articlePage({ beforeBody: '<div class="byline">By Jane Doe, Technical Writer</div>' }))).toBe('Jane Doe');
  });

  it('cuts a Readability-only byline "Jane Doe - Senior Editor" to the name', () => {
    expect(authorOf(articlePage({ beforeBody: '<div class="byline">Jane Doe - Senior Editor</div>' }))).toBe('Jane Doe');
  });

  it('gives no author for a byline that is only a bio sentence', () => {
    const bio = '<div class="author-bio">Writes about cloud security and enterprise IT for Spiceworks.</div>';
    expect(authorOf(articlePage({ afterBody: bio }))).toBeUndefined();
  });

  it('still takes a community thread author from the first post (Discourse)', () => {
    const post = (user: string, text: string, i: number) =>
      `<div id="post_${i}" class="topic-body crawler-post" itemprop="${i === 1 ? 'mainEntity' : 'comment'}" itemscope itemtype="http://schema.org/${i === 1 ? 'DiscussionForumPosting' : 'Comment'}"><div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="/u/${user}"><span itemprop="name">${user}</span></a></span><time itemprop="datePublished" datetime="2024-05-02T10:00:00Z" class="post-time">May 2</time></div><div class="post" itemprop="text"><p>${text}</p></div></div>`;
    const html = `<!DOCTYPE html><html><head><title>Printer keeps going offline - Printers - Spiceworks Community</title><meta name="author" content="Spiceworks Community"></head><body><div id="main-outlet"><div id="topic-title"><h1>Printer keeps going offline</h1></div><div itemscope itemtype="http://schema.org/DiscussionForumPosting">${post('fjordadmin', 'Our office printer drops off the network every morning and needs a power cycle before anyone can print again.', 1)}${post('helpfulnerd', 'Give it a DHCP reservation and turn off the power saving mode of its network card.', 2)}</div></div></body></html>`;
    expect(authorOf(html, URL_THREAD)).toBe('fjordadmin');
  });
});

describe('nameFrom', () => {
  const cases: Array<[string, boolean, string | undefined]> = [
    ['Jane Doe', false, 'Jane Doe'],
    ['By Jane Doe | March 3, 2024', true, 'Jane Doe'],
    ['By: Jane Doe on March 3, 2024', true, 'Jane Doe'],
    ['Jane Doe - Senior Editor', true, 'Jane Doe'],
    ['Jane Doe Senior Editor', true, 'Jane Doe'],
    ['Spiceworks News Desk, Technical WriterWrites about cloud security for IT teams.', true, 'Spiceworks News Desk'],
    ['Jane DoeTechnical WriterWrites about networks', false, 'Jane Doe'],
    // Glued at a non-ASCII capital: the cut needs the Unicode letter classes.
    ['Åse BergØkonomijournalist', true, 'Åse Berg'],
    ['MaryAnn Smith', false, 'MaryAnn Smith'],
    ['Mary MacKenzie', true, 'Mary MacKenzie'],
    ['Ronald McDonald', true, 'Ronald McDonald'],
    ['Ludwig van Beethoven', true, 'Ludwig van Beethoven'],
    ['Jane Doe and John Roe', true, 'Jane Doe and John Roe'],
    ['Jane Head', true, 'Jane Head'],
    ['fjordadmin', false, 'fjordadmin'],
    ['fjordadmin', true, undefined],
    ['Staff Writer', false, undefined],
    ['https://www.facebook.com/janedoe', false, undefined],
    ['jane@example.com', false, undefined],
    // An address first makes the whole text a link, http as well as https, whatever follows it.
    ['http://www.janedoe.dev | Jane Doe', false, undefined],
    ['https://www.janedoe.dev | Jane Doe', false, undefined],
    // A handle or a web address after the name is not an e-mail: the name before them is kept.
    ['Jane Doe | @janedoe', false, 'Jane Doe'],
    ['Jane Doe · @janedoe · www.janedoe.dev', false, 'Jane Doe'],
    ['Writes about cloud security.', true, undefined],
    // The byline words in English and Nynorsk, and names that only start like them.
    ['Written by Jane Doe', true, 'Jane Doe'],
    ['Posted by Jane Doe', true, 'Jane Doe'],
    ['Av Kari Nordmann', true, 'Kari Nordmann'],
    ['Skriven av Kari Nordmann', true, 'Kari Nordmann'],
    ['Byron Smith', false, 'Byron Smith'],
    // Dashes and bullets that part a name from a title.
    ['Jane Doe – Senior Editor', true, 'Jane Doe'],
    ['Jane Doe — Senior Editor', true, 'Jane Doe'],
    ['Jane Doe • Senior Editor', true, 'Jane Doe'],
    // A web address of its own is no name, in any case.
    ['www.janedoe.dev', false, undefined],
    ['WWW.janedoe.dev', false, undefined],
    // A count or date after the name, whatever its digits.
    ['Jane Doe 0 Comments', false, 'Jane Doe'],
    ['Jane Doe 9 March', true, 'Jane Doe'],
    // Titles after a comma: a title with other words, a title with a full stop; a lone comma; two people.
    ['Jane Doe, Senior Editor at Spiceworks', false, 'Jane Doe'],
    ['Jane Doe, Editor.', false, 'Jane Doe'],
    ['Jane Doe,', false, 'Jane Doe'],
    ['Jane Doe, John Roe', false, 'Jane Doe, John Roe'],
    // Names that start and end the capital letters; an abbreviation with a full stop; no brackets.
    ['Anna Zimmer', true, 'Anna Zimmer'],
    ['John Smith Snr.', false, 'John Smith Snr.'],
    ['Jane Doe (Spiceworks)', false, undefined],
    ['Jane Doe is a technical writer who covers cloud infrastructure for IT teams', true, undefined],
  ];
  for (const [raw, strict, want] of cases) {
    it(`${JSON.stringify(raw)}${strict ? ' (strict)' : ''} → ${JSON.stringify(want)}`, () => {
      expect(nameFrom(raw, strict)).toBe(want);
    });
  }
});

describe('readAuthor: the order of sources', () => {
  const ld = (over: Partial<JsonLdInfo> = {}): JsonLdInfo => ({ types: [], sections: [], keywords: [], authors: [], authorOrgs: [], breadcrumbs: [], ...over });
  const page = (head = '') => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body><p>Text.</p></body></html>`).window.document;

  it('takes a plain meta[name=author] from the page head', () => {
    const d = page('<meta property="og:title" content="Cloud Outage Hits Retail Payments"><meta name="author" content="Jane Doe">');
    expect(readMeta(d)).toMatchObject({ author: 'Jane Doe' });
    expect(readAuthor(d, readMeta(d), ld())).toBe('Jane Doe');
  });

  it('skips an author that is the site itself, and takes article:author after meta author', () => {
    const d = page('<meta property="og:site_name" content="Fjord Tech"><meta name="author" content="Fjord Tech"><meta property="article:author" content="Kari Nordmann">');
    expect(readAuthor(d, readMeta(d), ld())).toBe('Kari Nordmann');
  });

  it("cuts a job title off Readability's byline, which may be a whole author box", () => {
    expect(readAuthor(page(), {}, ld(), 'Jane Doe Senior Editor')).toBe('Jane Doe');
  });

  it("reads the author box's name element when no cheaper source names anyone, past selectors that find no name", () => {
    // .author-box .author-name holds only the job title; the h4 link further down the list holds the name.
    const d = new JSDOM(
      '<!DOCTYPE html><html><head></head><body><p>Text.</p><div class="author-box"><span class="author-name">Technical Writer</span><h4><a href="/user/about/jane-doe/">Jane Doe</a></h4><p>Writes about cloud security.</p></div></body></html>',
    ).window.document;
    expect(readAuthor(d, readMeta(d), ld())).toBe('Jane Doe');
    const lone = new JSDOM('<!DOCTYPE html><html><body><p>Text.</p><div class="author-box"><h4><a href="/user/about/kari/">Kari Nordmann</a></h4></div></body></html>').window.document;
    expect(readAuthor(lone, readMeta(lone), ld())).toBe('Kari Nordmann');
  });

  it('lists JSON-LD authors once each, leaving out the site, and reads a rel=author link', () => {
    expect(readAuthor(page(), {}, ld({ authors: ['Jane Doe', 'Spiceworks', 'jane doe', 'John Roe'] }))).toBe('Jane Doe og John Roe');
    const linked = new JSDOM('<!DOCTYPE html><html><body><p>Text.</p><p>Story by <a rel="author" href="/user/about/jane-doe/">Jane Doe</a></p></body></html>').window.document;
    expect(readAuthor(linked, {}, ld())).toBe('Jane Doe');
  });

  it('never takes the site under its longer names as the author', () => {
    for (const site of ['Spiceworks Inc.', 'Spiceworks News & Insights', 'Spiceworks Community', 'spiceworks.com'])
      expect(readAuthor(page(), { author: site }, ld()), site).toBeUndefined();
  });

  it('falls back to an organisation credited in JSON-LD, but not to the site', () => {
    expect(readAuthor(page(), {}, ld({ authorOrgs: ['Fjord News Desk'] }))).toBe('Fjord News Desk');
    expect(readAuthor(page(), {}, ld({ authorOrgs: ['Spiceworks'] }))).toBeUndefined();
  });
});
