/**
 * The content script's side of writing a model card: opens the long-lived
 * port to the background (which keeps the service worker alive while the
 * answer streams), passes each partial on to the overlay, and makes sure the
 * overlay never waits for ever: a port that drops before the card is done,
 * or that stays silent too long, ends in a Nynorsk error with "Prøv igjen".
 */
import type { Article, CardState, TopicResult } from '../core/types';
import type { ModelJob, PortEvent, PortRequest } from '../protocol';
import { jobStrings as text } from '../strings/content-strings';

/** The port as the content script sees it (runtime.Port's shape; test seam). */
export type ClientPort = {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
};

/** Checks one event from the port: the event, or null for one that is malformed (protocol.ts's parsePortEvent). */
export type PortEventParser = (raw: unknown) => PortEvent | null;

export type ModelRunnerOptions = {
  /** Opens the model port (browser.runtime.connect({ name: MODEL_PORT })). */
  connect(): ClientPort;
  /**
   * Loads the port events' check (the article code imports it with the other schemas, content-check.js, on first
   * use); asked for at the first start and kept.
   */
  loadParser(): Promise<PortEventParser>;
  /** The job changed (running with a new partial, idle, error). */
  onJob(job: ModelJob): void;
  /** The card is ready (a model card, written or from the cache). */
  onDone(state: CardState, info: { fromCache: boolean; requests: number }): void;
  /** Tells the background that the port broke, so the popup shows the error too. */
  reportFailure?(message: string): void;
  /** Milliseconds without any event before giving up (default 90 000: the engine's own timeout is 60 s). */
  stallMs?: number;
};

export type ModelRunner = {
  start(article: Article, topic: TopicResult, force: boolean): void;
  cancel(): void;
  /** Drops the port without a message (navigation away). */
  dispose(): void;
  readonly running: boolean;
};

/** Creates the runner for one page; one job at a time. */
export function createModelRunner(opts: ModelRunnerOptions): ModelRunner {
  let port: ClientPort | null = null;
  let model = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stallMs = opts.stallMs ?? 90_000;
  let parserLoad: Promise<PortEventParser> | null = null;
  let parse: PortEventParser | null = null;

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const close = () => {
    clearTimer();
    const p = port;
    port = null;
    try {
      p?.disconnect();
    } catch {
      /* already gone */
    }
  };
  const failed = (message: string) => {
    close();
    opts.onJob({ status: 'error', model, message });
    opts.reportFailure?.(message);
  };
  const arm = () => {
    clearTimer();
    timer = setTimeout(() => failed(text.modelStalled), stallMs);
  };

  return {
    get running() {
      return port !== null;
    },
    start(article, topic, force) {
      if (port) return;
      let p: ClientPort;
      try {
        p = opts.connect();
      } catch {
        opts.onJob({ status: 'error', model, message: text.modelDisconnected });
        return;
      }
      port = p;
      // The port's events and its drop are handled in the order they came, once the check is loaded.
      let ready: Promise<unknown> = Promise.resolve();
      if (!parse) {
        // Through a promise: a loader that throws at once fails the job as one that rejects does.
        const load = (parserLoad ??= Promise.resolve().then(() => opts.loadParser()));
        ready = load.then(
          (f) => void (parse = f),
          () => {
            // The check would not load (the extension was updated under the page): ask again next time.
            parserLoad = null;
            if (port === p) failed(text.modelDisconnected);
          },
        );
      }
      // A handler that throws does not stop those queued after it (the port's drop among them).
      const inOrder = (fn: () => void) => (parse ? fn() : void (ready = ready.then(fn).catch(() => undefined)));
      p.onMessage.addListener((raw) =>
        inOrder(() => {
          if (port !== p || !parse) return;
          const ev = parse(raw);
          if (!ev) return;
          if (ev.type === 'done') {
            close();
            opts.onDone(ev.state, { fromCache: ev.fromCache, requests: ev.requests });
            return;
          }
          model = ev.job.model || model;
          opts.onJob(ev.job);
          if (ev.job.status === 'running') arm();
          else close(); // idle (cancelled) or error: the job is over
        }),
      );
      p.onDisconnect.addListener(() =>
        inOrder(() => {
          if (port !== p) return;
          failed(text.modelDisconnected);
        }),
      );
      const req: PortRequest = { type: 'start', article, topic, force };
      p.postMessage(req);
      arm();
    },
    cancel() {
      if (!port) return;
      try {
        port.postMessage({ type: 'cancel' } satisfies PortRequest);
      } catch {
        failed(text.modelDisconnected);
      }
    },
    dispose() {
      close();
    },
  };
}
