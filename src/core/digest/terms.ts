/**
 * IT terms the article uses, with their Nynorsk equivalents from the
 * terminology list (assets/terms.json). Matching is on word boundaries,
 * case-insensitive except for all-capital abbreviations, and takes plural
 * forms; where terms overlap ("large language model" and "language model"),
 * the longer one claims the text.
 */
import raw from '../../../assets/terms.json';

/** One entry of the terminology list. */
export type TermEntry = { en: string; nn: string; aka?: string[]; notNext?: string[]; generic?: boolean; context?: string[] };
/** A term found in the article: where it first occurs and how often. */
export type TermHit = { en: string; nn: string; generic: boolean; count: number; first: { paragraph: number; offset: number }; paragraphs: number[] };

/** Checks the list's shape; throws on a broken asset so that tests catch it at once. */
export function parseTerms(v: unknown): TermEntry[] {
  const terms = (v as { terms?: unknown }).terms;
  if (!Array.isArray(terms)) throw new Error('terms: bad shape');
  return terms.map((t: Record<string, unknown>, i) => {
    const strs = (x: unknown) => x === undefined || (Array.isArray(x) && x.every((s) => typeof s === 'string'));
    if (typeof t.en !== 'string' || typeof t.nn !== 'string' || !t.en || !t.nn || !strs(t.aka) || !strs(t.notNext) || !strs(t.context) || (t.generic !== undefined && typeof t.generic !== 'boolean')) throw new Error(`terms: bad entry ${i}`);
    return t as TermEntry;
  });
}

/** The shipped terminology list. */
export const TERMS: readonly TermEntry[] = parseTerms(raw);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression source for one English form, plural endings included. */
function formSource(form: string): string {
  const body = esc(form).replace(/(?:\\-|\s)+/g, '[\\s\\u00a0-]+');
  if (/[^aeiou]y$/i.test(form)) return `${body.slice(0, -1)}(?:y|ies)`;
  if (/(s|x|z|ch|sh)$/i.test(form)) return `${body}(?:es)?`;
  return `${body}s?`;
}

/** The lookup key of a form or a match: lower case, one space between words. */
const keyOf = (s: string) => s.toLowerCase().replace(/[\s\u00a0-]+/g, ' ');

/** Singular candidates of a matched key ("vulnerabilities" → "vulnerability"). */
function singulars(k: string): string[] {
  const out = [k];
  if (k.endsWith('ies')) out.push(`${k.slice(0, -3)}y`);
  if (k.endsWith('es')) out.push(k.slice(0, -2));
  if (k.endsWith('s')) out.push(k.slice(0, -1));
  return out;
}

/** One scanner per case mode: a single alternation (longest forms first) and a key → entry map. */
type Scanner = { re: RegExp; byKey: Map<string, number> };
type Compiled = { scanners: Scanner[]; notNext: Map<number, RegExp> };

function compile(terms: readonly TermEntry[]): Compiled {
  const modes = { ci: { forms: [] as string[], byKey: new Map<string, number>() }, cs: { forms: [] as string[], byKey: new Map<string, number>() } };
  const notNext = new Map<number, RegExp>();
  terms.forEach((t, entry) => {
    for (const f of [t.en, ...(t.aka ?? [])]) {
      const abbrev = /[A-Z]/.test(f) && f === f.toUpperCase() && f.replace(/[^A-Za-z]/g, '').length <= 6;
      const m = abbrev ? modes.cs : modes.ci;
      m.forms.push(f);
      const k = abbrev ? f.replace(/[\s\u00a0-]+/g, ' ') : keyOf(f);
      if (!m.byKey.has(k)) m.byKey.set(k, entry);
    }
    if (t.notNext?.length) notNext.set(entry, new RegExp(`^\\s+(?:${t.notNext.map(esc).join('|')})\\b`, 'i'));
  });
  const scanner = (forms: string[], flags: string, byKey: Map<string, number>): Scanner => {
    const alts = [...forms].sort((a, b) => b.length - a.length).map(formSource);
    return { re: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, flags), byKey };
  };
  return { scanners: [scanner(modes.ci.forms, 'giu', modes.ci.byKey), scanner(modes.cs.forms, 'gu', modes.cs.byKey)], notNext };
}

const COMPILED = new WeakMap<readonly TermEntry[], Compiled>();

function lookup(sc: Scanner, match: string, caseSensitive: boolean): number | undefined {
  const base = caseSensitive ? match.replace(/[\s\u00a0-]+/g, ' ') : keyOf(match);
  for (const k of singulars(base)) {
    const e = sc.byKey.get(k);
    if (e !== undefined) return e;
  }
  return undefined;
}

/**
 * All terms that occur in the paragraphs, ordered by first occurrence.
 * Overlapping matches go to the longer term.
 */
export function findTerms(paragraphs: readonly string[], terms: readonly TermEntry[] = TERMS): TermHit[] {
  let c = COMPILED.get(terms);
  if (!c) {
    c = compile(terms);
    COMPILED.set(terms, c);
  }
  const hits = new Map<number, TermHit>();
  paragraphs.forEach((p, pi) => {
    const spans: { entry: number; start: number; end: number }[] = [];
    (c as Compiled).scanners.forEach((sc, mode) => {
      sc.re.lastIndex = 0;
      for (let m = sc.re.exec(p); m; m = sc.re.exec(p)) {
        const entry = lookup(sc, m[0], mode === 1);
        if (entry === undefined) continue;
        const end = m.index + m[0].length;
        if ((c as Compiled).notNext.get(entry)?.test(p.slice(end))) continue;
        spans.push({ entry, start: m.index, end });
      }
    });
    spans.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    let until = -1;
    for (const s of spans) {
      if (s.start < until) continue;
      until = s.end;
      const t = terms[s.entry] as TermEntry;
      const h = hits.get(s.entry);
      if (h) {
        h.count++;
        if (!h.paragraphs.includes(pi)) h.paragraphs.push(pi);
      } else hits.set(s.entry, { en: t.en, nn: t.nn, generic: t.generic === true, count: 1, first: { paragraph: pi, offset: s.start }, paragraphs: [pi] });
    }
  });
  // An ambiguous term ("switch", "repository") counts only where its field's words occur too.
  const text = paragraphs.join('\n');
  for (const [entry] of hits) {
    const ctx = terms[entry]?.context;
    if (ctx?.length && !ctx.some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${esc(w)}(?![\\p{L}\\p{N}])`, 'iu').test(text))) hits.delete(entry);
  }
  return [...hits.values()].sort((a, b) => a.first.paragraph - b.first.paragraph || a.first.offset - b.first.offset);
}

/**
 * The terms worth showing: the `max` most telling ones (more uses, longer
 * multi-word terms first; everyday words like "computer" only when there is
 * room), then back in order of first occurrence.
 */
export function pickTerms(hits: readonly TermHit[], max = 8): TermHit[] {
  const weight = (h: TermHit) => Math.min(h.count, 6) + 0.5 * (h.en.split(/[\s-]+/).length - 1) - (h.generic ? 10 : 0);
  const keep = new Set([...hits].sort((a, b) => weight(b) - weight(a)).slice(0, max));
  return hits.filter((h) => keep.has(h));
}
