/**
 * The card's one source of truth, as valibot schemas: the types in
 * core/types.ts and core/model/types.ts are inferred from these, the card
 * guard in core/validate.ts parses with them, and the model engine's JSON
 * schema (core/model/schema.ts) and the on-device model's GBNF grammar
 * (core/model/grammar.ts) are generated from CardContentSchema.
 *
 * Checks JSON Schema cannot say (text that is not blank, a parseable date)
 * are `v.check` actions: valibot runs them, the JSON-schema conversion leaves
 * them out. Evidence bounds depend on the article and stay as code in the
 * callers (validateCard, checkCardContent, the grammar's parameters).
 */
import * as v from 'valibot';
import { TOPIC_IDS } from '../types';

/** Who made a card: the curated library, a remote model, the on-device model, or the offline fact card. */
export const ENGINE_KINDS = ['library', 'model', 'local', 'digest'] as const;

const notBlank = (s: string) => s.trim().length > 0;

/** A string with at least one non-whitespace character. */
const TextSchema = v.pipe(v.string(), v.check(notBlank, 'blank text'));

/** Article paragraph numbers (0-based indices into Article.paragraphs); the upper bound is the caller's. */
export const EvidenceSchema = v.pipe(v.array(v.pipe(v.number(), v.integer())), v.description('article paragraph numbers'));

/** The fields of one FAQ item, in the order the model writes them. */
const faqItemEntries = { q: TextSchema, a: TextSchema, evidence: EvidenceSchema };

/** The fields the model writes, in the order it writes them; shared by CardContentSchema and CardSchema. */
const contentEntries = {
  title: v.pipe(v.string(), v.check(notBlank, 'blank text'), v.description('Nynorsk headline')),
  summary: v.pipe(v.array(TextSchema), v.description('Nynorsk paragraphs')),
};

/** A FAQ item of a card. Not strict: library cards carry extra keys (anchors). */
export const FaqItemSchema = v.object(faqItemEntries);

/**
 * What the model writes: the Nynorsk part of a card. Strict objects (no other
 * keys), so the JSON schema generated from it has additionalProperties: false.
 */
export const CardContentSchema = v.strictObject({
  ...contentEntries,
  faq: v.array(v.strictObject(faqItemEntries)),
});

export const TopicIdSchema = v.picklist(TOPIC_IDS);
export const EngineKindSchema = v.picklist(ENGINE_KINDS);

const optStr = v.optional(v.string());

/** A card: what popup and overlay show. */
export const CardSchema = v.object({
  url: v.pipe(v.string(), v.nonEmpty()),
  ...contentEntries,
  sourceTitle: v.string(),
  topic: v.object({
    id: TopicIdSchema,
    label: v.string(),
    confidence: v.pipe(v.number(), v.finite()),
    reasons: v.optional(v.array(v.string())),
    secondary: v.optional(v.array(TopicIdSchema)),
  }),
  faq: v.array(FaqItemSchema),
  source: v.object({ site: v.literal('Spiceworks'), url: v.string(), author: optStr, published: optStr }),
  engine: v.object({ kind: EngineKindSchema, model: optStr }),
  /** bokmalForms: forms the Nynorsk checker flagged; suggestions: a Nynorsk form for each, where known. */
  language: v.object({
    lang: v.literal('nn'),
    bokmalForms: v.array(v.string()),
    suggestions: v.optional(v.pipe(v.custom((r) => !Array.isArray(r), 'not a record'), v.record(v.string(), v.string()))),
  }),
  /** Plain-language note shown with the card (e.g. that no summary exists yet). */
  notice: optStr,
  /** Fact card: labelled Nynorsk facts (kjelde, dato, lesetid, namngjevne ...). */
  facts: v.optional(v.array(v.object({ label: v.string(), value: TextSchema }))),
  /** Fact card: sentences quoted in English from the article, each with its paragraph. */
  keyPoints: v.optional(v.array(v.object({ text: TextSchema, evidence: EvidenceSchema }))),
  /** Fact card: figures in Nynorsk notation, each with the English sentence it stands in and its paragraph. */
  figures: v.optional(v.array(v.object({ value: TextSchema, text: TextSchema, evidence: EvidenceSchema }))),
  /** IT terms the article uses, with their Nynorsk equivalents. */
  terms: v.optional(v.array(v.object({ en: v.string(), nn: v.string() }))),
  createdAt: v.pipe(v.string(), v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date')),
});

export type CardContent = v.InferOutput<typeof CardContentSchema>;
export type Card = v.InferOutput<typeof CardSchema>;
export type FaqItem = v.InferOutput<typeof FaqItemSchema>;
export type EngineKind = v.InferOutput<typeof EngineKindSchema>;
