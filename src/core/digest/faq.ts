/**
 * The fact card's FAQ: 3-5 Nynorsk questions a reader would ask about the
 * subject where the page supports an answer (what it is about, what an
 * explainer's subject is, what a thread asks, which figures and names it
 * gives, what its terms are in Nynorsk), each pointing at the paragraphs the
 * answer rests on. Figures stay in their own section, each beside its
 * sentence: a number in an answer loses what it counts and when. Questions about the text itself (author, date, topic
 * label, link) only fill up to three. A question whose facts are missing is
 * skipped, never half-answered.
 */
import { fill } from '../template';
import type { FaqItem } from '../types';
import type { DigestFacts } from './digest-facts';
import { countOf, evidenceOf, kindVars, listNn, paragraphsNn } from './format';
import { nameSentences, shownEntities } from './names';
import { aboutSentence, mostNamedSentence, quoted } from './summary';
import { TEMPLATES } from './templates';

const MAX_FAQ = 5;
const MIN_FAQ = 3;
const NAMES_IN_ANSWER = 4;
const TERMS_IN_ANSWER = 4;

function about(f: DigestFacts): FaqItem {
  const t = TEMPLATES.faq.about;
  const vars = kindVars(f.kind);
  // A thread's "about" is its question; the replies' key sentences follow the paragraphs of the first post.
  const ev = evidenceOf(f.keyPoints.flatMap((k) => k.evidence));
  const lead = [aboutSentence(f), mostNamedSentence(f)].filter(Boolean).join(' ');
  if (ev.length) return { q: fill(t.q, vars), a: `${lead} ${fill(t.points, { paragraphs: paragraphsNn(ev) })}`, evidence: ev };
  return { q: fill(t.q, vars), a: `${lead} ${fill(t.title, { title: f.title })}`, evidence: f.length.paragraphs > 0 ? [0] : [] };
}

function define(f: DigestFacts): FaqItem | undefined {
  if (!f.subject || !f.definition) return undefined;
  const t = TEMPLATES.faq.define;
  return {
    q: fill(t.q, { subject: quoted(f.subject) }),
    a: fill(t.a, { ...kindVars(f.kind), paragraph: paragraphsNn([f.definition.paragraph]), sentence: f.definition.text }),
    evidence: [f.definition.paragraph],
  };
}

function question(f: DigestFacts): FaqItem | undefined {
  if (!f.isThread || !f.question) return undefined;
  const t = TEMPLATES.faq.question;
  let a = fill(t.a, { question: f.question.text });
  const firstPostEnd = f.postStarts?.[1] ?? Infinity;
  const answers = evidenceOf(f.keyPoints.flatMap((k) => k.evidence).filter((p) => p >= firstPostEnd));
  if (answers.length) a += ` ${fill(t.answers, { paragraphs: paragraphsNn(answers) })}`;
  return { q: fill(t.q, { asker: f.author ?? t.askerUnknown }), a, evidence: evidenceOf([f.question.paragraph, ...answers]) };
}

function names(f: DigestFacts): FaqItem | undefined {
  const sentences = nameSentences(f.entities, NAMES_IN_ANSWER);
  if (sentences.length === 0) return undefined;
  const ev = evidenceOf(shownEntities(f.entities, NAMES_IN_ANSWER).map((e) => e.first.paragraph));
  return { q: fill(TEMPLATES.faq.names.q, kindVars(f.kind)), a: sentences.join(' '), evidence: ev };
}

function terms(f: DigestFacts): FaqItem | undefined {
  const t = TEMPLATES.faq.terms;
  const shown = f.terms.slice(0, TERMS_IN_ANSWER);
  if (shown.length === 0) return undefined;
  // A trailing explanation in brackets stays in the terms list; in a sentence it would nest brackets.
  // Quote what the text writes: «DNS» (domain name system, domenenamnsystem), not a long form it never uses.
  const list = listNn(
    shown.map((x) => {
      const nn = x.nn.replace(/\s*\([^)]*\)$/, '');
      // «SD-WAN» (programvaredefinert fjernnett): an abbreviation that is itself the English term is not spelt out twice.
      return x.abbrev && x.abbrev.toLowerCase() !== x.en.toLowerCase() ? fill(t.itemAbbrev, { abbrev: x.abbrev, en: x.en, nn }) : fill(t.item, { en: x.en, nn });
    }),
  );
  return { q: fill(t.q, kindVars(f.kind)), a: fill(t.a, { ...kindVars(f.kind), terms: list }), evidence: evidenceOf(shown.map((x) => x.first.paragraph)) };
}

function when(f: DigestFacts): FaqItem | undefined {
  const t = TEMPLATES.faq.when;
  const vars = { ...kindVars(f.kind), author: f.author ?? '', date: f.published ?? '' };
  let item: { q: string; a: string } | undefined;
  if (f.author && f.published) item = f.isThread ? { q: t.qThreadBoth, a: t.aThreadBoth } : { q: t.qBoth, a: t.aBoth };
  else if (f.published) item = f.isThread ? { q: t.qThreadDate, a: t.aThreadDate } : { q: t.qDate, a: t.aDate };
  else if (f.author) item = f.isThread ? { q: t.qThreadAuthor, a: t.aThreadAuthor } : { q: t.qAuthor, a: t.aAuthor };
  if (!item) return undefined;
  let a = fill(item.a, vars);
  if (f.updated && !f.isThread) a += ` ${fill(t.updated, { date: f.updated })}`;
  // Author and date come from the page's metadata; a paragraph is evidence only where it names the author.
  return { q: fill(item.q, vars), a, evidence: evidenceOf(f.authorParagraphs, 2) };
}

function more(f: DigestFacts): FaqItem {
  const t = TEMPLATES.faq.more;
  return { q: fill(t.q, kindVars(f.kind)), a: fill(f.isThread ? t.aThread : t.a, { url: f.url }), evidence: [] };
}

function topicWhy(f: DigestFacts): FaqItem | undefined {
  const t = TEMPLATES.faq.topic;
  const reasons = f.topic.reasons.map((r) => r.trim()).filter(Boolean).slice(0, 3);
  if (reasons.length === 0) return undefined;
  return { q: fill(t.q, { ...kindVars(f.kind), topic: f.topicLabel }), a: fill(t.a, { reasons: reasons.join('; ') }), evidence: [] };
}

function length(f: DigestFacts): FaqItem | undefined {
  if (f.length.words === 0) return undefined;
  const t = TEMPLATES.faq.length;
  const vars = { ...kindVars(f.kind), words: countOf(f.length.words, 'word'), paragraphs: countOf(f.length.paragraphs, 'paragraph'), minutes: countOf(f.length.minutes, 'minute') };
  return { q: fill(t.q, vars), a: fill(t.a, vars), evidence: [] };
}

/** The FAQ: questions about the subject where their facts exist, topped up to three with questions about the text. */
export function buildFaq(f: DigestFacts): FaqItem[] {
  const subject = [about(f), define(f), question(f), names(f), terms(f)].filter((x): x is FaqItem => !!x).slice(0, MAX_FAQ);
  const extra = [when(f), topicWhy(f), length(f), more(f)].filter((x): x is FaqItem => !!x);
  while (subject.length < MIN_FAQ && extra.length) subject.push(extra.shift() as FaqItem);
  return subject;
}
