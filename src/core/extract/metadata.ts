/**
 * The page's metadata from a handful of selector queries on the original
 * document (never a walk): canonical URL, title, author, dates, tags,
 * breadcrumbs, meta tags and JSON-LD.
 */
import type { JsonLdInfo } from './jsonld';
import { cleanText, stripTitleSuffix, toIsoDate } from './text';
import { listNn } from '../nn-grammar';

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
    if (href && href.length <= MAX_URL) {
      const c = new URL(href, url);
      if (isSpiceworksUrl(c) && c.href.length <= MAX_URL) return c.href;
    }
  } catch {
    /* fall through */
  }
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    // A card's URL is at most MAX_URL long (the validator's limit): a longer page URL keeps its origin and the start of its path.
    return u.href.length <= MAX_URL ? u.href : `${u.origin}${u.pathname}`.slice(0, MAX_URL);
  } catch {
    return url.slice(0, MAX_URL);
  }
}

/** The article's title: og:title and JSON-LD first (no DOM search), then the page heading, then <title>. */
export function readTitle(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, thread: boolean, category?: string): string {
  const heading = () =>
    thread ? (doc.getElementById('topic-title')?.querySelector('h1') ?? doc.querySelector('h1'))?.textContent : doc.querySelector('h1')?.textContent;
  const candidates = thread ? [heading, meta['og:title'], doc.title] : [meta['og:title'], ld.headline, heading, doc.title];
  for (const c of candidates) {
    const raw: unknown = typeof c === 'function' ? c() : c;
    // doc.title is an element on a page that names one "title" (<img name="title">): strings only.
    const t = typeof raw === 'string' && raw ? stripTitleSuffix(raw, category) : '';
    if (t) return clip(t, MAX_TITLE);
  }
  return '';
}

/** Longest title and URL a card may carry (CARD_LIMITS in core/schema/card.ts). */
const MAX_TITLE = 300;
const MAX_URL = 2048;

/** `s` cut to at most `max` characters, at a word boundary where there is one, with "…". */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Where a page writes the author's name on its own, most specific first. A
 * whole author box is never read: its name, job title and bio run together
 * ("Jane Doe, Technical WriterWrites about ...").
 */
const NAME_ELEMENTS = [
  '.author-box .author-name',
  '.author-box-name a',
  '.author-box-name',
  '[itemprop="author"] [itemprop="name"]',
  '.author-box h3 a',
  '.author-box h4 a',
  '.author-box h3',
  '.author-box h4',
  '.about-author h3 a',
  '.about-author h4 a',
  '.byline a',
  '.author-name',
];

const BY = /^(by|written by|posted by|av|skrive av|skriven av)\s*:?\s+/i;
/** Bylines put the date or the job title after a bar, bullet or spaced dash. */
const SEPARATOR = /\s+[-–—]\s+|\s*[|•·]\s*/;
const URLISH = /^(https?:\/\/|www\.)|\S@\S/i;
const DATE_TAIL = /\s+(on\s+|updated\s+|published\s+|posted\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d.*$/i;
/** The site itself as author: the card's source line already names it. */
const SITE_NAME = /^spiceworks(\.com|\s+(inc\.?|news\s*(and|&)\s*insights|community))?$/i;
/** Words of a job title: a comma tail made of them is not a second author. */
const JOB_WORDS = new Set(
  'writer editor reporter correspondent contributor contributing columnist journalist analyst author producer manager director engineer architect officer founder president ceo cto cio ciso head chief lead senior staff freelance technical principal consultant specialist evangelist researcher strategist administrator admin'.split(' '),
);
/** Lowercase words that belong inside names ("Ludwig van Beethoven", "Jane Doe and John Roe"). */
const PARTICLES = new Set('van von de der den da di du la le del dos das bin al ten ter af and og y &'.split(' '));
/** Name beginnings a capital may follow with no space ("McDonald", "MacKenzie", "VanDyke"): not glued text. */
const NAME_PREFIXES = new Set('mc mac de di da du la le van von del der des fitz st'.split(' '));

const isJobWord = (w: string) => JOB_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, ''));

/**
 * The author's name: JSON-LD people, meta author, a rel=author link, the
 * author box's name element, then Readability's byline, which may be a
 * whole box's text and so is trusted least. The site's own name is never
 * an author.
 */
export function readAuthor(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, byline?: string | null): string | undefined {
  const site = (meta['og:site_name'] ?? '').toLowerCase();
  const pick = (raw: string | null | undefined, strict = false): string | undefined => {
    const name = nameFrom(raw, strict);
    if (!name) return name;
    const lower = name.toLowerCase();
    return (lower.startsWith('spiceworks') && SITE_NAME.test(name)) || lower === site ? undefined : name;
  };
  // Thunks: the page is searched only when the cheaper sources say nothing.
  const sources: Array<() => string | undefined> = [
    () => coAuthors(unique(ld.authors.map((a) => pick(a)).filter((a): a is string => !!a))),
    () => pick(meta['author']),
    () => pick(meta['article:author']),
    () => pick(doc.querySelector('a[rel~="author"]')?.textContent),
    () => nameElement(doc, pick),
    () => pick(byline, true),
  ];
  for (const source of sources) {
    const name = source();
    if (name) return name;
  }
  // An organisation that signs ("Spiceworks News Desk") is an author; the site's bare name is not
  // ("Spiceworks, skriven av Spiceworks" says nothing the source line does not).
  return ld.authorOrgs.map((o) => pick(o)).find(Boolean);
}

/** Co-authors as the Nynorsk card lists names: "A", "A og B", "A, B og C"; undefined for none. */
const coAuthors = (names: string[]): string | undefined => (names.length ? listNn(names) : undefined);

/** The first author-box name element that holds a name. */
function nameElement(doc: Document, pick: (raw: string | null | undefined) => string | undefined): string | undefined {
  for (const sel of NAME_ELEMENTS) {
    const name = pick(doc.querySelector(sel)?.textContent);
    if (name) return name;
  }
  return undefined;
}

/**
 * A person's name from a byline-like text, or undefined when none can be
 * isolated. `strict` is for text that may be a whole box (Readability's
 * byline): its name must be capitalised words, and glued text is always cut.
 */
export function nameFrom(raw: string | null | undefined, strict: boolean): string | undefined {
  // A name with markup in it ("<b>Jane</b>" in JSON-LD) is markup, not a name.
  const text = cleanText(raw ?? '');
  // Each pattern below runs only where a character or word it needs is there: on a cold page a pattern run is a compile.
  if (!text || (mayBeUrl(text) && URLISH.test(text)) || text.includes('<') || text.includes('>')) return undefined;
  for (const part of hasSeparator(text) ? text.split(SEPARATOR) : [text]) {
    const name = isolateName(mayStartWithBy(part) ? part.replace(BY, '') : part, strict);
    if (name) return name;
  }
  return undefined;
}

/** One separated part of a byline, cut to the name; trusted sources are taken as written when they already read as a name. */
function isolateName(part: string, strict: boolean): string | undefined {
  const plain = dropTitle(withoutDateTail(part));
  // A glued capital inside a name ("MaryAnn") is kept unless the text also reads like a title or a sentence.
  if (!strict && looksLikeName(plain, false) && (cutGlued(plain) === plain || !hasProse(plain))) return plain;
  // A name element or byline that swallowed the box: cut where words were glued, then the title and date after the name.
  let cut = dropTitle(withoutDateTail(cutGlued(part)));
  if (strict) cut = dropTrailingTitle(cut);
  return looksLikeName(cut, strict) ? cut : undefined;
}

/** URLISH needs "@" or a start of "http" or "www.". */
function mayBeUrl(t: string): boolean {
  const l = t.slice(0, 4).toLowerCase();
  return t.includes('@') || l === 'http' || l === 'www.';
}

/** SEPARATOR needs one of its dashes, bars or bullets. */
function hasSeparator(t: string): boolean {
  return t.includes('-') || t.includes('–') || t.includes('—') || t.includes('|') || t.includes('•') || t.includes('·');
}

/** BY's words at the start (the test that spares BY's compile on most names). */
function mayStartWithBy(t: string): boolean {
  const l = t.slice(0, 10).toLowerCase();
  return l.startsWith('by') || l.startsWith('written by') || l.startsWith('posted by') || l.startsWith('av') || l.startsWith('skrive');
}

/** The part without a date after the name; DATE_TAIL needs a digit, so text without one is left as it is. */
function withoutDateTail(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return t.replace(DATE_TAIL, '');
  }
  return t;
}

/** "Jane Doe, Technical Writer" → "Jane Doe"; "Jane Doe, John Roe" stays. */
function dropTitle(t: string): string {
  const parts = t.split(',').map((p) => p.trim());
  const title = parts.findIndex((p, i) => i > 0 && p.split(' ').some(isJobWord));
  return (title > 0 ? parts.slice(0, title) : parts).filter(Boolean).join(', ');
}

/** "Jane Doe Senior Editor" → "Jane Doe"; a title word as second word may be a surname ("Jane Head"). */
function dropTrailingTitle(t: string): string {
  const words = t.split(' ');
  const i = words.findIndex(isJobWord);
  return i >= 2 ? words.slice(0, i).join(' ') : t;
}

/**
 * Cuts text where a lowercase letter runs into a capital starting a new word
 * ("DoeTechnical WriterWrites about"): what a box's text becomes when its
 * name, title and bio elements have no space between them.
 */
function cutGlued(t: string): string {
  // ASCII text (most names) needs no Unicode letter classes, whose compile is a cold page's dearest.
  for (const m of t.matchAll(isAscii(t) ? /[a-z](?=[A-Z])/g : /\p{Ll}(?=\p{Lu})/gu)) {
    const end = (m.index ?? 0) + 1;
    const start = Math.max(t.lastIndexOf(' ', end), t.lastIndexOf('-', end), t.lastIndexOf("'", end)) + 1;
    const fragment = t.slice(start, end);
    if (fragment.length >= 3 && !NAME_PREFIXES.has(fragment.toLowerCase())) return t.slice(0, end);
  }
  return t;
}

/** Job-title words or lowercase words that are not name particles: text beyond a name. */
function hasProse(t: string): boolean {
  return t.split(' ').some((w) => isJobWord(w) || (startsLower(w) && !PARTICLES.has(w)));
}

/** A name is short, not a sentence and not only a job title; strict names are capitalised words. */
function looksLikeName(t: string, strict: boolean): boolean {
  const words = t.split(' ');
  if (t.length < 2 || t.length > 60 || words.length > 5) return false;
  if (/[:;!?"“”()]/.test(t) || (t.endsWith('.') && /\p{L}{4,}\.$/u.test(t))) return false;
  if (words.every(isJobWord)) return false;
  return !strict || words.every((w) => startsUpper(w) || PARTICLES.has(w.toLowerCase()));
}

/** No character past U+007F. */
function isAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `/^\p{Lu}/u` and `/^\p{Ll}/u`, decided without the Unicode classes when the first character is ASCII. */
const startsUpper = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c < 0x80 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
};
const startsLower = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c < 0x80 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(w);
};

/** Published date: meta, JSON-LD, then the first <time datetime>. */
export function readPublished(doc: Document, meta: Record<string, string>, ld: JsonLdInfo, fallback?: string | null): string | undefined {
  const fromTime = () => doc.querySelector('time[datetime]')?.getAttribute('datetime');
  // Themes print the date in a plain element above the body, outside what Readability keeps.
  const fromDateElement = () => {
    const el = doc.querySelector('.post-date, .entry-date, .published, .post-meta .date, .article-date');
    const text = cleanText(el?.textContent ?? '');
    return text.length < 60 ? text : undefined;
  };
  for (const c of [meta['article:published_time'], ld.datePublished, fromTime, fallback, fromDateElement]) {
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
  return unique(names.filter((n) => n && n.toLowerCase() !== 'home' && n.length < 80));
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
