/**
 * The page pipeline up to the card request, in one call: recognise, confirm,
 * extract, detect the topic. The CLI (npm run card), the benches and the fact
 * card tests use it. The content script runs the same core functions, but
 * split for speed: the manifest's URL globs and the pill's script recognise the URL and confirm the page, the
 * article code extracts, and the background detects the topic of every
 * article the card request brings. A change to the order or the checks here
 * must be made there too.
 */
import { confirmArticle } from './confirm';
import { extractArticle, type ExtractOptions } from './extract';
import { recognisePage } from './recognise';
import { detectTopic } from './topic';
import type { Article, PageKind, TopicResult } from './types';

export type Understood =
  | { ok: true; page: PageKind; article: Article; topic: TopicResult }
  | { ok: false; reason: 'not-article' | 'no-article-text'; page: PageKind };

/**
 * Understands a parsed page from its URL. `opts` goes to extractArticle (its
 * budget, and a note when the page was past it).
 */
export function understandPage(doc: Document, url: string, opts: ExtractOptions = {}): Understood {
  const page = recognisePage(url);
  if (page.kind === 'none') return { ok: false, reason: 'not-article', page };
  if (!confirmArticle(doc, page)) return { ok: false, reason: 'no-article-text', page };
  const article = extractArticle(doc, url, page, opts);
  // extractArticle gives null, never an article without paragraphs, when it finds no text.
  if (!article) return { ok: false, reason: 'no-article-text', page };
  return { ok: true, page, article, topic: detectTopic(article) };
}
