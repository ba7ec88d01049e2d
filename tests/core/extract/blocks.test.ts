import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { collectParagraphs } from '../../../src/core/extract/blocks';

const root = (html: string) => {
  const doc = new JSDOM(`<!DOCTYPE html><html><body><main>${html}</main></body></html>`).window.document;
  return doc.querySelector('main')!;
};
const paragraphs = (html: string) => collectParagraphs(root(html)).paragraphs;

describe('collectParagraphs: list items, quotes and cells', () => {
  it('reads a list item without paragraphs inside as one paragraph', () => {
    expect(paragraphs('<ul><li>Back up the <b>mail server</b> first.</li><li>Then the file shares.</li></ul>')).toEqual([
      'Back up the mail server first.',
      'Then the file shares.',
    ]);
  });

  it('reads the paragraphs inside a list item, quote or cell once, however deeply they are wrapped', () => {
    expect(paragraphs('<ul><li><p>Inside a list item.</p></li></ul>')).toEqual(['Inside a list item.']);
    expect(paragraphs('<ul><li><div><span><p>Wrapped in a div and a span.</p></span></div></li></ul>')).toEqual(['Wrapped in a div and a span.']);
    expect(paragraphs('<blockquote><section><p>A quoted paragraph.</p><p>And a second.</p></section></blockquote>')).toEqual([
      'A quoted paragraph.',
      'And a second.',
    ]);
    expect(paragraphs('<table><tr><td><div><p>A cell paragraph.</p></div></td></tr></table>')).toEqual(['A cell paragraph.']);
  });

  it('gives no paragraph for an empty list item or table cell (a spacer, an image-only cell)', () => {
    const table = '<table><tr><td><img src="/chart.png" alt=""></td><td>Latency fell by a third after the upgrade.</td><td> </td></tr></table>';
    expect(paragraphs(`<ul><li>Patch the VPN gateway.</li><li></li></ul>${table}`)).toEqual(['Patch the VPN gateway.', 'Latency fell by a third after the upgrade.']);
  });

  it('gives no paragraph for a spacer paragraph, and reads a list item around one as text', () => {
    expect(paragraphs('<p>Patch the VPN gateway first.</p><p>&nbsp;</p><p>Then rotate the keys.</p>')).toEqual(['Patch the VPN gateway first.', 'Then rotate the keys.']);
    expect(paragraphs('<ul><li><p> </p>Check the firewall logs.</li></ul>')).toEqual(['Check the firewall logs.']);
  });

  it('reads paragraphs in plain wrappers in document order', () => {
    expect(paragraphs('<div><p>First.</p><div><p>Second.</p></div></div><p>Third.</p>')).toEqual(['First.', 'Second.', 'Third.']);
  });
});

describe('collectParagraphs: tables of contents', () => {
  it('drops a list item that is nothing but an in-page link, wherever the link sits among the item\'s links', () => {
    expect(paragraphs('<ul><li><a href="#_001">Why backups fail</a></li><li><a href="#_002">What to test</a></li></ul><p>Body text.</p>')).toEqual([
      'Body text.',
    ]);
    // An empty link to another page before the anchor link: the first in-page link is the one compared.
    expect(paragraphs('<ul><li><a href="/tech/"></a><a name="top"></a><a href="#restore">Restore drills</a></li></ul><p>Body text.</p>')).toEqual([
      'Body text.',
    ]);
  });

  it('keeps a list item whose in-page link is only part of its text', () => {
    expect(paragraphs('<ul><li>See <a href="#_001">the checklist</a> before you start.</li></ul>')).toEqual(['See the checklist before you start.']);
  });

  it('keeps a list item that is one link to another page, or a link without an address', () => {
    expect(paragraphs('<ul><li><a href="https://example.com/restore-guide">The vendor\'s restore guide</a></li></ul>')).toEqual([
      "The vendor's restore guide",
    ]);
    expect(paragraphs('<ul><li><a name="step-1">Step one: stop the service</a></li></ul>')).toEqual(['Step one: stop the service']);
  });
});

describe('collectParagraphs: where the article ends and what is not text', () => {
  const collect = (html: string) => collectParagraphs(root(html));

  it('ends at a MORE ON heading, or at a MORE ON line in capitals, and keeps a sentence that starts "More on"', () => {
    expect(collect('<p>Body one.</p><h3>More on Cloud</h3><p>Related link.</p>')).toEqual({ paragraphs: ['Body one.'], moreOn: 'More on Cloud' });
    expect(collect('<p>Body one.</p><p>MORE ON CLOUD</p><p>Related link.</p>')).toEqual({ paragraphs: ['Body one.'], moreOn: 'MORE ON CLOUD' });
    expect(collect('<p>More on that in a later part of this series.</p><p>Body two.</p>')).toEqual({ paragraphs: ['More on that in a later part of this series.', 'Body two.'] });
    // A section heading that starts with "More on" but is far longer than a topic name: the article goes on.
    expect(collect('<p>Body one.</p><h2>More on why small IT teams still skip the restore test after every backup change</h2><p>Body two.</p>')).toEqual({
      paragraphs: ['Body one.', 'Body two.'],
    });
  });

  it('ends at the "Do you still have questions?" footer: the community links after it are no paragraphs', () => {
    expect(
      collect('<p>Restart the print spooler after the update.</p><p>Do you still have questions? Head over to the Spiceworks Community.</p><p>Printer stuck offline after the patch</p>'),
    ).toEqual({ paragraphs: ['Restart the print spooler after the update.'] });
  });

  it('reads code, a bare quote and a definition as paragraphs, and no heading of any level', () => {
    expect(
      paragraphs(
        '<h1>Patch notes</h1><h2>Before you start</h2><h3>Step one</h3><h4>Step two</h4><h5>Step three</h5><h6>Step four</h6>' +
          '<pre>Get-Service Spooler | Restart-Service</pre><blockquote>Restart the spooler first.</blockquote><dl><dt>Spooler</dt><dd>The print queue service.</dd></dl>',
      ),
    ).toEqual(['Get-Service Spooler | Restart-Service', 'Restart the spooler first.', 'The print queue service.']);
  });

  it('drops a share bar written with capitals, and keeps a sentence that names the same sites', () => {
    const sentence = 'Email, Print and Share buttons sit under every post.';
    expect(paragraphs(`<p>Share this article: Facebook | LinkedIn | Email</p><p>${sentence}</p>`)).toEqual([sentence]);
  });

  it('ends at a MORE ON heading of any level', () => {
    for (const h of ['h1', 'h2', 'h4', 'h5', 'h6']) {
      expect(collect(`<p>Body one.</p><${h}>More on Cloud</${h}><p>Related link.</p>`)).toEqual({ paragraphs: ['Body one.'], moreOn: 'More on Cloud' });
    }
  });

  it('takes the first "Last updated" line and the first date line, and neither as a paragraph', () => {
    expect(collect('<p>Last updated: March 4, 2020</p><p>May 6, 2019</p><p>Body.</p><p>Last updated: June 7, 2021</p><p>July 8, 2029</p>')).toEqual({
      paragraphs: ['Body.'],
      lastUpdated: '2020-03-04',
      dateLine: '2019-05-06',
    });
    expect(collect('<p>Body.</p><p>Posted on: July 8, 2020</p>')).toEqual({ paragraphs: ['Body.'], dateLine: '2020-07-08' });
  });

  it('drops a table of contents entry only in a list item, compared with its first in-page link', () => {
    expect(paragraphs('<p><a href="#part-1">Jump to part one</a></p>')).toEqual(['Jump to part one']);
    expect(paragraphs('<ul><li><a href="#part-1">Part one</a><a href="#part-1-end"></a></li></ul><p>Body.</p>')).toEqual(['Body.']);
  });

  it('reads a nested list item once, as its own paragraph', () => {
    expect(paragraphs('<ul><li><ul><li>Inner item.</li></ul></li></ul>')).toEqual(['Inner item.']);
  });

  it('skips chrome by id', () => {
    expect(paragraphs('<div id="toc"><p>Contents of this page</p></div><p>Body.</p>')).toEqual(['Body.']);
  });

  it('skips the Spiceworks and Discourse chrome containers by class and by tag, and keeps the text around them', async () => {
    // Imported afresh: the lists are built when the module loads, and the mutation run credits a test only with the
    // code that runs while the test runs.
    vi.resetModules();
    const fresh = await import('../../../src/core/extract/blocks');
    const read = (html: string) => fresh.collectParagraphs(root(html)).paragraphs;
    const chrome = 'Jane Doe is a technical writer who covers networks and storage for the site';
    const classes = [
      'wp-caption', 'wp-caption-text', 'author-box', 'author-bio', 'about-author', 'post-author', 'toc', 'table-of-contents', 'ez-toc-container',
      'share', 'share-bar', 'social-share', 'newsletter', 'newsletter-signup', 'cookie-banner', 'cookie-consent', 'more-on', 'related-articles',
      'advertisement', 'ad-slot', 'user-signature', 'signature', 'onebox', 'read-more',
    ];
    // Each container says what it is: a test failure names the one that got through.
    expect(read(`<p>Body one.</p>${classes.map((c) => `<div class="entry ${c}"><p>In .${c}: ${chrome}.</p></div>`).join('')}<p>Body two.</p>`)).toEqual(['Body one.', 'Body two.']);
    const tags = ['figcaption', 'nav', 'aside', 'footer', 'form', 'button', 'noscript'];
    expect(read(`<p>Body one.</p>${tags.map((t) => `<${t}><p>In ${t}: ${chrome}.</p></${t}>`).join('')}<p>Body two.</p>`)).toEqual(['Body one.', 'Body two.']);
    expect(read(`<div id="onetrust-banner-sdk"><p>${chrome}.</p></div><p>Body.</p>`)).toEqual(['Body.']);
    // A chart's SVG (its tag name is lower case in an HTML page) with HTML labels inside.
    expect(read('<svg viewBox="0 0 10 10"><foreignObject><p>Q3 revenue by region, in millions</p></foreignObject></svg><p>Body.</p>')).toEqual(['Body.']);
    // On a live page, scripts fill elements in places that are never shown as text.
    const live = root('<p>Body.</p>');
    for (const t of ['script', 'style', 'template']) {
      const el = live.ownerDocument.createElement(t);
      el.appendChild(live.ownerDocument.createElement('p')).textContent = `Filled in by a ${t}.`;
      live.appendChild(el);
    }
    expect(fresh.collectParagraphs(live).paragraphs).toEqual(['Body.']);
    // An element with an id of its own is read like any other.
    expect(read('<div id="article-body"><p>Body.</p></div>')).toEqual(['Body.']);
    // A class that only contains a chrome name is not chrome.
    expect(read(`<div class="author-boxed-quote"><p>${chrome}.</p></div>`)).toEqual([`${chrome}.`]);
  });
});

describe('collectParagraphs: text outside paragraph blocks (looseChars)', () => {
  it('counts text in bare divs and in inline elements outside any paragraph, not inside paragraphs or skipped chrome', () => {
    expect(collectParagraphs(root('<p>In a paragraph.</p><div>Loose text</div><div><span>Inline </span></div><aside>Chrome</aside>')).looseChars).toBe('Loose text'.length + 'Inline'.length);
    expect(collectParagraphs(root('Direct text<p>In a paragraph.</p>')).looseChars).toBe('Direct text'.length);
    expect(collectParagraphs(root('<p>Only <b>paragraphs</b>.</p><ul><li>and items</li></ul>')).looseChars).toBeUndefined();
  });
});
