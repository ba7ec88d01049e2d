/**
 * Finds the live DOM element of an extracted paragraph. The extraction gives
 * text only (Article.paragraphs), so the way back to the page is the text:
 * the block whose normalised text equals the paragraph, else the one that
 * starts with its first ~80 characters. Read-only: never touches the page.
 */
import { cleanText } from '../core/extract/text';

/** Blocks that can hold one extracted paragraph (the leaf and container blocks of the extraction). */
const BLOCK_SELECTOR = 'p, li, blockquote, pre, dd, td, h2, h3, h4';
/** Containers tried first, so that a teaser of the same text elsewhere on the page loses. */
const ARTICLE_ROOTS = '[itemprop="articleBody"], .entry-content, .article-content, .cooked, article, main';
/** How much of the paragraph's start is enough to recognise it when the full text differs. */
export const PREFIX_CHARS = 80;

/** Normalises text the way the extraction does, and folds case and quote styles. */
export function normaliseText(s: string): string {
  return cleanText(s).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();
}

/** Looks up paragraph elements by index; one per article, its results cached. */
export type ParagraphLocator = {
  /** The element that shows paragraph `index`, or null when the page has none (any more). */
  find(index: number): Element | null;
};

/**
 * Makes a locator for the article's `paragraphs` in `doc`. The page is read
 * on the first lookup; a cached element that has left the document makes the
 * next lookup read it again.
 */
export function createParagraphLocator(doc: Document, paragraphs: readonly string[]): ParagraphLocator {
  const cache = new Map<number, Element>();
  let scan: PageScan | null = null;
  return {
    find(index) {
      if (!Number.isInteger(index) || index < 0 || index >= paragraphs.length) return null;
      const cached = cache.get(index);
      if (cached?.isConnected) return cached;
      // A cached element that left the page means the page changed: read it again.
      if (cached || !scan) scan = scanPage(doc);
      const found = locate(scan, paragraphs, index);
      // A miss is not kept: the page may still be loading, so the next lookup reads it again.
      if (found) cache.set(index, found);
      else scan = null;
      return found;
    },
  };
}

/** The page's candidate blocks and their normalised text, read once per lookup round. */
type PageScan = { blocks: Element[]; texts: string[] };

function scanPage(doc: Document): PageScan {
  const blocks = candidateBlocks(doc);
  return { blocks, texts: blocks.map((el) => normaliseText(el.textContent ?? '')) };
}

function locate({ blocks, texts }: PageScan, paragraphs: readonly string[], index: number): Element | null {
  const wanted = normaliseText(paragraphs[index] ?? '');
  if (!wanted) return null;
  // The same text can occur twice in an article: paragraph i is the n-th occurrence.
  let nth = 0;
  for (let i = 0; i < index; i++) if (normaliseText(paragraphs[i] ?? '') === wanted) nth++;

  const exact = innermost(blocks.filter((_, i) => texts[i] === wanted));
  if (exact.length > 0) return exact[Math.min(nth, exact.length - 1)] ?? null;

  // The page's text can differ slightly from the extraction's (link chrome, a trailing note): match the start.
  const prefix = wanted.slice(0, PREFIX_CHARS);
  const starts = innermost(blocks.filter((_, i) => (texts[i] ?? '').startsWith(prefix)));
  if (starts.length > 0) return starts[Math.min(nth, starts.length - 1)] ?? null;
  return null;
}

/** The page's blocks, those inside the article's container first, each once. */
function candidateBlocks(doc: Document): Element[] {
  const seen = new Set<Element>();
  const out: Element[] = [];
  const add = (el: Element) => {
    if (!seen.has(el)) {
      seen.add(el);
      out.push(el);
    }
  };
  for (const root of Array.from(doc.querySelectorAll(ARTICLE_ROOTS))) {
    for (const el of Array.from(root.querySelectorAll(BLOCK_SELECTOR))) add(el);
  }
  for (const el of Array.from(doc.querySelectorAll(BLOCK_SELECTOR))) add(el);
  return out;
}

/** Drops matches that contain another match (an <li> around the matching <p>): the inner block is the paragraph. */
function innermost(matches: Element[]): Element[] {
  return matches.filter((el) => !matches.some((other) => other !== el && el.contains(other)));
}
