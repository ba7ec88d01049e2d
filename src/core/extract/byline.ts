/**
 * The byline and date Readability would give, for a page read without it (the article body read directly,
 * article.ts). The byline: the page's meta tags first (dc:creator, author, parsely-author…), else the first
 * element, in document order, that Readability takes for one, skipping what it removes before it gets there. The
 * date: the meta tags Readability reads. Follows @mozilla/readability 0.6.0's _getArticleMetadata (without JSON-LD,
 * which our Readability call turns off too) and _grabArticle.
 */
import { hidden } from './blocks';
import { modalDialog, textWithoutScripts, unlikelyPart, validByline } from './readability-rules';

// Readability's meta patterns: any property containing "<prefix>:<name>"; a name, whole.
const PROPERTY = /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*/i;
const NAME = /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$/i;

/** The meta values Readability collects, by its keys ("dc:creator", "author", "article:published_time"…). */
function metaValues(doc: Document): Record<string, string> {
  const values: Record<string, string> = {};
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const content = m.getAttribute('content');
    if (!content) continue;
    const property = m.getAttribute('property');
    const match = property ? PROPERTY.exec(property) : null;
    if (match) values[match[0].toLowerCase().replace(/\s/g, '')] = content.trim();
    const name = m.getAttribute('name');
    if (!match && name && NAME.test(name)) values[name.toLowerCase().replace(/\s/g, '').replace(/\./g, ':')] = content.trim();
  }
  return values;
}

const ESCAPES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>' };
/** Readability's _unescapeHtmlEntities: what a page escaped twice in a meta tag ("O&amp;#39;Brien"), read once more. */
function unescapeEntities(s: string): string {
  return s
    .replace(/&(quot|amp|apos|lt|gt);/g, (_, name: string) => ESCAPES[name]!)
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
      let n = parseInt(hex ?? dec ?? '', hex ? 16 : 10);
      if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) n = 0xfffd;
      return String.fromCodePoint(n);
    });
}

const isUrl = (s: string) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

/** What Readability would give as the byline and the published date; `bylineElement`: the element it takes out of the page for the byline. */
export type ReadabilityLike = { byline?: string; published?: string; bylineElement?: Element };

/** What Readability would give as the byline and the published date, read without running it. */
export function readabilityLike(doc: Document): ReadabilityLike {
  const v = metaValues(doc);
  const articleAuthor = v['article:author'] !== undefined && !isUrl(v['article:author']) ? v['article:author'] : undefined;
  const out: ReadabilityLike = {};
  const published = v['article:published_time'] || v['parsely-pub-date'];
  if (published) out.published = unescapeEntities(published);
  const fromMeta = v['dc:creator'] || v['dcterm:creator'] || v['author'] || v['parsely-author'] || articleAuthor;
  if (fromMeta) out.byline = unescapeEntities(fromMeta);
  else {
    const el = bylineElement(doc);
    if (el) {
      out.bylineElement = el;
      const name = Array.from(el.querySelectorAll('[itemprop]')).find((n) => n.getAttribute('itemprop')!.includes('name'));
      out.byline = textWithoutScripts(name ?? el).trim();
    }
  }
  return out;
}

/** Elements Readability's byline test can take (_isValidByline's names), for the selector engine to find. */
const CANDIDATES = ['byline', 'author', 'dateline', 'writtenby']
  .flatMap((w) => [`[class*="${w}" i]`, `[id*="${w}" i]`])
  .concat('[rel="author"]', '[itemprop*="author"]')
  .join(', ');

/**
 * The first element Readability takes for the byline: the first candidate, in document order, that passes its test
 * and that its walk reaches (no ancestor removed before: hidden, a modal dialog, a script, an unlikely part).
 */
function bylineElement(doc: Document): Element | undefined {
  const root = doc.documentElement;
  if (!root) return undefined;
  // In document order: jsdom's selector engine gives a selector list's matches grouped by selector.
  const candidates = Array.from(root.querySelectorAll(CANDIDATES)).sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const el of candidates) {
    if (!validByline(el) || removedBefore(el)) continue;
    let reached = true;
    for (let a = el.parentElement; a && reached; a = a.parentElement) reached = !removedBefore(a) && !unlikelyPart(a);
    if (reached) return el;
  }
  return undefined;
}
/** What Readability removes before it looks for a byline there: scripts, hidden elements and modal dialogs. */
const removedBefore = (el: Element): boolean => REMOVED_TAGS.has(el.tagName.toUpperCase()) || hidden(el) || modalDialog(el);
/** What Readability removes before its walk (_prepDocument, _removeScripts). */
const REMOVED_TAGS = new Set(['SCRIPT', 'NOSCRIPT', 'STYLE', 'TEMPLATE']);
