/**
 * The FAQ as an accordion: each question is a real button that shows or
 * hides its answer (aria-expanded/aria-controls), so mouse, keyboard and
 * screen readers all work without extra key handling.
 */
import { useId, useState } from 'preact/hooks';
import type { FaqItem } from '../core/types';
import { EvidenceButtons } from './Evidence';
import { Flagged } from './Flagged';
import { listNn } from './format';
import { fill } from '../core/template';
import { text } from '../strings/text';

export function Faq({ items }: { items: readonly FaqItem[] }) {
  const baseId = useId();
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  if (items.length === 0) return null;
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return (
    <section class="nk-faq" aria-labelledby={`${baseId}-h`}>
      <h3 id={`${baseId}-h`} class="nk-section-heading">
        {text.faqHeading}
      </h3>
      <ul class="nk-faq__list">
        {items.map((item, i) => {
          const expanded = open.has(i);
          const answerId = `${baseId}-a${i}`;
          return (
            <li class="nk-faq__item" data-testid="faq-item" key={i}>
              <h4 class="nk-faq__q">
                <button
                  type="button"
                  class="nk-faq__button"
                  aria-expanded={expanded ? 'true' : 'false'}
                  aria-controls={answerId}
                  onClick={() => toggle(i)}
                >
                  <span class="nk-faq__qtext">
                    <Flagged text={item.q} focusable={false} />
                  </span>
                  <svg class="nk-faq__chevron" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
                  </svg>
                </button>
              </h4>
              <div class="nk-faq__a" id={answerId} hidden={!expanded}>
                <p>
                  <Flagged text={item.a} />
                </p>
                {item.evidence.length > 0 && (
                  <p class="nk-faq__evidence">
                    {evidenceLine(item.evidence)} <EvidenceButtons evidence={item.evidence} />
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "Byggjer på avsnitt 2 og 4." (1-based for readers). */
function evidenceLine(evidence: readonly number[]): string {
  const nums = [...new Set(evidence)].sort((a, b) => a - b).map((n) => String(n + 1));
  return fill(text.faqEvidence, { list: listNn(nums) });
}
