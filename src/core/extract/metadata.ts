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
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase();
    const val = cleanText(m.getAttribute('content') ?? '');
    if (!val) continue;
    if (key === 'article:tag') meta[key] = meta[key] ? `${meta[key]}, ${val}` : val;
    else if (META_KEYS.includes(key) && !(key in meta)) meta[key] = val;
  }
  return meta;
}

/** The page says where it lives, but the card links there: only an https address on spiceworks.com is trusted. */
const isSpiceworksUrl = (u: URL) => u.protocol === 'https:' && (u.hostname === 'spiceworks.com' || u.hostname.endsWith('.spiceworks.com'));

/** Canonical URL: link[rel=canonical], og:url, or the URL without query and hash. */
export function canonicalUrl(doc: Document, url: string, meta: Record<string, string>): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta['og:url'];
  try {
    if (href) {
      const c = new URL(href, url);
      if (isSpiceworksUrl(c)) return c.href;
    }
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

/** The article's title: og:title and JSON-LD first (no DOM search), then the page heading, then <title>. */
export function readTitle(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, thread: boolean, category?: string): string {
  const heading = () =>
    thread ? (doc.getElementById('topic-title')?.querySelector('h1') ?? doc.querySelector('h1'))?.textContent : doc.querySelector('h1')?.textContent;
  const candidates = thread ? [heading, meta['og:title'], doc.title] : [meta['og:title'], ld.headline, heading, doc.title];
  for (const c of candidates) {
    const raw = typeof c === 'function' ? c() : c;
    const t = raw ? stripTitleSuffix(raw, category) : '';
    if (t) return t;
  }
  return '';
}

const BY = /^(by|written by|posted by|av)\s*:?\s+/i;

/** The author: meta, JSON-LD, then Readability's byline. */
export function readAuthor(meta: Record<string, string>, ld: JsonLdInfo, byline?: string | null): string | undefined {
  const metaAuthor = meta['author'] ?? (meta['article:author'] && !/^https?:/.test(meta['article:author']) ? meta['article:author'] : undefined);
  // Readability's byline covers rel=author and byline markup: no second search of the page.
  for (const c of [metaAuthor, ld.author, byline]) {
    const t = c ? cleanText(c).replace(BY, '') : '';
    if (t && t.length < 100) return t;
  }
  return undefined;
}

/** Published date: meta, JSON-LD, then the first <time datetime>. */
export function readPublished(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, fallback?: string | null): string | undefined {
  const fromTime = () => doc.querySelector('time[datetime]')?.getAttribute('datetime');
  for (const c of [meta['article:published_time'], ld.datePublished, fromTime, fallback]) {
    const d = toIsoDate(typeof c === 'function' ? c() : c);
    if (d) return d;
  }
  return undefined;
}

/** Updated date from meta or JSON-LD. */
export function readUpdated(meta: Record<string, string>, ld: JsonLdInfo): string | undefined {
  return toIsoDate(meta['article:modified_time']) ?? toIsoDate(ld.dateModified);
}

/** The breadcrumb container: by class or an aria-labelled nav (no attribute-selector scan of the page). */
function crumbRoot(doc: Document): Element | undefined {
  const byClass = doc.getElementsByClassName('breadcrumbs')[0] ?? doc.getElementsByClassName('breadcrumb')[0];
  if (byClass) return byClass;
  const navs = doc.getElementsByTagName('nav');
  for (let i = 0; i < navs.length; i++) if (/breadcrumb/i.test(navs[i]?.getAttribute('aria-label') ?? '')) return navs[i];
  return undefined;
}

/** Breadcrumb names without "Home", from JSON-LD or (only when it has none) markup. */
export function readBreadcrumbs(doc: Document, ld: JsonLdInfo): string[] {
  let names = ld.breadcrumbs.map(cleanText);
  if (names.length === 0) {
    const root = crumbRoot(doc);
    if (root) {
      const items = Array.from(root.querySelectorAll('li, [itemprop="name"]')).filter((e) => !e.querySelector('li, [itemprop="name"]'));
      names = (items.length ? items : Array.from(root.querySelectorAll('a'))).map((e) => cleanText(e.textContent ?? ''));
    }
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
