/**
 * The popup's view of the tab's model job (storage.session, written by the
 * background) and its actions, which go to the tab's content script: the
 * stream always runs through the page's own port, so closing the popup does
 * not stop it.
 */
import { modelJobKey, parseModelJob, type Message, type ModelJob } from '../protocol';
import type { ModelControls } from '../ui/ModelControls';
import { text } from '../strings/text';
import { send } from '../rpc';
import { watchSessionKey } from './early-read';
import { tabTransport, type PopupBrowser } from './tab-state';


/** Reads the tab's model job; null when none or malformed. */
export async function readModelJob(browser: PopupBrowser, tabId: number): Promise<ModelJob | null> {
  const key = modelJobKey(tabId);
  return parseModelJob((await browser.storage.session.get(key))[key]);
}

/** Calls `onChange` whenever the tab's model job changes; returns an unsubscribe function. */
export function watchModelJob(browser: PopupBrowser, tabId: number, onChange: (job: ModelJob | null) => void): () => void {
  return watchSessionKey(browser, modelJobKey(tabId), (raw) => onChange(parseModelJob(raw)));
}

/**
 * Controls for the card in the popup: generate and cancel are messages to the
 * tab's content script. `onLocalError` shows an error when the page does not answer.
 */
export function popupModelControls(browser: PopupBrowser, tabId: number, job: ModelJob, onLocalError: (job: ModelJob) => void): ModelControls {
  const toTab = tabTransport(browser, tabId);
  const fail = (message: string) => onLocalError({ status: 'error', model: job.model, message });
  // No answer, or one that is not the page's: the page is gone (or holds an old content script).
  const ask = <M extends Message>(msg: M) => (toTab ? send(toTab, msg).catch(() => null) : Promise.resolve(null));
  return {
    job,
    onGenerate: (force) =>
      void ask({ type: 'model:generate', force }).then((reply) => {
        // The page answers { started: false } when it cannot start (its card was hidden for the session, say).
        if (!reply) fail(text.modelPageGone);
        else if (!reply.started) fail(text.modelNotStarted);
      }),
    onCancel: () =>
      void ask({ type: 'model:cancel' }).then((reply) => {
        if (!reply) fail(text.modelPageGone);
      }),
  };
}
