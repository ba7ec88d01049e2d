/**
 * The byline Readability would find, for a page read without it (the article body read directly, article.ts): the
 * first element, in document order, whose class or id says byline or author (or rel=author, itemprop=author), with
 * text under 100 characters, skipping what Readability removes before it gets there (hidden elements, modal dialogs,
 * and the "unlikely" page parts: header, sidebar, comments, menus…). Follows @mozilla/readability 0.6.0's
 * _grabArticle and _isValidByline; tests/core/extract/body.test.ts compares the two on every page we have.
 */
import { hidden } from './blocks';

// Readability 0.6.0's REGEXPS.byline, unlikelyCandidates, okMaybeItsACandidate and UNLIKELY_ROLES.
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = ['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog'];
/** What Readability removes before its walk (_prepDocument, _removeScripts). */
const REMOVED_TAGS = new Set(['SCRIPT', 'NOSCRIPT', 'STYLE', 'TEMPLATE']);

const byline = (el: Element, match: string): boolean => {
  const itemprop = el.getAttribute('itemprop');
  if (!(el.getAttribute('rel') === 'author' || itemprop?.includes('author') || BYLINE.test(match))) return false;
  const length = (el.textContent ?? '').trim().length;
  return length > 0 && length < 100;
};

const inside = (el: Element, tag: string): boolean => !!el.parentElement?.closest(tag);

/** Readability drops the element and all in it before it could find a byline there. */
function removed(el: Element): boolean {
  if (REMOVED_TAGS.has(el.tagName.toUpperCase()) || hidden(el)) return true;
  if (el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog') return true;
  return false;
}

function unlikely(el: Element, match: string): boolean {
  const tag = el.tagName.toUpperCase();
  if (UNLIKELY.test(match) && !OK_MAYBE.test(match) && tag !== 'BODY' && tag !== 'A' && !inside(el, 'table') && !inside(el, 'code')) return true;
  return UNLIKELY_ROLES.includes(el.getAttribute('role') ?? '');
}

/** The byline's text (its `itemprop=name` element's where it has one), or undefined where Readability would find none. */
export function readabilityByline(doc: Document): string | undefined {
  const root = doc.documentElement;
  if (!root) return undefined;
  let el: Element | null = root;
  while (el) {
    const match = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
    if (removed(el)) {
      el = nextSkipping(el, root);
      continue;
    }
    if (byline(el, match)) {
      const name = Array.from(el.querySelectorAll('[itemprop]')).find((n) => n.getAttribute('itemprop')!.includes('name'));
      return (name ?? el).textContent?.trim();
    }
    el = unlikely(el, match) ? nextSkipping(el, root) : (el.firstElementChild ?? nextSkipping(el, root));
  }
  return undefined;
}

/** The element after `el` in document order, outside `el`'s subtree. */
function nextSkipping(el: Element, root: Element): Element | null {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) if (at.nextElementSibling) return at.nextElementSibling;
  return null;
}
