/**
 * The options page's parts for what the extension keeps about the reader's
 * own reading (issue 15): the switch for "Sist opna kort", and the feedback
 * list with its JSON export. Both live in storage.local only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { FEEDBACK_KEY, feedbackExport, parseFeedback, type FeedbackEntry } from '../feedback';
import { RECENT_LIMIT } from '../recent';
import { fill } from '../core/template';
import { text } from '../strings/options-text';
import type { OptionsBrowser } from './settings-store';

/** The recent-cards switch; turning it off also empties the list (the caller's onChange does both). */
export function HistorySetting({ on, disabled, onChange }: { on: boolean; disabled?: boolean; onChange(on: boolean): void }) {
  return (
    <fieldset disabled={disabled} data-testid="history">
      <legend>{text.historyHeading}</legend>
      <div class="nk-choice">
        <input type="checkbox" id="history-on" data-testid="history-on" checked={on} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} aria-describedby="help-history" />
        <label class="nk-choice__label" for="history-on">
          {text.historyLabel}
        </label>
        <p class="nk-choice__help" id="help-history">
          {fill(text.historyHelp, { n: RECENT_LIMIT })}
        </p>
      </div>
    </fieldset>
  );
}

export const FEEDBACK_FILE = 'nynorsk-kort-tilbakemeldingar.json';

/** An object URL for the export (a data: URL where the page cannot make one). */
function fileUrl(json: string): { href: string; revoke(): void } {
  if (typeof URL.createObjectURL === 'function' && typeof Blob === 'function') {
    const href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    return { href, revoke: () => URL.revokeObjectURL(href) };
  }
  return { href: `data:application/json;charset=utf-8,${encodeURIComponent(json)}`, revoke: () => undefined };
}

export function FeedbackExport({ browser, now = () => new Date() }: { browser: OptionsBrowser; now?: () => Date }) {
  const [list, setList] = useState<FeedbackEntry[] | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let cancelled = false;
    browser.storage.local.get(FEEDBACK_KEY).then(
      (got) => !cancelled && setList(parseFeedback(got[FEEDBACK_KEY])),
      () => !cancelled && setList([]),
    );
    return () => {
      cancelled = true;
    };
  }, [browser]);

  const file = useMemo(() => (list && list.length ? fileUrl(feedbackExport(list, now())) : null), [list]);
  useEffect(() => () => file?.revoke(), [file]);

  return (
    <fieldset data-testid="feedback">
      <legend>{text.feedbackHeading}</legend>
      <p class="nk-options__hint">{text.feedbackIntro}</p>
      <p data-testid="feedback-count">{list === null ? '…' : list.length ? fill(text.feedbackCount, { n: list.length }) : text.feedbackCountNone}</p>
      {file && (
        <p class="nk-local__choices">
          <a class="nk-button nk-button--primary" data-testid="feedback-export" href={file.href} download={FEEDBACK_FILE}>
            {text.feedbackExport}
          </a>
          <button
            type="button"
            class="nk-button"
            data-testid="feedback-clear"
            onClick={() =>
              void browser.storage.local.set({ [FEEDBACK_KEY]: [] }).then(() => {
                setList([]);
                setStatus(text.feedbackCleared);
              })
            }
          >
            {text.feedbackClear}
          </button>
        </p>
      )}
      <p class="nk-options__status" role="status" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
