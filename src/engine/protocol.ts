/**
 * What the background and the engine host say to each other over the engine
 * port, as valibot schemas: requests in, events out, both parsed on arrival.
 * The types (EngineChatRequest, EngineEvent, ...) are inferred from them;
 * host.ts passes them on.
 */
import * as v from 'valibot';
import type { ChatMessage } from '../core/model/types';
import { parser, plainObject, withoutUndefined } from '../core/schema/common';

export const ENGINE_PORT = 'nynorsk-kort-engine';

/** A whole number from 1 to `max`. */
const count = (max: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(max));

/** One chat message (core/model/types' ChatMessage); unknown keys are dropped. */
const ChatMessageSchema = v.pipe(
  plainObject,
  v.object({ role: v.picklist(['system', 'user', 'assistant']), content: v.string() }),
) satisfies v.GenericSchema<unknown, ChatMessage>;

/** One answer the background asks for; unknown keys are dropped, so nothing else crosses the port. */
const EngineChatRequestSchema = v.pipe(
  plainObject,
  v.object({
    modelId: v.string(),
    messages: v.array(ChatMessageSchema),
    /** GBNF grammar the answer must follow. */
    grammar: v.optional(v.string()),
    maxTokens: count(32_768),
    /** Context window to load the model with (prompt and answer together). */
    nCtx: count(131_072),
    temperature: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  }),
  v.transform(withoutUndefined),
);

const EngineRequestSchema = v.pipe(plainObject, v.object({ type: v.literal('chat'), request: EngineChatRequestSchema }));

const EngineErrorKindSchema = v.picklist(['not-installed', 'no-memory', 'load-failed', 'generation-failed', 'cancelled']);

/** What the host sends back while it works; unknown keys are dropped. */
const EngineEventSchema = v.pipe(
  plainObject,
  v.variant('type', [
    v.object({ type: v.literal('status'), phase: v.picklist(['loading', 'reading', 'writing']) }),
    v.object({ type: v.literal('text'), text: v.string() }),
    v.object({ type: v.literal('end'), tokens: v.number(), ms: v.number(), finish: v.picklist(['stop', 'length']) }),
    v.object({
      type: v.literal('error'),
      kind: EngineErrorKindSchema,
      /** Cut to 300 characters; a detail that is no text is left out, not the event. */
      detail: v.fallback(v.optional(v.pipe(v.string(), v.transform((s) => s.slice(0, 300)))), undefined),
    }),
  ]),
  v.transform(withoutUndefined),
);

export type EngineChatRequest = v.InferOutput<typeof EngineChatRequestSchema>;
export type EngineRequest = v.InferOutput<typeof EngineRequestSchema>;
export type EngineErrorKind = v.InferOutput<typeof EngineErrorKindSchema>;
export type EngineEvent = v.InferOutput<typeof EngineEventSchema>;

/** The request if it is one and well formed (unknown keys dropped), else null. */
export const parseEngineRequest = parser(EngineRequestSchema);

/** The event if it is one and well formed (unknown keys dropped, a long detail cut), else null. */
export const parseEngineEvent = parser(EngineEventSchema);
