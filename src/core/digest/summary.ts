/**
 * The fact card's summary: first what the text is about, in sentences a
 * person would write (the kind and topic, what an explainer explains, the
 * name it keeps coming back to, a thread's question and replies), then who
 * wrote it and when, whom it names, and where the quotes and figures are.
 * Each sentence is written only when its facts exist.
 */
import { fill } from '../template';
import { agreeNn, countNn, digitsNn, numberNn } from '../nn-grammar';
import type { DigestFacts } from './digest-facts';
import { countOf, kindVars, listNn, noun } from './format';
import type { Entity } from './entities';
import { mostNamed, topNames } from './names';
import { TEMPLATES } from './templates';

const NAMES_IN_SUMMARY = 4;

/** "«network switch»": an English subject, marked as such. */
export const quoted = (s: string) => `«${s}»`;

/** "Ein nyheitsartikkel om kunstig intelligens." plus what an explainer explains. */
export function aboutSentence(f: DigestFacts): string {
  const s = TEMPLATES.summary;
  const vars = { ...kindVars(f.kind), topic: f.topicLabel };
  return f.subject ? fill(s.aboutExplains, { ...vars, subject: quoted(f.subject) }) : fill(s.about, vars);
}

/** "Meta går att i fem av dei ni avsnitta." when one name runs through the text. */
export function mostNamedSentence(f: DigestFacts): string | undefined {
  const top = mostNamed(f.entities);
  const n = f.length.paragraphs;
  if (!top || n < 3) return undefined;
  const k = top.paragraphs.length;
  // "IBM går att i fire av dei 209 avsnitta" says nothing: only a name that runs through a third of the text.
  if (k * 3 < n) return undefined;
  if (k >= n) return fill(TEMPLATES.summary.mostNamedAll, { name: top.name });
  const pd = noun('paragraphDefinite');
  // Both in digits once the total is (ten or more): "8 av dei 11 avsnitta", not "åtte av dei 11".
  const count = (x: number) => (n >= 10 ? digitsNn(x) : numberNn(x, 'n'));
  return fill(TEMPLATES.summary.mostNamed, { name: top.name, k: count(k), n: `${count(n)} ${pd.pl}` });
}

/** A thread's question and how many have answered. */
function threadSentences(f: DigestFacts): string[] {
  const s = TEMPLATES.summary;
  const out: string[] = [];
  if (f.question) out.push(f.author ? fill(s.question, { asker: f.author, question: f.question.text }) : fill(s.questionNoAsker, { question: f.question.text }));
  if (f.replies) {
    if (f.replies.count === 0) out.push(s.noReplies);
    else out.push(fill(f.replies.atLeast ? s.repliesAtLeast : s.replies, { replies: countNn(f.replies.count, noun('reply')) }));
  }
  return out;
}

function bylineSentence(f: DigestFacts): string | undefined {
  const s = TEMPLATES.summary;
  const vars = { ...kindVars(f.kind), author: f.author ?? '', date: f.published ?? '' };
  if (f.isThread) {
    if (f.author && f.published) return fill(s.threadByline, vars);
    if (f.author) return fill(s.threadBylineNoDate, vars);
    return f.published ? fill(s.threadDateOnly, vars) : undefined;
  }
  // Two authors already take an "og": the date first, so the names close the sentence ("... og er skriven av A og B").
  if (f.author && f.published) return fill(/ og /.test(f.author) ? s.bylineAuthors : s.byline, vars);
  if (f.author) return fill(s.bylineNoDate, vars);
  return f.published ? fill(s.dateOnly, vars) : undefined;
}

function namesSentence(f: DigestFacts): string | undefined {
  const top = mostNamedSentence(f) ? mostNamed(f.entities) : undefined;
  // Not the author again right after the byline, and not "TLS" beside "TLS 1.3" (a version of one thing).
  const authors = new Set((f.author ?? '').split(/, | og /));
  const all: Entity[] = [];
  for (const e of topNames(f.entities, Infinity)) {
    if (e === top || authors.has(e.name)) continue;
    const variant = [...all, ...(top ? [top] : [])].some((x) => x.name.startsWith(`${e.name} `) || e.name.startsWith(`${x.name} `));
    if (!variant) all.push(e);
  }
  const names = all.slice(0, NAMES_IN_SUMMARY);
  if (names.length === 0) return undefined;
  const s = TEMPLATES.summary;
  // Always "mellom anna": names are found by rule, and a list that looked complete would claim too much.
  return fill(top ? s.namesAlso : s.names, { ...kindVars(f.kind), names: listNn(names.map((e) => e.name)) });
}

function pointersSentences(f: DigestFacts): string[] {
  const s = TEMPLATES.summary;
  const vars = kindVars(f.kind);
  const out: string[] = [];
  const n = f.keyPoints.length;
  if (n > 0) {
    const sentences = n === 1 ? s.keyPointsOne : fill(s.keyPointsMany, { count: numberNn(n, 'f') });
    // "sitert"/"siterte" agrees with "setninga"/"setningane".
    out.push(fill(s.keyPoints, { ...vars, sentences, quoted: agreeNn(TEMPLATES.participles.quoted, 'f', n > 1) }));
  }
  if (f.figures.length > 0) out.push(fill(s.figures, vars));
  return out;
}

/** The summary paragraphs: what it is about, then byline and length, names, then where quotes and figures are. */
export function buildSummary(f: DigestFacts): string[] {
  const out: string[] = [];
  out.push([aboutSentence(f), mostNamedSentence(f), ...(f.isThread ? threadSentences(f) : [])].filter(Boolean).join(' '));
  const byline = [bylineSentence(f), f.length.words > 0 ? fill(TEMPLATES.summary.readingTime, { minutes: countOf(f.length.minutes, 'minute') }) : undefined];
  const bylineText = byline.filter(Boolean).join(' ');
  if (bylineText) out.push(bylineText);
  const names = namesSentence(f);
  if (names) out.push(names);
  const pointers = pointersSentences(f).join(' ');
  if (pointers) out.push(pointers);
  return out;
}
