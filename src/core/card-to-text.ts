/** A card as plain text, for the command-line tool and the demo. */
import templates from '../../assets/card-templates.json';
import { formatDateNn } from './format-nn';
import type { Card } from './types';

export function cardToText(card: Card): string {
  const t = templates.plain;
  const lines = [card.title, '='.repeat(Math.min(card.title.length, 72))];
  if (card.sourceTitle && card.sourceTitle !== card.title) lines.push(`(${card.sourceTitle})`);
  lines.push('', `${t.topic}: ${card.topic.label}`, '');
  for (const p of card.summary) lines.push(p, '');
  if (card.facts?.length) {
    lines.push(t.facts, '-'.repeat(t.facts.length));
    for (const f of card.facts) lines.push(`${f.label}: ${f.value}`);
    lines.push('');
  }
  if (card.keyPoints?.length) {
    lines.push(t.keyPoints, '-'.repeat(t.keyPoints.length));
    for (const k of card.keyPoints) lines.push(`* «${k.text}» (${t.paragraph} ${k.evidence.map((i) => i + 1).join(', ')})`);
    lines.push('');
  }
  if (card.terms?.length) {
    lines.push(t.terms, '-'.repeat(t.terms.length));
    for (const term of card.terms) lines.push(`${term.en} = ${term.nn}`);
    lines.push('');
  }
  if (card.notice) lines.push(card.notice, '');
  if (card.faq.length) {
    lines.push(t.faq, '-'.repeat(t.faq.length));
    for (const f of card.faq) lines.push(`* ${f.q}`, `  ${f.a}`, '');
  }
  const s = card.source;
  const date = formatDateNn(s.published);
  lines.push(`${t.source}: ${[s.site, s.author, date].filter(Boolean).join(', ')} <${s.url}>`);
  lines.push(`${t.engine}: ${t.engines[card.engine.kind]}${card.engine.model ? ` (${card.engine.model})` : ''}`);
  if (card.language.bokmalForms.length) lines.push(`${t.flagged}: ${card.language.bokmalForms.join(', ')}`);
  return lines.join('\n');
}
