/**
 * The article a page yields, its topic, and a tab's card state, as valibot
 * schemas: core/types.ts infers the types from them and core/validate.ts
 * checks what crosses a boundary with them (messages, storage, the port), so
 * a field added to a type is a field checked.
 */
import * as v from 'valibot';
import { CardSchema, TopicIdSchema } from './card';
import { plainObject } from './common';

const strings = v.array(v.string());
const optStr = v.optional(v.string());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The article as extracted from a page: text in order, plus metadata. */
export const ArticleSchema = v.pipe(
  plainObject,
  v.object({
    /** URL of the page the article was read from. */
    url: v.string(),
    /** Canonical URL (link[rel=canonical], og:url or the page URL without query and hash). */
    canonicalUrl: v.string(),
    kind: v.picklist(['article', 'thread']),
    /** The article's own title, without the " - Spiceworks" suffix. */
    title: v.string(),
    author: optStr,
    /** ISO date (yyyy-mm-dd or full ISO timestamp) where the page says. */
    published: optStr,
    updated: optStr,
    /** URL section (artificial-intelligence, network-security, ...) or Discourse category. */
    section: optStr,
    /** news | articles | guest-article | interviews | thread */
    contentType: optStr,
    description: optStr,
    tags: strings,
    breadcrumbs: strings,
    /** JSON-LD @type values and articleSection/keywords found on the page. */
    jsonLd: v.pipe(plainObject, v.object({ types: strings, sections: strings, keywords: strings })),
    /** og:type and similar meta signals. */
    meta: v.pipe(plainObject, v.record(v.string(), v.string())),
    /** The "MORE ON <TOPIC>" heading text, if the page had one (a topic signal). */
    moreOn: optStr,
    /** Body paragraphs in reading order; FAQ evidence indices point into this. */
    paragraphs: strings,
    /** Threads: the paragraph index where each post starts, the first post first. */
    postStarts: v.optional(v.array(count)),
    /** Threads: the reply count the page states, or the replies on the page as a lower bound. */
    replies: v.optional(v.pipe(plainObject, v.object({ count: v.pipe(v.number(), v.integer()), atLeast: v.boolean() }))),
  }),
);

/** Topic detection result. `reasons` are Nynorsk, shown one click away. */
export const TopicResultSchema = v.pipe(
  plainObject,
  v.object({
    id: TopicIdSchema,
    label: v.string(),
    confidence: v.pipe(v.number(), v.finite()),
    secondary: v.array(TopicIdSchema),
    reasons: strings,
  }),
);

/** A tab whose card is ready (validate.ts's isCardState checks the card with validateCard instead). */
export const ReadyStateSchema = v.object({ status: v.literal('ready'), url: v.string(), card: CardSchema });

/** The state of one tab's card, as popup and overlay render it. */
export const CardStateSchema = v.variant('status', [
  v.object({ status: v.literal('loading'), url: v.string(), title: optStr }),
  ReadyStateSchema,
  v.object({ status: v.literal('none'), url: optStr }),
  v.object({ status: v.literal('error'), url: optStr, message: v.string() }),
]);

export type Article = v.InferOutput<typeof ArticleSchema>;
export type TopicResult = v.InferOutput<typeof TopicResultSchema>;
export type CardState = v.InferOutput<typeof CardStateSchema>;
