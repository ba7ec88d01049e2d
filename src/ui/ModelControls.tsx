/**
 * The model engine in the card: the "Lag nynorsk samandrag" button on fact
 * cards, the summary and FAQ streaming in with "Avbryt", errors in plain
 * Nynorsk with "Prøv igjen", and on model cards which model wrote it, when,
 * and "Lag på nytt". Shared by popup and overlay; the host wires the actions.
 */
import type { Card } from '../core/types';
import type { ModelJob } from '../protocol';
import { Faq } from './Faq';
import { formatDateNn } from './format';
import { fill } from '../core/template';
import { text } from '../strings/text';

/** What a host (overlay, popup) passes when a model is configured for the tab. */
export type ModelControls = {
  job: ModelJob;
  /** Start writing; `force` skips the cache ("Lag på nytt"). */
  onGenerate(force: boolean): void;
  onCancel(): void;
  /**
   * Ignore clicks the page's own script made (`isTrusted === false`) on the
   * buttons that send the article to the model: the overlay's shadow root is
   * open, so a page could otherwise run up the user's bill. Set by the overlay.
   */
  requireTrustedClicks?: boolean;
};

/** Calls `run` for a click the user made; drops a scripted one when `controls` asks for trusted clicks. */
function userClick(controls: ModelControls, run: () => void): (e: Event) => void {
  return (e) => {
    if (controls.requireTrustedClicks && e.isTrusted === false) return;
    run();
  };
}

/** "2026-11-28T19:05:00Z" → "28. november 2026 kl. 19.05" (local time). */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDateNn(day)} kl. ${pad(d.getHours())}.${pad(d.getMinutes())}`;
}

/** The bar above a ready card: generate on fact cards, regenerate and provenance on model cards, errors on both. */
export function ModelBar({ card, controls }: { card: Card; controls: ModelControls }) {
  if (card.engine.kind === 'library') return null;
  const { job } = controls;
  // Written by a model, remote or on this machine: offer to write it again.
  const isModel = card.engine.kind === 'model' || card.engine.kind === 'local';
  return (
    <div class="nk-model" data-testid="model-bar" data-job={job.status}>
      {isModel && (
        <p class="nk-model__written" data-testid="model-written">
          {fill(text.modelWrittenBy, { model: card.engine.model ?? text.engineModelUnnamed, date: formatWhen(card.createdAt) })}
        </p>
      )}
      {job.status === 'error' ? (
        <div class="nk-model__error" role="alert" data-testid="model-error">
          <p class="nk-model__error-title">{text.modelErrorTitle}</p>
          <p>{job.message}</p>
          <button type="button" class="nk-model__button" data-testid="model-retry" onClick={userClick(controls, () => controls.onGenerate(isModel))}>
            {text.modelRetry}
          </button>
        </div>
      ) : isModel ? (
        <button type="button" class="nk-model__button nk-model__button--quiet" data-testid="model-regenerate" onClick={userClick(controls, () => controls.onGenerate(true))}>
          {text.modelRegenerate}
        </button>
      ) : (
        <>
          <button type="button" class="nk-model__button" data-testid="model-generate" onClick={userClick(controls, () => controls.onGenerate(false))}>
            {text.modelGenerate}
          </button>
          <p class="nk-model__help">{job.status === 'idle' && job.local ? fill(text.localGenerateHelp, { model: job.model }) : fill(text.modelGenerateHelp, { model: job.model })}</p>
        </>
      )}
    </div>
  );
}

/** The card while the model writes it: what has arrived so far, a status line and "Avbryt". */
export function StreamingCard({ job, onCancel }: { job: Extract<ModelJob, { status: 'running' }>; onCancel(): void }) {
  const { partial } = job;
  const draftIsTitle = partial.title === undefined;
  const draftInSummary = !draftIsTitle && partial.faq.length === 0 && !looksLikeFaq(partial);
  return (
    <article class="nk-card nk-card--streaming" data-testid="card" data-engine={job.local ? 'local' : 'model'} data-streaming="true" aria-busy="true" lang="nn">
      <header class="nk-card__header">
        <h2 class="nk-card__title">{partial.title ?? (draftIsTitle && partial.draft ? partial.draft : '…')}</h2>
      </header>
      <div class="nk-model nk-model--running" data-testid="model-running">
        <p class="nk-model__status" role="status" aria-live="polite" data-testid="model-status">
          <span class="nk-spinner nk-spinner--small" aria-hidden="true" />
          {fill(text.modelWriting, { model: job.model })}
          {job.stage && job.stage !== text.modelStageWriting && <span class="nk-model__stage"> {job.stage}</span>}
        </p>
        <button type="button" class="nk-model__button nk-model__button--quiet" data-testid="model-cancel" onClick={onCancel}>
          {text.modelCancel}
        </button>
      </div>
      <section class="nk-summary" data-testid="summary" aria-label={text.summaryHeading}>
        {partial.summary.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {draftInSummary && partial.draft && <p class="nk-model__draft">{partial.draft}</p>}
      </section>
      <Faq items={partial.faq} />
      {!draftIsTitle && !draftInSummary && partial.draft && <p class="nk-model__draft">{partial.draft}</p>}
    </article>
  );
}

/** Summary finished (non-empty) and no FAQ yet: the draft may be the first question; keep it below the summary either way. */
const looksLikeFaq = (p: { summary: string[]; draft?: string }) => !!p.draft && p.draft.trimEnd().endsWith('?');
