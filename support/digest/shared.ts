/**
 * Shared by the digest tests and the digest bench: loading the inputs (repo
 * page fixtures through the real pipeline, shared texts as Articles built at
 * run time), the card-wide checks, and named-entity scoring against gold.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDateNn } from '../../src/core/format-nn';
import { TERMS, type Entities } from '../../src/core/digest/index';
import { detectTopic } from '../../src/core/topic/index';
import type { Article, Card, TopicResult } from '../../src/core/types';
import { understandPage } from '../../src/core/understand';
import { validateCard } from '../../src/core/validate';
import { loadFixturePages, parsePage, type PageExpectation } from '../fixtures';
import type { GoldNames } from './gold';
import { SHARED_TEXTS_DIR } from '../shared-dir';

export type DigestInput = { name: string; article: Article; topic: TopicResult; expected?: PageExpectation };

/** Every repo page fixture that is a confirmed article or thread, through recognise → extract → topic. */
export function loadFixtureInputs(): DigestInput[] {
  const out: DigestInput[] = [];
  for (const f of loadFixturePages()) {
    if (f.expected.kind === 'none' || f.expected.confirmed === false) continue;
    const u = understandPage(parsePage(f.html, f.url), f.url);
    if (!u.ok) throw new Error(`${f.name}: pipeline gave ${u.reason}`);
    out.push({ name: f.name, article: u.article, topic: u.topic, expected: f.expected });
  }
  return out;
}

/** Where the shared third-party texts live (never copied into the repo). */
export const SHARED_TEXTS = SHARED_TEXTS_DIR;

type SharedJson = { id: string; url: string | null; title: string; kind: string; published: string | null; author: string | null; paragraphs: string[] };

/** The shared texts as Articles (title, paragraphs, author, date), or why they were skipped. */
export function loadSharedInputs(dir = SHARED_TEXTS): { skipped?: string; inputs: DigestInput[] } {
  if (!existsSync(dir)) return { skipped: `shared texts not found at ${dir}; shared-text digest tests skipped`, inputs: [] };
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as SharedJson;
      const url = d.url && /spiceworks\.com/.test(d.url) ? d.url : `https://www.spiceworks.com/tech/tech-general/articles/${d.id}/`;
      const published = d.published ? /^\d{4}-\d{2}-\d{2}/.exec(d.published)?.[0] : undefined;
      const author = d.author ? d.author.replace(/\s*\(.*\)\s*$/, '') : undefined;
      const article: Article = {
        url,
        canonicalUrl: url,
        kind: d.kind === 'forum-thread' ? 'thread' : 'article',
        title: d.title.replace(/\s*\(.*\)\s*$/, '').trim(),
        tags: [],
        breadcrumbs: [],
        jsonLd: { types: [], sections: [], keywords: [] },
        meta: {},
        paragraphs: d.paragraphs,
        ...(author ? { author } : {}),
        ...(published ? { published } : {}),
        ...(d.kind === 'news' ? { contentType: 'news' } : {}),
      };
      return { name: d.id, article, topic: detectTopic(article) };
    });
  return { inputs };
}

const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when an English term (or one of its other spellings) occurs in the text, plural forms included. */
export function termOccurs(en: string, text: string): boolean {
  const entry = TERMS.find((t) => t.en === en);
  const forms = [en, ...(entry?.aka ?? [])];
  return forms.some((f) => {
    const stem = escRe(f.replace(/y$/, '')).replace(/(\\-|\s)+/g, '[\\s-]+');
    return new RegExp(`(?<![\\p{L}\\p{N}])${stem}`, f === f.toUpperCase() ? 'u' : 'iu').test(text);
  });
}

/** Every Nynorsk string of a fact card (English quotes and names inside them included). */
export function nynorskStrings(card: Card): string[] {
  return [
    ...card.summary,
    ...card.faq.flatMap((f) => [f.q, f.a]),
    card.notice ?? '',
    ...(card.facts ?? []).flatMap((f) => [f.label, f.value]),
    ...(card.terms ?? []).map((t) => t.nn),
  ].filter(Boolean);
}

const BROKEN = [/undefined/, /\bnull\b/, /NaN/, /\{\w+\}/, /\s[.,;:]/, / {2}/, /\(\s*\)/, /«\s*»/, /\bog\s*[.,]/, /^\s*$/];

/**
 * Card-wide checks that hold for every fact card; returns what is wrong
 * (empty when all is well) so that a failure names the problem.
 */
export function cardProblems(card: Card, article: Article): string[] {
  const p: string[] = [];
  const paras = article.paragraphs;
  const v = validateCard(card, paras.length);
  if (!v.ok) p.push(`invalid: ${v.errors.join(', ')}`);
  if (card.engine.kind !== 'digest') p.push('engine');
  if (card.sourceTitle !== article.title.trim()) p.push('sourceTitle');
  if (card.title !== article.title.trim()) p.push('title');
  if (!/^Dette er (?:ein nyheitsartikkel|ein forklarande artikkel|ei rettleiing|ein artikkel|ein gjesteartikkel|eit intervju|ein tråd i Spiceworks-fellesskapet der nokon spør|ein tråd i Spiceworks-fellesskapet) om \S/.test(card.summary[0] ?? '')) {
    p.push(`opening sentence: ${card.summary[0]}`);
  }
  // Numbers under ten are words in running text ("eitt minutt", not "1 minutt").
  for (const s of nynorskStrings(card)) if (/(?<![\d.,\u00a0-])[1-9]\s+(?:minutt|ord|svar|setning(?:ar)?)\b/.test(s)) p.push(`digit for a small count: ${s}`);
  for (const s of nynorskStrings(card)) for (const re of BROKEN) if (re.test(s)) p.push(`broken text (${re}): ${s}`);
  for (const f of card.faq) {
    if (!f.q.endsWith('?')) p.push(`question without "?": ${f.q}`);
    if (!/[.!]$|[.!?]»$|https?:\/\/\S+$/.test(f.a)) p.push(`answer not a full sentence: ${f.a}`);
  }
  if (card.faq.length < 3 || card.faq.length > 5) p.push(`faq count ${card.faq.length}`);
  if (new Set(card.faq.map((f) => f.q)).size !== card.faq.length) p.push('repeated question');
  if (!card.notice || !/språkmodell/.test(card.notice) || !/innstillingane/.test(card.notice)) p.push('notice');

  // Facts.
  const fact = (label: string) => card.facts?.find((f) => f.label === label)?.value;
  const source = fact('Kjelde');
  if (!source) p.push('no Kjelde');
  if (article.author && !source?.includes(article.author)) p.push('Kjelde without author');
  const date = formatDateNn(article.published);
  const dateLabel = article.kind === 'thread' ? 'Starta' : 'Publisert';
  if (date && fact(dateLabel) !== date) p.push(`${dateLabel}: ${fact(dateLabel)} ≠ ${date}`);
  if (!date && fact(dateLabel)) p.push(`${dateLabel} without a date`);
  if (!/^om lag (?:eitt|to|tre|fire|fem|seks|sju|åtte|ni|\d{2,}) minutt, (?:eitt|to|tre|fire|fem|seks|sju|åtte|ni|[\d\u00a0]{2,}) ord$/.test(fact('Lesetid og lengd') ?? '')) p.push(`Lesetid: ${fact('Lesetid og lengd')}`);
  if (!fact('Emne')?.toLowerCase().startsWith(card.topic.label.toLowerCase())) p.push('Emne');

  // Key points: verbatim sentences, in the paragraph their evidence names, in article order.
  const kps = card.keyPoints ?? [];
  if (kps.length > 5) p.push('more than 5 key points');
  let last = -1;
  for (const k of kps) {
    const i = k.evidence[0];
    if (k.evidence.length !== 1 || i === undefined) p.push(`key point evidence ${JSON.stringify(k.evidence)}`);
    else if (!paras[i]?.includes(k.text)) p.push(`key point not in paragraph ${i}: ${k.text}`);
    else {
      if (i < last) p.push('key points out of order');
      last = i;
      const at = (paras[i] as string).indexOf(k.text);
      const before = (paras[i] as string).slice(0, at);
      if (at > 0 && !/[.!?…]["'”’)\]]*\s+$/.test(before)) p.push(`key point does not start a sentence: ${k.text}`);
    }
    // A thread's key points open with its question; an article's never are questions.
    const end = article.kind === 'thread' ? /[.!?…]["'”’)\]]*$/ : /[.!…]["'”’)\]]*$/;
    if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(k.text) || !end.test(k.text)) p.push(`key point not a full sentence: ${k.text}`);
    if (article.kind !== 'thread' && /\?["'”’)]*$/.test(k.text)) p.push(`key point is a question: ${k.text}`);
  }

  // Terms: each occurs in the article; no more than eight.
  const text = paras.join('\n');
  const terms = card.terms ?? [];
  if (terms.length > 8) p.push('more than 8 terms');
  for (const t of terms) if (!termOccurs(t.en, text)) p.push(`term not in text: ${t.en}`);

  // FAQ evidence supports the answer.
  for (const f of card.faq) {
    if (/^Kva handlar \S+ om\?$/.test(f.q) && kps.length) {
      const kp = [...new Set(kps.flatMap((k) => k.evidence))].sort((a, b) => a - b);
      if (JSON.stringify(f.evidence) !== JSON.stringify(kp)) p.push('about: evidence is not the key points');
      for (const i of kp) if (!f.a.includes(String(i + 1))) p.push(`about: paragraph ${i + 1} not named`);
    }
    if (/^Kven og kva nemner /.test(f.q)) {
      for (const i of f.evidence) {
        const names = [...(card.facts ?? []).filter((x) => x.label.startsWith('Namngjevne')).flatMap((x) => x.value.split(/, | og /))];
        if (!names.some((n) => f.a.includes(n) && paras[i]?.includes(n.split(' ').pop() as string))) p.push(`names: paragraph ${i} names nothing in the answer`);
      }
      if (f.evidence.length === 0) p.push('names: no evidence');
    }
    if (/^Kva heiter fagorda /.test(f.q)) {
      // Quoted by its long form, or by the abbreviation the text writes with the long form in brackets.
      const shown = terms.filter((t) => f.a.includes(`«${t.en}»`) || f.a.includes(`(${t.en}, `));
      if (shown.length === 0) p.push('terms answer names no term');
      for (const i of f.evidence) if (!shown.some((t) => termOccurs(t.en, paras[i] ?? ''))) p.push(`terms: paragraph ${i} holds none of the terms`);
    }
    if (/publisert|starta|skreiv/.test(f.q)) {
      if (date && !f.a.includes(date)) p.push('when: date missing');
      if (article.author && !f.a.includes(article.author)) p.push('when: author missing');
      for (const i of f.evidence) if (!article.author || !paras[i]?.includes(article.author)) p.push(`when: paragraph ${i} does not name the author`);
    }
  }
  return p;
}

/**
 * Named-entity scores of one text: found names that are in the gold (any kind), with the right kind, and
 * gold names found. A gold entry "A|B" is one thing under several names: finding it under any of them
 * counts, and listing it a second time under another counts as wrong ("B (again)").
 */
export function scoreNames(found: Entities, gold: GoldNames) {
  const kinds = [
    ['people', 'person'],
    ['organisations', 'organisation'],
    ['products', 'product'],
    ['languages', 'language'],
    ['standards', 'standard'],
  ] as const;
  const entries: { forms: string[]; kind: string }[] = kinds.flatMap(([g, kind]) => (gold[g] ?? []).map((n) => ({ forms: n.split('|'), kind })));
  const entryOf = new Map<string, { forms: string[]; kind: string }>();
  for (const e of entries) for (const f of e.forms) entryOf.set(f, e);
  const predicted = kinds.flatMap(([g]) => (found as Partial<Entities>)[g] ?? []);
  const matched = new Set<{ forms: string[]; kind: string }>();
  const wrong: string[] = [];
  let correct = 0;
  let rightKind = 0;
  for (const e of predicted) {
    const g = entryOf.get(e.name);
    if (!g) wrong.push(e.name);
    else if (matched.has(g)) wrong.push(`${e.name} (again)`);
    else {
      matched.add(g);
      correct++;
      if (g.kind === e.kind) rightKind++;
    }
  }
  const missed = entries.filter((e) => !matched.has(e)).map((e) => e.forms.join('|'));
  return { predicted: predicted.length, correct, rightKind, gold: entries.length, found: matched.size, wrong, missed };
}
