/**
 * What identifies one article or thread across URLs: `a:<slug>` for an
 * article on www.spiceworks.com, `t:<id>` for a community thread (post
 * numbers, queries and hashes do not count). URL only, no DOM: the listing
 * badges compute it for every link on a page.
 */
import { recognisePage } from './recognise';
import type { PageKind } from './types';

export function pageKeyOf(url: string): string | null {
  return pageKeyFrom(recognisePage(url));
}

/** The key of a page already recognised (the listing badges get the recogniser from the gate, which has it). */
export function pageKeyFrom(page: PageKind): string | null {
  if (page.kind === 'article') return `a:${page.slug.toLowerCase()}`;
  if (page.kind === 'thread') return `t:${page.id}`;
  return null;
}
