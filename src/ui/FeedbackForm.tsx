/**
 * "Noko gale i kortet?": a short form (wrong fact, bad Nynorsk, other, and a
 * note) whose answer the host saves to the local feedback list. It says
 * plainly that nothing is sent anywhere.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeedbackInput } from '../feedback';
import { FEEDBACK_NOTE_MAX, type FeedbackKind } from '../feedback-limits';
import { text } from '../strings/text';

const KINDS: ReadonlyArray<{ value: FeedbackKind; label: string }> = [
  { value: 'fact', label: text.feedbackFact },
  { value: 'nynorsk', label: text.feedbackNynorsk },
  { value: 'other', label: text.feedbackOther },
];

let nextId = 0;

export function FeedbackForm({ onSave, onCancel }: { onSave(f: FeedbackInput): Promise<boolean>; onCancel(): void }) {
  const [kind, setKind] = useState<FeedbackKind>('fact');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = useRef(`nk-fb-${++nextId}`).current;
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  return (
    <form
      class="nk-feedback"
      data-testid="feedback-form"
      lang="nn"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onSave({ kind, note: note.trim().slice(0, FEEDBACK_NOTE_MAX) })
          .catch(() => false)
          .then((ok) => {
            setBusy(false);
            setFailed(!ok);
          });
      }}
      onKeyDown={(e) => {
        // Escape closes the form only, not the card around it.
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <fieldset class="nk-feedback__kinds">
        <legend>{text.feedbackLegend}</legend>
        {KINDS.map((k, i) => (
          <label key={k.value} class="nk-feedback__kind">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name={`${id}-kind`}
              value={k.value}
              checked={kind === k.value}
              data-testid={`feedback-kind-${k.value}`}
              onChange={() => setKind(k.value)}
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      <label class="nk-feedback__label" for={`${id}-note`}>
        {text.feedbackNoteLabel}
      </label>
      <textarea
        id={`${id}-note`}
        class="nk-feedback__note"
        data-testid="feedback-note"
        rows={3}
        maxLength={FEEDBACK_NOTE_MAX}
        value={note}
        aria-describedby={`${id}-privacy`}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
      />
      <p class="nk-feedback__privacy" id={`${id}-privacy`}>
        {text.feedbackPrivacy}
      </p>
      {failed && (
        <p class="nk-feedback__error" role="alert">
          {text.feedbackFailed}
        </p>
      )}
      <div class="nk-actions__row">
        <button type="submit" class="nk-button nk-button--primary" data-testid="feedback-save" disabled={busy}>
          {text.feedbackSave}
        </button>
        <button type="button" class="nk-button" onClick={onCancel}>
          {text.feedbackCancel}
        </button>
      </div>
    </form>
  );
}
