/**
 * Turns an extracted article and its topic into a card: the curated library
 * card when one matches, otherwise a card that says honestly what is known.
 * Pure: the background, the CLI and the tests call the same function.
 */
import { topicForCard } from './card-topic';
import { buildDigestCard } from './digest';
import { findEvidence, matchLibrary, type LibraryEntry } from './library';
import type { Article, Card, TopicResult } from './types';
import { validateCard } from './validate';

export type ResolveDeps = {
  library: readonly LibraryEntry[];
  /** The Nynorsk checker: Bokmål forms in a Nynorsk text, with suggestions where known. */
  findBokmal?: (text: string) => { form: string; suggestion?: string }[];
  now?: () => Date;
  /** 'auto' (default): library card if one matches, else the digest; 'digest' skips the library. */
  engine?: 'auto' | 'digest';
};

function source(article: Article, fallback: { author?: string; published?: string }): Card['source'] {
  const author = article.author ?? fallback.author;
  const published = article.published ?? fallback.published;
  return {
    site: 'Spiceworks',
    url: article.canonicalUrl || article.url,
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
  };
}

/** Every Nynorsk string of a card, for the language check. */
export function nynorskTextOf(card: Pick<Card, 'title' | 'summary' | 'faq' | 'notice'>): string {
  return [card.title, ...card.summary, ...card.faq.flatMap((f) => [f.q, f.a]), card.notice ?? ''].join('\n');
}

function libraryCard(article: Article, topic: TopicResult, entry: LibraryEntry, now: Date): Card {
  const c = entry.card;
  return {
    url: article.canonicalUrl || article.url,
    title: c.title,
    sourceTitle: article.title || c.sourceTitle,
    topic: topicForCard(topic),
    summary: [...c.summary],
    faq: c.faq.map((f) => ({ q: f.q, a: f.a, evidence: findEvidence(article.paragraphs, f.anchors) })),
    source: source(article, c),
    engine: { kind: 'library' },
    language: { lang: 'nn', bokmalForms: [] },
    createdAt: now.toISOString(),
  };
}

export type Resolved = { card: Card; matchedBy?: 'slug' | 'fingerprint' };

/** Resolves and validates the card for an article. Throws if the result is not a valid card. */
export function resolveCard(article: Article, topic: TopicResult, deps: ResolveDeps): Resolved {
  const now = deps.now?.() ?? new Date();
  const match = deps.engine === 'digest' ? null : matchLibrary(article, deps.library);
  const card = match ? libraryCard(article, topic, match.entry, now) : buildDigestCard(article, topic, { now });
  if (deps.findBokmal) {
    // The digest card's title is the English original; only our own Nynorsk is checked.
    const text = nynorskTextOf(card.engine.kind === 'digest' ? { ...card, title: '' } : card);
    const found = deps.findBokmal(text);
    card.language.bokmalForms = [...new Set(found.map((f) => f.form.toLowerCase()))];
    const suggestions = Object.fromEntries(found.filter((f) => f.suggestion).map((f) => [f.form.toLowerCase(), f.suggestion!]));
    if (Object.keys(suggestions).length) card.language.suggestions = suggestions;
  }
  const checked = validateCard(card, article.paragraphs.length);
  if (!checked.ok) throw new Error(`invalid card: ${checked.errors.join(', ')}`);
  return { card, ...(match ? { matchedBy: match.by } : {}) };
}
