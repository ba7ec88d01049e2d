/**
 * The `digest` engine: a Nynorsk fact card for any article or thread, made
 * offline from the page alone (no language model). Pure: the background,
 * the CLI and the tests call the same function.
 */
import type { Article, Card, TopicId, TopicResult } from '../types';
import { buildFacts } from './facts';
import { buildFaq } from './faq';
import { gatherFacts } from './digest-facts';
import { buildSummary } from './summary';
import { TEMPLATES } from './templates';

/** Options of `buildDigestCard`. */
export type DigestOptions = {
  /** Clock for `createdAt` (test seam). */
  now?: Date;
  /** Nynorsk label of a topic id; defaults to the label the topic result carries. */
  taxonomyLabel?: (id: TopicId) => string;
};

export { gatherFacts, type DigestFacts } from './digest-facts';
export { findEntities, type Entities, type Entity } from './entities';
export { extractKeyPoints, type KeyPoint } from './key-points';
export { findFigures, type Figure } from './figures';
export { findTerms, pickTerms, TERMS, type TermEntry, type TermHit } from './terms';
export { allTemplateStrings } from './templates';

/**
 * Builds the fact card: the article's own title, a Nynorsk summary and
 * facts, key sentences quoted in English with their paragraphs, the IT terms
 * with Nynorsk equivalents, a template FAQ with evidence, and a notice that a
 * full summary needs a model. `language.bokmalForms` is left empty for the
 * caller's checker to fill.
 */
export function buildDigestCard(article: Article, topic: TopicResult, opts: DigestOptions = {}): Card {
  const f = gatherFacts(article, topic, opts.taxonomyLabel ? { taxonomyLabel: opts.taxonomyLabel } : {});
  const source: Card['source'] = { site: 'Spiceworks', url: f.url };
  if (f.author) source.author = f.author;
  if (article.published && f.published) source.published = article.published;
  const card: Card = {
    url: f.url,
    title: f.title || f.url,
    sourceTitle: f.title,
    topic: { id: topic.id, label: f.topicLabel, confidence: topic.confidence, reasons: [...topic.reasons], secondary: [...topic.secondary] },
    summary: buildSummary(f),
    faq: buildFaq(f),
    source,
    engine: { kind: 'digest' },
    language: { lang: 'nn', bokmalForms: [] },
    notice: TEMPLATES.notice,
    facts: buildFacts(f),
    keyPoints: f.keyPoints.map((k) => ({ text: k.text, evidence: [...k.evidence] })),
    figures: f.figures.map((x) => ({ value: x.value, text: x.text, evidence: [...x.evidence] })),
    terms: f.terms.map((t) => ({ en: t.en, nn: t.nn })),
    createdAt: (opts.now ?? new Date()).toISOString(),
  };
  return card;
}
