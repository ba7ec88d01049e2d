/**
 * The fact card's FAQ: 3-5 Nynorsk questions from templates, each answered
 * with this article's facts and pointing at the paragraphs the answer rests
 * on. A question whose facts are missing is skipped, never half-answered.
 */
import { fill } from '../template';
import type { FaqItem } from '../types';
import type { DigestFacts } from './digest-facts';
import { evidenceOf, listNn, numberNn, paragraphCountNn, paragraphsNn } from './format';
import { namesPhrase, shownEntities } from './names';
import { kindSentence } from './summary';
import { TEMPLATES } from './templates';

const MAX_FAQ = 5;
const MIN_FAQ = 3;
const NAMES_IN_ANSWER = 4;
const TERMS_IN_ANSWER = 4;

function about(f: DigestFacts): FaqItem {
  const t = TEMPLATES.faq.about;
  const kindS = kindSentence(f);
  const ev = evidenceOf(f.keyPoints.flatMap((k) => k.evidence));
  if (ev.length) return { q: t.q, a: fill(t.a, { kindSentence: kindS, paragraphs: paragraphsNn(ev) }), evidence: ev };
  return { q: t.q, a: fill(t.aNoPoints, { kindSentence: kindS, title: f.title }), evidence: f.length.paragraphs > 0 ? [0] : [] };
}

function who(f: DigestFacts): FaqItem | undefined {
  const names = namesPhrase(f.entities, NAMES_IN_ANSWER);
  if (!names) return undefined;
  const ev = evidenceOf(shownEntities(f.entities, NAMES_IN_ANSWER).map((e) => e.first.paragraph));
  return { q: TEMPLATES.faq.who.q, a: fill(TEMPLATES.faq.who.a, { names }), evidence: ev };
}

function when(f: DigestFacts): FaqItem | undefined {
  const t = TEMPLATES.faq.when;
  const vars = { author: f.author ?? '', date: f.published ?? '' };
  let item: { q: string; a: string } | undefined;
  if (f.author && f.published) item = f.isThread ? { q: t.qThreadBoth, a: t.aThreadBoth } : { q: t.qBoth, a: t.aBoth };
  else if (f.published) item = f.isThread ? { q: t.qThreadDate, a: t.aThreadDate } : { q: t.qDate, a: t.aDate };
  else if (f.author) item = f.isThread ? { q: t.qThreadAuthor, a: t.aThreadAuthor } : { q: t.qAuthor, a: t.aAuthor };
  if (!item) return undefined;
  let a = fill(item.a, vars);
  if (f.updated && !f.isThread) a += ` ${fill(t.updated, { date: f.updated })}`;
  // Author and date come from the page's metadata; a paragraph is evidence only where it names the author.
  return { q: item.q, a, evidence: evidenceOf(f.authorParagraphs, 2) };
}

function terms(f: DigestFacts): FaqItem | undefined {
  const t = TEMPLATES.faq.terms;
  const shown = f.terms.slice(0, TERMS_IN_ANSWER);
  if (shown.length === 0) return undefined;
  // A trailing explanation in brackets stays in the terms list; in a sentence it would nest brackets.
  const list = listNn(shown.map((x) => fill(t.item, { en: x.en, nn: x.nn.replace(/\s*\([^)]*\)$/, '') })));
  return { q: t.q, a: fill(t.a, { terms: list }), evidence: evidenceOf(shown.map((x) => x.first.paragraph)) };
}

function more(f: DigestFacts): FaqItem {
  const t = TEMPLATES.faq.more;
  return { q: t.q, a: fill(f.isThread ? t.aThread : t.a, { url: f.url }), evidence: [] };
}

function topicWhy(f: DigestFacts): FaqItem | undefined {
  const t = TEMPLATES.faq.topic;
  const reasons = f.topic.reasons.map((r) => r.trim()).filter(Boolean).slice(0, 3);
  if (reasons.length === 0) return undefined;
  return { q: fill(t.q, { topic: f.topicLabel }), a: fill(t.a, { reasons: reasons.join('; ') }), evidence: [] };
}

function length(f: DigestFacts): FaqItem | undefined {
  if (f.length.words === 0) return undefined;
  const t = TEMPLATES.faq.length;
  return {
    q: t.q,
    a: fill(t.a, { words: numberNn(f.length.words), minutes: f.length.minutes, paragraphCount: paragraphCountNn(f.length.paragraphs) }),
    evidence: [],
  };
}

/** The FAQ: the five main questions where their facts exist, topped up to three with topic and length. */
export function buildFaq(f: DigestFacts): FaqItem[] {
  const main = [about(f), who(f), when(f), terms(f), more(f)].filter((x): x is FaqItem => !!x);
  const extra = [topicWhy(f), length(f)].filter((x): x is FaqItem => !!x);
  while (main.length < MIN_FAQ && extra.length) main.splice(main.length - 1, 0, extra.shift() as FaqItem);
  return main.slice(0, MAX_FAQ);
}
