import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelDeps } from '../../../src/background/model/deps';
import { serveModelPort } from '../../../src/background/model/port-server';
import type { EngineTransport } from '../../../src/background/local-engine';
import { LOCAL_MODEL_MESSAGES } from '../../../src/core/local/download';
import { LOCAL_MODEL_KEY } from '../../../src/core/local/models';
import type { Card, CardState } from '../../../src/core/types';
import type { EngineChatRequest, EngineEvent } from '../../../src/engine/host';
import { modelCache } from '../../../src/model-cache';
import { modelJobKey, parseModelJob, tabStateKey } from '../../../src/protocol';
import { SETTINGS_KEY } from '../../../src/settings';
import { text } from '../../../src/strings/text';
import { GOOD_CONTENT, TEST_ARTICLE, TEST_TOPIC } from '../../../support/model-server';
import { LOCAL_MODEL_ID, makeLocalModelRecord, makeLocalSettings } from '../../factories/local-model';
import { area, portPair } from '../../support/background-fakes';

describe('a model job with the on-device model', () => {
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
    await local.set({ [SETTINGS_KEY]: makeLocalSettings(), [LOCAL_MODEL_KEY]: makeLocalModelRecord() });
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
    expect(done.state.card.engine).toEqual({ kind: 'local', model: LOCAL_MODEL_ID });
    expect(done.state.card.summary).toEqual(GOOD_CONTENT.summary);
    expect(done.requests).toBe(1);
    expect(done.fromCache).toBe(false);
    expect(deps.permissions.contains).not.toHaveBeenCalled();
    expect(deps.fetch).not.toHaveBeenCalled();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.modelId).toBe(LOCAL_MODEL_ID);
    // It streamed: running jobs with a growing partial came first.
    const running = events.filter((e) => e.type === 'job' && e.job.status === 'running');
    expect(running.some((e) => e.type === 'job' && e.job.status === 'running' && e.job.partial.summary.length > 0)).toBe(true);
    // The tab's state holds the card; the job is idle again, marked as on-device.
    expect((session.data.get(tabStateKey(7)) as CardState & { card: Card }).card.engine.kind).toBe('local');
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: LOCAL_MODEL_ID, local: true });
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
    expect(last.type === 'job' && last.job).toEqual({ status: 'error', model: LOCAL_MODEL_ID, message: text.localEngineMissing });
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'error', model: LOCAL_MODEL_ID, message: text.localEngineMissing });
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
    expect(events.at(-1)).toEqual({ type: 'job', job: { status: 'idle', model: LOCAL_MODEL_ID, local: true } });
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
