/**
 * Runs the whole core pipeline on one page (recognise → confirm → extract →
 * topic) and compares it with what the page promises. Shared by the corpus
 * test and the accuracy report, so both measure the same thing.
 */
import { confirmArticle } from '../src/core/confirm';
import { extractArticle } from '../src/core/extract/index';
import { recognisePage } from '../src/core/recognise';
import { detectTopic } from '../src/core/topic/index';
import type { Article, PageKind, TopicResult } from '../src/core/types';
import type { PageExpectation } from './fixtures';
import { parsePage } from './fixtures';

/** Everything measured on one page. */
export type PageEvaluation = {
  page: PageKind;
  confirmed: boolean;
  article: Article | null;
  topic: TopicResult | null;
  topicNoUrl: TopicResult | null;
  topicTextOnly: TopicResult | null;
  /** Boilerplate strings that survived into the paragraphs. */
  survivors: string[];
  /** Content paragraphs expected and found (recall), when the page lists them. */
  contentExpected: number;
  contentFound: number;
  /** Paragraphs that must not exist as such but do. */
  forbiddenParagraphs: string[];
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Evaluates one page given as HTML at a URL. */
export function evaluatePage(html: string, url: string, expected: PageExpectation & { content?: string[] }): PageEvaluation {
  const page = recognisePage(url);
  const ev: PageEvaluation = {
    page,
    confirmed: false,
    article: null,
    topic: null,
    topicNoUrl: null,
    topicTextOnly: null,
    survivors: [],
    contentExpected: 0,
    contentFound: 0,
    forbiddenParagraphs: [],
  };
  if (page.kind === 'none') return ev;
  const doc = parsePage(html, url);
  ev.confirmed = confirmArticle(doc, page);
  if (!ev.confirmed) return ev;
  const article = extractArticle(doc, url, page);
  ev.article = article;
  if (!article) return ev;
  ev.topic = detectTopic(article);
  ev.topicNoUrl = detectTopic(article, { ignore: ['url'] });
  ev.topicTextOnly = detectTopic(article, { ignore: ['url', 'metadata'] });
  const joined = article.paragraphs.join('\n');
  ev.survivors = (expected.boilerplate ?? []).filter((b) => joined.includes(b));
  const paras = new Set(article.paragraphs.map(norm));
  ev.forbiddenParagraphs = (expected.notParagraphs ?? []).filter((p) => paras.has(norm(p)));
  const content = expected.content ?? [];
  ev.contentExpected = content.length;
  const hay = norm(joined);
  ev.contentFound = content.filter((c) => hay.includes(norm(c))).length;
  return ev;
}
