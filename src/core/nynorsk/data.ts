/**
 * The shape of assets/nynorsk/bokmal.json, built by
 * scripts/nynorsk/build-data.mjs from the npm dictionaries. Words are
 * space-separated strings grouped by the Nynorsk rewrite of their ending
 * ("er>ar": talenter → talentar); the group "" has no suggestion.
 */
export type NynorskData = {
  format: 1;
  minTail: number;
  minHead: number;
  minHeadRest: number;
  words: Record<string, string>;
  noTail: string;
  noHead: string;
  /** Nynorsk forms the word rules would otherwise flag (never flagged). */
  nynorsk: string;
  lexicon: Record<string, string>;
  cased: Record<string, string>;
  context: ContextRule[];
};

/** A form that is Bokmål in some contexts and a Nynorsk word in others. */
export type ContextRule = {
  form: string;
  suggestion: string;
  /** Not flagged when the word before is one of these (lower case). */
  unlessPrev?: string[];
  /** Flagged only when the word before is one of these (lower case): "å se" → "å sjå". */
  onlyPrev?: string[];
  /** Not flagged when the word after is one of these (lower case). */
  unlessNext?: string[];
  /** Not flagged when the next word starts with a capital (a name). */
  unlessNextCapitalised?: boolean;
};

const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

const isRule = (v: unknown): v is ContextRule => {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.form === 'string' &&
    typeof r.suggestion === 'string' &&
    (r.unlessPrev === undefined || (Array.isArray(r.unlessPrev) && r.unlessPrev.every((x) => typeof x === 'string'))) &&
    (r.onlyPrev === undefined || (Array.isArray(r.onlyPrev) && r.onlyPrev.every((x) => typeof x === 'string'))) &&
    (r.unlessNext === undefined || (Array.isArray(r.unlessNext) && r.unlessNext.every((x) => typeof x === 'string'))) &&
    (r.unlessNextCapitalised === undefined || typeof r.unlessNextCapitalised === 'boolean')
  );
};

/** Checks data loaded from disk or fetched before the checker trusts it. */
export function isNynorskData(v: unknown): v is NynorskData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    d.format === 1 &&
    typeof d.minTail === 'number' &&
    typeof d.minHead === 'number' &&
    typeof d.minHeadRest === 'number' &&
    isStringRecord(d.words) &&
    typeof d.noTail === 'string' &&
    typeof d.noHead === 'string' &&
    typeof d.nynorsk === 'string' &&
    isStringRecord(d.lexicon) &&
    isStringRecord(d.cased) &&
    Array.isArray(d.context) &&
    d.context.every(isRule)
  );
}

/**
 * The shape of assets/nynorsk/corpus.json: forms learned from Debian's
 * parallel Bokmål/Nynorsk translations (scripts/nynorsk/learn.mjs). Each form
 * maps to [level (1 flag, 2 hint, 3 hint that is a flag right after a subject: a Nynorsk noun plural that is
 * the Bokmål present of a verb), Bokmål count, Nynorsk count, suggestion
 * ('' for none), words before it where Nynorsk translators wrote it (optional)].
 */
export type CorpusData = {
  format: 1;
  forms: Record<string, [1 | 2 | 3, number, number, string] | [1 | 2 | 3, number, number, string, string]>;
};

export function isCorpusData(v: unknown): v is CorpusData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  if (d.format !== 1 || typeof d.forms !== 'object' || d.forms === null) return false;
  return Object.values(d.forms).every(
    (e: unknown) =>
      Array.isArray(e) &&
      (e.length === 4 || e.length === 5) &&
      (e[0] === 1 || e[0] === 2 || e[0] === 3) &&
      typeof e[1] === 'number' &&
      typeof e[2] === 'number' &&
      typeof e[3] === 'string' &&
      (e.length === 4 || typeof e[4] === 'string'),
  );
}
