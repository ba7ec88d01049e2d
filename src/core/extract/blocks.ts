/**
 * Turns an article's DOM (Readability's output element, a Discourse post, or
 * a fallback container) into paragraphs in reading order, dropping Spiceworks
 * boilerplate on the way. One pass over the element's blocks; never mutates.
 */
import { cleanText, toIsoDate } from './text';

/** What one pass over the blocks found. */
export type BlockResult = {
  paragraphs: string[];
  /** Text of the "MORE ON <TOPIC>" heading, where the block was reached. */
  moreOn?: string;
  /** ISO date from a "Last Updated: <date>" line. */
  lastUpdated?: string;
  /** ISO date from a line that holds nothing but a date (a byline date Readability kept). */
  dateLine?: string;
  /** Characters of text outside any paragraph block (in bare divs, say): taken by no paragraph. */
  looseChars?: number;
};

/** Blocks whose own text is a paragraph (they cannot hold other paragraphs). */
const LEAF_BLOCKS = new Set(['P', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Blocks that are a paragraph only when no paragraph sits inside them. */
const CONTAINER_BLOCKS = new Set(['LI', 'BLOCKQUOTE', 'DD', 'TD']);
export const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Elements whose whole content is chrome, never article text: by tag, id and
 * class. FIGURE is not among them: WordPress wraps tables and pull quotes in
 * figures; their captions (FIGCAPTION) are dropped instead.
 */
const SKIP_TAGS = new Set(['FIGCAPTION', 'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'SELECT', 'TEXTAREA', 'INPUT']);
const SKIP_IDS = new Set(['toc', 'onetrust-banner-sdk']);
/** Class names of Spiceworks and Discourse chrome containers (author box, TOC, share bar, banners, signatures, oneboxes). */
const SKIP_CLASSES = new Set([
  'wp-caption',
  'wp-caption-text',
  'author-box',
  'author-bio',
  'about-author',
  'post-author',
  'toc',
  'table-of-contents',
  'ez-toc-container',
  'share',
  'share-bar',
  'social-share',
  'newsletter',
  'newsletter-signup',
  'cookie-banner',
  'cookie-consent',
  'more-on',
  'related-articles',
  'advertisement',
  'ad-slot',
  'user-signature',
  'signature',
  'onebox',
  'read-more',
  // Related-posts blocks of WordPress plugins (Jetpack, YARPP, Contextual Related Posts): links, which Readability drops.
  'jp-relatedposts',
  'related-posts',
  'yarpp-related',
  'crp_related',
]);

/** Page chrome or hidden: never article text (also used to turn down an article body that sits inside such an element). */
export function skipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (SKIP_IDS.has(el.id)) return true;
  const cl = el.classList;
  for (let i = 0; i < cl.length; i++) if (SKIP_CLASSES.has(cl[i]!)) return true;
  return hidden(el) || closedDialog(el);
}

/**
 * A closed `<dialog>` is never shown (a newsletter or cookie box waiting for its moment); Readability reads it unless
 * it is aria-modal. An open one is read: a site may show its article in one.
 */
const closedDialog = (el: Element): boolean => el.localName === 'dialog' && !el.hasAttribute('open');

/**
 * Hidden by its markup, as Readability judges it (`hidden`, `aria-hidden`, the inline style as parsed): a container
 * read without Readability must drop it too. The inline style only, not computed style: no layout, and the same in
 * jsdom; parsed, not matched by a pattern, so comments and escapes in it cannot hide `display:none`.
 */
export function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (!el.hasAttribute('style')) return false;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

const MORE_ON = /^more on\s+(.{2,60})$/i;
const LAST_UPDATED = /^last updated\s*:?\s*(.*)$/i;
const DATE_LINE =
  /^((published|posted|updated)(\s+on)?\s*:?\s*)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?([a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+[a-z]{3,9}\.?\s+\d{4})$/i;
const SHARE_WORDS = '(facebook|twitter|x|linkedin|email|e-mail|reddit|pinterest|tumblr|whatsapp|print|copy link|share)';
const SHARE_BAR = new RegExp(`^(share( this( article| post)?)?\\s*:?\\s*)?(${SHARE_WORDS}[\\s,|·•/]*){2,}$`, 'i');

/** Paragraph texts that are Spiceworks or site chrome, whatever their markup. */
const BOILERPLATE: RegExp[] = [
  /^see more\s*:/i,
  /\|\s*(?:image\s+)?source\s*(?::\s*[^.!?]{1,60})?$/i,
  /^(image|photo|picture) (source|credit)s?\s*:/i,
  // A caption that ends in its credit ("... Photo: Jane Smith/Getty Images"), or a credit line alone.
  /^.{0,200}\b(?:photo|image|picture|illustration)s?(?:\s+(?:credit|by))?\s*:\s*[^.!?:]{2,80}$/i,
  /^(?:photo|image|illustration) by [^.!?]{2,60}$/i,
  /^credit\s*:\s*[^.!?]{2,80}$/i,
  /^did this article help you\b/i,
  /\btell us on (facebook|twitter|x|linkedin)\b.*\b(linkedin|twitter|facebook)\b/i,
  /^do you still have questions\?/i,
  /head over to the spiceworks community/i,
  /^-?\s*advertisement\s*-?$/i,
  /^(sponsored|advertisement|ad)\s*$/i,
  /^(sign up|subscribe)\b.{0,120}\bnewsletter/i,
  /\bnewsletter\b.{0,80}\b(sign up|subscribe|inbox)\b/i,
  /^(we|this (site|website)) uses? cookies\b/i,
  /\b(accept|reject) (all )?cookies\b/i,
  /^read more\b.{0,80}$/i,
  /^table of contents$/i,
  /^this article is more than \d+ years? old$/i,
  /^\d+ spice ups?$/i,
];

/**
 * A word (or start) that each pattern of BOILERPLATE needs to match. Most
 * paragraphs hold none, and then none of the patterns runs: on a cold page
 * each pattern run is a pattern compiled, and one alternation of plain words
 * costs less than twenty patterns.
 */
const BOILERPLATE_WORDS =
  /see more|source|photo|image|picture|illustration|credit|did this article|tell us on|do you still|spiceworks community|advertisement|^ad|^sponsored|newsletter|cookies|read more|table of contents|this article is more|spice up/i;

/** True for a paragraph that is boilerplate by its text alone. */
export function isBoilerplateText(text: string): boolean {
  // A share bar holds no full stop.
  if (!text.includes('.') && SHARE_BAR.test(text)) return true;
  return BOILERPLATE_WORDS.test(text) && BOILERPLATE.some((re) => re.test(text));
}

const isDigit = (c: number) => c >= 48 && c <= 57;


/**
 * A block's text without what its markup hides inside it, as Readability reads it: hidden text inside a paragraph
 * (an instruction to a language model in a `display:none` span, say) never reaches the card. One selector query
 * per block; the walk only where it finds something.
 */
function visibleText(el: Element, drop?: (el: Element) => boolean): string {
  if (!el.querySelector(MAY_HIDE) && !(drop && el.querySelector(MAY_DROP) && someInside(el, drop))) return el.textContent ?? '';
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !skippedInline(c as Element) && !drop?.(c as Element)) walk(c);
    }
  };
  walk(el);
  return out;
}

/** Whether an element inside `el` is one `drop` names. */
function someInside(el: Element, drop: (el: Element) => boolean): boolean {
  const all = el.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (drop(all[i]!)) return true;
  return false;
}

/** Inside a paragraph: hidden elements and those whose text Readability removes (scripts, styles, embeds, controls). */
const skippedInline = (el: Element): boolean => INLINE_SKIP_TAGS.has(el.tagName.toUpperCase()) || hidden(el) || closedDialog(el);
// The last five Readability removes wherever they stand (aside, footer: _clean; form, fieldset: as a rule, by
// _cleanConditionally; nav: as page chrome), also inside a paragraph, a list item or a quote (a quote's <footer>).
const INLINE_SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'TEXTAREA', 'ASIDE', 'FOOTER', 'FORM', 'FIELDSET', 'NAV']);
/** What a `drop` of article.ts can name: elements with a class, an id or a role (Readability's patterns), or a byline's rel or itemprop. */
const MAY_DROP = '[class], [id], [role], [rel], [itemprop]';
/** What may hide text inside a paragraph (an inline `<span style="display:none">`, a script): see visibleText. */
const MAY_HIDE = ['[hidden]', '[aria-hidden]', '[style]', 'dialog:not([open])', ...[...INLINE_SKIP_TAGS].map((t) => t.toLowerCase())].join(', ');

/** A list item that only links to an in-page anchor (#_001): a table of contents entry. */
function isTocEntry(el: Element): boolean {
  if (el.tagName !== 'LI') return false;
  // The first in-page link, found without a selector engine (called once per list item: 20,000 on a link farm).
  const links = el.getElementsByTagName('a');
  let a: Element | undefined;
  for (let i = 0; i < links.length && !a; i++) if (links[i]!.getAttribute('href')?.startsWith('#')) a = links[i];
  return !!a && cleanText(a.textContent ?? '') === cleanText(el.textContent ?? '');
}

/**
 * Collects paragraphs from `root` in document order, in one walk of its
 * subtree (no selector matching but one query per block for hidden text),
 * leaving out the elements `drop` names with all in them.
 * Stops at the "MORE ON <TOPIC>" heading (everything after it is related
 * links and the author box) and at the "Do you still have questions?" footer.
 */
export function collectParagraphs(root: Element, drop?: (el: Element) => boolean): BlockResult {
  const out: BlockResult = { paragraphs: [] };
  let loose = 0;
  const countLoose = (el: Element): void => {
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) loose += (n.nodeValue ?? '').trim().length;
  };
  let stopped = false;

  /** Handles one block's text; sets `stopped` at the end of the article. */
  const take = (el: Element, text: string): void => {
    // Each pattern runs only where the words it starts with are there (see BOILERPLATE_WORDS).
    const lower = text.toLowerCase();
    const heading = HEADINGS.has(el.tagName);
    const more = lower.startsWith('more on') && MORE_ON.test(text);
    if (more && (heading || text === text.toUpperCase())) {
      out.moreOn = text;
      stopped = true;
      return;
    }
    if (lower.startsWith('do you still have questions?') && /^do you still have questions\?/i.test(text)) {
      stopped = true;
      return;
    }
    if (heading || isTocEntry(el)) return;
    const lu = lower.startsWith('last updated') ? LAST_UPDATED.exec(text) : null;
    if (lu) {
      out.lastUpdated ??= toIsoDate(lu[1]);
      return;
    }
    // DATE_LINE ends in a four-digit year.
    if (text.length < 60 && isDigit(text.charCodeAt(text.length - 1)) && DATE_LINE.test(text)) {
      out.dateLine ??= toIsoDate(text);
      return;
    }
    if (isBoilerplateText(text)) return;
    out.paragraphs.push(text);
  };

  /** Walks `el`'s children; returns true when a block with text sits inside. */
  const walk = (el: Element): boolean => {
    let sawBlock = false;
    for (let c = el.firstElementChild; c && !stopped; c = c.nextElementSibling) {
      const tag = c.tagName.toUpperCase();
      if (skipped(c) || drop?.(c)) continue;
      if (LEAF_BLOCKS.has(tag)) {
        const text = cleanText(visibleText(c, drop));
        if (text) {
          sawBlock = true;
          take(c, text);
        }
      } else if (CONTAINER_BLOCKS.has(tag)) {
        // A walk that found no block took nothing, so it cannot have stopped.
        if (!walk(c)) {
          const text = cleanText(visibleText(c, drop));
          if (text) take(c, text);
        }
        sawBlock = true;
      } else {
        countLoose(c);
        if (walk(c)) sawBlock = true;
      }
    }
    return sawBlock;
  };
  countLoose(root);
  walk(root);
  if (loose) out.looseChars = loose;
  return out;
}
