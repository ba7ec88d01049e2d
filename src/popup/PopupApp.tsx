/**
 * The popup's UI: the card of the tab it was opened for, live, or the
 * explanation of what the extension does when that tab has no card; the
 * loading status while it finds the tab.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardState } from '../core/types';
import type { ModelJob } from '../protocol';
import { send } from '../rpc';
import { CardView } from '../ui/CardView';
import type { ShowEvidence } from '../ui/Evidence';
import { text } from '../strings/text';
import type { FeedbackSaver } from '../ui/CardActions';
import { popupModelControls, readModelJob, watchModelJob } from './model-job';
import { RecentList } from './RecentList';
import { readEarly, type EarlyRead } from './early-read';
import { backgroundTransport, readTabState, resolveTabId, tabTransport, toState, watchTabState, type PopupBrowser } from './tab-state';

export type PopupAppProps = {
  /** The extension API (the browser's own chrome.* or browser.* in the real popup; a fake in tests). */
  browser: PopupBrowser;
  /** `location.search` of the popup page. */
  search: string;
  /** Closes the popup once the options page is open (test seam for window.close). */
  onDone?: () => void;
  /** The tab and its card, already being read when the page started (see preloadTab); read here when absent. */
  preload?: Promise<Preloaded>;
  /** What that preload gave when it came before the first render (see firstPaint): the first render shows it at once. */
  initial?: Preloaded | null;
};

export type Preloaded = {
  tabId: number | null;
  state: CardState | null;
  /** Stops following the tab and gives its newest state since the read, if it changed: the popup's own watcher takes over from here. */
  handOver?: () => CardState | undefined;
};

/**
 * The tab and its card, read before Preact has rendered and run its effects:
 * the card then paints one frame sooner. `early` is the read popup.js
 * started as its first statement (start-read.ts); without it, or where it
 * failed, the read starts here. What was read is validated here; the
 * hand-over too.
 */
export function preloadTab(browser: PopupBrowser, search: string, early?: Promise<EarlyRead>): Promise<Preloaded> {
  return (early ? early.catch(() => readEarly(browser, search)) : readEarly(browser, search)).then(({ tabId, raw, failed, handOver }) => {
    if (tabId === null) return { tabId, state: null };
    return {
      tabId,
      state: failed ? null : toState(raw),
      handOver: () => {
        const changed = handOver?.();
        return changed ? toState(changed.raw) : undefined;
      },
    };
  });
}

/**
 * How long the popup waits for its tab's card before it first renders. The
 * read is one storage.session get, a few milliseconds: waiting for it makes
 * the card the popup's first paint, where rendering at once would paint the
 * loading status, then wait a frame for the effects (Preact runs them after a
 * paint) and paint again. A read slower than this gets the loading status.
 */
export const FIRST_PAINT_WAIT_MS = 100;

/** The preload's result if it comes within `waitMs`, else null (also when it fails): what the first render shows. */
export function firstPaint(preload: Promise<Preloaded>, waitMs = FIRST_PAINT_WAIT_MS): Promise<Preloaded | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs);
    const done = (v: Preloaded | null) => {
      clearTimeout(timer);
      resolve(v);
    };
    preload.then(done, () => done(null));
  });
}

/** What the popup shows while it finds its tab and reads the tab's state. */
const RESOLVING: CardState = { status: 'loading', url: '' };

export function PopupApp({ browser, search, onDone, preload, initial }: PopupAppProps) {
  const [state, setState] = useState<CardState | null>(initial?.state ?? null);
  const [tabId, setTabId] = useState<number | null>(initial?.tabId ?? null);
  const [job, setJob] = useState<ModelJob | null>(null);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    (async () => {
      const early = initial ?? (await (preload ?? Promise.resolve(null)).catch(() => null));
      const tabId = early ? early.tabId : await resolveTabId(browser, search);
      if (cancelled) return;
      if (early?.state) setState((current) => current ?? early.state);
      if (tabId === null) {
        setState({ status: 'none' });
        return;
      }
      setTabId(tabId);
      const stopState = watchTabState(browser, tabId, setState);
      const changedMeanwhile = early?.handOver?.();
      if (changedMeanwhile) setState(changedMeanwhile);
      let jobChanged = false;
      const stopJob = watchModelJob(browser, tabId, (j) => {
        jobChanged = true;
        setJob(j);
      });
      stop = () => {
        stopState();
        stopJob();
      };
      // The preload read the card already: read it once, not twice.
      const [read, initialJob] = await Promise.all([early?.state ?? readTabState(browser, tabId), readModelJob(browser, tabId).catch(() => null)]);
      // A change that arrived while reading is newer than what was read.
      if (!cancelled) {
        setState((current) => current ?? read);
        if (!jobChanged) setJob(initialJob);
      }
    })().catch(() => {
      if (!cancelled) setState({ status: 'none' });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [browser, search]);

  const showEvidence = useMemo(() => evidenceSender(browser, tabId), [browser, tabId]);
  const model = useMemo(() => (tabId !== null && job ? popupModelControls(browser, tabId, job, setJob) : undefined), [browser, tabId, job]);
  const showModel = model && !(state?.status === 'ready' && state.card.engine.kind === 'library');

  const onFeedback = useMemo(() => feedbackSender(browser), [browser]);

  const openOptions = () => {
    void browser.runtime.openOptionsPage().then(() => onDone?.(), () => undefined);
  };

  return (
    <main class="nk-popup">
      <h1 class="nk-popup__brand">
        <span class="nk-popup__mark" aria-hidden="true">
          nn
        </span>
        {text.appName}
      </h1>
      {/* Until the tab and its state are known: the loading status (the same live region then says what came). */}
      <CardView state={state ?? RESOLVING} onOpenOptions={openOptions} onShowEvidence={showEvidence} onFeedback={onFeedback} {...(showModel ? { model } : {})} />
      <RecentList browser={browser} onOpened={onDone} />
    </main>
  );
}

/** "Noko gale i kortet?" from the popup: the background keeps the local list. */
export function feedbackSender(browser: PopupBrowser): FeedbackSaver | undefined {
  const toBackground = backgroundTransport(browser);
  if (!toBackground) return undefined;
  return (f) =>
    send(toBackground, { type: 'feedback:add', kind: f.kind, note: f.note, url: f.url, card: f.card }).then(
      () => true,
      () => false,
    );
}

/**
 * "Vis i teksten" from the popup: asks the tab's content script to scroll
 * to the paragraph and highlight it. False when the tab does not answer (no
 * content script there any more) or does not find the paragraph.
 */
export function evidenceSender(browser: PopupBrowser, tabId: number | null): ShowEvidence | undefined {
  const toTab = tabId === null ? null : tabTransport(browser, tabId);
  if (!toTab) return undefined;
  return (index) =>
    send(toTab, { type: 'evidence:show', index }).then(
      (reply) => reply.found,
      () => false,
    );
}
