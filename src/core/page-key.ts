/**
 * What identifies one article or thread across URLs: `a:<slug>` for an
 * article on www.spiceworks.com, `t:<id>` for a community thread (post
 * numbers, queries and hashes do not count). URL only, no DOM: the listing
 * badges compute it for every link on a page.
 */
import { recognisePage } from './recognise';

export function pageKeyOf(url: string): string | null {
  const page = recognisePage(url);
  if (page.kind === 'article') return `a:${page.slug.toLowerCase()}`;
  if (page.kind === 'thread') return `t:${page.id}`;
  return null;
}
