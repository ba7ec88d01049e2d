/**
 * Article extraction: the page's article body read directly where it has one that reads well (the theme's BODY_ROOT,
 * else the element whose paragraphs hold the most text), else Readability (readability.ts, passed in: the content
 * script loads it only for the pages that need it); the page's metadata; Spiceworks boilerplate removed in the one
 * walk of the body or of Readability's own output element (no second parse). Community threads are read from
 * Discourse's post markup. Runs in a content script and in Node with jsdom alike; index.ts gives it Readability at once.
 */
import type { Article, PageKind } from '../types';
import { collectParagraphs, HEADINGS, skipped, type BlockResult } from './blocks';
import { DEFAULT_LIMITS, boundedCopy, measure, surelyWithin, withWork, type Limits, type Measure } from './budget';
import { extractThread } from './discourse';
import { readJsonLd } from './jsonld';
import { readabilityLike, type ReadabilityLike } from './byline';
import { doubtful, modalDialog, shareWidget, unlikelyPart } from './readability-rules';
import { canonicalUrl, readAuthor, readBreadcrumbs, readMeta, readPublished, readTags, readTitle, readUpdated, unique } from './metadata';
import { cleanText, toIsoDate } from './text';

/** Readability's reading of a page (readability.ts): its output element, byline and date, or null where it found none. */
export type ReadabilityRead = (doc: Document) => { root: Element; byline?: string | null; published?: string | null } | null;

/** What extractArticleWith gives when the page needs Readability and none was passed. */
export const NEEDS_READABILITY = Symbol('needs Readability');

/**
 * The article body of the Spiceworks theme (WordPress "gauge") and its kin. Where the page has one, and reading it
 * gives an article, Readability does not run: a walk of one container costs a fraction of a clone and a
 * Readability parse of the whole page (issue 13).
 */
const BODY_ROOT = '[itemprop="articleBody"], .entry-content, .article-content, .post-content';

/**
 * The page's article body: the one BODY_ROOT (the innermost of nested matches), or, where the page has none, the
 * element whose own `<p>` children hold the most text (markup we do not know: the same tests below decide whether it
 * is the article). Null where two BODY_ROOT matches stand apart.
 */
function findBody(doc: Document): { root: Element; known: boolean } | null {
  const found = doc.querySelectorAll(BODY_ROOT);
  if (found.length === 0) {
    const root = densestParagraphParent(doc);
    return root && { root, known: false };
  }
  // Nested matches (an .entry-content inside an articleBody) are one body: the innermost is read.
  const root = found[found.length - 1]!;
  for (let i = 0; i < found.length - 1; i++) if (!found[i]!.contains(root)) return null;
  return { root, known: true };
}

/** The parent of `<p>` elements whose paragraphs hold the most text; never `<body>` or `<html>` (one pass over them). */
function densestParagraphParent(doc: Document): Element | null {
  const ps = doc.getElementsByTagName('p');
  const sums = new Map<Element, number>();
  let best: Element | null = null;
  let bestChars = 0;
  for (let i = 0; i < ps.length; i++) {
    const parent = ps[i]!.parentElement;
    if (!parent || parent === doc.body || parent === doc.documentElement) continue;
    const n = (sums.get(parent) ?? 0) + (ps[i]!.textContent ?? '').length;
    sums.set(parent, n);
    if (n > bestChars) {
      best = parent;
      bestChars = n;
    }
  }
  return best;
}

/**
 * The paragraphs of the page's article body (findBody), read as Readability would read them, with the byline and date
 * it would give; or null where there is none or where reading it directly might differ, and Readability reads the page: two bodies apart; a body in page
 * chrome, hidden or in a part Readability removes (an aside, a `display:none` box that holds planted text, a comments
 * block); a body with little of the page's paragraph text (a sidebar's, or a part of the article); a body that
 * Readability's cleaning would change (readability-rules.ts, doubtful); little text; text outside paragraph blocks
 * (which Readability turns into paragraphs and the walk does not); and, for a container found by its paragraphs
 * alone, more than a byline's worth of text outside it. The walk leaves out what Readability takes out before it
 * reads (the byline element, unlikely parts, modal dialogs, share widgets). Checked against Readability on every
 * page we have and on each shape four reviews found (tests/core/extract/body.test.ts).
 */
function bodyBlocks(doc: Document): { blocks: BlockResult; like: ReadabilityLike } | null {
  const body = findBody(doc);
  if (!body) return null;
  const root = body.root;
  for (let el: Element | null = root; el && el !== doc.body; el = el.parentElement) if (skipped(el) || unlikelyPart(el) || modalDialog(el)) return null;
  if (!holdsMostParagraphText(doc, root)) return null;
  // What Readability would clean out of it in ways the walk cannot follow: Readability reads the page.
  if (doubtful(root)) return null;
  // The byline and date Readability would give: only now, for a page that passed the tests above.
  const like = readabilityLike(doc);
  // What Readability takes out of the page before it reads: the byline, unlikely parts (comments, related links,
  // sidebars…) and modal dialogs; out of the article also small share widgets (it spares the siblings it joins).
  const removed = (el: Element) => el === like.bylineElement || unlikelyPart(el) || modalDialog(el);
  const drop = (el: Element) => removed(el) || shareWidget(el);
  const blocks = collectParagraphs(root, drop);
  let chars = 0;
  for (const p of blocks.paragraphs) chars += p.length;
  if (blocks.paragraphs.length < MIN_BODY_PARAGRAPHS || chars < MIN_BODY_CHARS) return null;
  // No text in bare divs or loose in the container at all: Readability makes it a paragraph (a date line, a lead, a
  // line of code), which the walk cannot.
  if ((blocks.looseChars ?? 0) > 0) return null;
  // Text beside the container that Readability would join to it (a lead, a closing line). Share widgets count here:
  // Readability spares the siblings it joins.
  if (strayChars(doc, root, removed) > MAX_STRAY_CHARS) return null;
  // A container whose paragraphs sit largely in one child with other text beside it: Readability would read that child
  // (its top candidate) and join only some of what stands beside it.
  if (splitContainer(root)) return null;
  return chars >= MIN_BODY_SHARE * cleanText(root.textContent ?? '').length ? { blocks, like } : null;
}
const MIN_BODY_PARAGRAPHS = 2;
const MIN_BODY_CHARS = 400;
const MIN_BODY_SHARE = 0.5;
/** The body's share of all `<p>` text on the page, at least. */
const MIN_PAGE_SHARE = 0.6;

/** Whether `root` holds at least MIN_PAGE_SHARE of the text of the page's `<p>` elements (one pass over them). */
function holdsMostParagraphText(doc: Document, root: Element): boolean {
  const ps = doc.getElementsByTagName('p');
  let inside = 0;
  let all = 0;
  for (let i = 0; i < ps.length; i++) {
    const n = (ps[i]!.textContent ?? '').length;
    all += n;
    if (root.contains(ps[i]!)) inside += n;
  }
  return inside >= MIN_PAGE_SHARE * all;
}

/**
 * Text outside `root` that is neither page chrome, nor a heading, nor what Readability takes out (`drop`). The
 * container may leave out a part of the article (a lead or a standfirst in a box of its own, a closing line after it),
 * which Readability would join to it: any such text beyond a date or a byline sends the page to Readability.
 */
function strayChars(doc: Document, root: Element, drop: (el: Element) => boolean): number {
  let stray = 0;
  const ownText = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) stray += (n.nodeValue ?? '').trim().length;
  };
  const walk = (el: Element) => {
    ownText(el);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c === root || HEADINGS.has(c.tagName.toUpperCase()) || skipped(c) || drop(c)) continue;
      walk(c);
    }
  };
  if (doc.body) walk(doc.body);
  return stray;
}
/** Text outside the container, at most (a byline and a date fit; a sentence does not). */
const MAX_STRAY_CHARS = 40;

/**
 * The container's paragraphs sit largely (30 % or more of their text) in one child element, with more than a byline's
 * worth of text beside it, at whatever depth single wrappers put them: Readability would take that child for the
 * article and join only some of what stands beside it.
 */
function splitContainer(root: Element): boolean {
  let at = root;
  // Through wrappers: a container whose one child with text holds all of it is read as that child.
  for (;;) {
    const kids = Array.from(at.children).filter((c) => !skipped(c) && (c.textContent ?? '').trim() !== '');
    if (kids.length !== 1 || kids[0]!.tagName.toUpperCase() === 'P') break;
    at = kids[0]!;
  }
  const all = pText(at);
  const length = cleanText(at.textContent ?? '').length;
  for (let c = at.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName.toUpperCase() === 'P' || skipped(c)) continue;
    if (pText(c) >= 0.3 * all && length > cleanText(c.textContent ?? '').length + MAX_STRAY_CHARS) return true;
  }
  return false;
}
const pText = (el: Element): number => {
  let n = 0;
  const ps = el.getElementsByTagName('p');
  for (let i = 0; i < ps.length; i++) n += (ps[i]!.textContent ?? '').length;
  return n;
};

/** Containers tried when Readability finds nothing. */
const FALLBACK_ROOT = `${BODY_ROOT}, article, main`;

/** How a page past the budget was read: `part` when only the article's container was, `cut` when the walk stopped at a limit. */
export type BudgetOutcome = { measure: Measure; read: 'part' | 'cut' };

/** Options of extractArticle and extractArticleWith. */
export type ExtractOptions = {
  /** The budget (DEFAULT_LIMITS when not given). */
  limits?: Limits;
  /** Called when the page is past the budget, with what was done instead of a whole-page Readability run. */
  onOverBudget?: (outcome: BudgetOutcome) => void;
  /** 'readability' skips the article-body path (tests compare the two). */
  via?: 'body' | 'readability';
};

/** The "MORE ON <TOPIC>" heading when Readability left the block out of its output. */
function findMoreOn(doc: Document): string | undefined {
  for (const h of Array.from(doc.querySelectorAll('.more-on h2, .more-on h3, .more-on h4, h2, h3, h4'))) {
    const t = cleanText(h.textContent ?? '');
    if (t.length < 70 && t.slice(0, 7).toLowerCase() === 'more on' && /^more on\s+\S/i.test(t)) return t;
  }
  return undefined;
}

/**
 * Extracts the article (or thread) of a page recognised by `recognisePage`.
 * Returns null for `none` pages and when no text is found, and
 * NEEDS_READABILITY when the page needs `readability` and it is null (the
 * caller loads it and asks again). Never mutates `doc`.
 */
export function extractArticleWith(readability: ReadabilityRead | null, page0: Document, url: string, page: PageKind, opts: ExtractOptions = {}): Article | null | typeof NEEDS_READABILITY {
  if (page.kind === 'none') return null;
  let doc = page0;
  // Past the budget, everything below (Readability, metadata queries, the thread reader) reads a bounded copy.
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const size = doc.documentElement && !surelyWithin(doc, limits) ? withWork(measure(doc.documentElement, limits)) : undefined;
  let overBudget = false;
  if (size?.over) {
    const root = page.kind === 'article' ? doc.querySelector(FALLBACK_ROOT) : null;
    const rootSize = root ? withWork(measure(root, limits)) : undefined;
    const part = root && !rootSize?.over ? root : null;
    const copy = boundedCopy(doc, part, limits.maxDepth);
    doc = copy.doc;
    // Readability on the copy only where the copy is cheap for it; else the page's own containers, read once (linear).
    overBudget = withWork(measure(doc.documentElement, limits)).over !== undefined;
    opts.onOverBudget?.({ measure: size, read: part && !copy.cut ? 'part' : 'cut' });
  }
  const thread = page.kind === 'thread' ? extractThread(doc) : null;
  const direct = thread || overBudget || opts.via === 'readability' ? null : bodyBlocks(doc);
  const body = direct?.blocks ?? null;
  // Before the metadata is read: a caller that comes back with Readability repeats the budget check and the body test
  // above, on pages whose body is not read directly. Small next to Readability, but for a page past the budget, whose
  // bounded copy is then made twice.
  if (!thread && !body && !overBudget && !readability) return NEEDS_READABILITY;
  const meta = readMeta(doc);
  const ld = readJsonLd(doc);

  let blocks: BlockResult;
  let byline: string | null | undefined;
  let rdPublished: string | null | undefined;
  if (thread) {
    blocks = { paragraphs: thread.paragraphs };
  } else {
    const read = body || overBudget ? null : readability!(doc);
    blocks = body ?? (read ? collectParagraphs(read.root) : { paragraphs: [] });
    // Read directly: what Readability would have given as the byline and the date.
    byline = direct ? direct.like.byline : read?.byline;
    rdPublished = direct ? direct.like.published : read?.published;
    if (blocks.paragraphs.length === 0) {
      const root = doc.querySelector(FALLBACK_ROOT) ?? (overBudget ? doc.body : null);
      if (root) blocks = collectParagraphs(root);
    }
  }
  if (blocks.paragraphs.length === 0) return null;

  const category = thread?.category;
  const moreOn = blocks.moreOn ?? (page.kind === 'article' ? findMoreOn(doc) : undefined);
  const published = (thread?.published ? toIsoDate(thread.published) : undefined) ?? readPublished(doc, meta, ld, rdPublished) ?? blocks.dateLine ?? blocks.lastUpdated;
  const updated = readUpdated(meta, ld) ?? blocks.lastUpdated;

  const article: Article = {
    url,
    canonicalUrl: canonicalUrl(doc, url, meta),
    kind: page.kind,
    title: readTitle(doc, meta, ld, page.kind === 'thread', category),
    tags: readTags(doc, meta),
    breadcrumbs: readBreadcrumbs(doc, ld),
    jsonLd: { types: unique(ld.types), sections: unique(ld.sections), keywords: unique(ld.keywords) },
    meta,
    paragraphs: blocks.paragraphs,
  };
  const author = thread?.author ?? readAuthor(doc, meta, ld, byline);
  if (author) article.author = author;
  if (published) article.published = published;
  if (updated && updated !== published) article.updated = updated;
  const section = page.kind === 'article' ? page.section : category;
  if (section) article.section = section;
  article.contentType = page.kind === 'article' ? page.contentType : 'thread';
  const description = meta['og:description'] ?? meta['description'];
  if (description) article.description = description;
  if (moreOn) article.moreOn = moreOn;
  if (thread) {
    article.postStarts = thread.postStarts;
    // Discourse shows a long thread's first posts only (20 or so): without a stated count, those are a lower bound.
    article.replies = thread.replyCount !== undefined ? { count: thread.replyCount, atLeast: false } : { count: Math.max(0, thread.postCount - 1), atLeast: thread.postCount >= 20 };
  }
  return article;
}
