/**
 * Readability's own rules (@mozilla/readability 0.6.0), for a page read without it (the article body read directly,
 * article.ts): the page parts it removes before it looks for the article (_grabArticle's "unlikely candidates", roles
 * and modal dialogs), the byline element it takes out, and the link-heavy blocks it cleans away. Copied, not imported:
 * importing them would load Readability itself. tests/core/extract/body.test.ts compares both paths on every page we have.
 */

// Readability's REGEXPS.byline, unlikelyCandidates, okMaybeItsACandidate and UNLIKELY_ROLES.
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = ['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog'];

/** Readability's match string: class and id. */
export const matchString = (el: Element): string => `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;

/** Whether `el` has a `tag` ancestor within `maxDepth` levels (Readability's _hasAncestorTag, default depth 3). */
function hasAncestorTag(el: Element, tag: string, maxDepth = 3): boolean {
  let depth = 0;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (depth++ >= maxDepth) return false;
    if (p.tagName.toUpperCase() === tag) return true;
  }
  return false;
}

/** A modal dialog, which Readability removes whatever its class. */
export const modalDialog = (el: Element): boolean => el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog';

/** A part Readability removes as unlikely to be the article: comments, sidebars, related links, menus, by class, id or role. */
export function unlikelyPart(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'A') return false;
  const match = matchString(el);
  if (UNLIKELY.test(match) && !OK_MAYBE.test(match) && !hasAncestorTag(el, 'TABLE') && !hasAncestorTag(el, 'CODE')) return true;
  return UNLIKELY_ROLES.includes(el.getAttribute('role') ?? '');
}

/** Text of `el` without what Readability removes before it reads a byline (scripts, styles). */
export function textWithoutScripts(el: Element): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1 && !SCRIPTISH.has((n as Element).tagName.toUpperCase())) out += textWithoutScripts(n as Element);
  }
  return out;
}
const SCRIPTISH = new Set(['SCRIPT', 'NOSCRIPT', 'STYLE', 'TEMPLATE']);

/** Readability's _isValidByline: says byline or author (class, id, rel, itemprop), and holds 1–99 characters. */
export function validByline(el: Element): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (!(el.getAttribute('rel') === 'author' || itemprop?.includes('author') || BYLINE.test(matchString(el)))) return false;
  const length = textWithoutScripts(el).trim().length;
  return length > 0 && length < 100;
}

/** Blocks Readability's _cleanConditionally may remove; a block of these that is mostly links is left out here. */
const CLEANED_TAGS = new Set(['DIV', 'SECTION', 'UL', 'OL', 'TABLE', 'FORM', 'FIELDSET']);

/** A container block whose text is more than half links (a list of related stories, say): Readability cleans it away. */
export function linkHeavy(el: Element): boolean {
  if (!CLEANED_TAGS.has(el.tagName.toUpperCase())) return false;
  const all = (el.textContent ?? '').trim().length;
  if (all === 0) return false;
  let links = 0;
  const as = el.getElementsByTagName('a');
  for (let i = 0; i < as.length; i++) links += (as[i]!.textContent ?? '').trim().length;
  return links > 0.5 * all;
}
