import { describe, expect, it, vi } from 'vitest';
import { localEngineFetch, offscreenTransport, type EngineTransport, type LocalRate, type OffscreenApi } from '../../src/background/local-engine';
import { LOCAL_MODEL_MESSAGES } from '../../src/core/local/download';
import { ModelError } from '../../src/core/model/errors';
import { generateModelCard, type GenerateDeps } from '../../src/core/model/generate';
import { LOCAL_CONTEXT_TOKENS, LOCAL_ENGINE_URL } from '../../src/core/model/providers/local';
import { DEFAULT_PREFS, type ModelConfig } from '../../src/core/model/types';
import { validateCard } from '../../src/core/validate';
import type { EngineChatRequest, EngineEvent } from '../../src/engine/host';
import { ENGINE_PORT } from '../../src/engine/protocol';
import { LOCAL_ENDPOINT } from '../../src/core/local/models';
import { matchesGbnf } from '../support/gbnf';
import { GOOD_CONTENT, TEST_ARTICLE, TEST_TOPIC } from '../../support/model-server';

const NOW = new Date('2026-03-20T08:30:00Z');
const config = (over: Partial<ModelConfig> = {}): ModelConfig => ({ provider: 'local', endpoint: LOCAL_ENDPOINT, model: 'tiny', prefs: DEFAULT_PREFS, ...over });
const ANSWER = JSON.stringify(GOOD_CONTENT);

/** The answer in pieces of `size` characters, as a model streams it. */
const pieces = (text: string, size = 7) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Settles once the signal is aborted (at once if it already is). */
const aborted = (signal: AbortSignal) =>
  new Promise<void>((r) => (signal.aborted ? r() : signal.addEventListener('abort', () => r(), { once: true })));

/**
 * A fake engine host: records each request and answers with `script`
 * (default: loading and reading heartbeats, the good card in small pieces, the end).
 */
function fakeTransport(script?: (emit: (e: EngineEvent) => void, signal: AbortSignal, req: EngineChatRequest) => Promise<void>) {
  const requests: EngineChatRequest[] = [];
  const transport: EngineTransport = async (req, emit, signal) => {
    requests.push(structuredClone(req));
    if (script) return script(emit, signal, req);
    emit({ type: 'status', phase: 'loading' });
    emit({ type: 'status', phase: 'reading' });
    for (const p of pieces(ANSWER)) emit({ type: 'text', text: p });
    emit({ type: 'end', tokens: 321, ms: 4000, finish: 'stop' });
  };
  return { transport, requests };
}

const deps = (transport: EngineTransport, over: Partial<GenerateDeps> = {}, onRate?: (r: LocalRate) => void, now?: () => number): GenerateDeps => ({
  fetch: localEngineFetch(transport, { onRate }, now),
  now: () => NOW,
  sleep: async () => {},
  ...over,
});

async function failure(p: Promise<unknown>): Promise<ModelError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw new Error(`not a ModelError: ${String(e)}`);
  }
  throw new Error('did not fail');
}

describe('localEngineFetch through the real model engine', () => {
  it('writes a valid card from the streamed text, marked as the on-device model', async () => {
    const t = fakeTransport();
    const partials: number[] = [];
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, { onPartial: (p) => partials.push(p.summary.length) }));
    expect(r.card.engine).toEqual({ kind: 'local', model: 'tiny' });
    expect(r.card.title).toBe(GOOD_CONTENT.title);
    expect(r.card.summary).toEqual(GOOD_CONTENT.summary);
    expect(r.card.faq.map((f) => f.q)).toEqual(GOOD_CONTENT.faq.map((f) => f.q));
    expect(r.card.createdAt).toBe(NOW.toISOString());
    expect(r.requests).toBe(1);
    expect(r.fromCache).toBe(false);
    expect(validateCard(r.card).ok).toBe(true);
    // The partial card grew while the pieces arrived.
    expect(partials.length).toBeGreaterThan(3);
    expect(partials.at(-1)).toBe(GOOD_CONTENT.summary.length);
  });

  it('sends the engine the chat, the card grammar with evidence bounded by the article, nCtx and maxTokens', async () => {
    const t = fakeTransport();
    await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport));
    expect(t.requests).toHaveLength(1);
    const req = t.requests[0]!;
    expect(req.modelId).toBe('tiny');
    expect(req.nCtx).toBe(LOCAL_CONTEXT_TOKENS);
    expect(req.maxTokens).toBe(2400); // the full card
    expect(req.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(req.messages[1]!.content).toContain(TEST_ARTICLE.paragraphs[1]);
    const grammar = req.grammar!;
    expect(grammar.startsWith('root ::=')).toBe(true);
    const n = TEST_ARTICLE.paragraphs.length;
    expect(grammar).toContain(`faq-item-evidence-item ::= [0-${n - 1}]`);
    // The good answer fits the grammar; the same answer pointing past the last paragraph does not.
    expect(matchesGbnf(grammar, ANSWER)).toBe(true);
    const beyond = { ...GOOD_CONTENT, faq: GOOD_CONTENT.faq.map((f, i) => (i === 0 ? { ...f, evidence: [n] } : f)) };
    expect(matchesGbnf(grammar, JSON.stringify(beyond))).toBe(false);
    const last = { ...GOOD_CONTENT, faq: GOOD_CONTENT.faq.map((f, i) => (i === 0 ? { ...f, evidence: [n - 1] } : f)) };
    expect(matchesGbnf(grammar, JSON.stringify(last))).toBe(true);
  });

  it('asks for fewer tokens and a shorter card for the short length', async () => {
    const t = fakeTransport(async (emit) => {
      const short = { ...GOOD_CONTENT, summary: GOOD_CONTENT.summary.slice(0, 3), faq: GOOD_CONTENT.faq.slice(0, 3) };
      for (const p of pieces(JSON.stringify(short))) emit({ type: 'text', text: p });
      emit({ type: 'end', tokens: 200, ms: 10, finish: 'stop' });
    });
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config({ prefs: { ...DEFAULT_PREFS, length: 'short' } }), deps(t.transport));
    expect(r.card.engine.kind).toBe('local');
    expect(t.requests[0]!.maxTokens).toBe(1200);
    // Five summary paragraphs are too many for a short card.
    expect(matchesGbnf(t.requests[0]!.grammar!, ANSWER)).toBe(false);
  });

  it('refuses a URL other than the engine, and a body that is not an engine request', async () => {
    const f = localEngineFetch(fakeTransport().transport);
    await expect(f('https://api.openai.com/v1/chat/completions', { method: 'POST', body: '{}' })).rejects.toThrow(TypeError);
    const bad = await f(LOCAL_ENGINE_URL, { method: 'POST', body: JSON.stringify({ modelId: 'tiny', messages: [{ role: 'tool', content: 'x' }], maxTokens: 5, nCtx: 10 }) }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ModelError);
    expect((bad as ModelError).kind).toBe('bad-request');
  });

  it.each<[string, EngineEvent & { type: 'error' }, ModelError['kind'], string]>([
    ['not-installed', { type: 'error', kind: 'not-installed' }, 'model-not-found', LOCAL_MODEL_MESSAGES.notInstalled],
    ['no-memory', { type: 'error', kind: 'no-memory', detail: 'Aborted(OOM)' }, 'server', LOCAL_MODEL_MESSAGES.allocationFailed],
    ['load-failed', { type: 'error', kind: 'load-failed' }, 'server', LOCAL_MODEL_MESSAGES.loadFailed],
    ['generation-failed', { type: 'error', kind: 'generation-failed' }, 'invalid-answer', LOCAL_MODEL_MESSAGES.generationFailed],
  ])('turns the engine error %s into a Nynorsk ModelError', async (_name, event, kind, message) => {
    const t = fakeTransport(async (emit) => {
      emit({ type: 'status', phase: 'loading' });
      emit(event);
    });
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport)));
    expect(e.kind).toBe(kind);
    expect(e.message).toBe(message);
    if (event.detail) expect(e.detail).toBe(event.detail);
    // Sent once: an engine error is not a flaky server to retry.
    expect(t.requests).toHaveLength(1);
  });

  it('says in Nynorsk where to get the model when it is not installed', async () => {
    const t = fakeTransport(async (emit) => emit({ type: 'error', kind: 'not-installed' }));
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport)));
    expect(e.message).toContain('lasta ned');
    expect(e.message).toContain('innstillingane');
  });

  it('says the memory ran out for no-memory', async () => {
    const t = fakeTransport(async (emit) => emit({ type: 'error', kind: 'no-memory' }));
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport)));
    expect(e.message).toContain('minne');
  });

  it('an engine that stops without an end is a cut-off answer, even after some text', async () => {
    const t = fakeTransport(async (emit) => {
      for (const p of pieces(ANSWER).slice(0, 10)) emit({ type: 'text', text: p });
    });
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport)));
    expect(e.kind).toBe('invalid-answer');
    expect(e.message).toBe(LOCAL_MODEL_MESSAGES.engineStopped);
  });

  it('an engine that fails (rejects) is a cut-off answer too', async () => {
    const t = fakeTransport(async () => Promise.reject(new Error('engine.js failed to load')));
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport)));
    expect(e.kind).toBe('invalid-answer');
    expect(e.detail).toContain('engine.js failed to load');
  });

  it('an answer cut at the token limit says the model reached its length limit', async () => {
    const t = fakeTransport(async (emit) => {
      emit({ type: 'text', text: ANSWER.slice(0, 300) });
      emit({ type: 'end', tokens: 2400, ms: 10, finish: 'length' });
    });
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport)));
    expect(e.kind).toBe('length-limit');
    expect(e.message).toContain('«Kort samandrag»');
  });

  it('cancel: an AbortSignal stops the answer with ModelError cancelled, and the engine sees the abort', async () => {
    const ctl = new AbortController();
    let engineSawAbort = false;
    const t = fakeTransport(async (emit, signal) => {
      emit({ type: 'text', text: ANSWER.slice(0, 40) });
      setTimeout(() => ctl.abort(), 10);
      await aborted(signal);
      engineSawAbort = true;
      emit({ type: 'error', kind: 'cancelled' });
    });
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, { signal: ctl.signal })));
    expect(e.kind).toBe('cancelled');
    expect(engineSawAbort).toBe(true);
  });

  it('cancel: does not wait for an engine that is still busy loading', async () => {
    const ctl = new AbortController();
    let release!: () => void;
    const t = fakeTransport(async (emit) => {
      emit({ type: 'status', phase: 'loading' });
      // A host that notices the abort only once its load is done.
      await new Promise<void>((r) => (release = r));
      emit({ type: 'error', kind: 'cancelled' });
    });
    setTimeout(() => ctl.abort(), 20);
    const started = Date.now();
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, { signal: ctl.signal })));
    release();
    expect(e.kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('status heartbeats keep a short timeout from firing while the model loads and reads', async () => {
    const t = fakeTransport(async (emit) => {
      for (let i = 0; i < 8; i++) {
        emit({ type: 'status', phase: i < 4 ? 'loading' : 'reading' });
        await sleep(25);
      }
      for (const p of pieces(ANSWER, 200)) emit({ type: 'text', text: p });
      emit({ type: 'end', tokens: 300, ms: 5, finish: 'stop' });
    });
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, { timeoutMs: 100, retries: 0 }));
    expect(r.card.engine.kind).toBe('local');
  });

  it('without heartbeats the same silence is a timeout, not a cancel', async () => {
    const t = fakeTransport(async (emit, signal) => {
      await Promise.race([sleep(200), aborted(signal)]);
      // The host, told to stop, says so; the reader must still hear "timeout".
      if (signal.aborted) return emit({ type: 'error', kind: 'cancelled' });
      for (const p of pieces(ANSWER, 200)) emit({ type: 'text', text: p });
      emit({ type: 'end', tokens: 300, ms: 5, finish: 'stop' });
    });
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, { timeoutMs: 100, retries: 0 })));
    expect(e.kind).toBe('timeout');
  });

  it('tells onRate the count of text events and, after a second, the tokens per second', async () => {
    let clock = 10_000;
    const rates: LocalRate[] = [];
    const t = fakeTransport(async (emit) => {
      for (const p of pieces(ANSWER, 40)) {
        emit({ type: 'text', text: p });
        clock += 100; // ten pieces a second
      }
      emit({ type: 'end', tokens: 99, ms: 1, finish: 'stop' });
    });
    await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, {}, (r) => rates.push(r), () => clock));
    const n = pieces(ANSWER, 40).length;
    expect(rates).toHaveLength(n);
    expect(rates.map((r) => r.tokens)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // No rate before a second has gone by since the first text.
    expect(rates.slice(0, 10).every((r) => r.tokensPerSecond === undefined)).toBe(true);
    expect(rates[10]!.tokensPerSecond).toBeCloseTo(11, 5); // 11 pieces in 1.0 s
    expect(rates.at(-1)!.tokensPerSecond).toBeCloseTo(n / ((n - 1) / 10), 5);
  });

  it('tells a fast model its tokens per second before a second has gone by, from the 32nd token on', async () => {
    let clock = 10_000;
    const rates: LocalRate[] = [];
    const t = fakeTransport(async (emit) => {
      for (const p of pieces(ANSWER, 40)) {
        emit({ type: 'text', text: p });
        clock += 5; // 200 pieces a second: the whole card in well under a second
      }
      emit({ type: 'end', tokens: 99, ms: 1, finish: 'stop' });
    });
    await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, {}, (r) => rates.push(r), () => clock));
    const n = pieces(ANSWER, 40).length;
    expect(n).toBeGreaterThan(32);
    expect(rates.slice(0, 31).every((r) => r.tokensPerSecond === undefined)).toBe(true);
    expect(rates[31]!.tokensPerSecond).toBeCloseTo(32 / 0.155, 5); // 32 pieces in 155 ms
    expect(rates.at(-1)!.tokensPerSecond).toBeCloseTo(n / ((n - 1) * 0.005), 5);
  });

  it('tells no rate for tokens that came in the same instant', async () => {
    const rates: LocalRate[] = [];
    const t = fakeTransport(async (emit) => {
      for (const p of pieces(ANSWER, 40)) emit({ type: 'text', text: p });
      emit({ type: 'end', tokens: 99, ms: 1, finish: 'stop' });
    });
    await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(t.transport, {}, (r) => rates.push(r), () => 10_000));
    expect(rates.length).toBeGreaterThan(32);
    expect(rates.every((r) => r.tokensPerSecond === undefined)).toBe(true);
  });
});

/** A fake Chrome port and offscreen API; `answer` says what the document sends back for each request. */
function fakeOffscreen(answer: (port: FakePort, msg: unknown) => void, opts: { createMs?: number } = {}) {
  let exists = false;
  const ports: FakePort[] = [];
  const api: OffscreenApi & { creates: number; connects: string[] } = {
    creates: 0,
    connects: [],
    hasDocument: vi.fn(async () => exists),
    createDocument: vi.fn(async () => {
      api.creates++;
      await sleep(opts.createMs ?? 5);
      exists = true;
    }),
    connect(name) {
      api.connects.push(name);
      const port = new FakePort((m) => answer(port, m));
      ports.push(port);
      return port;
    },
  };
  return { api, ports };
}

class FakePort {
  posted: unknown[] = [];
  disconnected = false;
  private messageFns: ((m: unknown) => void)[] = [];
  private disconnectFns: (() => void)[] = [];
  constructor(private readonly onPost: (m: unknown) => void) {}
  onMessage = { addListener: (fn: (m: unknown) => void) => void this.messageFns.push(fn) };
  onDisconnect = { addListener: (fn: () => void) => void this.disconnectFns.push(fn) };
  postMessage(m: unknown) {
    this.posted.push(structuredClone(m));
    this.onPost(m);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** The document sends an event (as JSON, like a real port). */
  send(m: unknown) {
    for (const fn of this.messageFns) fn(JSON.parse(JSON.stringify(m)));
  }
  /** The document went away. */
  drop() {
    for (const fn of this.disconnectFns) fn();
  }
}

const engineReq: EngineChatRequest = { modelId: 'tiny', messages: [{ role: 'user', content: 'Hei' }], grammar: 'root ::= "x"', maxTokens: 10, nCtx: 512 };

describe('offscreenTransport', () => {
  it('creates the offscreen document once for two answers, posts a chat request on the engine port, and forwards the events', async () => {
    const { api, ports } = fakeOffscreen((port) => {
      setTimeout(() => {
        port.send({ type: 'status', phase: 'loading' });
        port.send({ type: 'text', text: 'Hei' });
        port.send({ type: 'bogus' }); // dropped: not an engine event
        port.send({ type: 'end', tokens: 1, ms: 3, finish: 'stop' });
        port.send({ type: 'text', text: 'for seint' }); // after the end: dropped
      }, 1);
    });
    const transport = offscreenTransport(api);
    const a: EngineEvent[] = [];
    const b: EngineEvent[] = [];
    await Promise.all([transport(engineReq, (e) => a.push(e), new AbortController().signal), transport(engineReq, (e) => b.push(e), new AbortController().signal)]);
    expect(api.creates).toBe(1);
    expect(api.connects).toEqual([ENGINE_PORT, ENGINE_PORT]);
    for (const events of [a, b])
      expect(events).toEqual([
        { type: 'status', phase: 'loading' },
        { type: 'text', text: 'Hei' },
        { type: 'end', tokens: 1, ms: 3, finish: 'stop' },
      ]);
    expect(ports.map((p) => p.posted)).toEqual([[{ type: 'chat', request: engineReq }], [{ type: 'chat', request: engineReq }]]);
    // Each port is closed once its answer has ended.
    expect(ports.every((p) => p.disconnected)).toBe(true);

    // A third answer finds the document there.
    await transport(engineReq, () => undefined, new AbortController().signal);
    expect(api.creates).toBe(1);
  });

  it('ends the answer on an error event too', async () => {
    const { api, ports } = fakeOffscreen((port) => setTimeout(() => port.send({ type: 'error', kind: 'no-memory', detail: 'OOM' }), 1));
    const events: EngineEvent[] = [];
    await offscreenTransport(api)(engineReq, (e) => events.push(e), new AbortController().signal);
    expect(events).toEqual([{ type: 'error', kind: 'no-memory', detail: 'OOM' }]);
    expect(ports[0]!.disconnected).toBe(true);
  });

  it('on abort says cancelled, closes the port (which stops the answer there) and resolves', async () => {
    const { api, ports } = fakeOffscreen((port) => setTimeout(() => port.send({ type: 'text', text: 'Hei' }), 1));
    const ctl = new AbortController();
    const events: EngineEvent[] = [];
    await offscreenTransport(api)(
      engineReq,
      (e) => {
        events.push(e);
        if (e.type === 'text') ctl.abort();
      },
      ctl.signal,
    );
    expect(events).toEqual([
      { type: 'text', text: 'Hei' },
      { type: 'error', kind: 'cancelled' },
    ]);
    expect(ports[0]!.disconnected).toBe(true);
    // Late events from the document are not forwarded.
    ports[0]!.send({ type: 'text', text: 'seint' });
    expect(events).toHaveLength(2);
  });

  it('a port that disconnects without an end resolves, which the model engine reads as a cut-off answer', async () => {
    const { api } = fakeOffscreen((port) =>
      setTimeout(() => {
        port.send({ type: 'text', text: ANSWER.slice(0, 50) });
        port.drop();
      }, 1),
    );
    const transport = offscreenTransport(api);
    const events: EngineEvent[] = [];
    await expect(transport(engineReq, (e) => events.push(e), new AbortController().signal)).resolves.toBeUndefined();
    expect(events).toEqual([{ type: 'text', text: ANSWER.slice(0, 50) }]);

    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(transport)));
    expect(e.kind).toBe('invalid-answer');
    expect(e.message).toBe(LOCAL_MODEL_MESSAGES.engineStopped);
  });

  it('carries a whole card from the document through the real engine', async () => {
    const { api, ports } = fakeOffscreen((port, msg) => {
      const m = msg as { type: string; request: EngineChatRequest };
      expect(m.type).toBe('chat');
      expect(m.request.grammar?.startsWith('root ::=')).toBe(true);
      setTimeout(() => {
        port.send({ type: 'status', phase: 'reading' });
        for (const p of pieces(ANSWER, 30)) port.send({ type: 'text', text: p });
        port.send({ type: 'end', tokens: 300, ms: 9, finish: 'stop' });
      }, 1);
    });
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(), deps(offscreenTransport(api)));
    expect(r.card.engine).toEqual({ kind: 'local', model: 'tiny' });
    expect(ports).toHaveLength(1);
  });
});
