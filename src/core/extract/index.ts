/**
 * Article extraction with Readability at hand (article.ts does the work): what Node, the tests and the bench use.
 * The content script calls article.ts itself and loads Readability only where a page needs it.
 */
import type { Article, PageKind } from '../types';
import { extractArticleWith, NEEDS_READABILITY, type ExtractOptions } from './article';
import { readabilityRead } from './readability';

export { isBoilerplateText } from './blocks';
export { DEFAULT_LIMITS, measure, type Limits, type Measure } from './budget';
export { cleanText, stripTitleSuffix, toIsoDate } from './text';
export type { BudgetOutcome, ExtractOptions } from './article';

/**
 * Extracts the article (or thread) of a page recognised by `recognisePage`.
 * Returns null for `none` pages and when no text is found. Never mutates `doc`.
 */
export function extractArticle(doc: Document, url: string, page: PageKind, opts: ExtractOptions = {}): Article | null {
  const got = extractArticleWith(readabilityRead, doc, url, page, opts);
  // Unreachable with Readability passed; kept out of the type.
  return got === NEEDS_READABILITY ? null : got;
}
