/**
 * The text classifier: one compiled regular expression over all lexicon
 * terms, run once over the title and once over the body, scored per topic
 * with diminishing returns for repeats. Title hits weigh three times.
 */
import type { TopicId } from '../types';
import { TAXONOMY, type TopicDef } from './taxonomy';
import { escapeRegExp } from '../regex';

type TermInfo = { display: string; caseSensitive: boolean; topics: { id: TopicId; weight: number }[] };

/** Scores per topic and the terms that earned them (for the reasons). */
export type TextScores = { scores: Map<TopicId, number>; terms: Map<TopicId, { term: string; score: number }[]> };

const TITLE_WEIGHT = 3;

function compile(topics: TopicDef[]): { re: RegExp; byKey: Map<string, TermInfo> } {
  const byKey = new Map<string, TermInfo>();
  for (const t of topics) {
    for (const [rawKey, weight] of Object.entries(t.lexicon)) {
      const exact = rawKey.startsWith('=');
      const display = exact ? rawKey.slice(1) : rawKey;
      const caseSensitive = exact || (display.length <= 5 && display === display.toUpperCase() && /[A-Z]/.test(display));
      const key = display.toLowerCase();
      const info = byKey.get(key) ?? { display, caseSensitive, topics: [] };
      info.topics.push({ id: t.id, weight });
      byKey.set(key, info);
    }
  }
  const alts = [...byKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRegExp(k).replace(/ /g, '\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`, 'giu');
  return { re, byKey };
}

// Compiled on first use, not at module load: the content script's start-up on every page must stay cheap.
let compiled: ReturnType<typeof compile> | undefined;
const lexicon = () => (compiled ??= compile(TAXONOMY.topics));

function lookup(match: string): TermInfo | undefined {
  const m = match.replace(/\s+/g, ' ');
  const lower = m.toLowerCase();
  const candidates: [string, string][] = [[lower, m]];
  if (lower.endsWith('es')) candidates.push([lower.slice(0, -2), m.slice(0, -2)]);
  if (lower.endsWith('s')) candidates.push([lower.slice(0, -1), m.slice(0, -1)]);
  for (const [k, orig] of candidates) {
    const info = lexicon().byKey.get(k);
    if (info && (!info.caseSensitive || orig === info.display)) return info;
  }
  return undefined;
}

function countTerms(text: string): Map<TermInfo, number> {
  const counts = new Map<TermInfo, number>();
  // matchAll runs on a copy of the expression: the shared one's lastIndex never moves.
  for (const m of text.matchAll(lexicon().re)) {
    const info = lookup(m[0]);
    if (info) counts.set(info, (counts.get(info) ?? 0) + 1);
  }
  return counts;
}

/** Scores title and body against every topic's lexicon. */
export function scoreText(title: string, body: string): TextScores {
  const scores = new Map<TopicId, number>();
  const perTerm = new Map<TopicId, Map<string, number>>();
  const add = (info: TermInfo, s: number) => {
    for (const { id, weight } of info.topics) {
      scores.set(id, (scores.get(id) ?? 0) + weight * s);
      const m = perTerm.get(id) ?? new Map<string, number>();
      m.set(info.display, (m.get(info.display) ?? 0) + weight * s);
      perTerm.set(id, m);
    }
  };
  for (const [info, n] of countTerms(title)) add(info, TITLE_WEIGHT * Math.min(n, 2));
  for (const [info, n] of countTerms(body)) add(info, 1 + Math.log(n));
  const terms = new Map<TopicId, { term: string; score: number }[]>();
  for (const [id, m] of perTerm) {
    terms.set(id, [...m].map(([term, score]) => ({ term, score })).sort((a, b) => b.score - a.score));
  }
  return { scores, terms };
}
