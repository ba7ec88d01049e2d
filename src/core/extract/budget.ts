/**
 * What extraction may cost. Readability clones the whole document and
 * scores it node by node; on a hostile page (thousands of levels deep, tens
 * of thousands of links, megabytes of text) that clone overflows jsdom's
 * stack and the scoring runs for minutes. So the document is measured first,
 * by one iterative walk that stops as soon as a limit is passed (no
 * recursion, no clone, no textContent of large subtrees), and extraction
 * past the budget reads only a bounded part of the page.
 */

export type Limits = {
  /** Element nesting below the root. Chromium's parser stops nesting at 512; real articles stay under 40, and Readability's time grows with depth times size (200 levels: seconds in jsdom). */
  maxDepth: number;
  /** Elements in the subtree. Spiceworks articles have a few thousand; Readability on 20,000 took longer than one page task may (100 ms). */
  maxElements: number;
  /** Characters of text (outside script, style and template). An article is 5,000–60,000. */
  maxTextChars: number;
};

export const DEFAULT_LIMITS: Limits = { maxDepth: 128, maxElements: 8_000, maxTextChars: 400_000 };

/** What the walk saw, up to the first limit passed (`over`); counts stop there. */
export type Measure = { elements: number; depth: number; textChars: number; over?: 'depth' | 'elements' | 'text' | 'work' };

/**
 * Readability's cleaning reads the text of every candidate container, so its
 * time grows with depth times text, not with either alone: a page inside
 * each limit (100 levels, 300,000 characters) still took seconds. Articles
 * are about 10–30 levels deep with 5,000–60,000 characters (under 2 million).
 */
export const MAX_DEPTH_TIMES_TEXT = 4_000_000;

/** The measure, with `over: 'work'` when depth × text passes MAX_DEPTH_TIMES_TEXT. */
export function withWork(m: Measure): Measure {
  return !m.over && m.depth * m.textChars > MAX_DEPTH_TIMES_TEXT ? { ...m, over: 'work' } : m;
}

/** Elements whose text is not page text (and whose insides are not walked). */
const OPAQUE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Measures `root`'s subtree in document order with an explicit position
 * (first child, next sibling, back up), counting elements, the deepest
 * level and text characters; returns at the first limit passed. Visits at
 * most `maxElements + 1` elements and their text nodes.
 */
export function measure(root: Node, limits: Limits = DEFAULT_LIMITS): Measure {
  const m: Measure = { elements: 0, depth: 0, textChars: 0 };
  let node: Node | null = root.firstChild;
  let depth = 1;
  while (node) {
    let descend = false;
    if (node.nodeType === 1) {
      m.elements++;
      if (depth > m.depth) m.depth = depth;
      if (m.depth > limits.maxDepth) return { ...m, over: 'depth' };
      if (m.elements > limits.maxElements) return { ...m, over: 'elements' };
      descend = !OPAQUE.has((node as Element).tagName.toUpperCase());
    } else if (node.nodeType === 3) {
      m.textChars += (node as Text).length;
      if (m.textChars > limits.maxTextChars) return { ...m, over: 'text' };
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return m;
}

/**
 * True when `doc` is within `limits` and MAX_DEPTH_TIMES_TEXT for certain,
 * told by three native calls instead of measure's walk, which on a cold page
 * costs more than the rest of the check: every element (an upper bound of
 * measure's count, which skips script and style insides), all text (the same
 * bound for characters) and the deepest level the text allows, found by a
 * selector. False means only "measure it": the walk then decides.
 * The text count is the root's textContent, built only once the element
 * count is within the limit; a page of few elements and megabytes of text
 * (one huge <pre> or inline script) builds that string before the walk, which
 * alone would have stopped at the limit: a known cost, not measured.
 */
export function surelyWithin(doc: Document, limits: Limits = DEFAULT_LIMITS): boolean {
  const root = doc.documentElement;
  if (!root || doc.getElementsByTagName('*').length - 1 > limits.maxElements) return false;
  const text = root.textContent?.length ?? Infinity;
  if (text > limits.maxTextChars) return false;
  const depth = Math.min(limits.maxDepth, Math.floor(MAX_DEPTH_TIMES_TEXT / Math.max(1, text)));
  try {
    // Matches the elements `depth + 1` levels below the root (measure's levels): none, so nothing is deeper than `depth`.
    return doc.querySelector(`:root${' > *'.repeat(depth + 1)}`) === null;
  } catch {
    return false;
  }
}

/** How much of a page past the budget is copied for extraction. */
export const COPY_LIMITS = { maxElements: 2_000, maxTextChars: 200_000 };

/**
 * A bounded copy of `doc`: its head, then either `root` (the article's
 * container, when given: it was measured within the budget) with the first
 * <h1> before it, or the start of <body> in document order. Subtrees deeper
 * than `maxDepth` are left out; the copy stops after COPY_LIMITS elements or
 * characters. Iterative (no recursion, no clone of the page). `cut` says
 * whether anything was left out.
 */
export function boundedCopy(doc: Document, root: Element | null, maxDepth: number): { doc: Document; cut: boolean } {
  const out = doc.implementation.createHTMLDocument('');
  const budget = { elements: COPY_LIMITS.maxElements, chars: COPY_LIMITS.maxTextChars, cut: false };
  if (doc.head) copyInto(doc.head, out.head, out, budget, maxDepth);
  if (root) {
    const h1 = doc.getElementsByTagName('h1')[0];
    if (h1 && !root.contains(h1)) copyInto(h1, out.body.appendChild(out.importNode(h1, false)), out, budget, maxDepth);
    copyInto(root, out.body.appendChild(out.importNode(root, false)), out, budget, maxDepth);
  } else if (doc.body) {
    copyInto(doc.body, out.body, out, budget, maxDepth);
  }
  return { doc: out, cut: budget.cut };
}

function copyInto(src: Node, dst: Node, out: Document, budget: { elements: number; chars: number; cut: boolean }, maxDepth: number): void {
  let s: Node | null = src.firstChild;
  let d: Node = dst;
  let depth = 1;
  while (s) {
    let descend = false;
    if (s.nodeType === 1) {
      const el = s as Element;
      const tag = el.tagName.toUpperCase();
      const ld = tag === 'SCRIPT' && el.getAttribute('type') === 'application/ld+json';
      if (budget.elements <= 0) {
        budget.cut = true;
        return;
      }
      if (depth > maxDepth) budget.cut = true;
      else if (!OPAQUE.has(tag) || ld) {
        budget.elements--;
        const c = d.appendChild(out.importNode(el, false));
        if (el.firstChild) {
          d = c;
          descend = true;
        }
      }
    } else if (s.nodeType === 3) {
      const data = (s as Text).data;
      if (data.length > budget.chars) {
        d.appendChild(out.createTextNode(data.slice(0, budget.chars)));
        budget.chars = 0;
        budget.cut = true;
        return;
      }
      budget.chars -= data.length;
      d.appendChild(out.createTextNode(data));
    }
    if (descend) {
      s = s.firstChild;
      depth++;
      continue;
    }
    while (s && s !== src && !s.nextSibling) {
      s = s.parentNode;
      depth--;
      if (s !== src) d = d.parentNode as Node;
    }
    if (!s || s === src) return;
    s = s.nextSibling;
  }
}
