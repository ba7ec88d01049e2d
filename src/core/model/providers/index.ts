/**
 * The three providers behind one interface: stream a completion, list the
 * server's models, and test a configuration with a Nynorsk verdict.
 */
import { ModelError } from '../errors';
import { connectionText } from '../../../strings/model-connection';
import { modelErrorMessages } from '../../../strings/model-errors';
import { fill } from '../../template';
import { originForMessage, webUrl } from '../../url-origin';
import { streamHttp } from '../http';
import { MAX_JSON_DEPTH } from '../partial-json';
import { CARD_CONTENT_SCHEMA } from '../schema';
import { estimateTokens } from '../tokens';
import type { ChatMessage, EngineProvider, FetchLike, ModelConfig, Provider, StreamOptions } from '../types';
import { anthropic } from './anthropic';
import { local } from './local';
import { ollama } from './ollama';
import { openai } from './openai';
import type { AnswerDecoder, ProviderAdapter } from './shared';

const ADAPTERS: Record<EngineProvider, ProviderAdapter> = { openai, ollama, anthropic, local };

/** Default endpoints the options page can offer. */
export const DEFAULT_ENDPOINTS: Record<Provider, string> = {
  ollama: 'http://localhost:11434',
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
};

function checkConfig(config: ModelConfig): void {
  // The on-device model has no endpoint of its own: its requests stay in the browser.
  if (config.provider === 'local') return;
  if (!webUrl(config.endpoint)) throw new ModelError('bad-config', modelErrorMessages.badConfig(config.endpoint));
}

/** Bounds of one answer; past either the request is aborted with an 'answer-too-long' error. */
export type AnswerLimits = {
  /** UTF-8 bytes of answer text (default 16 per token of max_tokens: a card is far shorter, but a run of whitespace has no tokens). */
  maxAnswerBytes?: number;
  /** Estimated tokens of answer text (default 1.5 × max_tokens + 64: room for the estimate's error). */
  maxAnswerTokens?: number;
};

/** The default limits for an answer asked for with `maxTokens`. */
export function answerLimits(maxTokens: number): Required<AnswerLimits> {
  return { maxAnswerBytes: maxTokens * 16, maxAnswerTokens: Math.ceil(maxTokens * 1.5) + 64 };
}

/** Protocol framing per piece of text is far larger than the text (an SSE frame per token): the body's own bound. */
const BODY_BYTES_PER_ANSWER_BYTE = 64;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Streams one chat completion from the configured provider and resolves with
 * the whole answer text. `onText` sees each piece as it arrives. A server
 * that ignores max_tokens is stopped once the answer passes its limits
 * (AnswerLimits): the request is aborted and the error says the answer was
 * too long.
 */
export async function streamCompletion(config: ModelConfig, messages: ChatMessage[], opts: StreamOptions & AnswerLimits): Promise<string> {
  checkConfig(config);
  const adapter = ADAPTERS[config.provider];
  const maxTokens = opts.maxTokens ?? 2048;
  const limits = { ...answerLimits(maxTokens), ...definedLimits(opts) };
  const req = adapter.chatRequest(config, messages, opts.schema ?? CARD_CONTENT_SCHEMA, maxTokens, {
    ...(opts.paragraphCount !== undefined ? { paragraphCount: opts.paragraphCount } : {}),
  });
  let text = '';
  let bytes = 0;
  let tokens = 0;
  let decoder: AnswerDecoder | null = null;
  let nesting = createNestingGauge();
  const http = { ...opts, provider: config.provider, model: config.model, maxBodyBytes: limits.maxAnswerBytes * BODY_BYTES_PER_ANSWER_BYTE };
  await streamHttp(req, http, (contentType) => {
    // A retried request starts over.
    text = '';
    bytes = 0;
    tokens = 0;
    nesting = createNestingGauge();
    decoder = adapter.decoder(contentType, (delta) => {
      // Counted piece by piece, so the check costs no more than the text itself.
      bytes += utf8Length(delta);
      tokens += estimateTokens(delta);
      if (bytes > limits.maxAnswerBytes || tokens > limits.maxAnswerTokens)
        throw new ModelError('answer-too-long', modelErrorMessages.answerTooLong(), {
          detail: `stopped after ${bytes} bytes, about ${tokens} tokens (limits ${limits.maxAnswerBytes} bytes, ${limits.maxAnswerTokens} tokens; max_tokens ${maxTokens})`,
        });
      // No card nests this deep: refuse at once instead of reading (and later parsing) the rest.
      if (nesting.push(delta) > MAX_JSON_DEPTH)
        throw new ModelError('invalid-answer', modelErrorMessages.answerTooDeep(), { detail: `nesting over ${MAX_JSON_DEPTH} after ${bytes} bytes` });
      text += delta;
      opts.onText?.(delta, text);
    }, config);
    return decoder;
  });
  // The server stopped at max_tokens: a card cut there is the limit's fault, and the reader should hear so.
  if ((decoder as AnswerDecoder | null)?.hitLengthLimit?.() && !isCompleteJson(text)) {
    throw new ModelError('length-limit', modelErrorMessages.lengthLimit(), { detail: `stopped at max_tokens ${maxTokens} after ${bytes} bytes` });
  }
  return text;
}

/**
 * The deepest JSON nesting seen so far in a streamed answer, piece by piece
 * (brackets inside strings do not count). Prose around the JSON counts too:
 * a bracket in prose only adds one level.
 */
function createNestingGauge(): { push(piece: string): number } {
  let depth = 0;
  let max = 0;
  let inString = false;
  let escaped = false;
  return {
    push(piece) {
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) {
          if (++depth > max) max = depth;
          if (max > MAX_JSON_DEPTH) return max;
        } else if ((c === 0x7d || c === 0x5d) && depth > 0) depth--;
      }
      return max;
    },
  };
}

/** Whether the answer's JSON closed (a fenced or prefixed answer counts from its first brace). */
function isCompleteJson(text: string): boolean {
  const start = text.search(/[[{]/);
  if (start < 0) return false;
  try {
    JSON.parse(text.slice(start).replace(/\s*```\s*$/, ''));
    return true;
  } catch {
    return false;
  }
}

const definedLimits = (o: AnswerLimits): AnswerLimits => ({
  ...(o.maxAnswerBytes !== undefined ? { maxAnswerBytes: o.maxAnswerBytes } : {}),
  ...(o.maxAnswerTokens !== undefined ? { maxAnswerTokens: o.maxAnswerTokens } : {}),
});

/** The models the server offers (Ollama: /api/tags; OpenAI: /models; Anthropic: /v1/models). */
export async function listModels(config: ModelConfig, opts: { fetch: FetchLike; signal?: AbortSignal; timeoutMs?: number }): Promise<string[]> {
  checkConfig(config);
  const adapter = ADAPTERS[config.provider];
  let body = '';
  await streamHttp(adapter.modelsRequest(config), { ...opts, retries: 0, timeoutMs: opts.timeoutMs ?? 10_000, provider: config.provider, model: config.model }, () => ({
    feed: (c) => void (body += c),
    end: () => undefined,
  }));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ModelError('invalid-answer', modelErrorMessages.invalidAnswer(), { detail: body.slice(0, 200) });
  }
  return adapter.parseModels(parsed).sort();
}

/** The verdict of "Test tilkoplinga": `message` is Nynorsk and says what to do. */
export type ConnectionVerdict = { ok: boolean; message: string; models: string[]; error?: ModelError };

/** Tests a configuration by listing the server's models; sends no article text and costs no tokens. */
export async function testConnection(config: ModelConfig, opts: { fetch: FetchLike; signal?: AbortSignal; timeoutMs?: number }): Promise<ConnectionVerdict> {
  let models: string[];
  try {
    models = await listModels(config, opts);
  } catch (e) {
    if (e instanceof ModelError) return { ok: false, message: e.message, models: [], error: e };
    throw e;
  }
  const origin = originForMessage(config.endpoint);
  const offered = models.slice(0, 8).join(', ');
  if (!config.model.trim()) {
    return models.length
      ? { ok: false, message: fill(connectionText.chooseModel, { origin, models: offered }), models }
      : { ok: false, message: fill(connectionText.noModels, { origin }), models };
  }
  const found = models.includes(config.model) || models.includes(`${config.model}:latest`);
  if (found) return { ok: true, message: fill(connectionText.modelFound, { model: config.model, origin }), models };
  if (!models.length) return { ok: true, message: fill(connectionText.noModelList, { model: config.model, origin }), models };
  return { ok: false, message: fill(connectionText.modelMissing, { model: config.model, origin, models: offered }), models };
}
