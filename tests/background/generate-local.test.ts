import { beforeEach, describe, expect, it, vi } from 'vitest';
import { modelCache, modelOffer, rateText, readModelSetup, secondsLeftNn, serveModelPort, type ModelDeps } from '../../src/background/generate';
import type { EngineTransport } from '../../src/background/local-engine';
import { LOCAL_MODEL_MESSAGES } from '../../src/core/local/download';
import { formatDuration } from '../../src/core/local/format';
import { DEFAULT_LOCAL_MODEL_URL, LOCAL_MODEL_KEY, LOCAL_MODELS, modelIdFromUrl, type LocalModelRecord } from '../../src/core/local/models';
import { LOCAL_MAX_PROMPT_TOKENS } from '../../src/core/model/providers/local';
import type { Card, CardState } from '../../src/core/types';
import type { EngineChatRequest, EngineEvent } from '../../src/engine/host';
import { modelJobKey, parseModelJob, tabStateKey } from '../../src/protocol';
import { LOCAL_ENDPOINT } from '../../src/core/local/models';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings';
import { fmt, text } from '../../src/strings/text';
import { GOOD_CONTENT, TEST_ARTICLE, TEST_TOPIC } from '../../support/model-server';
import { area, portPair } from '../support/background-fakes';

const MODEL_ID = modelIdFromUrl(DEFAULT_LOCAL_MODEL_URL)!;

const record = (over: Partial<LocalModelRecord> = {}): LocalModelRecord => ({
  id: MODEL_ID,
  url: DEFAULT_LOCAL_MODEL_URL,
  size: 808_000_000,
  received: 808_000_000,
  sha256: 'a'.repeat(64),
  verified: true,
  status: 'installed',
  updatedAt: '2026-03-20T08:00:00.000Z',
  ...over,
});

const localSettings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, engine: 'local', ...over });

describe('readModelSetup with the on-device model', () => {
  let local: ReturnType<typeof area>;
  beforeEach(() => {
    local = area();
  });

  it('gives a local config for the installed model the settings name, and caps the prompt size', async () => {
    await local.set({ [SETTINGS_KEY]: localSettings({ autoGenerate: true }), [LOCAL_MODEL_KEY]: record() });
    const setup = await readModelSetup(local);
    expect(setup.config).toEqual({ provider: 'local', endpoint: LOCAL_ENDPOINT, model: MODEL_ID, prefs: DEFAULT_SETTINGS.prefs });
    expect(setup.config).not.toHaveProperty('apiKey');
    expect(setup.auto).toBe(true);
    expect(DEFAULT_SETTINGS.maxPromptTokens).toBeGreaterThan(LOCAL_MAX_PROMPT_TOKENS);
    expect(setup.maxPromptTokens).toBe(LOCAL_MAX_PROMPT_TOKENS);
    expect(await modelOffer(local)).toEqual({ model: MODEL_ID, auto: true });
  });

  it('keeps a prompt limit the reader set below the cap', async () => {
    await local.set({ [SETTINGS_KEY]: localSettings({ maxPromptTokens: 2000 }), [LOCAL_MODEL_KEY]: record() });
    expect((await readModelSetup(local)).maxPromptTokens).toBe(2000);
  });

  it('does not cap the prompt for a remote model', async () => {
    await local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, engine: 'ollama', providers: { ...DEFAULT_SETTINGS.providers, ollama: { endpoint: 'http://localhost:11434', model: 'm' } } },
      [LOCAL_MODEL_KEY]: record(),
    });
    const setup = await readModelSetup(local);
    expect(setup.config?.provider).toBe('ollama');
    expect(setup.maxPromptTokens).toBe(DEFAULT_SETTINGS.maxPromptTokens);
  });

  it('gives no config for a half-downloaded model', async () => {
    await local.set({ [SETTINGS_KEY]: localSettings(), [LOCAL_MODEL_KEY]: record({ status: 'partial', received: 1000 }) });
    expect((await readModelSetup(local)).config).toBeNull();
    expect(await modelOffer(local)).toBeNull();
  });

  it('gives no config when the installed model is another one than the settings name', async () => {
    const other = LOCAL_MODELS[1]!;
    await local.set({ [SETTINGS_KEY]: localSettings({ local: { url: other.url } }), [LOCAL_MODEL_KEY]: record() });
    expect((await readModelSetup(local)).config).toBeNull();
    await local.set({ [LOCAL_MODEL_KEY]: record({ id: 'something-else' }) });
    expect((await readModelSetup(local)).config).toBeNull();
  });

  it('gives no config without a record, or with a malformed one', async () => {
    await local.set({ [SETTINGS_KEY]: localSettings() });
    expect((await readModelSetup(local)).config).toBeNull();
    await local.set({ [LOCAL_MODEL_KEY]: { ...record(), sha256: 'not-hex' } });
    expect((await readModelSetup(local)).config).toBeNull();
    await local.set({ [LOCAL_MODEL_KEY]: { ...record(), status: 'done' } });
    expect((await readModelSetup(local)).config).toBeNull();
  });
});

describe('rate and time left in Nynorsk', () => {
  it.each<[number, string]>([
    [0, 'om lag fem sekund'],
    [3, 'om lag fem sekund'],
    [7, 'om lag fem sekund'],
    [8, 'om lag 10 sekund'],
    [40, 'om lag 40 sekund'],
    [42, 'om lag 40 sekund'],
    [43, 'om lag 45 sekund'],
  ])('secondsLeftNn(%d) is %j', (s, want) => {
    expect(secondsLeftNn(s)).toBe(want);
  });

  it('gives a minute and more in minutes, as formatDuration does', () => {
    expect(secondsLeftNn(60)).toBe(formatDuration(60));
    expect(secondsLeftNn(125)).toBe('om lag to minutt');
    expect(secondsLeftNn(125)).toBe(formatDuration(125));
    expect(secondsLeftNn(3 * 3600)).toBe('om lag tre timar');
  });

  it('says nothing until there is a rate', () => {
    expect(rateText({ tokens: 3 }, 'full')).toBeUndefined();
    expect(rateText({ tokens: 3, tokensPerSecond: 0 }, 'full')).toBeUndefined();
  });

  it('gives the rate and the time left for the card length', () => {
    // 900 tokens for a full card: 800 left at 20 a second is 40 s.
    expect(rateText({ tokens: 100, tokensPerSecond: 20 }, 'full')).toBe('(20 ordbitar i sekundet, om lag 40 sekund att)');
    expect(rateText({ tokens: 100, tokensPerSecond: 20 }, 'full')).toBe(fmt(text.localRate, { rate: 20, left: 'om lag 40 sekund' }));
    // 450 for a short one: 350 left at 12.4 a second is about 28 s.
    expect(rateText({ tokens: 100, tokensPerSecond: 12.4 }, 'short')).toBe('(12 ordbitar i sekundet, om lag 30 sekund att)');
    // Past the expected length: the least there is.
    expect(rateText({ tokens: 2000, tokensPerSecond: 15 }, 'full')).toBe('(15 ordbitar i sekundet, om lag fem sekund att)');
    // Slow: minutes; a rate under one still shows as 1.
    expect(rateText({ tokens: 0, tokensPerSecond: 0.4 }, 'full')).toBe(`(1 ordbitar i sekundet, ${formatDuration(900 / 0.4)} att)`);
    expect(rateText({ tokens: 0, tokensPerSecond: 7.5 }, 'full')).toBe('(8 ordbitar i sekundet, om lag to minutt att)');
  });
});

describe('serveModelPort with the on-device model', () => {
  let local: ReturnType<typeof area>;
  let session: ReturnType<typeof area>;
  let deps: ModelDeps;
  let requests: EngineChatRequest[];

  /** A fake engine host: the good card in small pieces, or what `script` says. */
  const transportOf =
    (script?: (emit: (e: EngineEvent) => void, signal: AbortSignal) => Promise<void>): EngineTransport =>
    async (req, emit, signal) => {
      requests.push(req);
      if (script) return script(emit, signal);
      emit({ type: 'status', phase: 'loading' });
      const answer = JSON.stringify(GOOD_CONTENT);
      for (let i = 0; i < answer.length; i += 16) emit({ type: 'text', text: answer.slice(i, i + 16) });
      emit({ type: 'end', tokens: 400, ms: 2000, finish: 'stop' });
    };

  const start = () => {
    const p = portPair();
    serveModelPort(p.port, 7, deps);
    p.send({ type: 'start', article: TEST_ARTICLE, topic: TEST_TOPIC, force: false });
    return p;
  };

  beforeEach(async () => {
    local = area();
    session = area();
    requests = [];
    await local.set({ [SETTINGS_KEY]: localSettings(), [LOCAL_MODEL_KEY]: record() });
    deps = {
      storage: { local, session },
      permissions: { contains: vi.fn(async () => false) },
      fetch: vi.fn(async () => {
        throw new Error('the network must not be used');
      }),
      sessionWriteMs: 0,
      localTransport: transportOf(),
    };
  });

  it('writes the card on the device without any host permission or network, and ends in done', async () => {
    const events = await start().finished;
    const done = events.at(-1)!;
    if (done.type !== 'done' || done.state.status !== 'ready') throw new Error(JSON.stringify(done));
    expect(done.state.card.engine).toEqual({ kind: 'local', model: MODEL_ID });
    expect(done.state.card.summary).toEqual(GOOD_CONTENT.summary);
    expect(done.requests).toBe(1);
    expect(done.fromCache).toBe(false);
    expect(deps.permissions.contains).not.toHaveBeenCalled();
    expect(deps.fetch).not.toHaveBeenCalled();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.modelId).toBe(MODEL_ID);
    // It streamed: running jobs with a growing partial came first.
    const running = events.filter((e) => e.type === 'job' && e.job.status === 'running');
    expect(running.some((e) => e.type === 'job' && e.job.status === 'running' && e.job.partial.summary.length > 0)).toBe(true);
    // The tab's state holds the card; the job is idle again, marked as on-device.
    expect((session.data.get(tabStateKey(7)) as CardState & { card: Card }).card.engine.kind).toBe('local');
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: MODEL_ID, local: true });
    expect(await modelCache(local).keys()).toHaveLength(1);
  });

  it('a second start finds the cached card and does not run the engine again', async () => {
    await start().finished;
    const events = await start().finished;
    const done = events.at(-1)!;
    expect(done.type === 'done' && done.fromCache).toBe(true);
    expect(done.type === 'done' && done.requests).toBe(0);
    expect(requests).toHaveLength(1);
  });

  it('ends in an error job with text.localEngineMissing when this browser has no engine transport', async () => {
    delete deps.localTransport;
    const events = await start().finished;
    const last = events.at(-1)!;
    expect(last.type === 'job' && last.job).toEqual({ status: 'error', model: MODEL_ID, message: text.localEngineMissing });
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'error', model: MODEL_ID, message: text.localEngineMissing });
    expect(events.some((e) => e.type === 'job' && e.job.status === 'running')).toBe(false);
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it("passes the engine's Nynorsk error to the page", async () => {
    deps.localTransport = transportOf(async (emit) => emit({ type: 'error', kind: 'not-installed' }));
    const events = await start().finished;
    const last = events.at(-1)!;
    expect(last.type === 'job' && last.job.status === 'error' && last.job.message).toBe(LOCAL_MODEL_MESSAGES.notInstalled);
  });

  it('cancel stops the engine and brings back the offer, not an error', async () => {
    let sawAbort = false;
    deps.localTransport = transportOf(async (emit, signal) => {
      emit({ type: 'text', text: '{"title":"Skule' });
      await new Promise<void>((r) => (signal.aborted ? r() : signal.addEventListener('abort', () => r())));
      sawAbort = true;
      emit({ type: 'error', kind: 'cancelled' });
    });
    const p = start();
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    p.send({ type: 'cancel' });
    const events = await p.finished;
    expect(events.at(-1)).toEqual({ type: 'job', job: { status: 'idle', model: MODEL_ID, local: true } });
    expect(sawAbort).toBe(true);
  });

  it('says what the engine does before it writes, then the speed and the time left', async () => {
    let clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    try {
      deps.localTransport = transportOf(async (emit) => {
        emit({ type: 'status', phase: 'loading' });
        emit({ type: 'status', phase: 'loading' });
        emit({ type: 'status', phase: 'reading' });
        const answer = JSON.stringify(GOOD_CONTENT);
        for (let i = 0; i < answer.length; i += 16) {
          emit({ type: 'text', text: answer.slice(i, i + 16) });
          clock += 100;
        }
        emit({ type: 'end', tokens: 400, ms: 2000, finish: 'stop' });
      });
      const events = await start().finished;
      const stages = events.flatMap((e) => (e.type === 'job' && e.job.status === 'running' ? [e.job.stage] : []));
      const distinct = stages.filter((s, i) => s !== stages[i - 1]);
      const loading = distinct.indexOf(text.localStageLoading);
      expect(loading).toBeGreaterThan(0);
      expect(distinct[loading + 1]).toBe(text.localStageReading);
      // While it simply writes, the line above already says "Skriv samandrag …": the speed stands alone.
      expect(distinct.some((s) => /^\(10 ordbitar i sekundet, om lag .+ att\)$/.test(s ?? ''))).toBe(true);
      expect(events.at(-1)!.type).toBe('done');
    } finally {
      vi.restoreAllMocks();
    }
  });
});
