/**
 * "Vis i teksten": buttons that show the paragraphs a key point or an FAQ
 * answer rests on, in the page itself. The card does not know how (the
 * overlay calls the content script directly, the popup messages the tab):
 * the caller gives CardView an `onShowEvidence`, and without one no button
 * is rendered. One polite live region per card says what happened, so that
 * focus can stay on the button; a paragraph the page lacks is also noted
 * visibly next to its button.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import { fill } from '../core/template';
import { text } from '../strings/text';

/**
 * Shows paragraph `index` (0-based, into Article.paragraphs) in the page;
 * resolves to false when the page does not have it.
 */
export type ShowEvidence = (index: number) => boolean | Promise<boolean>;

type EvidenceApi = {
  show(index: number): void;
  /** The paragraph last reported missing from the page, shown next to its button. */
  missing: number | null;
};

const EvidenceContext = createContext<EvidenceApi | null>(null);

/** Provides the buttons below it with `onShow` and renders the card's evidence live region. */
export function EvidenceProvider({ onShow, children }: { onShow?: ShowEvidence; children: ComponentChildren }) {
  const [message, setMessage] = useState<{ text: string; index: number; missing: boolean } | null>(null);
  const latest = useRef(0);
  const show = useCallback(
    (index: number) => {
      if (!onShow) return;
      const ticket = ++latest.current;
      const n = index + 1;
      // Emptied first, so that showing the same paragraph again is announced again.
      setMessage(null);
      // The rejection is caught in the chain; nothing waits for the announcement.
      void Promise.resolve()
        .then(() => onShow(index))
        .catch(() => false)
        .then((found) => {
          if (ticket !== latest.current) return;
          setMessage({ text: fill(found ? text.evidenceShown : text.evidenceMissing, { n }), index, missing: !found });
        });
    },
    [onShow],
  );
  const missing = message?.missing ? message.index : null;
  const api = useMemo(() => (onShow ? { show, missing } : null), [onShow, show, missing]);
  return (
    <EvidenceContext.Provider value={api}>
      {children}
      {api && (
        <p class="nk-visually-hidden" role="status" aria-live="polite" data-testid="evidence-status">
          {message?.text ?? ''}
        </p>
      )}
    </EvidenceContext.Provider>
  );
}

/**
 * The buttons for one item's evidence: "Vis i teksten" for one paragraph,
 * "Vis avsnitt 2", "Vis avsnitt 5" for several. Each button's accessible
 * name starts with its visible text (WCAG 2.5.3) and says which paragraph:
 * "Vis i teksten: avsnitt 3", "Vis avsnitt 5 i teksten".
 */
export function EvidenceButtons({ evidence }: { evidence: readonly number[] }) {
  const api = useContext(EvidenceContext);
  const indices = [...new Set(evidence)].filter((i) => Number.isInteger(i) && i >= 0).sort((a, b) => a - b);
  if (!api || indices.length === 0) return null;
  const single = indices.length === 1;
  return (
    <span class="nk-evidence-buttons">
      {indices.map((i) => (
        <button
          key={i}
          type="button"
          class="nk-evidence-button"
          data-testid="show-evidence"
          data-index={String(i)}
          aria-label={fill(single ? text.showParagraphInName : text.showParagraphName, { n: i + 1 })}
          onClick={() => api.show(i)}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" class="nk-evidence-button__icon">
            <path d="M2 3h12M2 6.5h8M2 10h12M2 13.5h6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
          </svg>
          {single ? text.showInArticle : fill(text.showParagraph, { n: i + 1 })}
        </button>
      ))}
      {api.missing !== null && indices.includes(api.missing) && (
        <span class="nk-evidence-missing" data-testid="evidence-missing">
          {fill(text.evidenceMissing, { n: api.missing + 1 })}
        </span>
      )}
    </span>
  );
}
