/**
 * Answer fuzzing: model answers, mutated (wrong types, oversized, markup,
 * junk), truncated, framed in each provider's real wire protocol (OpenAI SSE
 * and plain JSON, Ollama NDJSON, Anthropic SSE and plain JSON, the same frames
 * support/model-server.ts sends), with frame mutations, invalid UTF-8
 * bytes, and random chunk sizes that split multi-byte characters, streamed
 * through the whole engine (generateModelCard: HTTP body reading, SSE/NDJSON
 * framing, partial JSON, answer parsing, card building and validation).
 *
 * The engine may reject an answer only with its own typed error (ModelError);
 * a card it returns must pass validateCard and the sanity checks.
 */
import fc from 'fast-check';
import { isModelError } from '../../src/core/model/errors';
import { generateModelCard } from '../../src/core/model/generate';
import { extractJson } from '../../src/core/model/parse';
import { partialCardContent } from '../../src/core/model/partial-json';
import { DEFAULT_PREFS, type FetchLike, type ModelConfig, type PartialCardContent, type Provider } from '../../src/core/model/types';
import type { Article } from '../../src/core/types';
import { validateCard } from '../../src/core/validate';
import { GOOD_CONTENT, TEST_ARTICLE, TEST_TOPIC } from '../model-server';
import { JUNK_PIECES } from './documents';
import { cardProblems } from './sanity';

// ---------------------------------------------------------------- arbitraries

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Size options: the unit tests keep answers small; the long run goes bigger. */
export type AnswerScale = { repeat: number; deep: number; piece: number };
export const UNIT_ANSWERS: AnswerScale = { repeat: 3_000, deep: 3_000, piece: 256 };
export const LONG_ANSWERS: AnswerScale = { repeat: 20_000, deep: 200_000, piece: 4_096 };

/** Any JSON value, small. */
const jsonAny = fc.jsonValue({ maxDepth: 3 });

/** The text a (broken) model answers with, at the given scale. */
function answerTextArb(scale: AnswerScale): fc.Arbitrary<AnswerText> {
  /** Strings a broken model writes. */
  const junkString = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
    { weight: 3, arbitrary: fc.constantFrom(...JUNK_PIECES) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'undefined', 'NaN', '[object Object]', 'null', '', ' ', '\n\n', '\t', '<b>Tittel</b>', '<script>alert(1)</script>', 'Tekst med <a href="x">lenkje</a>.',
        '<img src=x onerror=alert(1)>', '</p><p>', '&lt;b&gt;', 'Eit skuledistrikt i Ohio fekk systema i gang att.', '```', '{"title":"inni"}', '\\u0000', '\u0000',
      ),
    },
    { weight: 1, arbitrary: fc.record({ unit: fc.constantFrom('a', 'Ord ', 'æøå ', '\u0301', '😀', '<p>'), times: fc.integer({ min: 100, max: scale.repeat }) }).map((r) => r.unit.repeat(r.times)) },
  );


  /** A value of the wrong type for a text field. */
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.constant([]),
    fc.constant({}),
    fc.array(junkString, { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), junkString, { maxKeys: 3 }),
    jsonAny,
  );

  const evidenceValue = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -3, max: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom(1.5, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 'NaN', '3', ' 2 ', '1e2', '0x1', '', null, true, [], {}, [1]) },
  );

  const textField = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...GOOD_CONTENT.summary, GOOD_CONTENT.title) }, { weight: 3, arbitrary: junkString }, { weight: 1, arbitrary: wrongType });

  const faqItem = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...GOOD_CONTENT.faq) },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          q: textField,
          a: textField,
          evidence: fc.oneof(fc.array(evidenceValue, { maxLength: 6 }), evidenceValue, fc.array(fc.nat({ max: 10 }), { minLength: 21, maxLength: 200 })),
          extra: jsonAny,
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: wrongType },
  );

  /** Card content as a (broken) model writes it: each field kept, changed, retyped or left out. */
  const contentValue = fc.record(
    {
      title: fc.oneof({ weight: 2, arbitrary: fc.constant(GOOD_CONTENT.title) }, { weight: 3, arbitrary: junkString }, { weight: 1, arbitrary: wrongType }),
      summary: fc.oneof(
        { weight: 2, arbitrary: fc.constant(GOOD_CONTENT.summary) },
        { weight: 3, arbitrary: fc.array(textField, { maxLength: 8 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...GOOD_CONTENT.summary), { minLength: 21, maxLength: 300 }) },
        { weight: 1, arbitrary: fc.oneof(junkString, fc.constant(GOOD_CONTENT.summary.join('\n\n'))) },
        { weight: 1, arbitrary: wrongType },
      ),
      faq: fc.oneof(
        { weight: 2, arbitrary: fc.constant(GOOD_CONTENT.faq) },
        { weight: 3, arbitrary: fc.array(faqItem, { maxLength: 8 }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...GOOD_CONTENT.faq), { minLength: 21, maxLength: 300 }) },
        { weight: 1, arbitrary: wrongType },
      ),
      extra: jsonAny,
    },
    { requiredKeys: [] },
  );

  /** The text of an answer: JSON of the content, or raw text that is hardly JSON at all. */
  const answerText: fc.Arbitrary<AnswerText> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('json' as const), value: contentValue, wrap: fc.constantFrom('none', 'none', 'fence', 'prose', 'two'), pretty: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: codeUnit, maxLength: 200 }), fc.json({ maxDepth: 3 })) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('deep' as const),
        depth: fc.oneof(fc.integer({ min: 10, max: Math.min(2_000, scale.deep) }), fc.integer({ min: 2_000, max: Math.max(2_001, scale.deep) })),
        open: fc.constantFrom('[', '{"a":', '["', '{"summary":['),
        closed: fc.boolean(),
      }),
    },
  );
  return answerText;
}

export type AnswerText =
  | { kind: 'json'; value: unknown; wrap: string; pretty: boolean }
  | { kind: 'raw'; text: string }
  | { kind: 'deep'; depth: number; open: string; closed: boolean };

export type Protocol = 'openai-sse' | 'openai-json' | 'ollama' | 'anthropic-sse' | 'anthropic-json';

export type FrameOp =
  | { op: 'drop-end' }
  | { op: 'drop'; at: number }
  | { op: 'dup'; at: number }
  | { op: 'bad'; at: number; text: string }
  | { op: 'error'; at: number }
  | { op: 'comment'; at: number }
  | { op: 'wrong-shape'; at: number; value: unknown }
  | { op: 'eol'; eol: '\r\n' | '\r' };

export type AnswerInput = {
  protocol: Protocol;
  /** Paragraphs in the article the answer is about. */
  paragraphs: number;
  text: AnswerText;
  /** Cut the answer text at this ‰ of its length (a model that stopped early). */
  truncate: number | null;
  /** Characters per content delta (cycled). */
  pieces: number[];
  frameOps: FrameOp[];
  /** Invalid UTF-8 put into the byte stream at ‰ positions. */
  badBytes: { at: number; bytes: number[] }[];
  /** Bytes per network chunk (cycled). */
  chunks: number[];
  status: number;
};

const INVALID_UTF8 = [[0xff], [0xfe], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xef, 0xbb, 0xbf], [0x00]];

export function answerInput(scale: AnswerScale = UNIT_ANSWERS): fc.Arbitrary<AnswerInput> {
  const at = fc.nat({ max: 1000 });
  return fc.record({
    protocol: fc.constantFrom<Protocol>('openai-sse', 'openai-sse', 'openai-json', 'ollama', 'ollama', 'anthropic-sse', 'anthropic-sse', 'anthropic-json'),
    paragraphs: fc.integer({ min: 1, max: 12 }),
    text: answerTextArb(scale),
    truncate: fc.option(at, { freq: 4 }),
    pieces: fc.array(fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 8, max: scale.piece })), { minLength: 1, maxLength: 5 }),
    frameOps: fc.array(
      fc.oneof(
        { weight: 2, arbitrary: fc.constant({ op: 'drop-end' as const }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), at }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('dup' as const), at }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('bad' as const), at, text: fc.constantFrom('data: {not json\n\n', '{"message":\n', 'data: \n\n', 'event: error\ndata: {}\n\n', 'data: [DONE]\n\n', '\n\n\n', 'garbage without newline') }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('error' as const), at }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('comment' as const), at }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('wrong-shape' as const), at, value: jsonAny }) },
        { weight: 2, arbitrary: fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const) }) },
      ),
      { maxLength: 3 },
    ),
    badBytes: fc.array(fc.record({ at, bytes: fc.constantFrom(...INVALID_UTF8) }), { maxLength: 3 }),
    chunks: fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 64, max: 65_536 })), { minLength: 1, maxLength: 6 }),
    status: fc.oneof({ weight: 20, arbitrary: fc.constant(200) }, { weight: 1, arbitrary: fc.constantFrom(201, 204, 206, 302, 400, 401, 403, 404, 413, 422, 429, 500, 503) }),
  });
}

/** A good answer in any protocol and chunking, nothing broken: the engine must give its card. */
export function wellFormedAnswerInput(): fc.Arbitrary<AnswerInput> {
  return fc.record({
    protocol: fc.constantFrom<Protocol>('openai-sse', 'openai-json', 'ollama', 'anthropic-sse', 'anthropic-json'),
    paragraphs: fc.constant(TEST_ARTICLE.paragraphs.length),
    text: fc.record({ kind: fc.constant('json' as const), value: fc.constant(GOOD_CONTENT as unknown), wrap: fc.constantFrom('none', 'fence', 'prose'), pretty: fc.boolean() }),
    truncate: fc.constant(null),
    pieces: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }),
    frameOps: fc.array(fc.oneof(fc.record({ op: fc.constant('comment' as const), at: fc.nat({ max: 1000 }) }), fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const) })), { maxLength: 2 }),
    badBytes: fc.constant([]),
    chunks: fc.array(fc.integer({ min: 1, max: 128 }), { minLength: 1, maxLength: 6 }),
    status: fc.constant(200),
  });
}

// ---------------------------------------------------------------- building the stream

export function answerTextOf(t: AnswerText): string {
  if (t.kind === 'raw') return t.text;
  if (t.kind === 'deep') {
    const close = t.open.startsWith('{"summary"') ? ']}' : t.open.startsWith('{') ? '}' : t.open === '["' ? '"]' : ']';
    return `{"title":"Djup","summary":["a"],"faq":[],"x":${t.open.repeat(t.depth)}${t.open === '["' ? '' : '1'}${t.closed ? close.repeat(t.depth) + '}' : ''}`;
  }
  let json: string;
  try {
    json = JSON.stringify(t.value, null, t.pretty ? 2 : undefined) ?? 'undefined';
  } catch {
    json = String(t.value);
  }
  if (t.wrap === 'fence') return '```json\n' + json + '\n```';
  if (t.wrap === 'prose') return `Her er kortet:\n${json}\nHåpar det hjelper {ikkje json}`;
  if (t.wrap === 'two') return `${json}\n${json}`;
  return json;
}

const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

/** The body frames and closing frames of a protocol, as model-server.ts writes them. */
function frames(protocol: Protocol, pieces: string[], whole: string): { body: string[]; end: string[]; error: string; contentType: string } {
  const model = 'fuzz-model';
  if (protocol === 'openai-json')
    return {
      body: [JSON.stringify({ id: 'chatcmpl-fuzz', object: 'chat.completion', model, choices: [{ index: 0, message: { role: 'assistant', content: whole }, finish_reason: 'stop' }] })],
      end: [],
      error: JSON.stringify({ error: { message: 'The server had an error', type: 'server_error' } }),
      contentType: 'application/json',
    };
  if (protocol === 'anthropic-json')
    return {
      body: [JSON.stringify({ id: 'msg_fuzz', type: 'message', role: 'assistant', model, content: [{ type: 'text', text: whole }], stop_reason: 'end_turn' })],
      end: [],
      error: JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
      contentType: 'application/json',
    };
  if (protocol === 'openai-sse') {
    const chunk = (delta: Record<string, unknown>, finish: string | null) => sse({ id: 'chatcmpl-fuzz', object: 'chat.completion.chunk', model, choices: [{ index: 0, delta, finish_reason: finish }] });
    return {
      body: [chunk({ role: 'assistant', content: '' }, null), ...pieces.map((p) => chunk({ content: p }, null))],
      end: [chunk({}, 'stop'), 'data: [DONE]\n\n'],
      error: sse({ error: { message: 'Rate limit reached', type: 'rate_limit_error' } }),
      contentType: 'text/event-stream; charset=utf-8',
    };
  }
  if (protocol === 'ollama') {
    const line = (content: string, done: boolean) => JSON.stringify({ model, created_at: '2026-03-18T09:00:00Z', message: { role: 'assistant', content }, done }) + '\n';
    return { body: pieces.map((p) => line(p, false)), end: [line('', true)], error: JSON.stringify({ error: 'model crashed' }) + '\n', contentType: 'application/x-ndjson' };
  }
  const start =
    sse({ type: 'message_start', message: { id: 'msg_fuzz', type: 'message', role: 'assistant', content: [], model } }, 'message_start') +
    sse({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_fuzz', name: 'nynorsk_card', input: {} } }, 'content_block_start') +
    sse({ type: 'ping' }, 'ping');
  const delta = (p: string) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: p } }, 'content_block_delta');
  return {
    body: [start, ...pieces.map(delta)],
    end: [sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'), sse({ type: 'message_delta', delta: { stop_reason: 'tool_use' } }, 'message_delta'), sse({ type: 'message_stop' }, 'message_stop')],
    error: sse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error'),
    contentType: 'text/event-stream',
  };
}

const cycle = (sizes: number[], i: number) => Math.max(1, sizes[i % sizes.length]!);

/** The answer text the model "wrote" (after truncation). */
export function contentText(input: AnswerInput): string {
  const whole = answerTextOf(input.text);
  return input.truncate === null ? whole : whole.slice(0, Math.floor((whole.length * input.truncate) / 1000));
}

/** The response: status, content type and the body as network chunks. */
export function buildResponse(input: AnswerInput): { status: number; contentType: string; chunks: Uint8Array[] } {
  const text = contentText(input);
  const pieces: string[] = [];
  for (let i = 0, k = 0; i < text.length; k++) {
    const n = cycle(input.pieces, k);
    pieces.push(text.slice(i, i + n));
    i += n;
  }
  const f = frames(input.protocol, pieces, text);
  let list = [...f.body];
  let end = [...f.end];
  let eol: string | undefined;
  const idx = (at: number) => Math.floor(((list.length + 1) * at) / 1001);
  for (const o of input.frameOps) {
    if (o.op === 'drop-end') end = [];
    else if (o.op === 'drop') list.splice(idx(o.at), 1);
    else if (o.op === 'dup') list.splice(idx(o.at), 0, list[idx(o.at)] ?? '');
    else if (o.op === 'bad') list.splice(idx(o.at), 0, o.text);
    else if (o.op === 'error') list.splice(idx(o.at), 0, f.error);
    // A keep-alive: an SSE comment, an empty NDJSON line, whitespace around a plain JSON body.
    else if (o.op === 'comment') list.splice(idx(o.at), 0, input.protocol === 'ollama' ? '\n' : input.protocol.endsWith('json') ? ' \n' : ': keep-alive\n\n');
    else if (o.op === 'wrong-shape')
      list.splice(idx(o.at), 0, input.protocol.endsWith('json') ? JSON.stringify(o.value) : input.protocol === 'ollama' ? `${JSON.stringify(o.value)}\n` : sse(o.value));
    else eol = o.eol;
  }
  list = [...list, ...end];
  let body = list.join('');
  if (eol) body = body.replace(/\n/g, eol);
  let bytes = new TextEncoder().encode(body);
  for (const b of input.badBytes) {
    const p = Math.floor((bytes.length * b.at) / 1000);
    const next = new Uint8Array(bytes.length + b.bytes.length);
    next.set(bytes.subarray(0, p));
    next.set(b.bytes, p);
    next.set(bytes.subarray(p), p + b.bytes.length);
    bytes = next;
  }
  const chunks: Uint8Array[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = cycle(input.chunks, k);
    chunks.push(bytes.slice(i, i + n));
    i += n;
  }
  return { status: input.status, contentType: f.contentType, chunks };
}

/** A fetch that answers with the chunks, one per read, and honours the abort signal. */
export function fetchFor(r: { status: number; contentType: string; chunks: Uint8Array[] }): FetchLike {
  return async (_url, init) => {
    const signal = init?.signal;
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (signal?.aborted) return ctl.error(new DOMException('The operation was aborted.', 'AbortError'));
        if (i < r.chunks.length) ctl.enqueue(r.chunks[i++]!);
        else ctl.close();
      },
    });
    const noBody = r.status === 204;
    return new Response(noBody ? null : body, { status: r.status, headers: { 'content-type': r.contentType } });
  };
}

// ---------------------------------------------------------------- running

export function articleWith(paragraphs: number): Article {
  const ps = Array.from({ length: paragraphs }, (_, i) => TEST_ARTICLE.paragraphs[i % TEST_ARTICLE.paragraphs.length]!);
  return { ...TEST_ARTICLE, paragraphs: ps };
}

const providerOf = (p: Protocol): Provider => (p.startsWith('openai') ? 'openai' : p === 'ollama' ? 'ollama' : 'anthropic');

export type AnswerOutcome = (
  | { status: 'card'; card: unknown }
  /** The engine refused the answer with its own typed error. */
  | { status: 'refused'; kind: string }
  | { status: 'crash'; detail: string }
  /** The engine returned a card its own validator rejects. */
  | { status: 'rejected'; detail: string }
  | { status: 'invalid-accepted'; detail: string; problems: string[] }
  /** The answer did not finish within the watchdog's time (cancelled by the harness). */
  | { status: 'hang'; detail: string }) & {
  /** The engine's own time (generateModelCard), without the harness's building of the response and its direct reader checks. */
  engineMs?: number;
};

const errText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) + `\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(e));

function partialProblems(p: PartialCardContent): string | undefined {
  if (p.title !== undefined && typeof p.title !== 'string') return `partial title is ${typeof p.title}`;
  if (!Array.isArray(p.summary) || !p.summary.every((s) => typeof s === 'string')) return 'partial summary is not a list of strings';
  if (!Array.isArray(p.faq) || !p.faq.every((f) => typeof f.q === 'string' && typeof f.a === 'string' && Array.isArray(f.evidence) && f.evidence.every((n) => typeof n === 'number')))
    return 'partial FAQ item with the wrong types';
  if (p.draft !== undefined && typeof p.draft !== 'string') return `partial draft is ${typeof p.draft}`;
  return undefined;
}

/**
 * Streams one answer through the engine and judges the result. Also feeds
 * the answer text straight to the partial JSON reader and extractJson (the
 * engine turns any exception in the stream into a typed "cut off" error, so
 * a crash there would otherwise be hidden).
 */
export async function runAnswer(input: AnswerInput, watchdogMs = 10_000): Promise<AnswerOutcome> {
  const text = contentText(input);
  // The partial reader on a few prefixes and the whole text; the answer reader on the whole text.
  try {
    const step = Math.max(1, Math.ceil(text.length / 8));
    for (let i = 0; i < text.length; i += step) partialCardContent(text.slice(0, i));
    const p = partialCardContent(text);
    const bad = partialProblems(p);
    if (bad) return { status: 'crash', detail: `partialCardContent: ${bad}` };
    extractJson(text);
  } catch (e) {
    return { status: 'crash', detail: `outside the engine: ${errText(e)}` };
  }

  const article = articleWith(input.paragraphs);
  const config: ModelConfig = { provider: providerOf(input.protocol), endpoint: 'http://127.0.0.1:9/v1', model: 'fuzz-model', apiKey: 'sk-fuzz', prefs: DEFAULT_PREFS };
  const ctl = new AbortController();
  let watchdog = false;
  const timer = setTimeout(() => {
    watchdog = true;
    ctl.abort();
  }, watchdogMs);
  let partialBad: string | undefined;
  const response = buildResponse(input);
  const t0 = performance.now();
  const timed = (o: AnswerOutcome): AnswerOutcome => ({ ...o, engineMs: performance.now() - t0 });
  try {
    const result = await generateModelCard(article, TEST_TOPIC, config, {
      fetch: fetchFor(response),
      signal: ctl.signal,
      retries: 0,
      timeoutMs: watchdogMs * 2,
      sleep: async () => undefined,
      now: () => new Date('2026-12-01T00:00:00Z'),
      onPartial: (p) => {
        partialBad ??= partialProblems(p);
      },
    });
    const ms = performance.now() - t0;
    if (partialBad) return { status: 'crash', detail: `onPartial: ${partialBad}`, engineMs: ms };
    const card = result.card;
    const n = article.paragraphs.length;
    const check = validateCard(card, n);
    const problems = cardProblems(card, { paragraphCount: n });
    if (!check.ok) return { status: 'rejected', detail: `the engine returned a card validateCard rejects: ${check.errors.join(', ')}`, engineMs: ms };
    if (problems.length) return { status: 'invalid-accepted', detail: problems.join('; '), problems, engineMs: ms };
    return { status: 'card', card, engineMs: ms };
  } catch (e) {
    if (watchdog) return timed({ status: 'hang', detail: `no result within ${watchdogMs} ms` });
    if (isModelError(e)) return timed({ status: 'refused', kind: e.kind });
    return timed({ status: 'crash', detail: errText(e) });
  } finally {
    clearTimeout(timer);
  }
}

/** Throws with the outcome's detail unless it is a card or a typed refusal (the unit-test property). */
export function assertAnswerOk(o: AnswerOutcome): void {
  if (o.status === 'card' || o.status === 'refused') return;
  throw new Error(`${o.status}: ${o.detail}`);
}
