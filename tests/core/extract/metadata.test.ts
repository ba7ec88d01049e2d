/**
 * The page's metadata read by selector queries: tags, breadcrumbs, title and
 * dates. Small pages of our own; the author has its own file (author.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readMeta, readTags } from '../../../src/core/extract/metadata';

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
