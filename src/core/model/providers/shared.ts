/**
 * What each provider adapter supplies: how to ask for a streamed answer, how
 * to read the answer's bytes back into text, and how to list models.
 */
import { errorForStatus, ModelError } from '../errors';
import { modelErrorMessages } from '../../../strings/model-errors';
import type { HttpRequest } from '../http';
import type { ChatMessage, ModelConfig } from '../types';

/** Reads one response body (any chunking) and reports text deltas. */
export type AnswerDecoder = {
  feed(chunk: string): void;
  /** Called when the body ended; throws when the answer was cut off. */
  end(): void;
  /** Whether the server said it stopped because it reached max_tokens (then a broken card is the limit's fault). */
  hitLengthLimit?(): boolean;
};

export type ProviderAdapter = {
  /** `ctx.paragraphCount`: the article's paragraphs, for providers that bound the evidence themselves. */
  chatRequest(config: ModelConfig, messages: ChatMessage[], schema: Record<string, unknown>, maxTokens: number, ctx?: { paragraphCount?: number }): HttpRequest;
  decoder(contentType: string, onDelta: (text: string) => void, config: ModelConfig): AnswerDecoder;
  modelsRequest(config: ModelConfig): HttpRequest;
  parseModels(body: unknown): string[];
};

/** The endpoint without trailing slashes. */
export const trimBase = (endpoint: string) => endpoint.trim().replace(/\/+$/, '');

/** Parses JSON text the server sent as a protocol frame; a broken frame means a broken answer. */
export function parseFrame(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelError('invalid-answer', modelErrorMessages.invalidAnswer(), { detail: `bad frame: ${text.slice(0, 200)}` });
  }
}

/** An error the server reported inside a 200 stream, as a ModelError. */
export function inBandError(err: unknown, config: ModelConfig): ModelError {
  const o = (err && typeof err === 'object' ? err : {}) as Record<string, unknown>;
  const msg = typeof err === 'string' ? err : typeof o.message === 'string' ? o.message : JSON.stringify(err);
  const type = typeof o.type === 'string' ? o.type : typeof o.code === 'string' ? o.code : '';
  const status =
    /rate_limit/.test(type) ? 429 : /overloaded|server|api_error/.test(type) ? 503 : /auth/.test(type) ? 401 : /not_found/.test(type) ? 404 : 400;
  return errorForStatus(status, msg, config);
}

export const cutOff = () => new ModelError('invalid-answer', modelErrorMessages.cutOff());

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A decoder over a framing parser (SSE or NDJSON lines) whose `end` throws
 * "cut off" unless the provider's own end-of-answer frame was seen;
 * `hitLengthLimit` says whether that frame named max_tokens.
 */
export function untilDone(framing: { feed(chunk: string): void; end(): void }, isDone: () => boolean, hitLengthLimit: () => boolean): AnswerDecoder {
  return {
    feed: (c) => framing.feed(c),
    end() {
      framing.end();
      if (!isDone()) throw cutOff();
    },
    hitLengthLimit,
  };
}

/** Model names from a list body: OpenAI and Anthropic send `{data: [{id}]}`, Ollama `{models: [{name}]}`. */
export function namesFrom(body: unknown, listKey: string, nameKey: string): string[] {
  const list = isObj(body) && Array.isArray(body[listKey]) ? (body[listKey] as unknown[]) : [];
  return list.map((m) => (isObj(m) && typeof m[nameKey] === 'string' ? m[nameKey] : '')).filter(Boolean);
}
