/**
 * Hostile pages for issue 12 (defects 3 and 8): deep nesting, many links,
 * megabytes of text, and plain text that trips backtracking regexes. Each is
 * a Spiceworks article page that passes confirmArticle (one h1, enough
 * paragraph text), so that the whole pipeline runs on it. Shared by
 * bench/hostile/extract.ts and the unit tests.
 */

export const HOSTILE_URL = 'https://www.spiceworks.com/tech/cloud/news/hostile-page/';

const INTRO =
  'Cloud providers raised storage prices this year, and administrators are moving archives between tiers to keep costs down. ' +
  'The change affects backups, logs and media files that are rarely read but must be kept for years under retention rules. ';

function page(body: string, title = 'Storage prices rise again'): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<title>${title} - Spiceworks</title><meta property="og:type" content="article">` +
    `<link rel="canonical" href="${HOSTILE_URL}"></head><body>` +
    body +
    '</body></html>'
  );
}

/** An article whose paragraphs sit inside `depth` nested divs (the whole page is one deep chain). */
export function deepPage(depth: number): string {
  const open = '<div>'.repeat(depth);
  const close = '</div>'.repeat(depth);
  return page(`<h1>Storage prices rise again</h1>${open}<p>${INTRO}</p><p>${INTRO}</p>${close}`);
}

/** An article inside <article> followed by a `depth`-deep chain of divs beside it (chrome gone wild). */
export function deepBesideArticle(depth: number): string {
  const open = '<div>'.repeat(depth);
  const close = '</div>'.repeat(depth);
  return page(`<article><h1>Storage prices rise again</h1><p>${INTRO}</p><p>${INTRO}</p></article>${open}<span>x</span>${close}`);
}

/** An article followed by `links` links in one list. */
export function manyLinksPage(links: number): string {
  const items: string[] = [];
  for (let i = 0; i < links; i++) items.push(`<li><a href="/tech/cloud/news/item-${i}/">Related item number ${i}</a></li>`);
  return page(`<main><h1>Storage prices rise again</h1><p>${INTRO}</p><p>${INTRO}</p><ul>${items.join('')}</ul></main>`);
}

/** About `bytes` of article text in ordinary paragraphs of ~600 characters. */
export function bigTextPage(bytes: number): string {
  const para = `<p>${INTRO}${INTRO}${INTRO}</p>`;
  const n = Math.ceil(bytes / para.length);
  return page(`<article><h1>Storage prices rise again</h1>${para.repeat(n)}</article>`);
}

/** One paragraph of ordinary text, then `filler` repeated `count` times, then `tail` (defect 8: "50,000 spaces then !"). */
export function plainTextPage(filler: string, count: number, tail = '!'): string {
  return page(`<article><h1>Storage prices rise again</h1><p>${INTRO}</p><p>${INTRO}${filler.repeat(count)}${tail}</p></article>`);
}
