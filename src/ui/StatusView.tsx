/**
 * The card's non-ready states (loading, nothing here, error). One polite
 * live region, text only, stays in place across these states and is filled
 * after it is mounted, so screen readers hear each change; the headings,
 * text and buttons sit outside it, where they can be read and used.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardState } from '../core/types';
import { fill } from '../core/template';
import { text } from '../strings/text';

type NotReady = Exclude<CardState, { status: 'ready' }>;

/** The short text the live region speaks for a state. */
export function statusAnnouncement(state: NotReady): string {
  switch (state.status) {
    case 'loading':
      return state.title ? fill(text.loadingFor, { title: state.title }) : text.loading;
    case 'none':
      return text.noneTitle;
    case 'error':
      return `${text.errorTitle}. ${state.message}`;
  }
}

export function StatusView({ state, onOpenOptions }: { state: NotReady; onOpenOptions?: () => void }) {
  const message = statusAnnouncement(state);
  // Empty on mount, filled just after: a region that appears with its text is rarely announced.
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(message), [message]);
  return (
    <div class={`nk-status nk-status--${state.status}`} data-testid="status" data-status={state.status} lang="nn">
      <p class="nk-visually-hidden" role="status" aria-live="polite" data-testid="status-live">
        {said}
      </p>
      {state.status === 'loading' && (
        <p class="nk-status__loading" aria-hidden="true">
          <span class="nk-spinner" />
          {message}
        </p>
      )}
      {state.status === 'none' && (
        <>
          <h2 class="nk-status__title">{text.noneTitle}</h2>
          <p>{text.noneBody}</p>
          <p class="nk-status__quiet">{text.nonePrivacy}</p>
        </>
      )}
      {state.status === 'error' && (
        <>
          <h2 class="nk-status__title">{text.errorTitle}</h2>
          <p class="nk-status__message">{state.message}</p>
          <p>{text.errorHelp}</p>
        </>
      )}
      {state.status !== 'loading' && onOpenOptions && (
        <p>
          <button type="button" class="nk-linkbutton" onClick={onOpenOptions}>
            {text.openOptions}
          </button>
        </p>
      )}
    </div>
  );
}
