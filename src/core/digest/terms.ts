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

type Form = { entry: number; re: RegExp; length: number };

function compileForms(terms: readonly TermEntry[]): Form[] {
  const forms: Form[] = [];
  terms.forEach((t, entry) => {
    for (const f of [t.en, ...(t.aka ?? [])]) {
      const abbrev = /[A-Z]/.test(f) && f === f.toUpperCase() && f.replace(/[^A-Za-z]/g, '').length <= 6;
      const next = t.notNext?.length ? `(?!\\s+(?:${t.notNext.map(esc).join('|')})\\b)` : '';
      const src = `(?<![\\p{L}\\p{N}-])${formSource(f)}(?![\\p{L}\\p{N}])${next}`;
      forms.push({ entry, re: new RegExp(src, abbrev ? 'gu' : 'giu'), length: f.length });
    }
  });
  return forms;
}

const COMPILED = new WeakMap<readonly TermEntry[], Form[]>();

/**
 * All terms that occur in the paragraphs, ordered by first occurrence.
 * Overlapping matches go to the longer term.
 */
export function findTerms(paragraphs: readonly string[], terms: readonly TermEntry[] = TERMS): TermHit[] {
  let forms = COMPILED.get(terms);
  if (!forms) {
    forms = compileForms(terms);
    COMPILED.set(terms, forms);
  }
  const hits = new Map<number, TermHit>();
  paragraphs.forEach((p, pi) => {
    const spans: { entry: number; start: number; end: number }[] = [];
    for (const f of forms) {
      f.re.lastIndex = 0;
      for (let m = f.re.exec(p); m; m = f.re.exec(p)) spans.push({ entry: f.entry, start: m.index, end: m.index + m[0].length });
    }
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
