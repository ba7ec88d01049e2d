/**
 * The shapes that cross module and context boundaries. Pure types (and the
 * topic ids): every context (content script, background, popup, CLI, tests)
 * imports them. Card, FaqItem, EngineKind, Article, TopicResult and CardState
 * are inferred from the valibot schemas in schema/ and re-exported here.
 */

/** What the URL alone says about a Spiceworks page (cheap, no DOM). */
export type PageKind =
  | { kind: 'article'; site: 'www'; section: string; contentType: string; slug: string }
  | { kind: 'thread'; site: 'community'; slug: string; id: string }
  | { kind: 'none' };

export const TOPIC_IDS = [
  'ai',
  'security',
  'cloud',
  'networking',
  'data',
  'devops',
  'hardware',
  'software',
  'careers',
  'business',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

/**
 * The card, its FAQ items and the engine kinds are inferred from the valibot
 * schemas in schema/card.ts (one source for types, guard, JSON schema and grammar).
 * Type-only import: this module stays free of runtime dependencies.
 */
export type { Card, EngineKind, FaqItem } from './schema/card';
export type { Article, CardState, TopicResult } from './schema/article';
