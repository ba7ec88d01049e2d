/**
 * The fact card's summary paragraphs: what kind of text it is and what about,
 * who wrote it and when, how long it is, whom it names, and where the key
 * sentences are. Each sentence is written only when its facts exist.
 */
import { fill } from '../template';
import type { DigestFacts } from './digest-facts';
import { countWordNn, numberNn } from './format';
import { namesPhrase } from './names';
import { TEMPLATES } from './templates';

/** "Nyheitsartikkel om kunstig intelligens". */
export function kindLine(f: DigestFacts): string {
  return fill(TEMPLATES.kind[f.kind].line, { topic: f.topicLabel });
}

/** "Dette er ein nyheitsartikkel om kunstig intelligens." */
export function kindSentence(f: DigestFacts): string {
  return fill(TEMPLATES.kind[f.kind].sentence, { topic: f.topicLabel });
}

function bylineSentence(f: DigestFacts): string | undefined {
  const s = TEMPLATES.summary;
  const vars = { author: f.author ?? '', date: f.published ?? '' };
  if (f.author && f.published) return fill(f.isThread ? s.threadBylineDate : s.bylineDate, vars);
  if (f.author) return fill(f.isThread ? s.threadByline : s.byline, vars);
  if (f.published) return fill(f.isThread ? s.threadDate : s.date, vars);
  return undefined;
}

/** The summary paragraphs, first the kind line. Never empty, never a sentence with a gap. */
export function buildSummary(f: DigestFacts): string[] {
  const s = TEMPLATES.summary;
  const out = [kindLine(f)];
  const about = [bylineSentence(f), f.length.words > 0 ? fill(s.length, { words: numberNn(f.length.words), minutes: f.length.minutes }) : undefined];
  const aboutText = about.filter(Boolean).join(' ');
  if (aboutText) out.push(aboutText);
  const names = namesPhrase(f.entities, 3);
  if (names) out.push(fill(s.names, { names }));
  const n = f.keyPoints.length;
  if (n === 1) out.push(s.keyPointsOne);
  else if (n > 1) out.push(fill(s.keyPoints, { count: countWordNn(n) }));
  return out;
}
