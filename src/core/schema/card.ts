/**
 * The card's one source of truth, as valibot schemas: the types in
 * core/types.ts and core/model/types.ts are inferred from these, the card
 * guard in core/validate.ts parses with them, and the model engine's JSON
 * schema (core/model/schema.ts) and the on-device model's GBNF grammar
 * (core/model/grammar.ts) are generated from CardContentSchema.
 *
 * Checks JSON Schema cannot say (text that is not blank, a parseable date,
 * clean characters) and the length limits (CARD_LIMITS) are `v.check`
 * actions: valibot runs them, the JSON-schema conversion leaves them out. Evidence bounds depend on the article and stay as code in the
 * callers (validateCard, checkCardContent, the grammar's parameters).
 */
import * as v from 'valibot';
import { TOPIC_IDS } from '../types';
import { webUrl } from '../url-origin';

/** Who made a card: the curated library, a remote model, the on-device model, or the offline fact card. */
export const ENGINE_KINDS = ['library', 'model', 'local', 'digest'] as const;

/**
 * Upper bounds of every card field (issue 12): characters per text, items
 * per list. Set well above the real cards (library cards, the fact cards of
 * the fixtures and the review set, the on-device model's grammar bounds in
 * LOCAL_CARD_BOUNDS) and far below what breaks storage or the UI. A card over
 * any of them is refused, never cut and never cached.
 */
export const CARD_LIMITS = {
  /** URL length (card.url, source.url); scheme http or https. */
  url: 2048,
  /** Card title and the article's own title. */
  title: 300,
  /** One summary paragraph. */
  paragraph: 2000,
  /** Paragraphs in the summary. */
  paragraphs: 12,
  /** FAQ items. */
  faq: 8,
  question: 300,
  answer: 2000,
  /** Paragraph numbers per evidence list. */
  evidence: 20,
  /** Short labels: topic label, author, date, model name, fact label. */
  label: 200,
  /** Longer single texts: the notice, a fact's value, a quoted sentence (key point, figure). */
  notice: 1000,
  sentence: 1000,
  /** Topic reasons, and the topic's secondary ids. */
  reasons: 20,
  secondary: 20,
  /** Bokmål forms flagged, and suggestions for them (each ≤ term). */
  bokmalForms: 500,
  /** Fact card lists. */
  facts: 20,
  keyPoints: 12,
  figures: 12,
  terms: 40,
  /** One term, a Bokmål form or a suggestion. */
  term: 200,
  /** createdAt. */
  date: 64,
} as const;

/**
 * What no card text may hold: lone surrogates (a half of a UTF-16 pair),
 * control characters other than tab and newline (C0, DEL and C1), and bidi
 * embeddings, overrides and isolates, which can make text read other than it is.
 */
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;

/** An HTML tag: card text is plain text, and a model or page that sends markup sends something else. */
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i;

/** True when the text holds no lone surrogate, no control character but tab and newline, and no HTML tag. */
export const cleanChars = (s: string) => !BAD_CHARS.test(s) && !TAG.test(s);

const notBlank = (s: string) => s.trim().length > 0;

/*
 * The bounds are `v.check` actions, not v.maxLength / v.maxItems: the JSON
 * schema sent to the remote models stays as it was (OpenAI's strict mode and
 * Anthropic refuse or ignore length keywords), and the on-device grammar
 * takes its own, tighter, bounds (LOCAL_CARD_BOUNDS; a test checks they stay
 * within these).
 */
const maxChars = (n: number) => v.check((s: string) => s.length <= n, `longer than ${n} characters`);
const maxItems = <T extends readonly unknown[]>(n: number) => v.check<T, string>((a) => a.length <= n, `more than ${n} items`);

/** A string of at most `max` characters, with no control character but tab and newline and no lone surrogate. */
const str = (max: number) => v.pipe(v.string(), v.check(cleanChars, 'control character, lone surrogate or markup'), maxChars(max));

/** A string with at least one non-whitespace character, of at most `max` characters. */
const text = (max: number) => v.pipe(str(max), v.check(notBlank, 'blank text'));

const isWebUrl = (s: string) => webUrl(s) !== null;

/** An absolute http(s) URL of at most CARD_LIMITS.url characters. */
const UrlSchema = v.pipe(str(CARD_LIMITS.url), v.check(isWebUrl, 'not an http(s) URL'));

/** Article paragraph numbers (0-based indices into Article.paragraphs); the upper bound is the caller's. */
export const EvidenceSchema = v.pipe(v.array(v.pipe(v.number(), v.integer())), maxItems(CARD_LIMITS.evidence), v.description('article paragraph numbers'));

/** The fields of one FAQ item, in the order the model writes them. */
const faqItemEntries = { q: text(CARD_LIMITS.question), a: text(CARD_LIMITS.answer), evidence: EvidenceSchema };

/** The fields the model writes, in the order it writes them; shared by CardContentSchema and CardSchema. */
const contentEntries = {
  title: v.pipe(text(CARD_LIMITS.title), v.description('Nynorsk headline')),
  summary: v.pipe(v.array(text(CARD_LIMITS.paragraph)), maxItems(CARD_LIMITS.paragraphs), v.description('Nynorsk paragraphs')),
};

/** A FAQ item of a card. Not strict: library cards carry extra keys (anchors). */
export const FaqItemSchema = v.object(faqItemEntries);

/**
 * What the model writes: the Nynorsk part of a card. Strict objects (no other
 * keys), so the JSON schema generated from it has additionalProperties: false.
 */
export const CardContentSchema = v.strictObject({
  ...contentEntries,
  faq: v.pipe(v.array(v.strictObject(faqItemEntries)), maxItems(CARD_LIMITS.faq)),
});

/**
 * Card content while the answer streams in (core/model/partial-json.ts reads it, the model job carries it between
 * contexts). No length limits: those are checked on the finished card.
 */
export const PartialCardContentSchema = v.object({
  title: v.optional(v.string()),
  /** Paragraphs complete so far. */
  summary: v.array(v.string()),
  /** FAQ items complete so far (question, answer and evidence closed). */
  faq: v.array(v.object({ q: v.string(), a: v.string(), evidence: v.array(v.number()) })),
  /** The text currently being written (title, paragraph, question or answer), not yet complete. */
  draft: v.optional(v.string()),
});

export const TopicIdSchema = v.picklist(TOPIC_IDS);
export const EngineKindSchema = v.picklist(ENGINE_KINDS);

const optStr = (max: number) => v.optional(str(max));

/** A card: what popup and overlay show. */
export const CardSchema = v.object({
  url: UrlSchema,
  ...contentEntries,
  sourceTitle: str(CARD_LIMITS.title),
  topic: v.object({
    id: TopicIdSchema,
    label: str(CARD_LIMITS.label),
    confidence: v.pipe(v.number(), v.finite()),
    reasons: v.optional(v.pipe(v.array(str(CARD_LIMITS.sentence)), maxItems(CARD_LIMITS.reasons))),
    secondary: v.optional(v.pipe(v.array(TopicIdSchema), maxItems(CARD_LIMITS.secondary))),
  }),
  faq: v.pipe(v.array(FaqItemSchema), maxItems(CARD_LIMITS.faq)),
  source: v.object({ site: v.literal('Spiceworks'), url: UrlSchema, author: optStr(CARD_LIMITS.label), published: optStr(CARD_LIMITS.label) }),
  engine: v.object({ kind: EngineKindSchema, model: optStr(CARD_LIMITS.label) }),
  /** bokmalForms: forms the Nynorsk checker flagged; suggestions: a Nynorsk form for each, where known. */
  language: v.object({
    lang: v.literal('nn'),
    bokmalForms: v.pipe(v.array(str(CARD_LIMITS.term)), maxItems(CARD_LIMITS.bokmalForms)),
    suggestions: v.optional(
      v.pipe(
        v.custom((r) => !Array.isArray(r), 'not a record'),
        v.record(str(CARD_LIMITS.term), str(CARD_LIMITS.term)),
        v.check((r) => Object.keys(r).length <= CARD_LIMITS.bokmalForms, `more than ${CARD_LIMITS.bokmalForms} items`),
      ),
    ),
  }),
  /** Plain-language note shown with the card (e.g. that no summary exists yet). */
  notice: optStr(CARD_LIMITS.notice),
  /** Fact card: labelled Nynorsk facts (kjelde, dato, lesetid, namngjevne ...). */
  facts: v.optional(v.pipe(v.array(v.object({ label: str(CARD_LIMITS.label), value: text(CARD_LIMITS.sentence) })), maxItems(CARD_LIMITS.facts))),
  /** Fact card: sentences quoted in English from the article, each with its paragraph. */
  keyPoints: v.optional(v.pipe(v.array(v.object({ text: text(CARD_LIMITS.sentence), evidence: EvidenceSchema })), maxItems(CARD_LIMITS.keyPoints))),
  /** Fact card: figures in Nynorsk notation, each with the English sentence it stands in and its paragraph. */
  figures: v.optional(
    v.pipe(v.array(v.object({ value: text(CARD_LIMITS.label), text: text(CARD_LIMITS.sentence), evidence: EvidenceSchema })), maxItems(CARD_LIMITS.figures)),
  ),
  /** IT terms the article uses, with their Nynorsk equivalents. */
  terms: v.optional(v.pipe(v.array(v.object({ en: str(CARD_LIMITS.term), nn: str(CARD_LIMITS.term) })), maxItems(CARD_LIMITS.terms))),
  createdAt: v.pipe(str(CARD_LIMITS.date), v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date')),
});

export type CardContent = v.InferOutput<typeof CardContentSchema>;
export type Card = v.InferOutput<typeof CardSchema>;
export type FaqItem = v.InferOutput<typeof FaqItemSchema>;
export type PartialCardContent = v.InferOutput<typeof PartialCardContentSchema>;
export type EngineKind = v.InferOutput<typeof EngineKindSchema>;
