/**
 * The page's metadata from a handful of selector queries on the original
 * document (never a walk): canonical URL, title, author, dates, tags,
 * breadcrumbs, meta tags and JSON-LD.
 */
import type { JsonLdInfo } from './jsonld';
import { cleanText, stripTitleSuffix, toIsoDate } from './text';

/** Meta tags kept as topic and provenance signals. */
const META_KEYS = [
  'og:type',
  'og:site_name',
  'og:title',
  'og:url',
  'og:description',
  'description',
  'keywords',
  'news_keywords',
  'article:section',
  'article:published_time',
  'article:modified_time',
  'article:author',
  'author',
  'generator',
  'parsely-section',
  'parsely-tags',
  'sailthru.tags',
];

/** Reads the meta tags listed in META_KEYS; repeated tags (article:tag) are joined with ", ". */
export function readMeta(doc: Document): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const m of Array.from(doc.querySelectorAll('meta[property], meta[name]'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase();
    const val = cleanText(m.getAttribute('content') ?? '');
    if (!val) continue;
    if (key === 'article:tag') meta[key] = meta[key] ? `${meta[key]}, ${val}` : val;
    else if (META_KEYS.includes(key) && !(key in meta)) meta[key] = val;
  }
  return meta;
}

/** Canonical URL: link[rel=canonical], og:url, or the URL without query and hash. */
export function canonicalUrl(doc: Document, url: string, meta: Record<string, string>): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta['og:url'];
  try {
    if (href) return new URL(href, url).href;
  } catch {
    /* fall through */
  }
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href;
  } catch {
    return url;
  }
}

/** The article's title, from the page heading first and the <title> last. */
export function readTitle(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, thread: boolean, category?: string): string {
  const h1 = doc.querySelector(thread ? '#topic-title h1, #topic-title .fancy-title, h1' : 'article h1, main h1, h1.entry-title, h1');
  const candidates = [h1?.textContent, meta['og:title'], ld.headline, doc.title];
  for (const c of candidates) {
    const t = c ? stripTitleSuffix(c, category) : '';
    if (t) return t;
  }
  return '';
}

const BY = /^(by|written by|posted by|av)\s*:?\s+/i;

/** The author: meta, JSON-LD, then byline markup. */
export function readAuthor(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, byline?: string | null): string | undefined {
  const metaAuthor = meta['author'] ?? (meta['article:author'] && !/^https?:/.test(meta['article:author']) ? meta['article:author'] : undefined);
  const el = doc.querySelector('[rel="author"], .author-name, .byline .author, .entry-author-name, [itemprop="author"] [itemprop="name"]');
  for (const c of [metaAuthor, ld.author, el?.textContent, byline]) {
    const t = c ? cleanText(c).replace(BY, '') : '';
    if (t && t.length < 100) return t;
  }
  return undefined;
}

/** Published date: meta, JSON-LD, then the first <time datetime>. */
export function readPublished(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, fallback?: string | null): string | undefined {
  const time = doc.querySelector('article time[datetime], header time[datetime], time[datetime]')?.getAttribute('datetime');
  for (const c of [meta['article:published_time'], ld.datePublished, time, fallback]) {
    const d = toIsoDate(c);
    if (d) return d;
  }
  return undefined;
}

/** Updated date from meta or JSON-LD. */
export function readUpdated(meta: Record<string, string>, ld: JsonLdInfo): string | undefined {
  return toIsoDate(meta['article:modified_time']) ?? toIsoDate(ld.dateModified);
}

const CRUMB_SELECTOR = [
  'nav[aria-label*="readcrumb"] a',
  'nav[aria-label*="readcrumb"] li',
  '.breadcrumbs a',
  '.breadcrumb a',
  '.breadcrumb li',
  '[itemtype$="BreadcrumbList"] [itemprop="name"]',
].join(', ');

/** Breadcrumb names without "Home", from JSON-LD or markup. */
export function readBreadcrumbs(doc: Document, ld: JsonLdInfo): string[] {
  let names = ld.breadcrumbs.map(cleanText);
  if (names.length === 0) {
    const els = Array.from(doc.querySelectorAll(CRUMB_SELECTOR)).filter((e) => !e.querySelector('a, [itemprop="name"]'));
    names = els.map((e) => cleanText(e.textContent ?? ''));
  }
  return unique(names.filter((n) => n && !/^home$/i.test(n) && n.length < 80));
}

/** Tags from article:tag, rel=tag links and Discourse tags. */
export function readTags(doc: Document, meta: Record<string, string>): string[] {
  const tags = (meta['article:tag'] ?? '').split(',').map(cleanText);
  for (const a of Array.from(doc.querySelectorAll('a[rel="tag"], .discourse-tag, .tags .tag'))) tags.push(cleanText(a.textContent ?? ''));
  return unique(tags.filter(Boolean));
}

/** Distinct strings, first occurrence wins, compared without case. */
export function unique(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
