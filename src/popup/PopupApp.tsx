/**
 * The popup's UI: the card of the tab it was opened for, live, or the
 * explanation of what the extension does when that tab has no card; the
 * loading status while it finds the tab.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardState } from '../core/types';
import type { Message, ModelJob } from '../protocol';
import { CardView } from '../ui/CardView';
import type { ShowEvidence } from '../ui/Evidence';
import { text } from '../ui/text';
import { popupModelControls, readModelJob, watchModelJob } from './model-job';
import { readTabState, resolveTabId, watchTabState, type PopupBrowser } from './tab-state';

export type PopupAppProps = {
  /** Test seam: the extension API (webextension-polyfill in the real popup). */
  browser: PopupBrowser;
  /** `location.search` of the popup page. */
  search: string;
  /** Closes the popup once the options page is open (test seam for window.close). */
  onDone?: () => void;
};

/** What the popup shows while it finds its tab and reads the tab's state. */
const RESOLVING: CardState = { status: 'loading', url: '' };

export function PopupApp({ browser, search, onDone }: PopupAppProps) {
  const [state, setState] = useState<CardState | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [job, setJob] = useState<ModelJob | null>(null);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    (async () => {
      const tabId = await resolveTabId(browser, search);
      if (cancelled) return;
      if (tabId === null) {
        setState({ status: 'none' });
        return;
      }
      setTabId(tabId);
      const stopState = watchTabState(browser, tabId, setState);
      let jobChanged = false;
      const stopJob = watchModelJob(browser, tabId, (j) => {
        jobChanged = true;
        setJob(j);
      });
      stop = () => {
        stopState();
        stopJob();
      };
      const [initial, initialJob] = await Promise.all([readTabState(browser, tabId), readModelJob(browser, tabId).catch(() => null)]);
      // A change that arrived while reading is newer than what was read.
      if (!cancelled) {
        setState((current) => current ?? initial);
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
      <CardView state={state ?? RESOLVING} onOpenOptions={openOptions} onShowEvidence={showEvidence} {...(showModel ? { model } : {})} />
    </main>
  );
}

/**
 * "Vis i artikkelen" from the popup: asks the tab's content script to scroll
 * to the paragraph and highlight it. False when the tab does not answer (no
 * content script there any more) or does not find the paragraph.
 */
export function evidenceSender(browser: PopupBrowser, tabId: number | null): ShowEvidence | undefined {
  const send = browser.tabs.sendMessage;
  if (tabId === null || !send) return undefined;
  return async (index) => {
    const msg: Message = { type: 'evidence:show', index };
    try {
      const reply = await send.call(browser.tabs, tabId, msg);
      return !!reply && typeof reply === 'object' && (reply as { found?: unknown }).found === true;
    } catch {
      return false;
    }
  };
}
