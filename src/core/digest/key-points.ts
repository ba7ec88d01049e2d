/**
 * Key points: the sentences that carry most of the article, chosen with
 * TextRank (Mihalcea & Tarau 2004): sentences are nodes, edges weigh the
 * content words two sentences share, normalised by their lengths, and
 * PageRank over that graph ranks them. A light redundancy check keeps two
 * near-identical sentences (an explainer's summary and its first paragraph)
 * from both being chosen. Sentences are quoted verbatim, in article order.
 */
import { isBoilerplateText } from '../extract/blocks';
import { isChromeSentence } from './chrome';
import { articleSentences, words, type Sentence } from './sentences';
import { STOPWORDS } from './stopwords';

/** A sentence quoted verbatim, with the index of the paragraph that holds it. */
export type KeyPoint = { text: string; evidence: number[] };
/** How many key points to aim for (default 3-5). */
export type KeyPointOptions = { min?: number; max?: number };

const MIN_WORDS = 8;
const MAX_WORDS = 45;
const MAX_CHARS = 320;
const DAMPING = 0.85;
const ITERATIONS = 40;
/**
 * Most sentences ranked in one graph. TextRank is quadratic in the number of
 * sentences; a longer text is ranked on an evenly spaced sample of its
 * sentences, which keeps every part of it represented.
 */
const MAX_GRAPH = 240;
/** Cosine similarity above which a lower-ranked sentence counts as saying the same thing. */
const REDUNDANT = 0.6;

function isCandidate(s: Sentence, paragraph: string): boolean {
  const t = s.text;
  const n = words(t).length;
  if (n < MIN_WORDS || n > MAX_WORDS || t.length > MAX_CHARS) return false;
  if (!/[.!…]["'”’)\]]*$/.test(t)) return false; // headings, cut-off text, lists introduced with ":"
  if (/\?["'”’)\]]*$/.test(t)) return false;
  if (/^["“‘]/.test(t) && !/["”’]$/.test(t.replace(/[.!…]+$/, ''))) return false; // half a quotation
  if (isChromeSentence(t)) return false;
  return !isBoilerplateText(paragraph);
}

/** Crude English stemming: enough to let "switches" meet "switch" and "attacked" meet "attack". */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 5 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

/** The content words of a sentence as a set of stems. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    const lw = w.toLowerCase().replace(/['’]s$/, '');
    if (lw.length < 2 || STOPWORDS.has(lw) || /^\d+$/.test(lw)) continue;
    out.add(stem(lw));
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/** TextRank edge weight: shared words over the sum of the log lengths. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  const shared = overlap(a, b);
  return shared === 0 ? 0 : shared / (Math.log(a.size) + Math.log(b.size));
}

/** PageRank over a weighted, undirected graph given as an adjacency matrix. */
function pageRank(weights: Float64Array[], n: number): Float64Array {
  const outSum = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let score = new Float64Array(n).fill(1);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n).fill(1 - DAMPING);
    let delta = 0;
    for (let j = 0; j < n; j++) {
      const sj = outSum[j] ?? 0;
      if (sj === 0) continue;
      const share = (DAMPING * (score[j] ?? 0)) / sj;
      const row = weights[j] as Float64Array;
      for (let i = 0; i < n; i++) {
        const w = row[i] ?? 0;
        if (w) next[i] = (next[i] ?? 0) + w * share;
      }
    }
    for (let i = 0; i < n; i++) delta += Math.abs((next[i] ?? 0) - (score[i] ?? 0));
    score = next;
    if (delta < 1e-6 * n) break;
  }
  return score;
}

/** How many key points an article of `candidates` usable sentences should get. */
function targetCount(candidates: number, min: number, max: number): number {
  return Math.min(candidates, Math.max(min, Math.min(max, Math.round(candidates / 8))));
}

/**
 * Picks 3-5 key sentences (fewer when the article has fewer usable ones),
 * returned in article order with the index of the paragraph that holds each.
 */
export function extractKeyPoints(paragraphs: readonly string[], options: KeyPointOptions = {}): KeyPoint[] {
  const min = options.min ?? 3;
  const max = options.max ?? 5;
  const all = articleSentences(paragraphs);
  const usable = all.filter((s) => isCandidate(s, paragraphs[s.paragraph] ?? ''));
  const step = usable.length / MAX_GRAPH;
  const cands = step > 1 ? Array.from({ length: MAX_GRAPH }, (_, i) => usable[Math.floor(i * step)] as Sentence) : usable;
  const n = cands.length;
  if (n === 0) return [];
  const stems = cands.map((s) => contentStems(s.text));
  const weights = stems.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = similarity(stems[i] as Set<string>, stems[j] as Set<string>);
      if (w > 0) {
        (weights[i] as Float64Array)[j] = w;
        (weights[j] as Float64Array)[i] = w;
      }
    }
  }
  const score = pageRank(weights, n);
  // Ties (and a graph with no edges) fall back to position: earlier sentences first.
  const order = [...cands.keys()].sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
  const want = targetCount(usable.length, min, max);
  const chosen: number[] = [];
  for (const i of order) {
    if (chosen.length >= want) break;
    const si = stems[i] as Set<string>;
    const redundant = chosen.some((j) => {
      const sj = stems[j] as Set<string>;
      return overlap(si, sj) / Math.sqrt(si.size * sj.size || 1) > REDUNDANT;
    });
    if (!redundant) chosen.push(i);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => {
      const s = cands[i] as Sentence;
      return { text: s.text, evidence: [s.paragraph] };
    });
}
