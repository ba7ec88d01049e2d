import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobWriter, type RunningJob } from '../../../src/background/model/job-writer';
import type { CardState } from '../../../src/core/types';
import { modelJobKey, tabStateKey } from '../../../src/protocol';
import { area } from '../../support/background-fakes';

const running = (n: number): RunningJob => ({ status: 'running', model: 'm', startedAt: '2026-03-20T08:00:00.000Z', partial: { summary: [`del ${n}`], faq: [] } });

describe('jobWriter', () => {
  let session: ReturnType<typeof area>;
  let writes: Record<string, unknown>[];
  beforeEach(() => {
    vi.useFakeTimers();
    session = area();
    writes = [];
    const set = session.set;
    session.set = async (items) => {
      writes.push(items);
      return set(items);
    };
  });
  afterEach(() => vi.useRealTimers());

  it('writes a running job at most every everyMs, the newest one', async () => {
    const w = jobWriter(session, 7, 150);
    w.update(running(1));
    w.update(running(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([{ [modelJobKey(7)]: running(2) }]);
    w.update(running(3));
    w.update(running(4));
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toEqual([{ [modelJobKey(7)]: running(2) }, { [modelJobKey(7)]: running(4) }]);
  });

  it('writes nothing pending after stop, so the final write stays the last', async () => {
    const w = jobWriter(session, 7, 150);
    w.update(running(1));
    await vi.advanceTimersByTimeAsync(0);
    w.update(running(2));
    w.stop();
    const state = { status: 'none', url: 'u' } as CardState;
    await w.write({ status: 'idle', model: 'm' }, state);
    w.update(running(3));
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes.at(-1)).toEqual({ [modelJobKey(7)]: { status: 'idle', model: 'm' }, [tabStateKey(7)]: state });
    expect(writes).toHaveLength(2);
  });

  it('a failing progress write is dropped, not thrown', async () => {
    session.set = async () => Promise.reject(new Error('quota'));
    const w = jobWriter(session, 7, 0);
    w.update(running(1));
    await vi.advanceTimersByTimeAsync(10);
    await expect(w.write({ status: 'idle', model: 'm' })).rejects.toThrow('quota');
  });

  it('writes nothing without a tab', async () => {
    const w = jobWriter(session, undefined, 0);
    w.update(running(1));
    await w.write({ status: 'idle', model: 'm' });
    await vi.advanceTimersByTimeAsync(10);
    expect(writes).toEqual([]);
  });
});
