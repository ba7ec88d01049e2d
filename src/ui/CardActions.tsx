/**
 * What the reader can do with a ready card, at its end (after the source, so
 * Tab reaches it last): copy it as plain text, or from "Fleire format" as
 * Markdown or HTML; and "Noko gale i kortet?". Shared by popup and overlay.
 * Escape inside the format list or the form closes that only, and focus goes
 * back to the button that opened it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Card } from '../core/types';
import type { FeedbackInput } from '../feedback';
import { cardToHtml, formatCard, type ExportFormat } from './card-export';
import { defaultClipboard, writeClipboard, type ClipboardLike } from './clipboard';
import { FeedbackForm } from './FeedbackForm';
import { text } from '../strings/text';

/** Saves feedback on this card (the host adds nothing; `url` is the page the card is for). True when saved. */
export type FeedbackSaver = (f: FeedbackInput & { url: string; card: Card }) => Promise<boolean>;

export type CardActionsProps = {
  card: Card;
  /** The page the card was shown for (the tab's URL). */
  url: string;
  /** Without it, no "Noko gale i kortet?". */
  onFeedback?: FeedbackSaver;
  /** Test seam: the clipboard (default: navigator.clipboard). */
  clipboard?: ClipboardLike;
};

const COPIED: Record<ExportFormat, string> = { text: text.copiedText, markdown: text.copiedMarkdown, html: text.copiedHtml };

let nextId = 0;

export function CardActions({ card, url, onFeedback, clipboard }: CardActionsProps) {
  const [menu, setMenu] = useState(false);
  const [form, setForm] = useState(false);
  const [status, setStatus] = useState<{ text: string; warn?: boolean }>({ text: '' });
  const [fallback, setFallback] = useState<string | null>(null);
  const id = useRef(`nk-actions-${++nextId}`).current;
  const moreRef = useRef<HTMLButtonElement>(null);
  const feedbackRef = useRef<HTMLButtonElement>(null);
  const fallbackRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (fallback === null) return;
    fallbackRef.current?.focus();
    fallbackRef.current?.select();
  }, [fallback]);

  const copy = async (format: ExportFormat, fromMenu: boolean) => {
    // Built and written in the click's own task: the Clipboard API wants the user's gesture.
    const body = formatCard(card, format);
    const ok = await writeClipboard(clipboard ?? defaultClipboard(), format === 'html' ? { text: body, html: cardToHtml(card) } : { text: body });
    if (fromMenu) {
      setMenu(false);
      moreRef.current?.focus();
    }
    setFallback(ok ? null : body);
    setStatus(ok ? { text: COPIED[format] } : { text: text.copyBlocked, warn: true });
  };

  const closeForm = () => {
    setForm(false);
    feedbackRef.current?.focus();
  };

  return (
    <section class="nk-actions" data-testid="card-actions" aria-label={text.cardActionsLabel} lang="nn">
      <div class="nk-actions__row">
        <button type="button" class="nk-button" data-testid="copy-card" onClick={() => void copy('text', false)}>
          {text.copyCard}
        </button>
        <button
          ref={moreRef}
          type="button"
          class="nk-button nk-actions__more"
          data-testid="copy-more"
          aria-expanded={menu ? 'true' : 'false'}
          aria-controls={`${id}-formats`}
          onClick={() => setMenu(!menu)}
        >
          {text.copyMore}
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" class="nk-actions__chevron">
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </button>
        {onFeedback && (
          <button
            ref={feedbackRef}
            type="button"
            class="nk-linkbutton nk-actions__feedback"
            data-testid="feedback-open"
            aria-expanded={form ? 'true' : 'false'}
            onClick={() => {
              setStatus({ text: '' });
              setForm(!form);
            }}
          >
            {text.feedbackOpen}
          </button>
        )}
      </div>
      <ul
        id={`${id}-formats`}
        class="nk-actions__formats"
        hidden={!menu}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setMenu(false);
            moreRef.current?.focus();
          }
        }}
      >
        <li>
          <button type="button" class="nk-linkbutton" data-testid="copy-markdown" onClick={() => void copy('markdown', true)}>
            {text.copyMarkdown}
          </button>
        </li>
        <li>
          <button type="button" class="nk-linkbutton" data-testid="copy-html" onClick={() => void copy('html', true)}>
            {text.copyHtml}
          </button>
        </li>
      </ul>
      <p class={`nk-actions__status${status.warn ? ' nk-actions__status--warn' : ''}`} role="status" aria-live="polite" data-testid="actions-status">
        {status.text}
      </p>
      {fallback !== null && (
        <div class="nk-actions__fallback">
          <label for={`${id}-fallback`}>{text.copyFallbackLabel}</label>
          <textarea id={`${id}-fallback`} ref={fallbackRef} readOnly rows={6} data-testid="copy-fallback" value={fallback} />
        </div>
      )}
      {form && onFeedback && (
        <FeedbackForm
          onCancel={closeForm}
          onSave={async (f) => {
            const ok = await onFeedback({ ...f, url, card });
            if (ok) {
              closeForm();
              setStatus({ text: text.feedbackSaved });
            }
            return ok;
          }}
        />
      )}
    </section>
  );
}
