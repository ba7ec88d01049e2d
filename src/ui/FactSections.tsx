/**
 * The fact card's extra sections: labelled facts, key sentences quoted in
 * English (clearly marked as such) and the IT terms with their Nynorsk
 * equivalents. Each section renders only when the card has it.
 */
import type { Card } from '../core/types';
import { EvidenceButtons } from './Evidence';
import { fill } from '../core/template';
import { text } from '../strings/text';

export function Facts({ facts }: { facts: NonNullable<Card['facts']> }) {
  if (facts.length === 0) return null;
  return (
    <section class="nk-facts" data-testid="facts">
      <h3 class="nk-section-heading">{text.factsHeading}</h3>
      <dl class="nk-facts__list">
        {facts.map((f, i) => (
          <div class="nk-facts__row" key={i}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function KeyPoints({ points }: { points: NonNullable<Card['keyPoints']> }) {
  if (points.length === 0) return null;
  return (
    <section class="nk-keypoints" data-testid="key-points">
      <h3 class="nk-section-heading">{text.keyPointsHeading}</h3>
      <p class="nk-keypoints__note">{text.keyPointsNote}</p>
      <ul class="nk-keypoints__list">
        {points.map((p, i) => (
          <li key={i}>
            <q lang="en">{p.text}</q>
            {p.evidence[0] !== undefined && (
              <span class="nk-keypoints__ref">
                {' '}
                {fill(text.keyPointEvidence, { n: p.evidence[0] + 1 })} <EvidenceButtons evidence={p.evidence.slice(0, 1)} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Figures in Nynorsk notation, each with the English sentence it comes from. */
export function Figures({ figures }: { figures: NonNullable<Card['figures']> }) {
  if (figures.length === 0) return null;
  return (
    <section class="nk-keypoints nk-figures" data-testid="figures">
      <h3 class="nk-section-heading">{text.figuresHeading}</h3>
      <p class="nk-keypoints__note">{text.figuresNote}</p>
      <ul class="nk-keypoints__list">
        {figures.map((x, i) => (
          <li key={i} data-testid="figure">
            <strong class="nk-figures__value">{x.value}</strong>: <q lang="en">{x.text}</q>
            {x.evidence[0] !== undefined && (
              <span class="nk-keypoints__ref">
                {' '}
                {fill(text.keyPointEvidence, { n: x.evidence[0] + 1 })} <EvidenceButtons evidence={x.evidence.slice(0, 1)} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Terms({ terms }: { terms: NonNullable<Card['terms']> }) {
  if (terms.length === 0) return null;
  return (
    <section class="nk-terms" data-testid="terms">
      <h3 class="nk-section-heading">{text.termsHeading}</h3>
      <dl class="nk-terms__list">
        {terms.map((t, i) => (
          <div class="nk-terms__row" key={i}>
            <dt>
              <span class="nk-visually-hidden">{text.termsEnglish}: </span>
              <span lang="en">{t.en}</span>
            </dt>
            <dd>
              <span class="nk-visually-hidden">{text.termsNynorsk}: </span>
              {t.nn}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
