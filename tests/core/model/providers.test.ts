import { failure } from '../../support/model-error';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OLLAMA_ORIGINS_HINT } from '../../../src/core/model/errors';
import { modelErrorMessages as errorMessages } from '../../../src/strings/model-errors';
import { backoffDelay } from '../../../src/core/model/http';
import { listModels, streamCompletion, testConnection, utf8Length } from '../../../src/core/model/providers';
import { MAX_JSON_DEPTH } from '../../../src/core/model/partial-json';
import { buildMessages } from '../../../src/core/model/prompt';
import { CARD_CONTENT_SCHEMA } from '../../../src/core/model/schema';
import { DEFAULT_PREFS, type ChatMessage, type FetchLike, type ModelConfig, type Provider, type StreamOptions } from '../../../src/core/model/types';
import { GOOD_CONTENT, SCENARIO_MODELS, serverConfig, startModelServer, TEST_ARTICLE, TEST_TOPIC, type ModelServer } from '../../../support/model-server';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(() => server.close());
// Built before each test, not when the file is collected: the mutation run credits a test only with the code that runs while it runs.
let messages: ChatMessage[];
beforeEach(() => {
  server.reset();
  server.setOptions({ slowDelayMs: 150, chunkDelayMs: 0, rejectExtensionOrigins: false });
  messages = buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS);
});

const PROVIDERS: Provider[] = ['openai', 'ollama', 'anthropic'];
const config = (provider: Provider, model = 'nn-writer', over: Partial<ModelConfig> = {}): ModelConfig => serverConfig(server, provider, model, over);
const noSleep: { delays: number[]; sleep: NonNullable<StreamOptions['sleep']> } = {
  delays: [],
  sleep: async (ms) => void noSleep.delays.push(ms),
};
const opts = (over: Partial<StreamOptions> = {}): StreamOptions => ({ fetch, sleep: noSleep.sleep, ...over });


describe.each(PROVIDERS)('%s', (provider) => {
  it('streams the answer in pieces over the real protocol', async () => {
    const pieces: string[] = [];
    const text = await streamCompletion(config(provider), messages, opts({ onText: (d) => pieces.push(d) }));
    expect(JSON.parse(text)).toEqual(GOOD_CONTENT);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(text);
    expect(server.requests).toHaveLength(1);
  });

  it('asks for JSON against the card schema, with the key in its own header only', async () => {
    await streamCompletion(config(provider), messages, opts());
    const req = server.requests[0]!;
    const body = JSON.parse(req.body) as Record<string, unknown>;
    expect(req.method).toBe('POST');
    expect(body.stream).toBe(true);
    expect(body.model).toBe('nn-writer');
    if (provider === 'openai') {
      expect(req.path).toBe('/v1/chat/completions');
      // Servers that ignore `stream` answer one JSON body, which is read too.
      expect(req.headers.accept).toBe('text/event-stream, application/json');
      expect(req.headers.authorization).toBe(`Bearer ${server.apiKey}`);
      expect(body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'nynorsk_card', strict: true, schema: CARD_CONTENT_SCHEMA } });
      expect(body.messages).toEqual(messages);
    } else if (provider === 'ollama') {
      expect(req.path).toBe('/api/chat');
      expect(body.format).toEqual(CARD_CONTENT_SCHEMA);
      expect(req.headers.authorization).toBeUndefined();
      expect(body.messages).toEqual(messages);
    } else {
      expect(req.path).toBe('/v1/messages');
      expect(req.headers.accept).toBe('text/event-stream');
      expect(req.headers['x-api-key']).toBe(server.apiKey);
      expect(req.headers['anthropic-version']).toBe('2023-06-01');
      expect(req.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
      expect(req.headers.authorization).toBeUndefined();
      // The one tool the model must call, described to it (the model reads the description when it picks the tool).
      const tools = body.tools as { name: string; description: string; input_schema: unknown }[];
      expect(tools).toHaveLength(1);
      expect(tools[0]!.name).toBe('nynorsk_card');
      expect(tools[0]!.description).toMatch(/Nynorsk card/);
      expect(tools[0]!.input_schema).toEqual(CARD_CONTENT_SCHEMA);
      expect(body.tool_choice).toEqual({ type: 'tool', name: 'nynorsk_card' });
      expect(body.system).toBe(messages[0]!.content);
      expect(body.messages).toEqual([messages[1]]);
    }
    expect(req.headers.cookie).toBeUndefined();
  });

  it('lists the models and tests the connection in Nynorsk', async () => {
    const models = await listModels(config(provider), { fetch });
    expect(models.map((m) => m.replace(/:latest$/, '')).sort()).toEqual(Object.keys(SCENARIO_MODELS).sort());
    const good = await testConnection(config(provider), { fetch });
    expect(good.ok).toBe(true);
    expect(good.message).toContain('Tilkoplinga verkar');
    const missing = await testConnection(config(provider, 'llama-ukjend'), { fetch });
    expect(missing.ok).toBe(false);
    expect(missing.message).toContain('«llama-ukjend» finst ikkje');
    expect(missing.models).toEqual(models);
    expect(missing.message).toContain(models[0]);
  });

  it('says when the model does not exist', async () => {
    const e = await failure(streamCompletion(config(provider, 'llama-ukjend'), messages, opts()));
    expect(e.kind).toBe('model-not-found');
    expect(e.message).toContain('«llama-ukjend»');
    if (provider === 'ollama') expect(e.message).toContain('ollama pull llama-ukjend');
  });

  it('says when the article is too long for the model', async () => {
    const e = await failure(streamCompletion(config(provider, 'nn-context'), messages, opts()));
    expect(e.kind).toBe('context-too-long');
    expect(e.message).toMatch(/for lang/);
  });

  it('retries 429 with exponential backoff and gives up with a rate-limit error', async () => {
    noSleep.delays = [];
    const e = await failure(streamCompletion(config(provider, 'nn-rate-limit'), messages, opts({ retries: 2, backoffMs: 100 })));
    expect(e.kind).toBe('rate-limit');
    expect(server.requests).toHaveLength(3);
    expect(noSleep.delays).toEqual([100, 200]);
  });

  it('succeeds after 429s, honouring Retry-After', async () => {
    noSleep.delays = [];
    const text = await streamCompletion(config(provider, 'nn-rate-limit-then-ok'), messages, opts());
    expect(JSON.parse(text)).toEqual(GOOD_CONTENT);
    expect(server.requests).toHaveLength(3);
    expect(noSleep.delays).toEqual([0, 0]);
  });

  it('retries a 500 once and succeeds; a lasting 500 is a server error', async () => {
    expect(JSON.parse(await streamCompletion(config(provider, 'nn-500-then-ok'), messages, opts()))).toEqual(GOOD_CONTENT);
    expect(server.requests).toHaveLength(2);
    server.reset();
    const e = await failure(streamCompletion(config(provider, 'nn-500'), messages, opts({ retries: 1 })));
    expect(e.kind).toBe('server');
    expect(e.message).toContain('HTTP 500');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a stream cut in the middle', async () => {
    const e = await failure(streamCompletion(config(provider, 'nn-cut'), messages, opts()));
    expect(e.kind).toBe('invalid-answer');
    expect(e.message).toContain('stoppa før det var ferdig');
  });

  it('says the model reached its length limit when the server stopped at max_tokens mid-card', async () => {
    const e = await failure(streamCompletion(config(provider, 'nn-max-tokens'), messages, opts()));
    expect(e.kind).toBe('length-limit');
    expect(e.message).toContain('nådde grensa for kor langt svaret kan vere');
    expect(e.message).toContain('«Kort samandrag»');
    // The detail (for the log) says where the server stopped.
    expect(e.detail).toMatch(/^stopped at max_tokens \d+ after \d+ bytes$/);
  });

  it('times out when the server goes quiet, and waits for a slow one within the limit', async () => {
    const e = await failure(streamCompletion(config(provider, 'nn-slow'), messages, opts({ timeoutMs: 40 })));
    expect(e.kind).toBe('timeout');
    expect(e.message).toContain('Fekk ikkje svar');
    server.setOptions({ slowDelayMs: 5 });
    expect(JSON.parse(await streamCompletion(config(provider, 'nn-slow'), messages, opts({ timeoutMs: 2000 })))).toEqual(GOOD_CONTENT);
  });

  it('cancels mid-stream and before the start', async () => {
    server.setOptions({ chunkDelayMs: 5 });
    const ctl = new AbortController();
    let seen = 0;
    const e = await failure(
      streamCompletion(config(provider), messages, opts({ signal: ctl.signal, onText: () => ++seen === 2 && ctl.abort() })),
    );
    expect(e.kind).toBe('cancelled');
    expect(seen).toBe(2);
    server.reset();
    const pre = new AbortController();
    pre.abort();
    expect((await failure(streamCompletion(config(provider), messages, opts({ signal: pre.signal })))).kind).toBe('cancelled');
    expect(server.requests).toHaveLength(0);
  });
});

describe('errors by provider', () => {
  it('a wrong key is 401 with advice about the key (OpenAI-compatible, Anthropic)', async () => {
    for (const p of ['openai', 'anthropic'] as const) {
      const e = await failure(streamCompletion(config(p, 'nn-writer', { apiKey: 'sk-wrong' }), messages, opts()));
      expect(e.kind).toBe('unauthorized');
      expect(e.status).toBe(401);
      expect(e.message).toContain('API-nøkkelen');
      const v = await testConnection(config(p, 'nn-writer', { apiKey: 'sk-wrong' }), { fetch });
      expect(v.ok).toBe(false);
      expect(v.message).toContain('API-nøkkelen');
    }
  });
  it('a plain 403 is a key problem; Ollama 403 tells how to allow extension origins', async () => {
    const plain = await failure(streamCompletion(config('openai', 'nn-forbidden'), messages, opts()));
    expect(plain.kind).toBe('unauthorized');
    expect(plain.status).toBe(403);
    const ollama = await failure(streamCompletion(config('ollama', 'nn-ollama-origin'), messages, opts()));
    expect(ollama.kind).toBe('ollama-origin');
    expect(ollama.message).toContain(OLLAMA_ORIGINS_HINT);
  });
  it('Ollama refusing an extension Origin is detected from the list call too', async () => {
    server.setOptions({ rejectExtensionOrigins: true });
    const fromExtension: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: 'chrome-extension://abcdefghijklmnop' } });
    const v = await testConnection(config('ollama'), { fetch: fromExtension });
    expect(v.ok).toBe(false);
    expect(v.error?.kind).toBe('ollama-origin');
    expect(v.message).toContain(OLLAMA_ORIGINS_HINT);
  });
  it('no server at the address is "no connection"; a bad address is a config error', async () => {
    const closed = await startModelServer();
    const url = closed.url;
    await closed.close();
    const e = await failure(streamCompletion(config('ollama', 'nn-writer', { endpoint: url }), messages, opts()));
    expect(e.kind).toBe('no-connection');
    expect(e.message).toContain(url);
    const bad = await failure(streamCompletion(config('ollama', 'nn-writer', { endpoint: 'localhost:11434' }), messages, opts()));
    expect(bad.kind).toBe('bad-config');
  });
  it('a server that never answers times out after the default 60 s, said in whole seconds', async () => {
    vi.useFakeTimers();
    try {
      const silent: FetchLike = (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      let settled = false;
      const result = failure(streamCompletion(config('openai'), messages, opts({ fetch: silent }))).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(59_000);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      const e = await result;
      expect(e.kind).toBe('timeout');
      expect(e.message).toBe(errorMessages.timeout(60));
    } finally {
      vi.useRealTimers();
    }
  });
  it('listing the models gives up after 10 s by default, or after the time it is given', async () => {
    vi.useFakeTimers();
    try {
      const silent: FetchLike = (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      for (const [timeoutMs, seconds] of [[undefined, 10], [3_000, 3]] as const) {
        let settled = false;
        const result = failure(listModels(config('openai'), { fetch: silent, ...(timeoutMs !== undefined ? { timeoutMs } : {}) })).finally(() => (settled = true));
        await vi.advanceTimersByTimeAsync(seconds * 1000 - 1);
        expect(settled).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        expect(settled).toBe(true);
        const e = await result;
        expect(e.kind).toBe('timeout');
        expect(e.message).toBe(errorMessages.timeout(seconds));
      }
    } finally {
      vi.useRealTimers();
    }
  });
  it('ollama: an error frame in the stream is the error it names', async () => {
    const body = [{ message: { content: '{"title":' } }, { error: "model 'nn-writer' not found, try pulling it first" }].map((l) => JSON.stringify(l)).join('\n') + '\n';
    const e = await failure(streamCompletion(config('ollama'), messages, opts({ fetch: answering('application/x-ndjson', body) })));
    expect(e.kind).toBe('model-not-found');
    expect(e.message).toContain('ollama pull nn-writer');
  });
  it('reads an OpenAI-compatible server that answers without SSE', async () => {
    const pieces: string[] = [];
    const text = await streamCompletion(config('openai', 'nn-no-sse'), messages, opts({ onText: (d) => pieces.push(d) }));
    expect(JSON.parse(text)).toEqual(GOOD_CONTENT);
    expect(pieces).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base, takes Retry-After when given, caps at 30 s', () => {
    expect([0, 1, 2].map((a) => backoffDelay(a, 500, null))).toEqual([500, 1000, 2000]);
    expect(backoffDelay(0, 500, '3')).toBe(3000);
    expect(backoffDelay(0, 500, 'soon')).toBe(500);
    expect(backoffDelay(10, 500, null)).toBe(30000);
  });
});

/** A server that answers every request with `body` as `contentType`, at once. */
const answering = (contentType: string, body: string): FetchLike => async () => new Response(body, { status: 200, headers: { 'content-type': contentType } });
const sse = (...pieces: string[]) =>
  [...pieces.map((content) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`), `data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] })}\n\n`, 'data: [DONE]\n\n'].join('');

describe('answers read from a given body', () => {
  it('ollama: skips NDJSON frames that are JSON but not objects', async () => {
    const lines = [{ message: { content: '{"title":' } }, null, 42, '"ping"', [1], { message: { content: '"T"}' } }, { done: true, done_reason: 'stop' }];
    const body = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
    const text = await streamCompletion(config('ollama'), messages, opts({ fetch: answering('application/x-ndjson', body) }));
    expect(text).toBe('{"title":"T"}');
  });

  it('ollama: a body that ends before the done frame is a cut answer, even when the JSON so far looks whole', async () => {
    const ndjson = (...lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const seen: string[] = [];
    const read = (body: string) => streamCompletion(config('ollama'), messages, opts({ fetch: answering('application/x-ndjson', body), onText: (d) => seen.push(d) }));
    const pieces = [{ message: { content: '{"title":' }, done: false }, { message: { content: '"T"}' }, done: false }];
    // The done frame carries an empty content: no piece of text for onText.
    expect(await read(ndjson(...pieces, { message: { content: '' }, done: true, done_reason: 'stop' }))).toBe('{"title":"T"}');
    expect(seen).toEqual(['{"title":', '"T"}']);
    const cut = await failure(read(ndjson(...pieces)));
    expect([cut.kind, cut.message]).toEqual(['invalid-answer', errorMessages.cutOff()]);
  });

  it('ollama: blank lines between frames are skipped; an answer that stopped by itself is not blamed on the length limit', async () => {
    // Prose instead of a card, ended with done_reason "stop": the text goes back to the caller (who says it is no card).
    const prose = 'Eg kan ikkje lage eit kort av denne artikkelen';
    const body = ['', JSON.stringify({ message: { content: prose }, done: false }), '  ', '', JSON.stringify({ message: { content: '' }, done: true, done_reason: 'stop' }), ''].join('\r\n');
    expect(await streamCompletion(config('ollama'), messages, opts({ fetch: answering('application/x-ndjson', body) }))).toBe(prose);
  });

  it('openai SSE: skips frames that are JSON but not objects; a finish_reason or [DONE] ends the answer, and without either it is cut', async () => {
    const frame = (v: unknown) => `data: ${JSON.stringify(v)}\n\n`;
    const delta = (content: string, finish_reason: string | null = null) => frame({ choices: [{ delta: { content }, finish_reason }] });
    const read = (body: string) => streamCompletion(config('openai'), messages, opts({ fetch: answering('text/event-stream', body) }));
    const junk = [frame(null), frame(42), frame('ping'), frame([1])].join('');
    expect(await read([delta('{"title":'), junk, delta('"T"}', 'stop'), 'data: [DONE]\n\n'].join(''))).toBe('{"title":"T"}');
    // A server that ends with a finish_reason and never sends [DONE].
    expect(await read([delta('{"title":'), delta('"T"}', 'stop')].join(''))).toBe('{"title":"T"}');
    // finish_reason null on every frame, and no [DONE]: the stream broke off.
    const cut = await failure(read([delta('{"title":'), delta('"T"}')].join('')));
    expect([cut.kind, cut.message]).toEqual(['invalid-answer', errorMessages.cutOff()]);
    // [DONE] with a space after it still ends the answer.
    expect(await read([delta('{"title":'), delta('"T"}'), 'data: [DONE] \n\n'].join(''))).toBe('{"title":"T"}');
  });

  it('openai SSE: reads the frames other servers add (a role frame, a finish frame without delta, a usage frame) and blames only a length finish on the limit', async () => {
    const frame = (v: unknown) => `data: ${JSON.stringify(v)}\n\n`;
    const seen: string[] = [];
    const read = (body: string) => streamCompletion(config('openai'), messages, opts({ fetch: answering('text/event-stream', body), onText: (d) => seen.push(d) }));
    const prose = 'Eg kan ikkje lage eit kort av denne artikkelen';
    const body = [
      frame({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }),
      frame({ choices: [{ index: 0, delta: { content: prose }, finish_reason: null }] }),
      frame({ choices: [{ index: 0, finish_reason: 'stop' }] }),
      frame({ choices: [], usage: { prompt_tokens: 900, completion_tokens: 12 } }),
      frame({ usage: { total_tokens: 912 } }),
      'data: [DONE]\n\n',
    ].join('');
    expect(await read(body)).toBe(prose);
    expect(seen).toEqual([prose]);
  });

  it('anthropic SSE: reads the tool input past ping, empty and non-object frames, with or without event lines', async () => {
    const ev = (name: string | null, v: unknown) => `${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(v)}\n\n`;
    const seen: string[] = [];
    const read = (body: string) => streamCompletion(config('anthropic'), messages, opts({ fetch: answering('text/event-stream', body), onText: (d) => seen.push(d) }));
    const json = (partial_json: string) => ({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json } });
    const body = [
      ev('message_start', { type: 'message_start', message: { id: 'msg_1', content: [] } }),
      ev('ping', { type: 'ping' }),
      ev(null, 42),
      ev(null, null),
      ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't1', name: 'card', input: {} } }),
      ev('content_block_delta', json('')),
      ev('content_block_delta', json('{"title":')),
      ev(null, json('"T"}')),
      ev(null, { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: '' } }),
      ev(null, { type: 'content_block_delta', index: 1 }),
      ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' } }),
      ev(null, { type: 'message_delta', usage: { output_tokens: 12 } }),
      ev('message_stop', { type: 'message_stop' }),
    ].join('');
    expect(await read(body)).toBe('{"title":"T"}');
    expect(seen).toEqual(['{"title":', '"T"}']);
  });

  it('anthropic SSE: an answer that stopped by itself (end_turn) is not blamed on the length limit', async () => {
    // Prose instead of a card: the text goes back to the caller (who says it is no card).
    const ev = (name: string, v: unknown) => `event: ${name}\ndata: ${JSON.stringify(v)}\n\n`;
    const prose = 'Eg kan ikkje lage eit kort av denne artikkelen';
    const body = [
      ev('message_start', { type: 'message_start', message: { id: 'msg_1', content: [] } }),
      ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: prose } }),
      ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' } }),
      ev('message_stop', { type: 'message_stop' }),
    ].join('');
    expect(await streamCompletion(config('anthropic'), messages, opts({ fetch: answering('text/event-stream', body) }))).toBe(prose);
  });

  it('anthropic SSE: an error event in the middle of the answer is the error it names, not a cut answer', async () => {
    const ev = (name: string | null, v: unknown) => `${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(v)}\n\n`;
    const json = (partial_json: string) => ({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json } });
    const overloaded = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
    for (const name of ['error', null]) {
      const body = [ev('message_start', { type: 'message_start', message: { id: 'msg_1', content: [] } }), ev('content_block_delta', json('{"title":')), ev(name, overloaded)].join('');
      const e = await failure(streamCompletion(config('anthropic'), messages, opts({ fetch: answering('text/event-stream', body) })));
      expect([e.kind, e.status, e.detail]).toEqual(['server', 503, 'Overloaded']);
    }
  });

  it('anthropic: the request goes to {base}/v1/messages (a base ending in /v1 too), with the system messages joined, max_tokens, and no key header without a key', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init = {}) => {
      sent.push({ url, init });
      return new Response(JSON.stringify({ stop_reason: 'end_turn', content: [{ type: 'tool_use', id: 't1', name: 'card', input: { title: 'T' } }] }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const two: ChatMessage[] = [{ role: 'system', content: 'Skriv på nynorsk.' }, { role: 'system', content: 'Svar med JSON.' }, { role: 'user', content: 'Artikkelen.' }];
    const anthropicConfig = (over: Partial<ModelConfig>) => ({ provider: 'anthropic' as const, endpoint: 'https://api.anthropic.com/v1', model: 'claude-x', prefs: DEFAULT_PREFS, ...over });
    expect(await streamCompletion(anthropicConfig({ apiKey: 'sk-ant-test' }), two, opts({ fetch, maxTokens: 1500 }))).toBe('{"title":"T"}');
    expect(await streamCompletion(anthropicConfig({ endpoint: 'https://proxy.example.com/' }), [two[2]!], opts({ fetch }))).toBe('{"title":"T"}');
    expect(sent.map((r) => r.url)).toEqual(['https://api.anthropic.com/v1/messages', 'https://proxy.example.com/v1/messages']);
    const [withKey, bare] = sent.map((r) => ({ headers: r.init.headers as Record<string, string>, body: JSON.parse(r.init.body as string) as Record<string, unknown> }));
    expect(withKey!.headers['x-api-key']).toBe('sk-ant-test');
    expect(withKey!.body).toMatchObject({ system: 'Skriv på nynorsk.\n\nSvar med JSON.', max_tokens: 1500, messages: [{ role: 'user', content: 'Artikkelen.' }] });
    expect(Object.keys(bare!.headers)).not.toContain('x-api-key');
    expect(Object.keys(bare!.body)).not.toContain('system');
  });

  it('anthropic SSE: an answer without message_stop is cut, and a frame typed only by its event line is read by it', async () => {
    const ev = (name: string | null, v: unknown) => `${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(v)}\n\n`;
    const read = (body: string) => failure(streamCompletion(config('anthropic'), messages, opts({ fetch: answering('text/event-stream', body) })));
    const start = ev('message_start', { type: 'message_start', message: { id: 'msg_1', content: [] } });
    const piece = ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"title":' } });
    const cut = await read([start, piece, ev('ping', { type: 'ping' })].join(''));
    expect([cut.kind, cut.message]).toEqual(['invalid-answer', errorMessages.cutOff()]);
    const typeless = await read([start, piece, ev('error', { error: { type: 'overloaded_error', message: 'Overloaded' } })].join(''));
    expect([typeless.kind, typeless.status, typeless.detail]).toEqual(['server', 503, 'Overloaded']);
  });

  it('anthropic without SSE: a body with no message, or a tool block with no input, is read as text or a cut answer', async () => {
    const read = (body: string) => streamCompletion(config('anthropic'), messages, opts({ fetch: answering('application/json', body) }));
    const cut = await failure(read('null'));
    expect([cut.kind, cut.message]).toEqual(['invalid-answer', errorMessages.cutOff()]);
    const empty = await failure(read('{"type":"message","stop_reason":"end_turn"}'));
    expect([empty.kind, empty.message]).toEqual(['invalid-answer', errorMessages.cutOff()]);
    const prose = 'Eg kan ikkje lage eit kort av denne artikkelen';
    expect(await read(JSON.stringify({ stop_reason: 'end_turn', content: [{ type: 'tool_use', id: 't1', name: 'card' }, { type: 'text', text: prose }] }))).toBe(prose);
  });

  it('openai: an error object in a 200 answer (OpenRouter sends one mid-stream) is the error it names, with SSE or without', async () => {
    const error = { error: { code: 'rate_limit_exceeded', message: 'Rate limit exceeded: free-models-per-min' } };
    const sseBody = [`data: ${JSON.stringify({ choices: [{ delta: { content: '{"title":' }, finish_reason: null }] })}\n\n`, `data: ${JSON.stringify(error)}\n\n`].join('');
    for (const [type, body] of [
      ['text/event-stream', sseBody],
      ['application/json', JSON.stringify(error)],
    ] as const) {
      const e = await failure(streamCompletion(config('openai'), messages, opts({ fetch: answering(type, body) })));
      expect([e.kind, e.status, e.detail], type).toEqual(['rate-limit', 429, 'Rate limit exceeded: free-models-per-min']);
    }
  });

  it('openai: sends no authorization header without a key (a local server)', async () => {
    const sent: RequestInit[] = [];
    const fetch: FetchLike = async (_url, init = {}) => {
      sent.push(init);
      return new Response(JSON.stringify({ choices: [{ message: { content: '{"title":"T"}' }, finish_reason: 'stop' }] }), { headers: { 'content-type': 'application/json' } });
    };
    expect(await streamCompletion(config('openai', 'nn-writer', { apiKey: '' }), messages, opts({ fetch }))).toBe('{"title":"T"}');
    expect(Object.keys(sent[0]!.headers as Record<string, string>).map((k) => k.toLowerCase())).not.toContain('authorization');
  });

  it('openai without SSE: a body that is JSON but no answer object is a cut answer', async () => {
    // Also an object with no choices, and a choice with no message (a stream chunk's shape sent as the whole body).
    for (const body of ['null', '[]', '{"choices":[null]}', '{}', '{"choices":[{"index":0,"delta":{"content":"{}"}}]}']) {
      const e = await failure(streamCompletion(config('openai'), messages, opts({ fetch: answering('application/json', body) })));
      expect([e.kind, e.message], body).toEqual(['invalid-answer', errorMessages.cutOff()]);
    }
  });

  it('openai without SSE: an answer cut at max_tokens says so, a whole one passes', async () => {
    const oneBody = (content: string, finish_reason: string) => JSON.stringify({ choices: [{ message: { content }, finish_reason }] });
    const cut = await failure(streamCompletion(config('openai'), messages, opts({ fetch: answering('application/json', oneBody('{"title":"T","summ', 'length')) })));
    expect(cut.kind).toBe('length-limit');
    expect(cut.message).toBe(errorMessages.lengthLimit());
    // At the limit, yet whole: the card is there.
    expect(await streamCompletion(config('openai'), messages, opts({ fetch: answering('application/json', oneBody('{"title":"T"}', 'length')) }))).toBe('{"title":"T"}');
    expect(await streamCompletion(config('openai'), messages, opts({ fetch: answering('application/json', oneBody('{"title":"T","summ', 'stop')) }))).toBe('{"title":"T","summ');
  });

  it('anthropic without SSE: the tool input, else the text blocks joined; nothing is a cut answer, max_tokens the length limit', async () => {
    const answer = (content: unknown[], stop_reason = 'end_turn') =>
      streamCompletion(config('anthropic'), messages, opts({ fetch: answering('application/json', JSON.stringify({ type: 'message', role: 'assistant', content, stop_reason })) }));
    const tool = { type: 'tool_use', id: 'toolu_1', name: 'nynorsk_card', input: { title: 'T', summary: ['S'] } };
    expect(await answer([{ type: 'text', text: 'Her er kortet.' }, tool], 'tool_use')).toBe('{"title":"T","summary":["S"]}');
    // Text blocks in order, with nothing between them; other blocks and non-objects are skipped.
    expect(await answer([{ type: 'text', text: '{"title":' }, { type: 'thinking', thinking: 'x', text: 'Hmm.' }, null, 'text', { type: 'text', text: '"T"}' }])).toBe('{"title":"T"}');
    for (const empty of [[], [{ type: 'thinking', thinking: 'x' }], [{ type: 'text', text: '' }]]) {
      const e = await failure(answer(empty));
      expect([empty, e.kind, e.message]).toEqual([empty, 'invalid-answer', errorMessages.cutOff()]);
    }
    const cut = await failure(answer([{ type: 'text', text: '{"title":"T","summ' }], 'max_tokens'));
    expect(cut.kind).toBe('length-limit');
    const overloaded = JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    const busy = await failure(streamCompletion(config('anthropic'), messages, opts({ fetch: answering('application/json', overloaded) })));
    expect([busy.kind, busy.status, busy.detail]).toEqual(['server', 503, 'Overloaded']);
  });

  it('stops an answer by default at 16 bytes or 1.5 tokens + 64 per token of max_tokens', async () => {
    // max_tokens 100: 1600 bytes, 214 tokens. A comma is one byte and one token; «ææææ» eight bytes and one token.
    let seen = '';
    const commas = await failure(streamCompletion(config('openai'), messages, opts({ maxTokens: 100, fetch: answering('text/event-stream', sse(...Array<string>(300).fill(','))), onText: (_d, s) => (seen = s) })));
    expect(commas.kind).toBe('answer-too-long');
    expect(seen).toBe(','.repeat(214));
    const wide = await failure(streamCompletion(config('openai'), messages, opts({ maxTokens: 100, fetch: answering('text/event-stream', sse(...Array<string>(210).fill('ææææ'))), onText: (_d, s) => (seen = s) })));
    expect(wide.kind).toBe('answer-too-long');
    expect(seen).toBe('ææææ'.repeat(200));
  });

  it('a server that lists no models passes the test, and the model is tried with the first card', async () => {
    const empty = answering('application/json', JSON.stringify({ object: 'list', data: [] }));
    const named = await testConnection(config('openai', 'nn-eigen', { endpoint: 'https://llm.example/v1' }), { fetch: empty });
    expect(named).toEqual({
      ok: true,
      message: 'Tilkoplinga til https://llm.example verkar. Tenaren viser ingen modelliste, så modellen «nn-eigen» blir prøvd først når du lagar eit samandrag.',
      models: [],
    });
    const unnamed = await testConnection(config('openai', '', { endpoint: 'https://llm.example/v1' }), { fetch: empty });
    expect(unnamed).toEqual({ ok: false, message: 'Tilkoplinga til https://llm.example verkar, men tenaren har ingen modellar.', models: [] });
  });

  it('counts JSON nesting outside strings only, an empty string included', async () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1);
    for (const pieces of [['{"":', deep], ['{"a":"", "b":', deep], ['Here: "" ', '{"x":' + deep]]) {
      const e = await failure(streamCompletion(config('openai'), messages, opts({ fetch: answering('text/event-stream', sse(...pieces)) })));
      expect([pieces, e.kind, e.message]).toEqual([pieces, 'invalid-answer', errorMessages.answerTooDeep()]);
    }
    // Brackets inside strings, escaped quotes included, are text.
    const inStrings = `{"a":"${deep}","b":"\\"${deep}"}`;
    expect(await streamCompletion(config('openai'), messages, opts({ fetch: answering('text/event-stream', sse(inStrings)) }))).toBe(inStrings);
  });
});

describe('utf8Length', () => {
  it('is the length of the UTF-8 encoding', () => {
    const enc = new TextEncoder();
    for (const s of ['', 'a', 'abc', 'æøå', 'Nynorsk-kort: «grei» – ✓', '€', '😀', 'a😀b', '😀😀', '\u007f\u0080\u07ff\u0800\uffff', '\ud7ff\ue000']) expect([s, utf8Length(s)]).toEqual([s, enc.encode(s).length]);
  });
});
