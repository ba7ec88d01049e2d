/**
 * The fuzz harness's own sanity checks for a card, independent of the
 * validator: a card that the engine or the validator accepted must also pass
 * these, or it counts as "invalid accepted". Limits are deliberately plain
 * numbers kept here (not imported from src/), so that a validator that is
 * too lenient is caught rather than copied.
 */
import { CARD_LIMITS } from '../../src/core/schema/card';

export const LIMITS = {
  /** title and sourceTitle */
  title: 300,
  /** any other string in the card */
  string: 2000,
  /** any array in the card */
  array: 20,
} as const;

/** Keys whose strings are addresses or timestamps, not text a reader sees. */
const NOT_TEXT = new Set(['url', 'createdAt', 'published']);

/** What a stringified non-string leaves behind. */
const STRINGIFIED = /\bundefined\b|\bNaN\b|\[object [A-Z][a-z]+\]/;
/** An HTML tag (opening, closing or self-closing). */
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i;
/** C0 controls other than tab, LF and CR; DEL; C1 controls; bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** A surrogate half without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export type SanityOptions = {
  /** Paragraphs in the article: evidence must point inside. */
  paragraphCount?: number;
  /**
   * Text the input itself holds (the page's HTML): a word such as "undefined"
   * that the page says may be quoted. Never used for markup or controls.
   */
  sourceText?: string;
};

/** Card fields that are the page's own English words (its title, quoted sentences and figures, its terms, author and site). */
const QUOTES_PAGE = /^(sourceTitle$|keyPoints\[|figures\[|source\.|terms\[\d+\]\.en$)/;

const show = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** Problems of a card, each as "path: what"; empty when the card is sane. */
export function cardProblems(card: unknown, opts: SanityOptions = {}): string[] {
  const out: string[] = [];
  if (!isObj(card)) return ['card: not an object'];
  if (!Array.isArray(card.summary) || card.summary.length === 0) out.push('summary: empty');
  else card.summary.forEach((p, i) => (typeof p !== 'string' || !p.trim()) && out.push(`summary[${i}]: blank or not text`));
  if (typeof card.title !== 'string' || !card.title.trim()) out.push('title: blank or not text');
  for (const key of ['title', 'sourceTitle'] as const) {
    const v = card[key];
    if (typeof v === 'string' && v.length > LIMITS.title) out.push(`${key}: ${v.length} chars > ${LIMITS.title}`);
  }
  for (const list of ['faq'] as const) {
    const items = card[list];
    if (Array.isArray(items))
      items.forEach((f, i) => {
        if (!isObj(f) || typeof f.q !== 'string' || !f.q.trim() || typeof f.a !== 'string' || !f.a.trim()) out.push(`faq[${i}]: blank question or answer`);
      });
  }
  const walk = (v: unknown, path: string, key: string) => {
    if (typeof v === 'string') {
      if (v.length > LIMITS.string) out.push(`${path}: ${v.length} chars > ${LIMITS.string}`);
      if (NOT_TEXT.has(key)) return;
      const word = STRINGIFIED.exec(v)?.[0];
      // Fields that quote the page in English may say "NaN" or "undefined" when the page does; without the page's text, they get the benefit of the doubt.
      const quotesPage = QUOTES_PAGE.test(path);
      if (word && !opts.sourceText?.includes(word) && !(quotesPage && opts.sourceText === undefined)) out.push(`${path}: contains "${word}" in ${show(v)}`);
      const tag = TAG.exec(v)?.[0];
      if (tag) out.push(`${path}: markup ${show(tag)} in ${show(v)}`);
      if (CONTROL.test(v)) out.push(`${path}: control character in ${show(v)}`);
      if (LONE_SURROGATE.test(v)) out.push(`${path}: lone surrogate in ${show(v)}`);
      return;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push(`${path}: ${v}`);
      return;
    }
    if (Array.isArray(v)) {
      // The checker may flag many Bokmål forms, and a card may gloss many terms: those lists have the validator's own bounds.
      const max = key === 'bokmalForms' ? CARD_LIMITS.bokmalForms : key === 'terms' ? CARD_LIMITS.terms : LIMITS.array;
      if (v.length > max) out.push(`${path}: ${v.length} items > ${max}`);
      if (key === 'evidence')
        v.forEach((n, i) => {
          if (!Number.isInteger(n) || (n as number) < 0 || (opts.paragraphCount !== undefined && (n as number) >= opts.paragraphCount))
            out.push(`${path}[${i}]: evidence ${String(n)} outside 0..${(opts.paragraphCount ?? Infinity) - 1}`);
        });
      v.forEach((x, i) => walk(x, `${path}[${i}]`, key));
      return;
    }
    if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, k);
  };
  walk(card, '', '');
  return out;
}

/** The kind of a problem ("title: 412 chars > 300" → "title: too long"), for counting. */
export function problemKind(p: string): string {
  const field = p.split(':')[0]!.replace(/\[\d+\]/g, '[]');
  const what = p.slice(p.indexOf(':') + 1);
  const kind = /chars >/.test(what)
    ? 'too long'
    : /items >/.test(what)
      ? 'too many items'
      : /markup/.test(what)
        ? 'markup'
        : /contains "/.test(what)
          ? `contains ${/"([^"]+)"/.exec(what)?.[1]}`
          : /control/.test(what)
            ? 'control character'
            : /surrogate/.test(what)
              ? 'lone surrogate'
              : what.trim();
  return `${field}: ${kind}`;
}
