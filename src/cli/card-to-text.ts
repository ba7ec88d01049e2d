/** A card as plain text, for the command-line tool and the demo; the same words as the card in the browser. */
import { formatDateNn } from '../core/format-nn';
import type { Card } from '../core/types';
import { describeEngine } from '../ui/format';
import { fmt, text } from '../ui/text';

const heading = (title: string) => [title, '-'.repeat(title.length)];

export function cardToText(card: Card): string {
  const lines = [card.title, '='.repeat(Math.min(card.title.length, 72))];
  if (card.sourceTitle && card.sourceTitle !== card.title) lines.push(`(${card.sourceTitle})`);
  lines.push('', `${text.topicLabel}: ${card.topic.label}`, '');
  for (const p of card.summary) lines.push(p, '');
  if (card.facts?.length) {
    lines.push(...heading(text.factsHeading));
    for (const f of card.facts) lines.push(`${f.label}: ${f.value}`);
    lines.push('');
  }
  if (card.keyPoints?.length) {
    lines.push(...heading(text.keyPointsHeading), text.keyPointsNote);
    for (const k of card.keyPoints) {
      const where = k.evidence.length ? ` (${k.evidence.map((i) => fmt(text.keyPointEvidence, { n: i + 1 })).join(', ')})` : '';
      lines.push(`* «${k.text}»${where}`);
    }
    lines.push('');
  }
  if (card.figures?.length) {
    lines.push(...heading(text.figuresHeading), text.figuresNote);
    for (const x of card.figures) {
      const where = x.evidence.length ? ` (${fmt(text.keyPointEvidence, { n: (x.evidence[0] ?? 0) + 1 })})` : '';
      lines.push(`* ${x.value}: «${x.text}»${where}`);
    }
    lines.push('');
  }
  if (card.terms?.length) {
    lines.push(...heading(text.termsHeading));
    for (const term of card.terms) lines.push(`${term.en} = ${term.nn}`);
    lines.push('');
  }
  if (card.notice) lines.push(card.notice, '');
  if (card.faq.length) {
    lines.push(...heading(text.faqHeading));
    for (const f of card.faq) lines.push(`* ${f.q}`, `  ${f.a}`, '');
  }
  const s = card.source;
  lines.push(`${text.sourceLabel}: ${[s.site, s.author, formatDateNn(s.published)].filter(Boolean).join(', ')} <${s.url}>`);
  lines.push(`${text.engineLabel}: ${describeEngine(card.engine)}`);
  if (card.language.bokmalForms.length) lines.push(`${text.languageFlagged} ${card.language.bokmalForms.join(', ')}`);
  return lines.join('\n');
}
