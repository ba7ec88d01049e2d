/**
 * Captions and credits stay outside the text, and a thread's posts lose their
 * sign-offs and hand-typed quotes (issue 10: a photo credit listed as a
 * person, quoted reply lines as key points). Our own sentences.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../../src/core/extract/index';
import { recognisePage } from '../../../src/core/recognise';

const URL_ARTICLE = 'https://www.spiceworks.com/tech/cloud/news/cloud-outage-hits-retail-payments/';
const URL_THREAD = 'https://community.spiceworks.com/t/printer-keeps-going-offline/1001';
const P = [
  'A cloud outage at a large payment processor stopped card payments in shops across several European countries for most of Tuesday afternoon.',
  'The provider blamed a faulty configuration change in one of its regions that spread to the systems routing transactions to the banks.',
  'Retailers reported queues at tills and lost sales, and several asked customers to pay in cash while the service recovered.',
];

function extract(html: string, url: string) {
  const doc = new JSDOM(html, { url }).window.document;
  const a = extractArticle(doc, url, recognisePage(url));
  if (!a) throw new Error('no article');
  return a;
}

const article = (body: string, above = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>Cloud Outage Hits Retail Payments - Spiceworks</title></head><body><main><article><h1>Cloud Outage Hits Retail Payments</h1>${above}<div class="article-body">${body}</div></article></main></body></html>`;

describe('captions and credits are not article text', () => {
  const cases: [string, string][] = [
    ['a caption ending in "| Source: <agency>"', '<p>Racks of servers in a data center | Source: Shutterstock</p>'],
    ['a caption ending in its photo credit', '<p>Shoppers wait at a till in Oslo. Photo: Marta Kowalczyk/Getty Images</p>'],
    ['a credit line alone', '<p>Photo by Jon Berg on Unsplash</p>'],
    ['a WordPress caption block', '<div class="wp-caption"><img src="x.jpg" alt=""><p class="wp-caption-text">A payment terminal showing an error</p></div>'],
  ];
  for (const [what, caption] of cases) {
    it(what, () => {
      const a = extract(article(`<p>${P[0]}</p>${caption}<p>${P[1]}</p><p>${P[2]}</p>`), URL_ARTICLE);
      expect(a.paragraphs).toEqual(P);
    });
  }

  it('keeps a sentence that only mentions a photo in passing', () => {
    const s = 'The photo: a long queue of shoppers at a till, was shared widely on social media by angry customers on Tuesday.';
    const a = extract(article(`<p>${P[0]}</p><p>${s}</p><p>${P[1]}</p>`), URL_ARTICLE);
    expect(a.paragraphs).toContain(s);
  });

  it('reads the date a theme prints in a plain element above the body', () => {
    const a = extract(article(P.map((p) => `<p>${p}</p>`).join(''), '<p class="post-date">June 10, 2025</p>'), URL_ARTICLE);
    expect(a.published).toBe('2025-06-10');
  });
});

describe('thread posts', () => {
  const post = (id: number, user: string, body: string) =>
    `<article data-post-id="${id}"><div class="names"><span class="username"><a href="/u/${user}">${user}</a></span></div><div class="cooked">${body}</div></article>`;
  const thread = (posts: string, extra = '') =>
    `<!DOCTYPE html><html><head><meta name="generator" content="Discourse 3.2"><title>Printer keeps going offline - Windows - Spiceworks Community</title></head><body><div id="topic-title"><h1>Printer keeps going offline</h1></div>${posts}${extra}</body></html>`;
  const q = 'Our shared printer drops off the network every morning and has to be restarted before anyone can print.';
  const r1 = 'Give the printer a fixed address in DHCP and turn off its power saving, which drops the link after an hour.';
  const r2 = 'We had the same problem and the fixed address solved it for all of our office printers.';

  it('drops sign-offs and hand-typed "> ..." quotes, and records where each post starts', () => {
    const html = thread(
      post(1, 'fjordadmin', `<p>${q}</p><p>Thanks, Tom</p>`) +
        post(2, 'netnerd', `<p>${r1}</p><p>Cheers!</p>`) +
        post(3, 'printfan', `<p>&gt; Give the printer a fixed address in DHCP</p><p>${r2}</p><p>Sent from my phone</p>`),
    );
    const a = extract(html, URL_THREAD);
    expect(a.paragraphs).toEqual([q, r1, r2]);
    expect(a.postStarts).toEqual([0, 1, 2]);
    expect(a.replies).toEqual({ count: 2, atLeast: false });
  });

  it('drops a blockquote that repeats two paragraphs of an earlier post, read across their break', () => {
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>\n<p>${r2}</p>`) + post(2, 'netnerd', `<blockquote><p>${q}</p>\n<p>${r2}</p></blockquote><p>${r1}</p>`));
    const a = extract(html, URL_THREAD);
    expect(a.paragraphs).toEqual([q, r2, r1]);
    expect(a.postStarts).toEqual([0, 2]);
  });

  it('drops such a blockquote also when its paragraphs have no break between them in the markup', () => {
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>\n<p>${r2}</p>`) + post(2, 'netnerd', `<blockquote><p>${q}</p><p>${r2}</p></blockquote><p>${r1}</p>`));
    const a = extract(html, URL_THREAD);
    expect(a.paragraphs).toEqual([q, r2, r1]);
    expect(a.postStarts).toEqual([0, 2]);
  });

  it('drops such a blockquote also when the quoted post holds a link the site labels "Opens a new window"', () => {
    const linked = 'Read the <a href="https://example.com/guide">printer guide<span> Opens a new window</span></a> first.';
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>\n<p>${linked}</p>`) + post(2, 'netnerd', `<blockquote><p>${q}</p>\n<p>${linked}</p></blockquote><p>${r1}</p>`));
    const a = extract(html, URL_THREAD);
    expect(a.paragraphs).toEqual([q, 'Read the printer guide first.', r1]);
    expect(a.postStarts).toEqual([0, 2]);
  });

  it('keeps a blockquote that quotes no earlier post', () => {
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>`) + post(2, 'netnerd', `<blockquote><p>${r2}</p></blockquote><p>${r1}</p>`));
    expect(extract(html, URL_THREAD).paragraphs).toEqual([q, r2, r1]);
  });

  it('takes no MORE ON heading from a thread', () => {
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>`) + post(2, 'netnerd', `<p>${r1}</p>`), '<h3>More on Printers</h3>');
    const a = extract(html, URL_THREAD);
    expect(a.paragraphs).toEqual([q, r1]);
    expect(a).not.toHaveProperty('moreOn');
  });

  it('keeps a one-line reply that is all thanks, and drops a "-- " signature line', () => {
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>`) + post(2, 'netnerd', '<p>Thanks Mike</p>') + post(3, 'printfan', `<p>${r1}</p><p>-- Jon, IT lead at a school in Bergen</p>`));
    const a = extract(html, URL_THREAD);
    expect(a.paragraphs).toEqual([q, 'Thanks Mike', r1]);
    expect(a.postStarts).toEqual([0, 1, 2]);
  });

  it('starts no post where a post has nothing but quoted lines, and skips a post still loading (no body yet)', () => {
    const loading = '<article data-post-id="4"><div class="names"><span class="username"><a href="/u/late">late</a></span></div></article>';
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>`) + post(2, 'netnerd', '<p>&gt; has to be restarted</p>') + post(3, 'printfan', `<p>${r1}</p>`) + loading);
    const a = extract(html, URL_THREAD);
    expect(a.paragraphs).toEqual([q, r1]);
    expect(a.postStarts).toEqual([0, 1]);
    expect(a.replies).toEqual({ count: 2, atLeast: false });
  });

  it('reads the posts of the page for crawlers, marked up as DiscussionForumPosting, skipping one without text', () => {
    const crawl = (user: string, body: string) =>
      `<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><span itemprop="author" itemscope><span itemprop="name">${user}</span></span>${body ? `<div itemprop="text">${body}</div>` : ''}</div>`;
    const a = extract(thread(crawl('fjordadmin', `<p>${q}</p>`) + crawl('ghost', '') + crawl('netnerd', `<p>${r1}</p>`)), URL_THREAD);
    expect(a.paragraphs).toEqual([q, r1]);
    expect(a.author).toBe('fjordadmin');
    // Discourse's own crawler view: crawler-post blocks inside one DiscussionForumPosting wrapper, read block by block.
    const block = (user: string, body: string) =>
      `<div class="topic-body crawler-post"><span class="creator" itemprop="author" itemscope><span itemprop="name">${user}</span></span><div class="post" itemprop="text">${body}</div></div>`;
    const wrapped = extract(thread(`<div id="main-outlet" itemscope itemtype="http://schema.org/DiscussionForumPosting">${block('fjordadmin', `<p>${q}</p>`)}${block('netnerd', `<p>${r1}</p>`)}</div>`), URL_THREAD);
    expect(wrapped.paragraphs).toEqual([q, r1]);
    expect(wrapped.postStarts).toEqual([0, 1]);
  });

  it('takes the author from the page when the first post does not name one', () => {
    const nameless = `<article data-post-id="1"><div class="cooked"><p>${q}</p></div></article>`;
    const html = thread(nameless + post(2, 'netnerd', `<p>${r1}</p>`)).replace('<title>', '<meta name="author" content="fjordadmin"><title>');
    expect(extract(html, URL_THREAD).author).toBe('fjordadmin');
  });

  it('reads a stated reply count with a thousands separator, or from a meta tag', () => {
    const posts = post(1, 'fjordadmin', `<p>${q}</p>`) + post(2, 'netnerd', `<p>${r1}</p>`);
    const big = thread(posts, '<div class="topic-map"><ul><li class="replies"><span class="number">\n  1,204\n</span></li></ul></div>');
    expect(extract(big, URL_THREAD).replies).toEqual({ count: 1204, atLeast: false });
    const meta = thread(posts, '<meta itemprop="commentCount" content="42">');
    expect(extract(meta, URL_THREAD).replies).toEqual({ count: 42, atLeast: false });
  });

  it('takes the reply count the page states over the posts it shows', () => {
    const html = thread(post(1, 'fjordadmin', `<p>${q}</p>`) + post(2, 'netnerd', `<p>${r1}</p>`), '<div class="topic-map"><ul><li class="replies"><span class="number">37</span></li></ul></div>');
    expect(extract(html, URL_THREAD).replies).toEqual({ count: 37, atLeast: false });
  });
});
