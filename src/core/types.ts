/**
 * The shapes that cross module and context boundaries. Pure types (and the
 * topic ids): every context (content script, background, popup, CLI, tests)
 * imports them. Card, FaqItem and EngineKind are re-exported from the valibot
 * schemas in schema/card.ts; the rest are written here.
 */
import type { Card } from './schema/card';

/** What the URL alone says about a Spiceworks page (cheap, no DOM). */
export type PageKind =
  | { kind: 'article'; site: 'www'; section: string; contentType: string; slug: string }
  | { kind: 'thread'; site: 'community'; slug: string; id: string }
  | { kind: 'none' };

/** The article as extracted from a page: text in order, plus metadata. */
export type Article = {
  /** URL of the page the article was read from. */
  url: string;
  /** Canonical URL (link[rel=canonical], og:url or the page URL without query and hash). */
  canonicalUrl: string;
  kind: 'article' | 'thread';
  /** The article's own title, without the " - Spiceworks" suffix. */
  title: string;
  author?: string;
  /** ISO date (yyyy-mm-dd or full ISO timestamp) where the page says. */
  published?: string;
  updated?: string;
  /** URL section (artificial-intelligence, network-security, ...) or Discourse category. */
  section?: string;
  /** news | articles | guest-article | interviews | thread */
  contentType?: string;
  description?: string;
  tags: string[];
  breadcrumbs: string[];
  /** JSON-LD @type values and articleSection/keywords found on the page. */
  jsonLd: { types: string[]; sections: string[]; keywords: string[] };
  /** og:type and similar meta signals. */
  meta: Record<string, string>;
  /** The "MORE ON <TOPIC>" heading text, if the page had one (a topic signal). */
  moreOn?: string;
  /** Body paragraphs in reading order; FAQ evidence indices point into this. */
  paragraphs: string[];
  /** Threads: the paragraph index where each post starts, the first post first. */
  postStarts?: number[];
  /** Threads: the reply count the page states, or the replies on the page as a lower bound. */
  replies?: { count: number; atLeast: boolean };
};

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

/** Topic detection result. `reasons` are Nynorsk, shown one click away. */
export type TopicResult = {
  id: TopicId;
  label: string;
  confidence: number;
  secondary: TopicId[];
  reasons: string[];
};

/**
 * The card, its FAQ items and the engine kinds are inferred from the valibot
 * schemas in schema/card.ts (one source for types, guard, JSON schema and grammar).
 * Type-only import: this module stays free of runtime dependencies.
 */
export type { Card, EngineKind, FaqItem } from './schema/card';

/** The state of one tab's card, as popup and overlay render it. */
export type CardState =
  | { status: 'loading'; url: string; title?: string }
  | { status: 'ready'; url: string; card: Card }
  | { status: 'none'; url?: string }
  | { status: 'error'; url?: string; message: string };
