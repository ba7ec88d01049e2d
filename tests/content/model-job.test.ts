import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModelRunner, type ClientPort } from '../../src/content/model-job';
import type { ModelJob } from '../../src/protocol';
import { text } from '../../src/strings/text';
import { makeArticle, makeTopic } from '../factories/article';
import { readyState } from '../ui/sample-card';

/** A fake port: records what the page sends, lets the test play the background. */
function fakePort() {
  const onMsg: ((m: unknown) => void)[] = [];
  const onDisc: (() => void)[] = [];
  const sent: unknown[] = [];
  let disconnected = false;
  const port: ClientPort = {
    postMessage: (m) => void sent.push(m),
    disconnect: () => void (disconnected = true),
    onMessage: { addListener: (f) => void onMsg.push(f) },
    onDisconnect: { addListener: (f) => void onDisc.push(f) },
  };
  return { port, sent, emit: (m: unknown) => onMsg.forEach((f) => f(m)), drop: () => onDisc.forEach((f) => f()), get disconnected() { return disconnected; } };
}

const running = (summary: string[]): ModelJob => ({ status: 'running', model: 'm', startedAt: '2026-01-01T00:00:00Z', partial: { summary, faq: [] } });

afterEach(() => vi.useRealTimers());

function setup(stallMs?: number) {
  const p = fakePort();
  const jobs: ModelJob[] = [];
  const done = vi.fn();
  const reportFailure = vi.fn();
  const runner = createModelRunner({ connect: () => p.port, onJob: (j) => void jobs.push(j), onDone: done, reportFailure, ...(stallMs ? { stallMs } : {}) });
  return { p, jobs, done, reportFailure, runner };
}

describe('createModelRunner', () => {
  it('sends the article, passes partials on, and ends with the card', () => {
    const { p, jobs, done, runner } = setup();
    runner.start(makeArticle(), makeTopic(), false);
    expect(p.sent[0]).toMatchObject({ type: 'start', force: false });
    expect(runner.running).toBe(true);
    p.emit({ type: 'job', job: running(['Første avsnitt.']) });
    p.emit({ type: 'job', job: { status: 'running', model: 'm' } }); // malformed: ignored
    expect(jobs).toEqual([running(['Første avsnitt.'])]);
    const state = readyState();
    p.emit({ type: 'done', state, fromCache: false, requests: 1 });
    expect(done).toHaveBeenCalledWith(state, { fromCache: false, requests: 1 });
    expect(runner.running).toBe(false);
    expect(p.disconnected).toBe(true);
  });

  it('shows a Nynorsk error with retry when the port drops mid-stream, and tells the background', () => {
    const { p, jobs, reportFailure, runner } = setup();
    runner.start(makeArticle(), makeTopic(), true);
    p.emit({ type: 'job', job: running(['Eit avsnitt.']) });
    p.drop();
    expect(jobs.at(-1)).toEqual({ status: 'error', model: 'm', message: text.modelDisconnected });
    expect(reportFailure).toHaveBeenCalledWith(text.modelDisconnected);
    expect(runner.running).toBe(false);
  });

  it('gives up when the background stays silent, so nothing spins for ever', () => {
    vi.useFakeTimers();
    const { p, jobs, runner } = setup(1000);
    runner.start(makeArticle(), makeTopic(), false);
    p.emit({ type: 'job', job: running([]) });
    vi.advanceTimersByTime(999);
    expect(jobs.at(-1)?.status).toBe('running');
    vi.advanceTimersByTime(2);
    expect(jobs.at(-1)).toEqual({ status: 'error', model: 'm', message: text.modelStalled });
    expect(p.disconnected).toBe(true);
  });

  it('asks the background to cancel, and closes when the offer comes back', () => {
    const { p, jobs, runner } = setup();
    runner.start(makeArticle(), makeTopic(), false);
    runner.cancel();
    expect(p.sent.at(-1)).toEqual({ type: 'cancel' });
    p.emit({ type: 'job', job: { status: 'idle', model: 'm' } });
    expect(jobs.at(-1)).toEqual({ status: 'idle', model: 'm' });
    expect(runner.running).toBe(false);
  });

  it('ignores a port it has left: a late event or drop of the old job never touches the new one', () => {
    const ports = [fakePort(), fakePort()];
    const jobs: ModelJob[] = [];
    const done = vi.fn();
    const reportFailure = vi.fn();
    let opened = 0;
    const runner = createModelRunner({ connect: () => ports[opened++]!.port, onJob: (j) => void jobs.push(j), onDone: done, reportFailure });
    const [old, current] = ports as [ReturnType<typeof fakePort>, ReturnType<typeof fakePort>];
    runner.start(makeArticle(), makeTopic(), false);
    runner.dispose(); // navigated away
    runner.start(makeArticle(), makeTopic(), true);
    current.emit({ type: 'job', job: running(['Nytt.']) });
    old.emit({ type: 'job', job: running(['Gamalt.']) });
    old.emit({ type: 'done', state: readyState(), fromCache: true, requests: 0 });
    old.drop();
    expect(jobs).toEqual([running(['Nytt.'])]);
    expect(done).not.toHaveBeenCalled();
    expect(reportFailure).not.toHaveBeenCalled();
    expect(runner.running).toBe(true);
    expect(current.disconnected).toBe(false);
  });

  it('runs one job at a time', () => {
    const { p, runner } = setup();
    runner.start(makeArticle(), makeTopic(), false);
    runner.start(makeArticle(), makeTopic(), false);
    expect(p.sent.filter((m) => (m as { type: string }).type === 'start')).toHaveLength(1);
  });
});
