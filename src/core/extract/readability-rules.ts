/**
 * Readability's own rules (@mozilla/readability 0.6.0), for a page read without it (the article body read directly,
 * article.ts): the page parts it removes before it looks for the article (_grabArticle's "unlikely candidates", roles
 * and modal dialogs), the byline element it takes out, share widgets, and the signs that its cleaning would change the
 * container (`doubtful`). Copied, not imported: importing them would load Readability itself.
 * tests/core/extract/body.test.ts compares both paths on every page we have and on each shape four reviews found.
 */

import { isBoilerplateText } from './blocks';

// Readability's REGEXPS.byline, unlikelyCandidates, okMaybeItsACandidate and UNLIKELY_ROLES.
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = ['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog'];

/** Readability's match string: class and id. */
const matchString = (el: Element): string => `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;

/** Whether `el` has a `tag` ancestor among its four nearest (Readability's _hasAncestorTag with its default depth, 3, which it passes once). */
function hasAncestorTag(el: Element, tag: string, maxDepth = 3): boolean {
  let depth = 0;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (depth++ > maxDepth) return false;
    if (p.tagName.toUpperCase() === tag) return true;
  }
  return false;
}

/** A modal dialog, which Readability removes whatever its class. */
export const modalDialog = (el: Element): boolean => el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog';

/** A part Readability removes as unlikely to be the article: comments, sidebars, related links, menus, by class, id or role. */
export function unlikelyPart(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== null && UNLIKELY_ROLES.includes(role)) return true;
  // Most elements have neither class nor id: no pattern to run (called for every element of a walk).
  if (!named(el)) return false;
  const tag = el.tagName.toUpperCase();
  const match = matchString(el);
  return tag !== 'BODY' && tag !== 'A' && UNLIKELY.test(match) && !OK_MAYBE.test(match) && !hasAncestorTag(el, 'TABLE') && !hasAncestorTag(el, 'CODE');
}

/** Whether `el` has a class or an id, the only names Readability's patterns read. */
const named = (el: Element): boolean => el.id !== '' || el.hasAttribute('class');

// Readability's REGEXPS.negative, positive and shareElements, and DEFAULT_CHAR_THRESHOLD.
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const SHARE = /(\b|_)(share|sharedaddy)(\b|_)/i;
const SHARE_MAX_CHARS = 500;

/** Readability's _getClassWeight: −25 for each of class and id that says negative, +25 for each that says positive. */
function classWeight(el: Element): number {
  if (!named(el)) return 0;
  let w = 0;
  for (const v of [typeof el.className === 'string' ? el.className : '', el.id]) {
    if (!v) continue;
    if (NEGATIVE.test(v)) w -= 25;
    if (POSITIVE.test(v)) w += 25;
  }
  return w;
}

/** A small element named for sharing, which Readability removes (_cleanMatchedNodes with shareElements). */
export const shareWidget = (el: Element): boolean => named(el) && SHARE.test(matchString(el)) && (el.textContent ?? '').length < SHARE_MAX_CHARS;

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

/** A `<br>` followed, past white space only, by another (Readability's _replaceBrs). */
function brRun(root: Element): boolean {
  const brs = root.getElementsByTagName('br');
  for (let i = 0; i < brs.length; i++) {
    let n = brs[i]!.nextSibling;
    while (n && n.nodeType === 3 && !(n.nodeValue ?? '').trim()) n = n.nextSibling;
    if (n && n.nodeType === 1 && (n as Element).tagName.toUpperCase() === 'BR') return true;
  }
  return false;
}

/** Below this many characters of raw text a block may be under Readability's 25 once white space is collapsed: read it. */
const SHORT_RAW = 200;

/** What Readability's _cleanConditionally judges. */
const CLEANED_TAGS = new Set(['DIV', 'UL', 'TABLE', 'FORM', 'FIELDSET']);

/** Text length as Readability measures it (_getInnerText: runs of white space as one). */
const textLength = (el: Element): number => (el.textContent ?? '').replace(/\s{2,}/g, ' ').trim().length;

/** Characters of `el`'s text inside links. */
function linkChars(el: Element): number {
  let n = 0;
  const as = el.getElementsByTagName('a');
  for (let i = 0; i < as.length; i++) n += textLength(as[i]!);
  return n;
}

/**
 * A box of list entries the walk leaves out as Readability drops the box: no image, and no text but its list items
 * and, first, one short heading or title. `entry` says which list items qualify.
 */
function listBox(el: Element, entry: (li: Element) => boolean): boolean {
  if (el.getElementsByTagName('img').length > 0) return false;
  let outside = textLength(el);
  const lis = el.getElementsByTagName('li');
  if (lis.length === 0) return false;
  for (let i = 0; i < lis.length; i++) {
    if (!entry(lis[i]!)) return false;
    if (!lis[i]!.parentElement?.closest('li')) outside -= textLength(lis[i]!);
  }
  const first = el.firstElementChild;
  if (first && !first.hasAttribute('hidden') && /^(H[2-4]|P)$/.test(first.tagName.toUpperCase()) && textLength(first) <= 40) outside -= textLength(first);
  return outside <= 0;
}

/** A table of contents: list items that are each one in-page link and nothing else (the walk leaves them out). */
const contentsBox = (el: Element): boolean =>
  listBox(el, (li) => {
    const as = li.getElementsByTagName('a');
    return as.length === 1 && (as[0]!.getAttribute('href') ?? '').startsWith('#') && textLength(as[0]!) === textLength(li);
  });

/** The theme's "MORE ON <TOPIC>" box, its heading first: the walk stops at that heading, so nothing in it is read. */
const moreOnBox = (el: Element): boolean => {
  const h = el.firstElementChild;
  return !!h && /^H[2-4]$/.test(h.tagName.toUpperCase()) && !h.hasAttribute('hidden') && /^\s*more on\s/i.test(h.textContent ?? '') && listBox(el, () => true);
};

/**
 * Whether Readability might clean out of `root` what a walk of it would keep, or read it otherwise: a block its
 * _cleanConditionally judges (div, ul, table, form) whose class or id weighs negative, or, with under ten commas, one
 * that is short (under 25 characters), holds more list items than paragraphs, more images than twice its paragraphs,
 * or too much link text (over a fifth, or over half where its class weighs positive); a fieldset; a main heading
 * whose class weighs negative; a list's terms out of a list; two line breaks in a row. The direct path then leaves the
 * page to Readability: doubt costs speed, never content. A simpler test than Readability's, on the safe side: it
 * turns down pages that Readability would not change.
 */
export function doubtful(root: Element): boolean {
  // Two line breaks in a row: Readability makes paragraphs of what they part, the walk one run-on paragraph.
  if (brRun(root)) return true;
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = el.tagName.toUpperCase();
    // A list's terms out of a list: text in no tag Readability counts as text, which its cleaning removes.
    if ((tag === 'DD' || tag === 'DT') && !el.closest('dl')) return true;
    // A fieldset: Readability judges it before it strips inputs and embeds, by rules the walk does not follow.
    if (tag === 'FIELDSET') return true;
    // A main heading whose class weighs negative: Readability deletes it (_cleanHeaders), the walk may stop at it.
    if ((tag === 'H1' || tag === 'H2') && classWeight(el) < 0) return true;
    if (!CLEANED_TAGS.has(tag)) continue;
    const weight = classWeight(el);
    if (weight < 0) return true;
    // The counts first: most blocks cannot be judged doubtful by any test below. A short block is judged on its text:
    // Readability removes one of under 25 characters (not a list, without images).
    const ps = el.getElementsByTagName('p').length;
    const imgs = el.getElementsByTagName('img').length;
    const lis = el.getElementsByTagName('li').length;
    const links = el.getElementsByTagName('a').length;
    const manyImages = imgs > 1 && ps / imgs < 0.5;
    const raw = el.textContent ?? '';
    if (!manyImages && links === 0 && (tag === 'UL' || lis <= ps) && raw.length >= SHORT_RAW) continue;
    const text = raw.replace(/\s{2,}/g, ' ').trim();
    if (text.length === 0 || text.split(',').length - 1 >= 10) continue;
    let listChars = 0;
    if (tag !== 'UL' && lis > 0) for (const l of Array.from(el.querySelectorAll('ul, ol'))) listChars += textLength(l);
    const isList = tag === 'UL' || listChars > 0.9 * text.length;
    const density = links === 0 ? 0 : linkChars(el) / text.length;
    // Short: what the walk would read of it (not a form, which it skips; not boilerplate such as "Advertisement", which it drops).
    const short = !isList && text.length < 25 && (imgs === 0 || imgs > 2) && tag !== 'FORM' && !isBoilerplateText(text) && !el.closest('figure');
    const flagged = short || (!isList && lis > ps) || manyImages || (!isList && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5);
    if (flagged && !contentsBox(el) && !moreOnBox(el)) return true;
  }
  return false;
}
