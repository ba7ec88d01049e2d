/**
 * Loads the repo's page fixtures (tests/fixtures/pages/<name>/source.html +
 * page.json), Readability-corpus style, and parses them with jsdom.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

/** What a fixture page promises. */
export type PageExpectation = {
  kind: 'article' | 'thread' | 'none';
  confirmed?: boolean;
  topic?: string;
  secondary?: string[];
  title?: string;
  author?: string;
  published?: string;
  updated?: string;
  paragraphCount?: number;
  firstParagraph?: string;
  lastParagraph?: string;
  mustContain?: string[];
  moreOn?: string;
  /** Substrings that must not survive extraction. */
  boilerplate?: string[];
  /** Exact texts that must not be a paragraph (table of contents entries, quotes). */
  notParagraphs?: string[];
};

export type FixturePage = { name: string; url: string; template: string; html: string; expected: PageExpectation; heldOut?: boolean };

/** Folder of the page fixtures. */
export const PAGES_DIR = fileURLToPath(new URL('../tests/fixtures/pages/', import.meta.url));

/** Every fixture page, sorted by name. */
export function loadFixturePages(dir = PAGES_DIR): FixturePage[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'page.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const meta = JSON.parse(readFileSync(join(dir, name, 'page.json'), 'utf8')) as { url: string; template: string; expected: PageExpectation; heldOut?: boolean };
      const html = readFileSync(join(dir, name, 'source.html'), 'utf8');
      return { name, url: meta.url, template: meta.template, expected: meta.expected, html, heldOut: meta.heldOut === true };
    });
}

/** Parses HTML into a Document at the given URL, as a browser tab would hold it. */
export function parsePage(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}
