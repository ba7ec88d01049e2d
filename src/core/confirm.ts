/**
 * Cheap DOM confirmation that a page recognised by URL really holds an
 * article or thread right now. An error page or an empty shell that is still
 * loading must get no card; the content script asks again when content arrives.
 * Only a few selector queries: no full-document walk.
 */
import { jsonLdBlocks, jsonLdTypes } from './extract/jsonld-blocks';
import type { PageKind } from './types';

/** JSON-LD types that mark an article or a forum thread. */
export const ARTICLE_LD_TYPES: readonly string[] = [
  'NewsArticle',
  'Article',
  'BlogPosting',
  'TechArticle',
  'ReportageNews',
  'AnalysisNewsArticle',
  'DiscussionForumPosting',
  'QAPage',
];
/** JSON-LD types that say the page is a listing or profile, not an article. */
const LISTING_LD_TYPES: readonly string[] = ['CollectionPage', 'ProfilePage', 'SearchResultsPage', 'ItemList'];

/** Headings of error pages; short on purpose so that an article about an error code is not taken for one. */
const ERROR_HEADING =
  /^((40[034]|410|50[0-3])\b.*\b(not found|error|forbidden|unavailable)|(40[034]|410|50[0-3])\s*$|error\s*$|page not found|not found|oops\b|sorry\b|something went wrong|access denied|forbidden|we can.t find|this page (is|was|does|could))/i;

/** Minimum body text (characters in paragraphs) for an article. */
export const MIN_ARTICLE_CHARS = 400;
/** Lower bar when JSON-LD or og:type already say "article". */
const MIN_ARTICLE_CHARS_SIGNALLED = 200;
/** A thread's first post can be a one-line question. */
const MIN_THREAD_CHARS = 20;

/** The content of <meta property|name=key>, read without an attribute-selector scan. */
function metaContent(doc: Document, key: string): string | undefined {
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    if (m.getAttribute('property') === key || m.getAttribute('name') === key) return m.getAttribute('content') ?? undefined;
  }
  return undefined;
}

/**
 * Every start ERROR_HEADING allows, lowercased. A pattern run on a cold page
 * is a pattern compiled: an article's heading is told apart by its start alone.
 */
const ERROR_HEADING_STARTS = ['4', '5', 'error', 'page not found', 'not found', 'oops', 'sorry', 'something went wrong', 'access denied', 'forbidden', 'we can', 'this page '];
const ERROR_TITLE_STARTS = ['404', 'page not found', 'error'];

const startsWithAny = (text: string, starts: readonly string[]) => {
  const lower = text.slice(0, 24).toLowerCase();
  return starts.some((s) => lower.startsWith(s));
};

function looksLikeError(doc: Document, heading: string): boolean {
  // A string unless the page names an element "title" (<img name="title">): named elements override document properties.
  const title = typeof doc.title === 'string' ? doc.title : '';
  return (
    (heading.length < 80 && startsWithAny(heading, ERROR_HEADING_STARTS) && ERROR_HEADING.test(heading)) ||
    (startsWithAny(title.trimStart(), ERROR_TITLE_STARTS) && /^\s*(404\b|page not found|error\s*$)/i.test(title))
  );
}

/** Sums paragraph text until `need` is reached (stops early: cheap on long pages). */
function enoughText(nodes: ArrayLike<Element>, need: number): boolean {
  let total = 0;
  for (let i = 0; i < nodes.length; i++) {
    // A form's textContent can be an element it names (<input name="textContent">): count strings only.
    const text: unknown = nodes[i]!.textContent;
    total += typeof text === 'string' ? text.trim().length : 0;
    if (total >= need) return true;
  }
  return false;
}

/**
 * True when the document holds what the URL promised: one main heading and
 * enough body text. JSON-LD (`NewsArticle`, `Article`, `BlogPosting`,
 * `DiscussionForumPosting`) and `og:type=article` lower the bar when present;
 * they are never required.
 */
export function confirmArticle(doc: Document, page: PageKind): boolean {
  if (page.kind === 'none' || !doc.body) return false;
  const types = jsonLdBlocks(doc).flatMap((b) => jsonLdTypes(b));
  const ldArticle = types.some((t) => ARTICLE_LD_TYPES.includes(t));
  const ldListing = !ldArticle && types.some((t) => LISTING_LD_TYPES.includes(t));
  if (ldListing) return false;
  const ogType = metaContent(doc, 'og:type')?.trim().toLowerCase();
  const signalled = ldArticle || ogType === 'article';

  if (page.kind === 'thread') {
    const h = doc.querySelector('#topic-title h1, #topic-title, h1');
    const heading = (h?.textContent ?? '').trim();
    if (!heading || looksLikeError(doc, heading)) return false;
    const posts = doc.querySelectorAll('article[data-post-id] .cooked, .crawler-post [itemprop="text"], .topic-body .cooked');
    return enoughText(posts, MIN_THREAD_CHARS);
  }

  const h1s = doc.getElementsByTagName('h1');
  // An element's textContent is never null (only a document's or doctype's is).
  const headings = Array.from(h1s).filter((h) => h.textContent.trim().length > 0);
  // One main heading: a logo h1 beside the article's own is tolerated.
  if (headings.length === 0 || headings.length > 2) return false;
  const heading = headings[headings.length - 1]!.textContent.trim();
  if (looksLikeError(doc, heading)) return false;
  return enoughText(doc.getElementsByTagName('p'), signalled ? MIN_ARTICLE_CHARS_SIGNALLED : MIN_ARTICLE_CHARS);
}
