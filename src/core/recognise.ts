/**
 * URL-only page recognition. Runs first on every Spiceworks page the user
 * opens, so it reads nothing but the URL string: no DOM, no allocation beyond
 * one URL parse and a split.
 */
import type { PageKind } from './types';

/** Content types that mark an article URL on www.spiceworks.com. */
export const ARTICLE_TYPES: readonly string[] = ['news', 'articles', 'guest-article', 'interviews'];

/** Top-level folders on www.spiceworks.com that hold articles. */
const ARTICLE_ROOTS: readonly string[] = ['tech', 'it-security'];

const NONE: PageKind = { kind: 'none' };
const SLUG = /^[a-z0-9][a-z0-9-]*$/i;
const DIGITS = /^\d+$/;

/**
 * Says from the URL alone whether a page can hold an article (www) or a
 * community thread (Discourse), and which section, type and slug it has.
 * Listings, author pages, static pages, help pages and other hosts are `none`.
 */
export function recognisePage(url: string): PageKind {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return NONE;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return NONE;
  // The URL parser gives an http(s) host in lower case already.
  const host = u.hostname;
  const parts = u.pathname.split('/').filter((p) => p.length > 0);

  if (host === 'www.spiceworks.com' || host === 'spiceworks.com') {
    if (parts.length !== 4) return NONE;
    const [root, section, type, slug] = parts as [string, string, string, string];
    if (!ARTICLE_ROOTS.includes(root) || !ARTICLE_TYPES.includes(type)) return NONE;
    if (!SLUG.test(section) || !SLUG.test(slug) || slug === 'page') return NONE;
    return { kind: 'article', site: 'www', section: section.toLowerCase(), contentType: type, slug };
  }

  if (host === 'community.spiceworks.com') {
    // Discourse: /t/<slug>/<id> and /t/<slug>/<id>/<post number>.
    if (parts[0] === 't' && (parts.length === 3 || parts.length === 4)) {
      const [, slug, id, post] = parts as [string, string, string, string | undefined];
      if (!SLUG.test(slug) || !DIGITS.test(id) || (post !== undefined && !DIGITS.test(post))) return NONE;
      return { kind: 'thread', site: 'community', slug, id };
    }
    // Legacy /topic/<id>-<slug>: the site redirects it to /t/...; accept it so
    // that a page still showing the old URL is not missed.
    if (parts[0] === 'topic' && parts.length === 2) {
      // Two parts, so parts[1] is there; a match has both groups.
      const m = /^(\d+)-([a-z0-9][a-z0-9-]*)$/i.exec(parts[1]!);
      if (m) return { kind: 'thread', site: 'community', slug: m[2]!, id: m[1]! };
    }
    return NONE;
  }
  return NONE;
}
