/**
 * The in-page shell around the card: a small pill at the right edge that
 * opens a panel with the card. Collapsed by default so it never sits on top
 * of the article; Escape or the close button collapse it again, and
 * "hide for this session" removes it until the browser restarts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardState } from '../core/types';
import { CardView } from './CardView';
import type { ShowEvidence } from './Evidence';
import type { ModelControls } from './ModelControls';
import { announceInPage, focusMainHeading } from './page-focus';
import { fmt, text } from './text';

export type OverlayProps = {
  state: CardState;
  /** Whether the panel starts open; read when the overlay mounts. */
  startOpen: boolean;
  /** The user asked to hide the overlay on this site for this browser session. */
  onHideForSession(): void;
  onOpenOptions(): void;
  /** Scrolls the page to an evidence paragraph and highlights it ("Vis i artikkelen"). */
  onShowEvidence?: ShowEvidence;
  /** The model job and its actions, when a model is configured. */
  model?: ModelControls;
};

export function Overlay({ state, startOpen, onHideForSession, onOpenOptions, onShowEvidence, model }: OverlayProps) {
  const [open, setOpen] = useState(startOpen);
  const [hidden, setHidden] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes after the next open/close; null when the change was not the user's. */
  const focusNext = useRef<'panel' | 'pill' | null>(null);

  useEffect(() => {
    const target = focusNext.current === 'panel' ? panelRef.current : focusNext.current === 'pill' ? pillRef.current : null;
    focusNext.current = null;
    target?.focus();
  }, [open]);

  if (hidden) return null;

  const openPanel = () => {
    focusNext.current = 'panel';
    setOpen(true);
  };
  const closePanel = () => {
    focusNext.current = 'pill';
    setOpen(false);
  };

  if (!open) {
    return (
      <div class="nk-overlay nk-theme" data-open="false">
        <button
          ref={pillRef}
          type="button"
          class={`nk-pill nk-pill--${state.status}`}
          data-testid="pill"
          aria-haspopup="dialog"
          aria-expanded="false"
          title={text.pillHint}
          onClick={openPanel}
          lang="nn"
        >
          <span class="nk-pill__mark" aria-hidden="true">
            {state.status === 'loading' || model?.job.status === 'running' ? <span class="nk-spinner nk-spinner--small" /> : 'nn'}
          </span>
          <span class="nk-pill__text">{model?.job.status === 'running' ? text.pillWriting : pillText(state)}</span>
        </button>
      </div>
    );
  }

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
            closePanel();
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
          <button type="button" class="nk-iconbutton" aria-label={text.close} title={text.close} onClick={closePanel}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
            </svg>
          </button>
        </div>
        <div class="nk-panel__body">
          <CardView state={state} onOpenOptions={onOpenOptions} onShowEvidence={onShowEvidence} model={model} />
        </div>
        <div class="nk-panel__foot">
          <button
            type="button"
            class="nk-linkbutton nk-panel__hide"
            data-testid="hide-for-session"
            title={text.hideForSessionHint}
            onClick={() => {
              const doc = panelRef.current?.ownerDocument ?? document;
              setHidden(true);
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

/** The pill's words: the topic when the card is ready, a quiet state otherwise. */
export function pillText(state: CardState): string {
  switch (state.status) {
    case 'ready':
      return fmt(text.pillTopic, { topic: lowerFirst(state.card.topic.label) });
    case 'loading':
      return text.pillLoading;
    case 'error':
      return text.pillError;
    case 'none':
      return text.appName;
  }
}

/** "Kunstig intelligens" → "kunstig intelligens", but "IT-tryggleik" stays. */
function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
