/**
 * The one card component, shared by the toolbar popup and the in-page
 * overlay. Renders a card state: the card itself when ready, a polite
 * status otherwise. Follows the browser-test contract in DESIGN.md
 * (data-testid card/topic/summary/faq-item/status).
 */
import type { Card, CardState } from '../core/types';
import { CardActions, type FeedbackSaver } from './CardActions';
import type { ClipboardLike } from './clipboard';
import { EvidenceProvider, type ShowEvidence } from './Evidence';
import { Faq } from './Faq';
import { Flagged, FlagProvider } from './Flagged';
import { Facts, Figures, KeyPoints, Terms } from './FactSections';
import { ModelBar, StreamingCard, type ModelControls } from './ModelControls';
import { SourceLine } from './SourceLine';
import { StatusView } from './StatusView';
import { TopicBadge } from './TopicBadge';
import { text } from '../strings/text';

export type CardViewProps = {
  state: CardState;
  /** Shown as a link-button in the empty and error states when given. */
  onOpenOptions?: () => void;
  /**
   * Shows an evidence paragraph in the page ("Vis i teksten"). Without it
   * the card names the paragraphs but offers no button.
   */
  onShowEvidence?: ShowEvidence;
  /** Present when a model is configured for this tab: its job and the actions. */
  model?: ModelControls;
  /** Saves "Noko gale i kortet?" to the local list; without it the card offers no feedback form. */
  onFeedback?: FeedbackSaver;
  /** Test seam: the clipboard "Kopier kortet" writes to (default: navigator.clipboard). */
  clipboard?: ClipboardLike;
};

export function CardView({ state, onOpenOptions, onShowEvidence, model, onFeedback, clipboard }: CardViewProps) {
  if (model?.job.status === 'running') return <StreamingCard job={model.job} onCancel={model.onCancel} />;
  if (state.status !== 'ready') return <StatusView state={state} onOpenOptions={onOpenOptions} />;
  return (
    <FlagProvider language={state.card.language}>
      <EvidenceProvider onShow={onShowEvidence}>
        <CardBody card={state.card} model={model} />
      </EvidenceProvider>
      <CardActions card={state.card} url={state.url} onFeedback={onFeedback} clipboard={clipboard} />
    </FlagProvider>
  );
}

function CardBody({ card, model }: { card: Card; model?: ModelControls }) {
  return (
    <article class="nk-card" data-testid="card" data-engine={card.engine.kind} lang="nn">
      <header class="nk-card__header">
        <TopicBadge topic={card.topic} />
        <h2 class="nk-card__title">{card.title}</h2>
        {card.sourceTitle && !sameTitle(card.sourceTitle, card.title) && (
          <p class="nk-card__source-title">
            <span class="nk-visually-hidden">{text.sourceTitleLabel}: </span>
            <span lang="en">{card.sourceTitle}</span>
          </p>
        )}
      </header>
      {model && <ModelBar card={card} controls={model} />}
      {card.notice && card.summary.length > 0 && <Notice text={card.notice} />}
      <section class="nk-summary" data-testid="summary" aria-label={text.summaryHeading}>
        {card.summary.length > 0
          ? card.summary.map((p, i) => (
              <p key={i}>
                <Flagged text={p} />
              </p>
            ))
          : card.notice && <Notice text={card.notice} />}
      </section>
      {card.facts && <Facts facts={card.facts} />}
      {card.keyPoints && <KeyPoints points={card.keyPoints} />}
      {card.figures && <Figures figures={card.figures} />}
      <Faq items={card.faq} />
      {card.terms && <Terms terms={card.terms} />}
      <SourceLine card={card} />
    </article>
  );
}

/** A plain-language note with the card, e.g. that no Nynorsk summary exists yet. */
function Notice({ text: note }: { text: string }) {
  return (
    <p class="nk-notice" data-testid="notice">
      <span class="nk-visually-hidden">{text.noticeLabel}: </span>
      {note}
    </p>
  );
}

/** The original title is left out when the headline already is that title (e.g. a fact card). */
const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
