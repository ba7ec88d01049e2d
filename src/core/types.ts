/**
 * The shapes that cross module and context boundaries. Pure types: every
 * context (content script, background, popup, CLI, tests) imports them.
 */

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

export type FaqItem = { q: string; a: string; evidence: number[] };

export type EngineKind = 'library' | 'model' | 'digest';

/** A card: what popup and overlay show. Validated before it is stored or shown. */
export type Card = {
  url: string;
  title: string;
  sourceTitle: string;
  topic: { id: TopicId; label: string; confidence: number; reasons?: string[]; secondary?: TopicId[] };
  summary: string[];
  faq: FaqItem[];
  source: { site: 'Spiceworks'; url: string; author?: string; published?: string };
  engine: { kind: EngineKind; model?: string };
  /** bokmalForms: forms the Nynorsk checker flagged; suggestions: a Nynorsk form for each, where known. */
  language: { lang: 'nn'; bokmalForms: string[]; suggestions?: Record<string, string> };
  /** Plain-language note shown with the card (e.g. that no summary exists yet). */
  notice?: string;
  /** Fact card: labelled Nynorsk facts (kjelde, dato, lesetid, namngjevne ...). */
  facts?: { label: string; value: string }[];
  /** Fact card: sentences quoted in English from the article, each with its paragraph. */
  keyPoints?: { text: string; evidence: number[] }[];
  /** IT terms the article uses, with their Nynorsk equivalents. */
  terms?: { en: string; nn: string }[];
  createdAt: string;
};

/** The state of one tab's card, as popup and overlay render it. */
export type CardState =
  | { status: 'loading'; url: string; title?: string }
  | { status: 'ready'; url: string; card: Card }
  | { status: 'none'; url?: string }
  | { status: 'error'; url?: string; message: string };
