/**
 * The card's non-ready states (loading, nothing here, error), announced
 * politely to screen readers through one live region.
 */
import type { CardState } from '../core/types';
import { fmt, text } from './text';

type NotReady = Exclude<CardState, { status: 'ready' }>;

export function StatusView({ state, onOpenOptions }: { state: NotReady; onOpenOptions?: () => void }) {
  return (
    <div class={`nk-status nk-status--${state.status}`} data-testid="status" data-status={state.status} role="status" aria-live="polite" lang="nn">
      {state.status === 'loading' && (
        <p class="nk-status__loading">
          <span class="nk-spinner" aria-hidden="true" />
          {state.title ? fmt(text.loadingFor, { title: state.title }) : text.loading}
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
