/**
 * Everything the fact card says, worked out once from the article: kind,
 * topic, author, dates, length, names, terms and key sentences. The card's
 * parts (summary, facts, FAQ) are all written from this one object.
 */
import { formatDateNn } from '../format-nn';
import type { Article, TopicId, TopicResult } from '../types';
import { findEntities, type Entities } from './entities';
import { inSentence } from './format';
import { findFigures, type Figure } from './figures';
import { extractKeyPoints, type KeyPoint } from './key-points';
import { measureLength, type Length } from './reading';
import { findTerms, pickTerms, TERMS, type TermHit } from './terms';
import { TAXONOMY } from '../topic/taxonomy';
import { definitionSentence, explainerSubject, threadQuestion } from './subject';
import { textKind, type TextKind } from './text-kind';

/** The facts one card is written from. */
export type DigestFacts = {
  kind: TextKind;
  isThread: boolean;
  title: string;
  url: string;
  topic: TopicResult;
  /** The topic's Nynorsk label as it reads inside a sentence. */
  topicLabel: string;
  author?: string;
  /** Nynorsk dates ("3. april 2024"); absent when the page gives none or an unreadable one. */
  published?: string;
  updated?: string;
  length: Length;
  entities: Entities;
  terms: TermHit[];
  keyPoints: KeyPoint[];
  /** Figures with the English sentences they stand in. */
  figures: Figure[];
  /** Explainers: what the title asks about, and the sentence that defines it. */
  subject?: string;
  definition?: { text: string; paragraph: number };
  /** Threads: the opening question, the replies, and where each post starts. */
  question?: { text: string; paragraph: number };
  replies?: { count: number; atLeast: boolean };
  postStarts?: number[];
  /** Paragraphs that name the author (an author box, a signature), for evidence. */
  authorParagraphs: number[];
};

/** Label lookup (test seam) and how many terms to keep. */
export type GatherOptions = { taxonomyLabel?: (id: TopicId) => string; maxTerms?: number };

/** The topic's own vocabulary in lower case, for ranking the terms. */
function topicTerms(id: TopicId): Set<string> {
  const def = TAXONOMY.topics.find((t) => t.id === id);
  return new Set(Object.keys(def?.lexicon ?? {}).map((w) => w.toLowerCase()));
}

/** Works out the card's facts from the article and its topic. */
/** What the fact card reads of a text: articles run 5,000–60,000 characters; a page past this is not one to read whole on the page's thread. */
export const DIGEST_LIMITS = { maxParagraphChars: 8_000, maxTotalChars: 120_000 } as const;

/**
 * The paragraphs the fact card analyses: each cut to DIGEST_LIMITS at a word,
 * and none after the total is spent (they become empty, so that evidence
 * indices still point at the article's own paragraphs).
 */
export function boundedParagraphs(paragraphs: readonly string[]): string[] {
  let left: number = DIGEST_LIMITS.maxTotalChars;
  // Once the total is spent, the cap is 0 and every later paragraph is cut to ''.
  return paragraphs.map((p) => {
    let t = p;
    const cap = Math.min(DIGEST_LIMITS.maxParagraphChars, left);
    if (t.length > cap) {
      const space = t.lastIndexOf(' ', cap);
      t = t.slice(0, space > cap / 2 ? space : cap);
    }
    left -= t.length;
    return t;
  });
}

export function gatherFacts(article: Article, topic: TopicResult, opts: GatherOptions = {}): DigestFacts {
  const paragraphs = boundedParagraphs(article.paragraphs);
  const author = article.author?.trim() || undefined;
  const published = formatDateNn(article.published);
  const updatedNn = formatDateNn(article.updated);
  const facts: DigestFacts = {
    kind: textKind(article),
    isThread: article.kind === 'thread',
    title: article.title.trim(),
    url: article.canonicalUrl || article.url,
    topic,
    topicLabel: inSentence(opts.taxonomyLabel?.(topic.id) ?? topic.label),
    length: measureLength(paragraphs),
    entities: findEntities(paragraphs),
    terms: pickTerms(findTerms(paragraphs), opts.maxTerms ?? 8, TERMS, { title: article.title, topicTerms: topicTerms(topic.id) }),
    keyPoints: extractKeyPoints(paragraphs, article.kind === 'thread' ? { thread: true, ...(article.postStarts ? { posts: article.postStarts } : {}) } : {}),
    figures: findFigures(paragraphs),
    authorParagraphs: author ? paragraphs.flatMap((p, i) => (p.includes(author) ? [i] : [])) : [],
  };
  if (author) facts.author = author;
  if (facts.kind === 'explainer') {
    const subject = explainerSubject(facts.title, paragraphs);
    if (subject) facts.subject = subject;
    const definition = subject ? definitionSentence(subject, paragraphs) : undefined;
    if (definition) facts.definition = definition;
  }
  if (facts.isThread) {
    const question = threadQuestion(facts.title, paragraphs, article.postStarts);
    if (question) facts.question = question;
    if (article.replies) facts.replies = article.replies;
    if (article.postStarts) facts.postStarts = article.postStarts;
  }
  if (published) facts.published = published;
  if (updatedNn && updatedNn !== published) facts.updated = updatedNn;
  return facts;
}
