/**
 * The open card in the page: a panel at the right edge (a bottom sheet on
 * narrow screens) with the card, a close button and "hide for this session".
 * The collapsed pill is not here: content/pill.ts draws it without Preact, and
 * content/overlay.ts switches between the two. Escape or the close button
 * collapse the panel. Focus moves in and back out to the pill in the controller.
 */
import { useRef } from 'preact/hooks';
import type { CardState } from '../core/types';
import type { FeedbackSaver } from './CardActions';
import { CardView } from './CardView';
import type { ShowEvidence } from './Evidence';
import type { ModelControls } from './ModelControls';
import { announceInPage, focusMainHeading } from './page-focus';
import { text } from '../strings/text';

export type OverlayPanelProps = {
  state: CardState;
  onClose(): void;
  /** The user asked to hide the overlay on this site for this browser session. */
  onHideForSession(): void;
  onOpenOptions(): void;
  /** "Noko gale i kortet?" (see CardActions). */
  onFeedback?: FeedbackSaver;
  /** Scrolls the page to an evidence paragraph and highlights it ("Vis i teksten"). */
  onShowEvidence?: ShowEvidence;
  /** The model job and its actions, when a model is configured. */
  model?: ModelControls;
};

export function OverlayPanel({ state, onClose, onHideForSession, onOpenOptions, onShowEvidence, model, onFeedback }: OverlayPanelProps) {
  const panelRef = useRef<HTMLElement>(null);

  return (
    <div class="nk-overlay nk-theme" data-open="true">
      <section
        ref={panelRef}
        class="nk-panel"
        role="dialog"
        aria-modal="false"
        aria-label={text.panelLabel}
        tabIndex={-1}
        lang="nn"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div class="nk-panel__bar">
          <span class="nk-panel__brand">
            <span class="nk-pill__mark" aria-hidden="true">
              nn
            </span>
            {text.appName}
          </span>
          <button type="button" class="nk-iconbutton" aria-label={text.close} title={text.close} onClick={onClose}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
            </svg>
          </button>
        </div>
        <div class="nk-panel__body">
          <CardView state={state} onOpenOptions={onOpenOptions} onShowEvidence={onShowEvidence} model={model} onFeedback={onFeedback} />
        </div>
        <div class="nk-panel__foot">
          <button
            type="button"
            class="nk-linkbutton nk-panel__hide"
            data-testid="hide-for-session"
            title={text.hideForSessionHint}
            onClick={() => {
              const doc = panelRef.current?.ownerDocument ?? document;
              onHideForSession();
              // The button is gone: focus the page's main heading and say what happened.
              focusMainHeading(doc);
              announceInPage(doc, text.hiddenForSessionDone);
            }}
          >
            {text.hideForSession}
          </button>
        </div>
      </section>
    </div>
  );
}
