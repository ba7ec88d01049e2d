/**
 * The built-in library of curated cards and how a page is matched to one.
 * A card about one article must never show on another, so matching is by the
 * article's slug or by a fingerprint of its distinctive names and facts,
 * never by topic.
 */
import type { Article } from './types';
import { escapeRegExp } from './regex';

export type LibraryFaq = {
  q: string;
  a: string;
  /** Groups of English terms; a paragraph that holds every term of a group is evidence. */
  anchors: string[][];
};

export type LibraryEntry = {
  id: string;
  match: {
    /** URL slugs of the article, under any section. */
    slugs: string[];
    /** Terms a copy of the article at another URL must hold (lower case, see normaliseForMatch). */
    fingerprint: { all: string[]; any: string[]; minAny: number };
  };
  card: {
    title: string;
    sourceTitle: string;
    published?: string;
    author?: string;
    summary: string[];
    faq: LibraryFaq[];
  };
};

/** Lower case, one space, and "30 %", "30 percent", "30 per cent" all as "30%". */
export function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(\d)\s*(?:%|percent\b|per cent\b|prosent\b)/g, '$1%');
}

/** The last non-empty path segment of a URL: Spiceworks' article slug. */
export function slugOf(url: string): string | undefined {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).pop();
  } catch {
    return undefined;
  }
}

function fingerprintMatches(entry: LibraryEntry, article: Article): boolean {
  const text = normaliseForMatch([article.title, ...article.paragraphs].join(' '));
  const has = (term: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term)}(?=$|[^\\p{L}\\p{N}])`, 'u').test(text);
  const { all, any, minAny } = entry.match.fingerprint;
  return all.every(has) && any.filter(has).length >= minAny;
}


/** How an article matched a library entry, for the card's provenance. */
export type LibraryMatch = { entry: LibraryEntry; by: 'slug' | 'fingerprint' };

/** Finds the curated card for this article, or null. */
export function matchLibrary(article: Article, library: readonly LibraryEntry[]): LibraryMatch | null {
  const slugs = new Set([slugOf(article.url), slugOf(article.canonicalUrl)].filter(Boolean));
  for (const entry of library) {
    if (entry.match.slugs.some((s) => slugs.has(s))) return { entry, by: 'slug' };
  }
  for (const entry of library) {
    if (fingerprintMatches(entry, article)) return { entry, by: 'fingerprint' };
  }
  return null;
}

/** Indices of the paragraphs that hold every term of at least one anchor group (at most `max`). */
export function findEvidence(paragraphs: readonly string[], anchors: readonly string[][], max = 3): number[] {
  const lower = paragraphs.map((p) => p.toLowerCase());
  const hits: number[] = [];
  lower.forEach((p, i) => {
    if (anchors.some((group) => group.length > 0 && group.every((t) => p.includes(t.toLowerCase())))) hits.push(i);
  });
  return hits.slice(0, max);
}

/** Checks a library file's shape at load time; a broken entry must fail the build's tests, not a user's page. */
export function isLibraryEntry(v: unknown): v is LibraryEntry {
  const o = v as LibraryEntry;
  const strs = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  return (
    !!o &&
    typeof o.id === 'string' &&
    // Each object is looked into with ?. once: past that check it is there.
    strs(o.match?.slugs) &&
    strs(o.match.fingerprint?.all) &&
    strs(o.match.fingerprint.any) &&
    Number.isInteger(o.match.fingerprint.minAny) &&
    typeof o.card?.title === 'string' &&
    typeof o.card.sourceTitle === 'string' &&
    strs(o.card.summary) &&
    Array.isArray(o.card.faq) &&
    o.card.faq.every((f) => typeof f.q === 'string' && typeof f.a === 'string' && Array.isArray(f.anchors) && f.anchors.every(strs))
  );
}
