/**
 * The tab's model job in storage.session, where the popup and a restarted
 * worker read it. The port carries every partial of a running job; storage
 * gets the newest at most every `everyMs`, since a write per streamed piece
 * would cost more than the page gains.
 */
import type { CardState } from '../../core/types';
import type { StorageArea } from '../../model-cache';
import { modelJobKey, tabStateKey, type ModelJob } from '../../protocol';

export type RunningJob = Extract<ModelJob, { status: 'running' }>;

export type JobWriter = {
  /** Writes the job at once; with the card's state when the card is done, in the same write, so no reader sees one without the other. */
  write(job: ModelJob, state?: CardState): Promise<void>;
  /** The running job changed: the newest is written within `everyMs`. */
  update(job: RunningJob): void;
  /** The job has ended: no pending update may land after the final write. */
  stop(): void;
};

/** The writer for one job of one tab; without a tab it writes nothing. */
export function jobWriter(session: StorageArea, tabId: number | undefined, everyMs: number): JobWriter {
  let latest: RunningJob | null = null;
  let lastWrite = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const write = (job: ModelJob, state?: CardState) =>
    tabId === undefined ? Promise.resolve() : session.set({ [modelJobKey(tabId)]: job, ...(state ? { [tabStateKey(tabId)]: state } : {}) });
  const flush = () => {
    pending = null;
    lastWrite = Date.now();
    // A lost progress write costs nothing lasting: the next one, or the final write, replaces it.
    if (!stopped && latest) void write(latest).catch(() => undefined);
  };
  return {
    write,
    update(job) {
      latest = job;
      if (pending || stopped || tabId === undefined) return;
      pending = setTimeout(flush, Math.max(0, lastWrite + everyMs - Date.now()));
    },
    stop() {
      stopped = true;
      if (pending) clearTimeout(pending);
      pending = null;
    },
  };
}
