/**
 * Turns checked card content into a Card: the article's source and topic,
 * the model as engine, the Bokmål forms still flagged, validated like every
 * other card before anyone stores or shows it.
 */
import type { Article, Card, TopicResult } from '../types';
import { validateCard } from '../validate';
import { ModelError } from './errors';
import { modelErrorMessages } from '../../strings/model-errors';
import type { CardContent } from './types';

/** `local`: written by the on-device model (the card's engine kind says so). */
export type ModelCardMeta = { model: string; createdAt: string; bokmalForms: string[]; local?: boolean };

/** Builds and validates the card; throws ModelError('invalid-answer') when it does not hold. */
export function buildModelCard(article: Article, topic: TopicResult, content: CardContent, meta: ModelCardMeta): Card {
  const card: Card = {
    url: article.canonicalUrl || article.url,
    title: content.title,
    sourceTitle: article.title,
    topic: { id: topic.id, label: topic.label, confidence: topic.confidence, reasons: topic.reasons, secondary: topic.secondary },
    summary: content.summary,
    faq: content.faq,
    source: {
      site: 'Spiceworks',
      url: article.canonicalUrl || article.url,
      ...(article.author ? { author: article.author } : {}),
      ...(article.published ? { published: article.published } : {}),
    },
    engine: { kind: meta.local ? 'local' : 'model', model: meta.model },
    language: { lang: 'nn', bokmalForms: meta.bokmalForms },
    createdAt: meta.createdAt,
  };
  const check = validateCard(card, article.paragraphs.length);
  if (!check.ok) throw new ModelError('invalid-answer', modelErrorMessages.invalidAnswer(), { detail: `card: ${check.errors.join(', ')}` });
  return check.card;
}
