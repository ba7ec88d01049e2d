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
};

const BLOCKS = 'p, li, pre, blockquote, dd, h1, h2, h3, h4, h5, h6, figcaption, td';
const CONTAINERS = 'p, li, pre, blockquote, dd, td';
const HEADING = /^H[1-6]$/;

/** Containers whose whole content is chrome, never article text. */
export const SKIP_CONTAINERS = [
  'figure',
  'figcaption',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  '.author-box',
  '.author-bio',
  '.about-author',
  '.post-author',
  '.toc',
  '#toc',
  '.table-of-contents',
  '.ez-toc-container',
  '.share',
  '.share-bar',
  '.social-share',
  '.newsletter',
  '.newsletter-signup',
  '.cookie-banner',
  '.cookie-consent',
  '#onetrust-banner-sdk',
  '.more-on',
  '.related-articles',
  '.advertisement',
  '.ad-slot',
  '.user-signature',
  '.signature',
  '.onebox',
  '.read-more',
].join(', ');

const MORE_ON = /^more on\s+(.{2,60})$/i;
const LAST_UPDATED = /^last updated\s*:?\s*(.*)$/i;
const SHARE_WORDS = '(facebook|twitter|x|linkedin|email|e-mail|reddit|pinterest|tumblr|whatsapp|print|copy link|share)';
const SHARE_BAR = new RegExp(`^(share( this( article| post)?)?\\s*:?\\s*)?(${SHARE_WORDS}[\\s,|·•/]*){2,}$`, 'i');

/** Paragraph texts that are Spiceworks or site chrome, whatever their markup. */
const BOILERPLATE: RegExp[] = [
  /^see more\s*:/i,
  /\|\s*source\s*$/i,
  /^(image|photo|picture) (source|credit)s?\s*:/i,
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

/** True for a paragraph that is boilerplate by its text alone. */
export function isBoilerplateText(text: string): boolean {
  if (SHARE_BAR.test(text)) return true;
  return BOILERPLATE.some((re) => re.test(text));
}

/** A list item that only links to an in-page anchor (#_001): a table of contents entry. */
function isTocEntry(el: Element): boolean {
  if (el.tagName !== 'LI') return false;
  const a = el.querySelector('a[href^="#"]');
  return !!a && cleanText(a.textContent ?? '') === cleanText(el.textContent ?? '');
}

/**
 * Collects paragraphs from `root` in document order. Stops at the
 * "MORE ON <TOPIC>" heading (everything after it is related links and the
 * author box) and at the "Do you still have questions?" footer.
 */
export function collectParagraphs(root: Element): BlockResult {
  const out: BlockResult = { paragraphs: [] };
  const seen = new Set<string>();
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    const raw = el.textContent ?? '';
    const text = cleanText(raw);
    if (!text) continue;
    const more = MORE_ON.exec(text);
    if (more && (HEADING.test(el.tagName) || text === text.toUpperCase())) {
      out.moreOn = text;
      break;
    }
    if (/^do you still have questions\?/i.test(text)) break;
    if (HEADING.test(el.tagName) || el.tagName === 'FIGCAPTION') continue;
    // Leaf blocks only: a list item holding paragraphs gives its paragraphs.
    if (el.querySelector(CONTAINERS)) continue;
    if (el.closest(SKIP_CONTAINERS) || isTocEntry(el)) continue;
    const lu = LAST_UPDATED.exec(text);
    if (lu) {
      out.lastUpdated ??= toIsoDate(lu[1]);
      continue;
    }
    if (isBoilerplateText(text)) continue;
    // A blockquote nested in a cell or a repeated widget gives the same text twice.
    if (el.tagName === 'TD' && seen.has(text)) continue;
    seen.add(text);
    out.paragraphs.push(text);
  }
  return out;
}
