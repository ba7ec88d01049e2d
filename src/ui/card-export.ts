/**
 * The card as plain text, Markdown or HTML: what "Kopier kortet" puts on the
 * clipboard and what the command-line tool prints (`--format`). One outline
 * of the card, three renderings, so the formats never say different things.
 * Every export ends by saying where the card came from, and, when it quotes
 * the article, that those quotes are in English; HTML marks the languages
 * with `lang` (Markdown and plain text have no way to).
 */
import { formatDateNn } from '../core/format-nn';
import { capitalise } from '../core/nn-grammar';
import type { Card } from '../core/types';
import { describeEngine } from './format';
import { fill } from '../core/template';
import { text } from '../strings/text';

export type ExportFormat = 'text' | 'markdown' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['text', 'markdown', 'html'];

/** One entry of a section: a label (fact, figure, question, term) and its text; `english` when quoted from the article. */
type Item = { label?: string; text: string; english?: boolean; labelEnglish?: boolean; where?: string };
type Section = { heading: string; note?: string; kind: 'list' | 'faq'; items: Item[] };

/** What every format says, in order. */
type Outline = {
  title: string;
  sourceTitle?: string;
  topic: string;
  summary: string[];
  notice?: string;
  sections: Section[];
  source: string;
  url: string;
  engine: string;
  flagged: string[];
  notes: string[];
};

const paragraphLabel = (evidence: readonly number[], max = evidence.length) =>
  evidence.length ? evidence.slice(0, max).map((i) => fill(text.keyPointEvidence, { n: i + 1 })).join(', ') : undefined;

function outline(card: Card): Outline {
  const sections: Section[] = [];
  if (card.facts?.length) sections.push({ heading: text.factsHeading, kind: 'list', items: card.facts.map((f) => ({ label: f.label, text: f.value })) });
  if (card.keyPoints?.length)
    sections.push({
      heading: text.keyPointsHeading,
      note: text.keyPointsNote,
      kind: 'list',
      items: card.keyPoints.map((k) => ({ text: k.text, english: true, where: paragraphLabel(k.evidence) })),
    });
  if (card.figures?.length)
    sections.push({
      heading: text.figuresHeading,
      note: text.figuresNote,
      kind: 'list',
      items: card.figures.map((x) => ({ label: x.value, text: x.text, english: true, where: paragraphLabel(x.evidence, 1) })),
    });
  if (card.terms?.length) sections.push({ heading: text.termsHeading, kind: 'list', items: card.terms.map((t) => ({ label: t.en, labelEnglish: true, text: t.nn })) });
  if (card.faq.length) sections.push({ heading: text.faqHeading, kind: 'faq', items: card.faq.map((f) => ({ label: f.q, text: f.a })) });
  const s = card.source;
  // What the note says is quoted in English: only what the card has.
  const points = !!card.keyPoints?.length;
  const figures = !!card.figures?.length;
  const quoted = points && figures ? text.exportQuoted : points ? text.exportQuotedPoints : figures ? text.exportQuotedFigures : undefined;
  const origin = card.sourceTitle || card.title;
  return {
    title: card.title,
    ...(card.sourceTitle && card.sourceTitle !== card.title ? { sourceTitle: card.sourceTitle } : {}),
    // Capitalised as the badge and the facts list write it.
    topic: capitalise(card.topic.label),
    summary: card.summary,
    ...(card.notice ? { notice: card.notice } : {}),
    sections,
    source: [s.site, s.author, formatDateNn(s.published)].filter(Boolean).join(', '),
    url: s.url,
    engine: describeEngine(card.engine),
    flagged: card.language.bokmalForms,
    notes: [fill(text.exportOrigin, { title: origin, site: s.site }), ...(quoted ? [quoted] : [])],
  };
}

// ---- plain text ----

const underline = (title: string, ch: string) => [title, ch.repeat(Math.min(title.length, 72))];

/** The card as plain text (what the CLI prints by default, and "Kopier kortet"). */
export function cardToText(card: Card): string {
  const o = outline(card);
  const lines = underline(o.title, '=');
  if (o.sourceTitle) lines.push(`(${o.sourceTitle})`);
  lines.push('', `${text.topicLabel}: ${o.topic}`, '');
  for (const p of o.summary) lines.push(p, '');
  for (const sec of o.sections.filter((x) => x.kind === 'list')) {
    lines.push(...underline(sec.heading, '-'));
    if (sec.note) lines.push(sec.note);
    for (const it of sec.items) {
      const where = it.where ? ` (${it.where})` : '';
      if (sec.heading === text.termsHeading) lines.push(`${it.label} = ${it.text}`);
      else if (it.english) lines.push(`* ${it.label ? `${it.label}: ` : ''}«${it.text}»${where}`);
      else lines.push(`${it.label}: ${it.text}`);
    }
    lines.push('');
  }
  if (o.notice) lines.push(o.notice, '');
  for (const sec of o.sections.filter((x) => x.kind === 'faq')) {
    lines.push(...underline(sec.heading, '-'));
    for (const it of sec.items) lines.push(`* ${it.label}`, `  ${it.text}`, '');
  }
  lines.push(`${text.sourceLabel}: ${o.source} <${o.url}>`);
  lines.push(`${text.engineLabel}: ${o.engine}`);
  if (o.flagged.length) lines.push(`${text.languageFlagged} ${o.flagged.join(', ')}`);
  lines.push('', ...o.notes);
  return lines.join('\n');
}

// ---- Markdown ----

/** Escapes what Markdown would read as markup, inside running text. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/^([#+-]|\d+\.)(?=\s)/, '\\$1');
}

/** The card as Markdown: headings, the FAQ as a list, the source link, who or what made it. */
export function cardToMarkdown(card: Card): string {
  const o = outline(card);
  const e = mdEscape;
  const lines = [`# ${e(o.title)}`, ''];
  if (o.sourceTitle) lines.push(`*${e(text.sourceTitleLabel)}: ${e(o.sourceTitle)}*`, '');
  lines.push(`**${e(text.topicLabel)}:** ${e(o.topic)}`, '');
  for (const p of o.summary) lines.push(e(p), '');
  if (o.notice) lines.push(`> ${e(o.notice)}`, '');
  for (const sec of o.sections) {
    lines.push(`## ${e(sec.heading)}`, '');
    if (sec.note) lines.push(`*${e(sec.note)}*`, '');
    for (const it of sec.items) {
      if (sec.kind === 'faq') lines.push(`- **${e(it.label ?? '')}**  `, `  ${e(it.text)}`);
      else {
        const label = it.label ? `**${e(it.label)}:** ` : '';
        const body = it.english ? `«${e(it.text)}»` : e(it.text);
        lines.push(`- ${label}${body}${it.where ? ` (${e(it.where)})` : ''}`);
      }
    }
    lines.push('');
  }
  lines.push('---', '');
  lines.push(`**${e(text.sourceLabel)}:** ${e(o.source)}, [${e(text.sourceLink)}](<${o.url.replace(/[<>]/g, encodeURIComponent)}>)  `);
  lines.push(`**${e(text.engineLabel)}:** ${e(o.engine)}${o.flagged.length ? '  ' : ''}`);
  if (o.flagged.length) lines.push(`${e(text.languageFlagged)} ${o.flagged.map(e).join(', ')}`);
  lines.push('', ...o.notes.map((n) => `*${e(n)}*`));
  return lines.join('\n');
}

// ---- HTML ----

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const htmlEscape = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** The card as an HTML fragment for an e-mail or a wiki: `lang="nn"` on the card, `lang="en"` on every English quote. */
export function cardToHtml(card: Card): string {
  const o = outline(card);
  const h = htmlEscape;
  const en = (s: string) => `<span lang="en">${h(s)}</span>`;
  const out = [`<article lang="nn">`, `<h2>${h(o.title)}</h2>`];
  if (o.sourceTitle) out.push(`<p><em>${h(text.sourceTitleLabel)}: <cite lang="en">${h(o.sourceTitle)}</cite></em></p>`);
  out.push(`<p><strong>${h(text.topicLabel)}:</strong> ${h(o.topic)}</p>`);
  for (const p of o.summary) out.push(`<p>${h(p)}</p>`);
  if (o.notice) out.push(`<p><em>${h(o.notice)}</em></p>`);
  for (const sec of o.sections) {
    out.push(`<h3>${h(sec.heading)}</h3>`);
    if (sec.note) out.push(`<p><em>${h(sec.note)}</em></p>`);
    if (sec.kind === 'faq') {
      out.push('<dl>', ...sec.items.map((it) => `<dt><strong>${h(it.label ?? '')}</strong></dt><dd>${h(it.text)}</dd>`), '</dl>');
      continue;
    }
    out.push('<ul>');
    for (const it of sec.items) {
      const label = it.label ? `<strong>${it.labelEnglish ? en(it.label) : h(it.label)}:</strong> ` : '';
      const body = it.english ? `«${en(it.text)}»` : h(it.text);
      out.push(`<li>${label}${body}${it.where ? ` (${h(it.where)})` : ''}</li>`);
    }
    out.push('</ul>');
  }
  out.push('<footer>');
  out.push(`<p><strong>${h(text.sourceLabel)}:</strong> ${h(o.source)}, <a href="${h(o.url)}">${h(text.sourceLink)}</a></p>`);
  out.push(`<p><strong>${h(text.engineLabel)}:</strong> ${h(o.engine)}</p>`);
  if (o.flagged.length) out.push(`<p>${h(text.languageFlagged)} ${o.flagged.map(h).join(', ')}</p>`);
  for (const n of o.notes) out.push(`<p><small>${h(n)}</small></p>`);
  out.push('</footer>', '</article>');
  return out.join('\n');
}

/** The card in one of the export formats, or as the card's own JSON. */
export function formatCard(card: Card, format: ExportFormat | 'json'): string {
  switch (format) {
    case 'text':
      return cardToText(card);
    case 'markdown':
      return cardToMarkdown(card);
    case 'html':
      return cardToHtml(card);
    case 'json':
      return JSON.stringify(card, null, 2);
  }
}
