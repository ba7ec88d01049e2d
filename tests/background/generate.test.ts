import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyModel, modelCache, modelOffer, readModelSetup, serveModelPort, type ModelDeps } from '../../src/background/generate';
import type { Card, CardState } from '../../src/core/types';
import { modelJobKey, parseModelJob, tabStateKey } from '../../src/protocol';
import { API_KEYS_KEY, DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings';
import { text } from '../../src/strings/text';
import { PLANTED_BOKMAL, startModelServer, TEST_ARTICLE, TEST_TOPIC, type ModelServer } from '../../support/model-server';
import { area, portPair } from '../support/background-fakes';

const findBokmal = (t: string) =>
  Object.entries(PLANTED_BOKMAL)
    .filter(([form]) => new RegExp(`\\b${form}\\b`, 'i').test(t))
    .map(([form, suggestion]) => ({ form, suggestion }));

describe('background model glue', () => {
  let server: ModelServer;
  let local: ReturnType<typeof area>;
  let session: ReturnType<typeof area>;
  let granted: string[];
  let deps: ModelDeps;

  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());

  const configure = (model: string, over: Partial<Settings> = {}) =>
    local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, engine: 'openai', providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint: server.endpoints.openai, model } }, ...over },
      [API_KEYS_KEY]: { openai: server.apiKey },
    });
  const start = (force = false) => {
    const p = portPair();
    serveModelPort(p.port, 7, deps);
    p.send({ type: 'start', article: TEST_ARTICLE, topic: TEST_TOPIC, force });
    return p;
  };
  const chat = () => server.requests.filter((r) => r.path === '/v1/chat/completions');

  beforeEach(() => {
    server.reset();
    local = area();
    session = area();
    granted = [`http://${new URL(server.url).hostname}/*`];
    deps = {
      storage: { local, session },
      permissions: { contains: async ({ origins }) => origins.every((o) => granted.includes(o)) },
      fetch: (i, init) => fetch(i, init),
      findBokmal: async () => findBokmal,
      sessionWriteMs: 0,
    };
  });

  it('a storage error before the job starts still ends in a Nynorsk error job on the port', async () => {
    await configure('nn-writer');
    deps = { ...deps, storage: { local: { ...local, get: async () => Promise.reject(new Error('storage gone')) }, session } };
    const events = await start().finished;
    const last = events.at(-1)!;
    expect(last.type === 'job' && last.job.status === 'error' && last.job.message).toBe(text.modelUnknownError);
    expect(server.requests).toHaveLength(0);
  });

  it('a failing session write before the stream still ends in an error job on the port', async () => {
    await configure('nn-writer');
    deps = { ...deps, storage: { local, session: { ...session, set: async () => Promise.reject(new Error('quota')) } } };
    const events = await start().finished;
    const last = events.at(-1)!;
    expect(last.type === 'job' && last.job.status).toBe('error');
  });

  it('sends nothing before the endpoint origin is granted, and says so in Nynorsk', async () => {
    await configure('nn-writer');
    granted = [];
    const events = await start().finished;
    const last = events.at(-1)!;
    expect(last.type === 'job' && last.job.status === 'error' && last.job.message).toContain('har ikkje lov til å nå');
    expect(server.requests).toHaveLength(0);
    expect(parseModelJob(session.data.get(modelJobKey(7)))?.status).toBe('error');
  });

  it('streams partials over the port and into storage.session, then stores and caches the model card', async () => {
    await configure('nn-writer');
    const p = start();
    const events = await p.finished;
    const running = events.filter((e) => e.type === 'job' && e.job.status === 'running');
    expect(running.length).toBeGreaterThan(2);
    const withText = running.find((e) => e.type === 'job' && e.job.status === 'running' && e.job.partial.summary.length > 0);
    expect(withText).toBeDefined();
    const done = events.at(-1)!;
    if (done.type !== 'done' || done.state.status !== 'ready') throw new Error(JSON.stringify(done));
    expect(done.fromCache).toBe(false);
    expect(done.requests).toBe(1);
    expect(done.state.card.engine).toEqual({ kind: 'model', model: 'nn-writer' });
    expect((session.data.get(tabStateKey(7)) as CardState & { card: Card }).card.engine.kind).toBe('model');
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: 'nn-writer' });
    expect(await modelCache(local).keys()).toHaveLength(1);
    expect(chat()).toHaveLength(1);
    expect(chat()[0]!.headers.authorization).toBe(`Bearer ${server.apiKey}`);

    // The next visit: the resolution finds the cached card, with no request at all.
    server.reset();
    const digest: CardState = { status: 'ready', url: TEST_ARTICLE.url, card: { ...done.state.card, engine: { kind: 'digest' } } };
    const next = await applyModel(deps, 7, TEST_ARTICLE, digest);
    expect(next.status === 'ready' && next.card.engine.kind).toBe('model');
    expect(server.requests).toHaveLength(0);
  });

  it('summarises in parts when the prompt is above the limit the user set', async () => {
    await configure('nn-writer', { maxPromptTokens: 1000 });
    const long = { ...TEST_ARTICLE, paragraphs: Array.from({ length: 30 }, (_, i) => `${TEST_ARTICLE.paragraphs[i % 7]} (${i})`) };
    const p = portPair();
    serveModelPort(p.port, 7, deps);
    p.send({ type: 'start', article: long, topic: TEST_TOPIC, force: false });
    const done = (await p.finished).at(-1)!;
    expect(done.type).toBe('done');
    expect(chat().length).toBeGreaterThan(2); // parts, then the combining step
    expect(p.events.some((e) => e.type === 'job' && e.job.status === 'running' && /del \d+ av \d+/.test(e.job.stage ?? ''))).toBe(true);
  });

  it('marks what the repair round left, with Nynorsk suggestions', async () => {
    await configure('nn-bokmal-stubborn');
    const done = (await start().finished).at(-1)!;
    if (done.type !== 'done' || done.state.status !== 'ready') throw new Error(JSON.stringify(done));
    const lang = done.state.card.language;
    expect(lang.bokmalForms.map((f) => f.toLowerCase()).sort()).toEqual(Object.keys(PLANTED_BOKMAL).sort());
    expect(lang.suggestions?.ikke).toBe('ikkje');
    expect(chat()).toHaveLength(2);
  });

  it('turns a wrong key into a Nynorsk error job', async () => {
    await configure('nn-writer');
    await local.set({ [API_KEYS_KEY]: { openai: 'sk-wrong' } });
    const last = (await start().finished).at(-1)!;
    expect(last.type === 'job' && last.job.status === 'error' && last.job.message).toContain('avviste API-nøkkelen');
  });

  it('"Avbryt" and a dropped port abort the request and bring back the offer', async () => {
    await configure('nn-slow');
    server.setOptions({ slowDelayMs: 200 });
    const p = start();
    await new Promise((r) => setTimeout(r, 100));
    p.send({ type: 'cancel' });
    const events = await p.finished;
    expect(events.some((e) => e.type === 'done')).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'job', job: { status: 'idle', model: 'nn-slow' } });

    const q = start();
    await new Promise((r) => setTimeout(r, 100));
    q.disconnect();
    await new Promise((r) => setTimeout(r, 50));
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: 'nn-slow' });
    expect(q.events.some((e) => e.type === 'done')).toBe(false);
  });

  it('leaves library cards alone and offers the model only when one is configured', async () => {
    const card = { engine: { kind: 'library' } } as Card;
    const lib: CardState = { status: 'ready', url: 'u', card };
    await session.set({ [modelJobKey(7)]: { status: 'idle', model: 'x' } });
    expect(await applyModel(deps, 7, TEST_ARTICLE, lib)).toBe(lib);
    expect(session.data.has(modelJobKey(7))).toBe(false);
    const digest: CardState = { status: 'ready', url: 'u', card: { ...card, engine: { kind: 'digest' } } };
    await applyModel(deps, 7, TEST_ARTICLE, digest);
    expect(session.data.has(modelJobKey(7))).toBe(false);
    await configure('nn-writer', { autoGenerate: true });
    await applyModel(deps, 7, TEST_ARTICLE, digest);
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: 'nn-writer' });
    expect(server.requests).toHaveLength(0);
  });

  it('tells the page the model name and the auto flag, never the key or the endpoint', async () => {
    await configure('nn-writer', { autoGenerate: true });
    expect(await modelOffer(local)).toEqual({ model: 'nn-writer', auto: true });
    expect((await readModelSetup(local)).config?.apiKey).toBe(server.apiKey);
  });

  it('binds an old bare key to the endpoint read with it, and sends no key to another origin', async () => {
    await configure('nn-writer');
    expect((await readModelSetup(local)).config?.apiKey).toBe(server.apiKey);
    expect(local.data.get(API_KEYS_KEY)).toEqual({ openai: { key: server.apiKey, origin: new URL(server.endpoints.openai).origin } });
    const settings = local.data.get(SETTINGS_KEY) as Settings;
    await local.set({ [SETTINGS_KEY]: { ...settings, providers: { ...settings.providers, openai: { endpoint: 'https://elsewhere.example/v1', model: 'nn-writer' } } } });
    const { config } = await readModelSetup(local);
    expect(config?.endpoint).toBe('https://elsewhere.example/v1');
    expect(config?.apiKey).toBeUndefined();
  });
});

describe('redact', () => {
  it('takes the key out of what goes to the console', async () => {
    const { redact } = await import('../../src/background/generate');
    expect(redact('bad key sk-abc123 given', 'sk-abc123')).toBe('bad key *** given');
    expect(redact('nothing here', undefined)).toBe('nothing here');
  });
});

describe('endsAfter', () => {
  it('streams the body at once and ends it only when the other work is done', async () => {
    const { endsAfter } = await import('../../src/background/generate');
    let release: () => void = () => undefined;
    const ready = new Promise<void>((r) => (release = r));
    const f = endsAfter(async () => new Response('abc', { status: 201, headers: { 'x-a': '1' } }), ready);
    const res = await f('http://x');
    expect(res.status).toBe(201);
    expect(res.headers.get('x-a')).toBe('1');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('abc');
    let ended = false;
    const end = reader.read().then((r) => (ended = r.done));
    await new Promise((r) => setTimeout(r, 20));
    expect(ended).toBe(false);
    release();
    await end;
    expect(ended).toBe(true);
  });
});
