/**
 * Turns an extracted article and its topic into a card: the curated library
 * card when one matches, otherwise a card that says honestly what is known.
 * Pure: the background, the CLI and the tests call the same function.
 */
import templates from '../../assets/card-templates.json';
import { formatDateNn } from './format-nn';
import { findEvidence, matchLibrary, type LibraryEntry } from './library';
import { fill } from './template';
import type { Article, Card, TopicResult } from './types';
import { validateCard } from './validate';

export type ResolveDeps = {
  library: readonly LibraryEntry[];
  /** Returns the Bokmål forms found in a Nynorsk text; absent until the checker's data is loaded. */
  findBokmal?: (text: string) => string[];
  now?: () => Date;
  /** 'auto' (default): library card if one matches, else the digest; 'digest' skips the library. */
  engine?: 'auto' | 'digest';
};

const WORDS_PER_MINUTE = 230;

/** The card's topic: the detected one, with its reasons one click away. */
function cardTopic(topic: TopicResult): Card['topic'] {
  return { id: topic.id, label: topic.label, confidence: topic.confidence, reasons: topic.reasons, secondary: topic.secondary };
}

function source(article: Article, fallback?: { author?: string; published?: string }): Card['source'] {
  const author = article.author ?? fallback?.author;
  const published = article.published ?? fallback?.published;
  return {
    site: 'Spiceworks',
    url: article.canonicalUrl || article.url,
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
  };
}

/** Every Nynorsk string of a card, for the language check. */
export function nynorskTextOf(card: Pick<Card, 'summary' | 'faq' | 'notice'> & { title?: string }): string {
  return [card.title ?? '', ...card.summary, ...card.faq.flatMap((f) => [f.q, f.a]), card.notice ?? ''].join('\n');
}

function libraryCard(article: Article, topic: TopicResult, entry: LibraryEntry, now: Date): Card {
  const c = entry.card;
  return {
    url: article.canonicalUrl || article.url,
    title: c.title,
    sourceTitle: article.title || c.sourceTitle,
    topic: cardTopic(topic),
    summary: [...c.summary],
    faq: c.faq.map((f) => ({ q: f.q, a: f.a, evidence: findEvidence(article.paragraphs, f.anchors) })),
    source: source(article, c),
    engine: { kind: 'library' },
    language: { lang: 'nn', bokmalForms: [] },
    createdAt: now.toISOString(),
  };
}

/** What can be said without a summary: kind, topic, author, date, length. */
function basicCard(article: Article, topic: TopicResult, now: Date): Card {
  const t = templates;
  const isThread = article.kind === 'thread';
  const kindKey = (isThread ? 'thread' : article.contentType ?? 'other') as keyof typeof t.kind;
  const kind = t.kind[kindKey] ?? t.kind.other;
  const words = article.paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  const facts = [fill(isThread ? t.aboutThread : t.about, { kind, topic: topic.label })];
  if (article.author) facts.push(fill(isThread ? t.bylineThread : t.byline, { author: article.author }));
  const date = formatDateNn(article.published);
  if (date) facts.push(fill(t.published, { date }));
  const summary = [facts.join(' ')];
  if (words > 0) summary.push(fill(t.length, { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) }));
  return {
    url: article.canonicalUrl || article.url,
    title: article.title,
    sourceTitle: article.title,
    topic: cardTopic(topic),
    summary,
    faq: [],
    source: source(article),
    engine: { kind: 'digest' },
    language: { lang: 'nn', bokmalForms: [] },
    notice: t.noSummary,
    createdAt: now.toISOString(),
  };
}

export type Resolved = { card: Card; matchedBy?: 'slug' | 'fingerprint' };

/** Resolves and validates the card for an article. Throws if the result is not a valid card. */
export function resolveCard(article: Article, topic: TopicResult, deps: ResolveDeps): Resolved {
  const now = deps.now?.() ?? new Date();
  const match = deps.engine === 'digest' ? null : matchLibrary(article, deps.library);
  const card = match ? libraryCard(article, topic, match.entry, now) : basicCard(article, topic, now);
  if (deps.findBokmal) {
    // The digest card's title is the English original; only our own Nynorsk is checked.
    const text = nynorskTextOf(card.engine.kind === 'digest' ? { ...card, title: '' } : card);
    card.language.bokmalForms = [...new Set(deps.findBokmal(text))];
  }
  const checked = validateCard(card, article.paragraphs.length);
  if (!checked.ok) throw new Error(`invalid card: ${checked.errors.join(', ')}`);
  return { card, ...(match ? { matchedBy: match.by } : {}) };
}
