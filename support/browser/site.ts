/**
 * The offline "internet" the browser tests and the demo see: fixture pages
 * served by request interception at their real URLs, a plain non-Spiceworks
 * page, and a 404 for anything else on the Spiceworks hosts. Other hosts are
 * refused so that a test never waits on the network.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES_DIR = join(REPO_ROOT, 'tests/fixtures/pages');

/** A page from tests/fixtures/pages/<name>/ (source.html + page.json). */
export type FixturePage = { name: string; url: string; html: string; meta: Record<string, unknown> };

/** Reads one fixture page; its URL comes from page.json (`url`). */
export function loadFixturePage(name: string): FixturePage {
  const dir = join(PAGES_DIR, name);
  const meta = JSON.parse(readFileSync(join(dir, 'page.json'), 'utf8')) as Record<string, unknown>;
  const url = [meta.url, meta.originalUrl, meta.pageUrl].find((v): v is string => typeof v === 'string');
  if (!url) throw new Error(`${name}/page.json has no "url"`);
  return { name, url, html: readFileSync(join(dir, 'source.html'), 'utf8'), meta };
}

/** Names of all fixture pages present (they are written by hand; tests pick by name). */
export function fixturePageNames(): string[] {
  if (!existsSync(PAGES_DIR)) return [];
  return readdirSync(PAGES_DIR).filter((n) => existsSync(join(PAGES_DIR, n, 'source.html')) && existsSync(join(PAGES_DIR, n, 'page.json')));
}

/** A page outside Spiceworks, in our own words: the popup must explain itself there. */
export const OTHER_SITE_URL = 'https://example.org/';
export const OTHER_SITE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An unrelated page</title></head>
<body><h1>An unrelated page</h1><p>This page is not on Spiceworks, so the extension has nothing to say about it.</p></body></html>`;

const PLACEHOLDER_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9" viewBox="0 0 16 9"><rect width="16" height="9" fill="#d9dde3"/></svg>';

const NOT_FOUND_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>404 Page not found</title></head>
<body><h1>Page not found</h1></body></html>`;

/** Hosts whose requests the harness answers itself; everything else over http(s) is aborted. */
export const SERVED_ORIGINS = ['https://www.spiceworks.com', 'https://community.spiceworks.com', 'https://example.org'];

export type Response = { status: number; contentType: string; body: string };

/** URL → HTML map with a sensible answer for every request the browser makes. */
export class Site {
  private readonly pages = new Map<string, string>();

  constructor() {
    this.add(OTHER_SITE_URL, OTHER_SITE_HTML);
  }

  /** Serves `html` at `url` (the hash is ignored; a trailing slash is optional). */
  add(url: string, html: string): this {
    this.pages.set(normalise(url), html);
    return this;
  }

  /** Serves a fixture page at its own URL, with the shared site CSS, and returns it. */
  addFixture(name: string, transform?: (html: string) => string): FixturePage {
    const page = loadFixturePage(name);
    const html = withStyle(page.html, SITE_CSS);
    this.add(page.url, transform ? transform(html) : html);
    return page;
  }

  /** What to answer for `url`: a page, a 404, or null (abort: not a served host). */
  respond(url: string): Response | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    // Article images (on any host) get a grey placeholder, so screenshots show no broken-image icons.
    if (/\.(png|jpe?g|gif|webp|svg)$/i.test(u.pathname)) return { status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_SVG };
    if (!SERVED_ORIGINS.includes(u.origin)) return null;
    const html = this.pages.get(normalise(url));
    if (html !== undefined) return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
    // Sub-resources of fixture pages (images, scripts, fonts) are not needed.
    const isDocumentLike = !/\.(ico|css|js|mjs|woff2?|ttf|json|xml)$/i.test(u.pathname);
    return isDocumentLike
      ? { status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND_HTML }
      : { status: 404, contentType: 'text/plain', body: '' };
  }
}

function normalise(url: string): string {
  const u = new URL(url);
  u.hash = '';
  if (!u.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(u.pathname)) u.pathname += '/';
  return u.href;
}

/** True for URLs the harness must let through untouched (extension pages, data:, about:). */
export function isBrowserInternal(url: string): boolean {
  return !/^https?:/i.test(url);
}

/** The fixture pages' shared look (tests/fixtures/demo/site.css): a realistic text column and sidebar. */
export const SITE_CSS = readFileSync(join(REPO_ROOT, 'tests/fixtures/demo/site.css'), 'utf8');

/** Adds a `<style>` to a page's head (or its start when it has none). */
export function withStyle(html: string, css: string): string {
  const tag = `<style>${css}</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${tag}</head>`) : tag + html;
}
