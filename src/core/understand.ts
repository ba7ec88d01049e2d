/**
 * The page pipeline up to the card request: recognise, confirm, extract,
 * detect the topic. One function so that the content script, the CLI and the
 * tests run the very same steps.
 */
import { confirmArticle } from './confirm';
import { extractArticle, type ExtractOptions } from './extract';
import { recognisePage } from './recognise';
import { detectTopic } from './topic';
import type { Article, PageKind, TopicResult } from './types';

export type Understood =
  | { ok: true; page: PageKind; article: Article; topic: TopicResult }
  | { ok: false; reason: 'not-article' | 'no-article-text'; page: PageKind };

/** `page` may be passed when the URL was already recognised (the content script's hot path). */
/** `opts` goes to extractArticle (its budget, and a note when the page was past it). */
export function understandPage(doc: Document, url: string, page: PageKind = recognisePage(url), opts: ExtractOptions = {}): Understood {
  if (page.kind === 'none') return { ok: false, reason: 'not-article', page };
  if (!confirmArticle(doc, page)) return { ok: false, reason: 'no-article-text', page };
  const article = extractArticle(doc, url, page, opts);
  if (!article || article.paragraphs.length === 0) return { ok: false, reason: 'no-article-text', page };
  return { ok: true, page, article, topic: detectTopic(article) };
}
