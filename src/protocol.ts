/**
 * The one message protocol between content script, background and popup, as
 * valibot schemas: every message, the reply to each (REPLY_SCHEMAS), the
 * model job in storage.session and the model port's messages. The types are
 * inferred from them and the parse functions run them, so a type and its
 * check cannot drift apart. Whatever arrives is parsed before it is trusted:
 * a page can't send these, but a stale or buggy context can. Replies are
 * checked by the sender (see rpc.ts).
 *
 * The article and the topic result come from core/schema/article.ts; card
 * states and cards go through core/validate.ts, which also bounds the
 * evidence (a feedback report's card is also passed on in NFC). A feedback report's fields are feedback.ts's,
 * which also reads the stored list back.
 */
import * as v from 'valibot';
import { ArticleSchema, TopicResultSchema } from './core/schema/article';
import { PartialCardContentSchema } from './core/schema/card';
import { parser } from './core/schema/common';
import type { CardState } from './core/types';
import { isCardState } from './core/validate';
import { FeedbackReportSchema } from './feedback';
import { OVERLAY_MODES } from './pill-prefs';

/**
 * A schema built on first use and kept. Each context checks only the few
 * messages it receives and replies it gets (the article page's script: two
 * or three of them), so the rest are never built there: on a page, building
 * a schema is main-thread time the page load pays for.
 */
// The module's schemas are marked pure (`/* @__PURE__ */`): a bundle that does not use one drops it, and with it
// the schemas it alone refers to (the content script's check chunk needs the port events only).
function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** An object whose properties are built on first read (see lazy), one by one. */
function lazyRecord<B extends Record<string, () => unknown>>(builders: B): { readonly [K in keyof B]: ReturnType<B[K]> } {
  const out = {} as { [K in keyof B]: ReturnType<B[K]> };
  for (const key of Object.keys(builders) as (keyof B)[]) {
    const get = lazy(builders[key]!);
    Object.defineProperty(out, key, { enumerable: true, get });
  }
  return out;
}

/** `parser` of a schema built on first use. */
const lazyParser = <S extends v.GenericSchema>(schema: () => S) => (value: unknown) => parser(schema())(value);

/** A card state whose ready card also passes validateCard's evidence bounds. */
const cardStateSchema = /* @__PURE__ */ lazy(() => v.custom<CardState>(isCardState, 'not a card state'));

/** Longest text a context may send in a message (a URL, an error message). */
const TEXT_MAX = 2000;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const messageSchema = /* @__PURE__ */ lazy(() =>
  v.variant('type', [
    /** content → background: the page holds this article; resolve its card (the background detects the topic: its lexicon stays off the page's main thread). */
    v.object({ type: v.literal('card:request'), article: ArticleSchema }),
    /** content → background: this tab no longer shows an article (SPA navigation, no article). */
    v.object({ type: v.literal('card:clear'), url: v.string() }),
    /** content → background: overlay visibility for this tab's session. */
    v.object({ type: v.literal('overlay:get') }),
    v.object({ type: v.literal('overlay:hide-for-session') }),
    /** popup/overlay → background: open the options page. */
    v.object({ type: v.literal('options:open') }),
    /**
     * popup → content script (browser.tabs.sendMessage): scroll to paragraph
     * `index` of the extracted article (Article.paragraphs) and highlight it.
     */
    v.object({ type: v.literal('evidence:show'), index: v.pipe(v.number(), v.safeInteger(), v.minValue(0)) }),
    /**
     * popup → content script (browser.tabs.sendMessage): write a model card for
     * the article in this tab ("Lag nynorsk samandrag"; `force`: "Lag på nytt").
     * The content script runs it through its own port, which lives as long as the page.
     */
    v.object({ type: v.literal('model:generate'), force: v.optional(v.boolean(), false) }),
    /** popup → content script: stop the model card being written ("Avbryt"). */
    v.object({ type: v.literal('model:cancel') }),
    /** content → background: the port broke mid-stream; record the error in this tab's job state. */
    v.object({ type: v.literal('model:failed'), message: text(TEXT_MAX) }),
    /** options page → background: "Slett alle lagra samandrag"; the background's one cache instance clears, after any card being written. */
    v.object({ type: v.literal('model-cache:clear') }),
    /** popup/overlay → background: "Noko gale i kortet?" saved to the local feedback list (never sent anywhere). */
    v.object({ type: v.literal('feedback:add'), ...FeedbackReportSchema.entries }),
    /** content (listing pages) → background: which articles have a card, for the links' badges (BadgeReply). */
    v.object({ type: v.literal('badges:get') }),
    /** background → content script: a keyboard shortcut for the card on the page (manifest `commands`). */
    v.object({ type: v.literal('card:command'), action: v.picklist(['toggle', 'open']) }),
  ]),
);

export type Message = v.InferOutput<ReturnType<typeof messageSchema>>;
export type MessageType = Message['type'];

const modelOfferSchema = /* @__PURE__ */ lazy(() => v.object({ model: v.string(), auto: v.boolean() }));
const okSchema = /* @__PURE__ */ lazy(() => v.object({ ok: v.literal(true) }));

/** The answer to each message, by its type; the sender checks it (rpc.ts). Each is built when first read. */
export const REPLY_SCHEMAS = /* @__PURE__ */ lazyRecord({
  'card:request': cardStateSchema,
  'card:clear': okSchema,
  /** The switches the pill needs, and the model the user configured as the page needs to know it (never the key or the endpoint). */
  'overlay:get': () => v.object({ mode: v.picklist(OVERLAY_MODES), hiddenForSession: v.boolean(), model: v.nullish(modelOfferSchema()) }),
  'overlay:hide-for-session': okSchema,
  'options:open': okSchema,
  /** Whether the paragraph was found on the page. */
  'evidence:show': () => v.object({ found: v.boolean() }),
  /** False when the page cannot start (its card was hidden for the session, say). */
  'model:generate': () => v.object({ started: v.boolean() }),
  'model:cancel': okSchema,
  'model:failed': okSchema,
  'model-cache:clear': okSchema,
  'feedback:add': okSchema,
  /** Page keys (see core/page-key) and the badge's accessible name. */
  'badges:get': () => v.object({ keys: v.array(v.string()), label: v.string() }),
  /** False when there is no card on the page (a listing, or the reader hid it). */
  'card:command': () => v.object({ done: v.boolean() }),
}) satisfies Record<MessageType, v.GenericSchema>;

/** Replies, by message type. */
export type Replies = { [T in MessageType]: v.InferOutput<(typeof REPLY_SCHEMAS)[T]> };
export type Reply<M extends Message> = Replies[M['type']];

export type BadgeReply = Replies['badges:get'];
export type EvidenceReply = Replies['evidence:show'];
export type ModelOffer = v.InferOutput<ReturnType<typeof modelOfferSchema>>;
export type OverlayPrefs = Replies['overlay:get'];

/** Returns the message if it is one of ours and well formed (unknown keys dropped), else null. */
export const parseMessage = /* @__PURE__ */ lazyParser(messageSchema);

export { MODEL_PORT, modelJobKey, tabStateKey } from './storage-keys';

/**
 * A tab's model job, kept in storage.session so the popup shows what the
 * overlay shows: `idle` (a model is configured and can write the card),
 * `running` (the answer so far), or `error` (a Nynorsk message with what to do).
 * `local`: the model runs on this machine, so nothing is sent anywhere (the help text says so).
 */
const modelJobSchema = /* @__PURE__ */ lazy(() =>
  v.variant('status', [
    v.object({ status: v.literal('idle'), model: v.string(), local: v.optional(v.literal(true)) }),
    v.object({
      status: v.literal('running'),
      model: v.string(),
      startedAt: v.string(),
      partial: PartialCardContentSchema,
      stage: v.optional(v.string()),
      local: v.optional(v.literal(true)),
    }),
    v.object({ status: v.literal('error'), model: v.string(), message: v.string() }),
  ]),
);

export type ModelJob = v.InferOutput<ReturnType<typeof modelJobSchema>>;

/** Returns the job if well formed, else null. */
export const parseModelJob = /* @__PURE__ */ lazyParser(modelJobSchema);

/** content → background over the model port. */
const portRequestSchema = /* @__PURE__ */ lazy(() =>
  v.variant('type', [
    v.object({ type: v.literal('start'), article: ArticleSchema, topic: TopicResultSchema, force: v.optional(v.boolean(), false) }),
    v.object({ type: v.literal('cancel') }),
  ]),
);

/** background → content over the model port. */
const portEventSchema = /* @__PURE__ */ lazy(() =>
  v.variant('type', [
    v.object({ type: v.literal('job'), job: modelJobSchema() }),
    v.object({ type: v.literal('done'), state: cardStateSchema(), fromCache: v.boolean(), requests: v.number() }),
  ]),
);

export type PortRequest = v.InferOutput<ReturnType<typeof portRequestSchema>>;
export type PortEvent = v.InferOutput<ReturnType<typeof portEventSchema>>;

/** Checks a port request from the content script. */
export const parsePortRequest = /* @__PURE__ */ lazyParser(portRequestSchema);

/** Checks a port event from the background. */
export const parsePortEvent = /* @__PURE__ */ lazyParser(portEventSchema);
