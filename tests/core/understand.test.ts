import { describe, expect, it } from 'vitest';
import { understandPage } from '../../src/core/understand';
import { parsePage } from '../../support/fixtures';

const ARTICLE_URL = 'https://www.spiceworks.com/tech/cloud/news/backup-window/';
const THREAD_URL = 'https://community.spiceworks.com/t/printer-offline/123';
const para = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} explains how the backup window shrank after the team moved its file servers to a new storage array.</p>`).join('');
const page = (body: string, url = ARTICLE_URL) => parsePage(`<!DOCTYPE html><html><head><title>Backups - Spiceworks</title></head><body>${body}</body></html>`, url);

describe('understandPage', () => {
  it('understands an article: its page, its paragraphs and its topic', () => {
    const u = understandPage(page(`<h1>Backups</h1><article>${para(5)}</article>`), ARTICLE_URL);
    expect(u.ok).toBe(true);
    if (!u.ok) return;
    expect(u.page).toMatchObject({ kind: 'article', slug: 'backup-window' });
    expect(u.article.url).toBe(ARTICLE_URL);
    expect(u.article.paragraphs).toHaveLength(5);
    expect(u.article.paragraphs[0]).toMatch(/^Paragraph 0 explains/);
    expect(u.topic.id).toBe('cloud');
  });

  it('reads the page with the budget it is given, and says when the page was past it', () => {
    const seen: string[] = [];
    const u = understandPage(page(`<h1>Backups</h1><article>${para(5)}</article>`), ARTICLE_URL, {
      limits: { maxDepth: 128, maxElements: 8_000, maxTextChars: 300 },
      onOverBudget: (o) => seen.push(o.measure.over ?? ''),
    });
    expect(seen).toEqual(['text']);
    expect(u.ok).toBe(true);
  });

  it('says a URL that promises no article is not one, without reading the page', () => {
    const url = 'https://www.spiceworks.com/';
    expect(understandPage(page(`<h1>Backups</h1>${para(5)}`, url), url)).toEqual({ ok: false, reason: 'not-article', page: { kind: 'none' } });
  });

  it('says a page that does not hold what its URL promised has no article text', () => {
    const u = understandPage(page(`<h1>Backups</h1>${para(1)}`), ARTICLE_URL);
    expect(u).toMatchObject({ ok: false, reason: 'no-article-text', page: { kind: 'article', slug: 'backup-window' } });
  });

  it('says a confirmed thread whose posts keep no paragraph has no article text', () => {
    // The confirmation counts the post's text; the reader drops a link preview, so nothing is left.
    const preview = '<aside class="onebox"><p>Printer offline after update - HP Support Community: drivers and fixes for every model.</p></aside>';
    const doc = page(`<div id="topic-title"><h1>Printer offline</h1></div><article data-post-id="1"><div class="cooked">${preview}</div></article>`, THREAD_URL);
    expect(understandPage(doc, THREAD_URL)).toMatchObject({ ok: false, reason: 'no-article-text', page: { kind: 'thread', id: '123' } });
  });
});
