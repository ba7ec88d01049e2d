import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModelRunner, type ClientPort } from '../../src/content/model-job';
import { parsePortEvent, type ModelJob } from '../../src/protocol';
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

/** The port events' check, loaded as the article code loads content-check.js (a promise). */
const loadParser = () => Promise.resolve(parsePortEvent);
/** Lets the loaded check arrive (a macrotask: every promise step before it has run). */
const settle = async () => {
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
  else await new Promise<void>((r) => setTimeout(r, 0));
};

function setup(stallMs?: number) {
  const p = fakePort();
  const jobs: ModelJob[] = [];
  const done = vi.fn();
  const reportFailure = vi.fn();
  const runner = createModelRunner({ connect: () => p.port, loadParser, onJob: (j) => void jobs.push(j), onDone: done, reportFailure, ...(stallMs ? { stallMs } : {}) });
  return { p, jobs, done, reportFailure, runner };
}

describe('createModelRunner', () => {
  it('sends the article, passes partials on, and ends with the card', async () => {
    const { p, jobs, done, runner } = setup();
    runner.start(makeArticle(), makeTopic(), false);
    await settle();
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

  it('shows a Nynorsk error with retry when the port drops mid-stream, and tells the background', async () => {
    const { p, jobs, reportFailure, runner } = setup();
    runner.start(makeArticle(), makeTopic(), true);
    await settle();
    p.emit({ type: 'job', job: running(['Eit avsnitt.']) });
    p.drop();
    expect(jobs.at(-1)).toEqual({ status: 'error', model: 'm', message: text.modelDisconnected });
    expect(reportFailure).toHaveBeenCalledWith(text.modelDisconnected);
    expect(runner.running).toBe(false);
  });

  it('gives up when the background stays silent, so nothing spins for ever', async () => {
    vi.useFakeTimers();
    const { p, jobs, runner } = setup(1000);
    runner.start(makeArticle(), makeTopic(), false);
    await settle();
    p.emit({ type: 'job', job: running([]) });
    vi.advanceTimersByTime(999);
    expect(jobs.at(-1)?.status).toBe('running');
    vi.advanceTimersByTime(2);
    expect(jobs.at(-1)).toEqual({ status: 'error', model: 'm', message: text.modelStalled });
    expect(p.disconnected).toBe(true);
  });

  it('asks the background to cancel, and closes when the offer comes back', async () => {
    const { p, jobs, runner } = setup();
    runner.start(makeArticle(), makeTopic(), false);
    await settle();
    runner.cancel();
    expect(p.sent.at(-1)).toEqual({ type: 'cancel' });
    p.emit({ type: 'job', job: { status: 'idle', model: 'm' } });
    expect(jobs.at(-1)).toEqual({ status: 'idle', model: 'm' });
    expect(runner.running).toBe(false);
  });

  it('ignores a port it has left: a late event or drop of the old job never touches the new one', async () => {
    const ports = [fakePort(), fakePort()];
    const jobs: ModelJob[] = [];
    const done = vi.fn();
    const reportFailure = vi.fn();
    let opened = 0;
    const runner = createModelRunner({ connect: () => ports[opened++]!.port, loadParser, onJob: (j) => void jobs.push(j), onDone: done, reportFailure });
    const [old, current] = ports as [ReturnType<typeof fakePort>, ReturnType<typeof fakePort>];
    runner.start(makeArticle(), makeTopic(), false);
    runner.dispose(); // navigated away
    runner.start(makeArticle(), makeTopic(), true);
    await settle();
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

  it('runs one job at a time', async () => {
    const { p, runner } = setup();
    runner.start(makeArticle(), makeTopic(), false);
    runner.start(makeArticle(), makeTopic(), false);
    expect(p.sent.filter((m) => (m as { type: string }).type === 'start')).toHaveLength(1);
  });

  it('handles what the port sent before its check was loaded, in order, the drop last', async () => {
    const { p, jobs, done, reportFailure, runner } = setup();
    runner.start(makeArticle(), makeTopic(), false);
    const state = readyState();
    p.emit({ type: 'job', job: running(['Første.']) });
    p.emit({ type: 'done', state, fromCache: true, requests: 0 });
    p.drop();
    expect(jobs).toEqual([]);
    await settle();
    await settle();
    expect(jobs).toEqual([running(['Første.'])]);
    expect(done).toHaveBeenCalledWith(state, { fromCache: true, requests: 0 });
    // The card came before the drop: no error.
    expect(reportFailure).not.toHaveBeenCalled();
    expect(runner.running).toBe(false);
  });

  it('ends in the Nynorsk error when the check cannot be loaded, and asks for it again at the next start', async () => {
    const p = fakePort();
    const q = fakePort();
    const jobs: ModelJob[] = [];
    const ports = [p, q];
    const load = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(parsePortEvent);
    const runner = createModelRunner({ connect: () => ports.shift()!.port, loadParser: load, onJob: (j) => void jobs.push(j), onDone: vi.fn() });
    runner.start(makeArticle(), makeTopic(), false);
    p.emit({ type: 'job', job: running(['Aldri vist.']) });
    await vi.waitFor(() => expect(jobs.at(-1)).toEqual({ status: 'error', model: '', message: text.modelDisconnected }));
    expect(jobs).toHaveLength(1);
    expect(p.disconnected).toBe(true);
    runner.start(makeArticle(), makeTopic(), false);
    await settle();
    q.emit({ type: 'job', job: running(['Vist.']) });
    await vi.waitFor(() => expect(jobs.at(-1)).toEqual(running(['Vist.'])));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('fails the job, not the page, when the check\'s loader throws at once', async () => {
    const p = fakePort();
    const jobs: ModelJob[] = [];
    const runner = createModelRunner({ connect: () => p.port, loadParser: () => { throw new Error('gone'); }, onJob: (j) => void jobs.push(j), onDone: vi.fn() });
    expect(() => runner.start(makeArticle(), makeTopic(), false)).not.toThrow();
    await vi.waitFor(() => expect(jobs.at(-1)).toEqual({ status: 'error', model: '', message: text.modelDisconnected }));
    expect(runner.running).toBe(false);
  });

  it('keeps handling queued events after a handler throws: the drop still ends the job', async () => {
    const p = fakePort();
    const jobs: ModelJob[] = [];
    const reportFailure = vi.fn();
    let first = true;
    const throwing = createModelRunner({
      connect: () => p.port,
      loadParser,
      onJob: (j) => {
        jobs.push(j);
        if (first) {
          first = false;
          throw new Error('bug in a view');
        }
      },
      onDone: vi.fn(),
      reportFailure,
    });
    throwing.start(makeArticle(), makeTopic(), false);
    p.emit({ type: 'job', job: running(['Eitt.']) });
    p.drop();
    await settle();
    expect(jobs.at(-1)).toEqual({ status: 'error', model: 'm', message: text.modelDisconnected });
    expect(reportFailure).toHaveBeenCalledWith(text.modelDisconnected);
  });
});
