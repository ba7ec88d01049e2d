/**
 * The built-in library of curated cards and how a page is matched to one.
 * A card about one article must never show on another, so matching is by the
 * article's slug or by a fingerprint of its distinctive names and facts,
 * never by topic.
 */
import * as v from 'valibot';
import type { Article } from './types';
import { LibraryEntrySchema, type LibraryFaqSchema } from './schema/library';
import { escapeRegExp } from './regex';

export type LibraryFaq = v.InferOutput<typeof LibraryFaqSchema>;
export type LibraryEntry = v.InferOutput<typeof LibraryEntrySchema>;

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
  // An address without a slug gives undefined, which no entry's slug equals.
  const slugs = new Set([slugOf(article.url), slugOf(article.canonicalUrl)]);
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
export const isLibraryEntry = (x: unknown): x is LibraryEntry => v.is(LibraryEntrySchema, x);
