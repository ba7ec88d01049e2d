import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyModel } from '../../../src/background/model/cached-card';
import type { ModelDeps } from '../../../src/background/model/deps';
import { serveModelPort } from '../../../src/background/model/port-server';
import type { Card, CardState } from '../../../src/core/types';
import { modelCache } from '../../../src/model-cache';
import { modelJobKey, parseModelJob, tabStateKey, type PortEvent } from '../../../src/protocol';
import { API_KEYS_KEY } from '../../../src/api-keys';
import { text } from '../../../src/strings/text';
import { PLANTED_BOKMAL, startModelServer, TEST_ARTICLE, TEST_TOPIC, type ModelServer } from '../../../support/model-server';
import { area, configureServer, portPair } from '../../support/background-fakes';

const findBokmal = (t: string) =>
  Object.entries(PLANTED_BOKMAL)
    .filter(([form]) => new RegExp(`\\b${form}\\b`, 'i').test(t))
    .map(([form, suggestion]) => ({ form, suggestion }));

const hasText = (e: PortEvent) => e.type === 'job' && e.job.status === 'running' && e.job.partial.summary.length > 0;

describe('a model job with a remote model', () => {
  let server: ModelServer;
  let local: ReturnType<typeof area>;
  let session: ReturnType<typeof area>;
  let granted: string[];
  let deps: ModelDeps;

  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());

  const configure = (model: string, over: Parameters<typeof configureServer>[3] = {}) => configureServer(local, server, model, over);
  const start = (force = false) => {
    const p = portPair();
    serveModelPort(p.port, 7, deps);
    p.send({ type: 'start', article: TEST_ARTICLE, topic: TEST_TOPIC, force });
    return p;
  };
  const chat = () => server.requests.filter((r) => r.path === '/v1/chat/completions');
  /** A checker whose data arrives only when the test says so. */
  const lateChecker = () => {
    let release: () => void = () => undefined;
    const loaded = new Promise<void>((r) => (release = r));
    deps.findBokmal = async () => {
      await loaded;
      return findBokmal;
    };
    return release;
  };

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

  it('without a configured model, says so in Nynorsk and sends nothing', async () => {
    const events = await start().finished;
    expect(events).toEqual([{ type: 'job', job: { status: 'error', model: '', message: text.modelNotConfigured } }]);
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'error', model: '', message: text.modelNotConfigured });
    expect(server.requests).toHaveLength(0);
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
    expect(running.find(hasText)).toBeDefined();
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

  it('streams the first text before the checker has loaded, and checks the card once it has', async () => {
    await configure('nn-bokmal-stubborn');
    const release = lateChecker();
    const p = start();
    await vi.waitFor(() => expect(p.events.some(hasText)).toBe(true));
    // The whole first answer is in long before the checker is.
    await new Promise((r) => setTimeout(r, 100));
    expect(chat()).toHaveLength(1);
    expect(p.events.some((e) => e.type === 'done')).toBe(false);
    release();
    const done = (await p.finished).at(-1)!;
    if (done.type !== 'done' || done.state.status !== 'ready') throw new Error(JSON.stringify(done));
    // The check ran with the late checker: the repair round was asked for, and what it left is marked with suggestions.
    expect(chat()).toHaveLength(2);
    const lang = done.state.card.language;
    expect(lang.bokmalForms.map((f) => f.toLowerCase()).sort()).toEqual(Object.keys(PLANTED_BOKMAL).sort());
    expect(lang.suggestions?.hvordan).toBe('korleis');
  });

  it('a checker that fails to load leaves the card unchecked, not failed', async () => {
    await configure('nn-bokmal-stubborn');
    deps.findBokmal = async () => Promise.reject(new Error('checker data missing'));
    const done = (await start().finished).at(-1)!;
    if (done.type !== 'done' || done.state.status !== 'ready') throw new Error(JSON.stringify(done));
    expect(done.state.card.language.bokmalForms).toEqual([]);
    expect(chat()).toHaveLength(1);
  });

  it('"Avbryt" while the checker loads brings back the offer, and caches nothing', async () => {
    // A clean answer: no repair round that the cancel would stop anyway.
    await configure('nn-writer');
    const release = lateChecker();
    const p = start();
    await vi.waitFor(() => expect(p.events.some(hasText)).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    p.send({ type: 'cancel' });
    release();
    const events = await p.finished;
    expect(events.at(-1)).toEqual({ type: 'job', job: { status: 'idle', model: 'nn-writer' } });
    expect(chat()).toHaveLength(1);
    expect(await modelCache(local).keys()).toHaveLength(0);
  });

  it('turns a wrong key into a Nynorsk error job', async () => {
    await configure('nn-writer');
    await local.set({ [API_KEYS_KEY]: { openai: 'sk-wrong' } });
    const last = (await start().finished).at(-1)!;
    expect(last.type === 'job' && last.job.status === 'error' && last.job.message).toContain('avviste API-nøkkelen');
  });
});
