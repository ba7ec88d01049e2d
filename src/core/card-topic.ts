/** Conversions between a topic detection result and the topic a card carries (the same facts, two shapes). */
import type { Card, TopicResult } from './types';

export function topicForCard(topic: TopicResult): Card['topic'] {
  return { id: topic.id, label: topic.label, confidence: topic.confidence, reasons: topic.reasons, secondary: topic.secondary };
}

export function topicOfCard(card: Card): TopicResult {
  const t = card.topic;
  return { id: t.id, label: t.label, confidence: t.confidence, secondary: t.secondary ?? [], reasons: t.reasons ?? [] };
}
