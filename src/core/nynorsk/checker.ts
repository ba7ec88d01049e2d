/**
 * The Nynorsk checker: finds Bokmål forms in a text (with positions and,
 * where the data allows, a Nynorsk suggestion) and, when given a Nynorsk
 * lexicon, the words Nynorsk's dictionary does not know (the "review"
 * channel, never called errors). Pure: the data is passed in.
 */
import type { ContextRule, CorpusData, NynorskData } from './data';
import { createGrammar, type GrammarData } from './grammar';
import { tokenize, tokenParts, type Token } from './tokenize';

/**
 * One flagged, hinted or review word (or phrase, for agreement). `text.slice(start, end) === form`.
 * `rule` says where it comes from: the word data, the corpus (with its `evidence`), or a grammar rule.
 */
export type NynorskFinding = {
  form: string;
  start: number;
  end: number;
  suggestion?: string;
  rule?: 'word' | 'corpus' | 'determiner' | 'demonstrative' | 'possessive' | 'number' | 'predicate';
  /** Corpus findings: occurrences in Debian's Bokmål and Nynorsk translations. */
  evidence?: { nb: number; nn: number };
};

/** The result of checking one text. */
export type NynorskReport = {
  /** Word tokens checked (a hyphenated compound counts once). */
  tokens: number;
  /** Sure: Bokmål forms and agreement errors. */
  flagged: NynorskFinding[];
  /** Likely: forms the corpus finds rare in Nynorsk, agreement the rules are less sure of. */
  hints: NynorskFinding[];
  /** Words unknown to the Nynorsk dictionary (only with `isKnownNynorsk`). */
  review: NynorskFinding[];
  /** Flagged words per 100 tokens. */
  per100: number;
};

/** A ready checker. */
export type NynorskChecker = { check(text: string): NynorskReport };

/** Extra knowledge the caller may have (Node: the full Nynorsk form set). */
export type CheckerOptions = {
  /** True when the lower-case word is a Nynorsk form or compound. Enables `review`. */
  isKnownNynorsk?: (word: string) => boolean;
  /** Lower-case words never reported in `review` (a reviewed allow-list). */
  allow?: Iterable<string>;
  /** Forms learned from the parallel corpus (assets/nynorsk/corpus.json). */
  corpus?: CorpusData;
  /** Tagged words for the agreement rules (assets/nynorsk/grammar.json). */
  grammar?: GrammarData;
};

const LETTERS = /^[\p{Ll}\p{Lu}\p{M}'’]+$/u;
/** Longer "words" are identifiers or garbage, and would make the compound search slow. */
const MAX_WORD = 40;
/** English function words: a word next to one of them is in an English phrase. */
const ENGLISH = new Set(
  'the of and are was were with this that you it has a an its their from or which will can should would these those'.split(' '),
);
const HAS_UPPER = /\p{Lu}/u;

type Hit = { suggestion?: string };

/** Letters and pairs Norwegian words hardly use: such words are not split as compounds. */
export const FOREIGN = /[cqwxz]/u;
/** Word groups whose forms can be the first part of a compound (sikkerhets-, tjeneste-). */
export const HEAD_GROUPS = ['', 'het>heit', 'lig>leg'];
/** Shortest first part before a Bokmål last part (keeps "inn"+"pakker" out). */
export const MIN_TAIL_HEAD = 4;

/**
 * The word-level half of the checker: is one lower-case word (no hyphen)
 * Bokmål by itself, by its s-genitive, or as the last or first part of a
 * compound? Context rules are the caller's job. Exported so the data build
 * can run it over every Nynorsk form and list the ones it must never flag.
 */
export function createWordMatcher(data: NynorskData): {
  direct(word: string): Hit | undefined;
  compound(word: string): Hit | undefined;
} {
  // Word -> index of its rewrite group; suggestions are made on demand.
  const rewrites: Array<[string, string] | undefined> = [];
  const groupOf = new Map<string, number>();
  for (const [rule, list] of Object.entries(data.words)) {
    const g = rewrites.push(rule === '' ? undefined : (rule.split('>') as [string, string])) - 1;
    for (const w of list.split(' ')) if (w) groupOf.set(w, g);
  }
  const suggestionOf = {
    has: (w: string) => groupOf.has(w),
    get(w: string): string | undefined {
      const r = rewrites[groupOf.get(w) ?? -1];
      return r === undefined ? undefined : w.slice(0, w.length - r[0].length) + r[1];
    },
  };
  const heads = new Set(
    [...HEAD_GROUPS.flatMap((g) => (data.words[g] ?? '').split(' ')), ...Object.keys(data.lexicon)].filter(
      (w) => w.length >= data.minHead,
    ),
  );
  const lexicon = new Map(Object.entries(data.lexicon));
  const context = new Map<string, ContextRule>(data.context.map((r) => [r.form, r]));
  const noTail = new Set(data.noTail.split(' '));
  const noHead = new Set(data.noHead.split(' '));
  const nynorsk = new Set(data.nynorsk.split(' '));

  const direct = (w: string): Hit | undefined => {
    const lex = lexicon.get(w);
    if (lex !== undefined) return { suggestion: lex };
    if (nynorsk.has(w)) return undefined;
    if (suggestionOf.has(w)) return { suggestion: suggestionOf.get(w) };
    if (w.endsWith('s') && suggestionOf.has(w.slice(0, -1))) {
      const s = suggestionOf.get(w.slice(0, -1));
      return { suggestion: s === undefined ? undefined : s + 's' };
    }
    return undefined;
  };

  const compound = (w: string): Hit | undefined => {
    if (nynorsk.has(w) || FOREIGN.test(w)) return undefined;
    for (let i = 3; i <= w.length - data.minTail; i++) {
      const tail = w.slice(i);
      const head = w.slice(0, i);
      // Context forms end many Nynorsk verbs after a particle (innpakker);
      // after a longer first part they are the noun (lønnspakker).
      // A three-letter first part only before a hand-listed word (sky+tjenester).
      if (head.length < (lexicon.has(tail) ? 3 : MIN_TAIL_HEAD)) continue;
      const ctx = context.get(tail);
      if (ctx && tail.length >= 5) return { suggestion: head + ctx.suggestion };
      if (noTail.has(tail)) continue;
      const hit = direct(tail);
      if (hit) return { suggestion: hit.suggestion === undefined ? undefined : head + hit.suggestion };
    }
    for (let i = w.length - data.minHeadRest; i >= data.minHead; i--) {
      const head = w.slice(0, i);
      if (noHead.has(head)) continue;
      if (heads.has(head) || (head.endsWith('s') && heads.has(head.slice(0, -1)))) return {};
    }
    return undefined;
  };
  return { direct, compound };
}

/** Builds a checker from the shipped data. */
export function createChecker(data: NynorskData, options: CheckerOptions = {}): NynorskChecker {
  const { direct, compound } = createWordMatcher(data);
  const cased = new Map(Object.entries(data.cased));
  const context = new Map<string, ContextRule>(data.context.map((r) => [r.form, r]));
  const allow = new Set(options.allow);
  const learned = new Map(Object.entries(options.corpus?.forms ?? {}));
  const unlessPrev = new Map<string, Set<string>>();
  for (const [form, e] of learned) if (e[4]) unlessPrev.set(form, new Set(e[4].split(' ')));
  const grammar = options.grammar ? createGrammar(options.grammar) : undefined;

  // The word rules depend on the word alone: their answer is kept (running text repeats its words).
  const wordCache = new Map<string, Hit | null>();
  const wordHit = (base: string): Hit | undefined => {
    let h = wordCache.get(base);
    if (h === undefined) {
      h = direct(base) ?? compound(base) ?? null;
      if (wordCache.size > 50_000) wordCache.clear();
      wordCache.set(base, h);
    }
    return h ?? undefined;
  };

  const contextHit = (rule: ContextRule, tokens: Token[], idx: number): Hit | undefined => {
    const prev = tokens[idx - 1];
    const next = tokens[idx + 1];
    // The word before, and the word before a sentence adverb or two: "vil ikkje se", "kan ikkje nå tenesta".
    const prevLower = prev?.text.toLowerCase() ?? '';
    let k = idx - 1;
    while (k > idx - 3 && k >= 0 && CLAUSE_ADVERBS.has(tokens[k]!.text.toLowerCase())) k--;
    const verbLower = tokens[k]?.text.toLowerCase() ?? '';
    if (rule.onlyPrev && !rule.onlyPrev.includes(prevLower) && !rule.onlyPrev.includes(verbLower)) return undefined;
    if (rule.unlessPrev && (rule.unlessPrev.includes(prevLower) || rule.unlessPrev.includes(verbLower))) return undefined;
    if (rule.unlessNextCapitalised && next && HAS_UPPER.test(next.text[0] ?? '')) return undefined;
    if (rule.unlessNext && next && rule.unlessNext.includes(next.text.toLowerCase())) return undefined;
    return { suggestion: rule.suggestion };
  };

  return {
    check(text: string): NynorskReport {
      const tokens = tokenize(text);
      const flagged: NynorskFinding[] = [];
      const hints: NynorskFinding[] = [];
      const review: NynorskFinding[] = [];
      tokens.forEach((token, idx) => {
        const parts = tokenParts(token);
        const single = parts.length === 1;
        for (const part of parts) {
          const w = part.text;
          if (w.length > MAX_WORD || !LETTERS.test(w)) continue; // digits, symbols, the empty string: not words
          if (inEnglish(tokens, idx)) continue;
          const rest = w.slice(1);
          const lower = w.toLowerCase(); // Norwegian letters lower-case the same without the locale, and much faster
          const casedHit = cased.get(w);
          let hit: Hit | undefined;
          if (casedHit !== undefined) {
            hit = { suggestion: casedHit };
          } else if (HAS_UPPER.test(rest)) {
            continue; // acronyms, camelCase: names and code
          } else if (HAS_UPPER.test(w[0] ?? '') && !(token.sentenceStart && part.start === token.start)) {
            continue; // capitalised inside a sentence: a name
          } else {
            const base = lower.includes("'") || lower.includes('’') ? lower.replace(/['’]s?$/u, '') : lower;
            const rule = context.get(base);
            // In a hyphenated word only the long context forms count (AI-fordeler, not T-en).
            if (rule) hit = single ? contextHit(rule, tokens, idx) : base.length >= 5 ? { suggestion: rule.suggestion } : undefined;
            else hit = wordHit(base);
            const entry = hit || !single ? undefined : learned.get(base);
            const prevLower = entry ? tokens[idx - 1]?.text.toLowerCase() ?? '' : '';
            if (entry && !unlessPrev.get(base)?.has(prevLower)) {
              const finding: NynorskFinding = { form: w, start: part.start, end: part.end, rule: 'corpus', evidence: { nb: entry[1], nn: entry[2] } };
              if (entry[3]) finding.suggestion = matchCase(w, entry[3]);
              // Level 3: a Nynorsk noun plural that is the Bokmål present of a verb, sure only right after a subject.
              const sure = entry[0] === 1 || (entry[0] === 3 && joinedBySpace(text, tokens[idx - 1], token) && isSubject(tokens[idx - 1]!, prevLower));
              (sure ? flagged : hints).push(finding);
              continue;
            }
            if (!hit && options.isKnownNynorsk && base.length > 1 && !allow.has(base) && !options.isKnownNynorsk(base)) {
              review.push({ form: w, start: part.start, end: part.end });
            }
          }
          if (hit) {
            const finding: NynorskFinding = { form: w, start: part.start, end: part.end, rule: 'word' };
            if (hit.suggestion !== undefined) finding.suggestion = matchCase(w, hit.suggestion);
            flagged.push(finding);
          }
        }
      });
      if (grammar) {
        for (const g of grammar.check(text, tokens)) {
          // A word already flagged is not reported twice.
          if (flagged.some((f) => f.start < g.end && g.start < f.end)) continue;
          const finding: NynorskFinding = { form: text.slice(g.start, g.end), start: g.start, end: g.end, suggestion: g.suggestion, rule: g.rule };
          (g.level === 'flag' ? flagged : hints).push(finding);
        }
        flagged.sort((a, b) => a.start - b.start);
        hints.sort((a, b) => a.start - b.start);
      }
      let n = 0;
      for (const t of tokens) if (LETTERS.test(t.text) || tokenParts(t).some((p) => LETTERS.test(p.text))) n++;
      return { tokens: n, flagged, hints, review, per100: n === 0 ? 0 : (flagged.length / n) * 100 };
    },
  };
}

/** True when the word before or after is an English function word. */
function inEnglish(tokens: Token[], idx: number): boolean {
  const a = tokens[idx - 1];
  const b = tokens[idx + 1];
  return (a !== undefined && ENGLISH.has(a.text.toLowerCase())) || (b !== undefined && ENGLISH.has(b.text.toLowerCase()));
}

/** Sentence adverbs that stand between a modal and its verb. */
const CLAUSE_ADVERBS = new Set('ikkje aldri òg også berre heller gjerne alltid ofte sjeldan no då enno framleis'.split(' '));

/** Personal pronouns that are only subjects: after one, a word is the finite verb. */
const SUBJECT_PRONOUNS = new Set('eg du han ho vi me dei det den'.split(' '));
/** The definite singular or plural of a noun starting the sentence ("Systemet støtter"). */
const DEFINITE_END = /(?:et|en|a|ane|ene|na)$/;

/** True when `prev` is a subject right before a finite verb: a subject pronoun, or a definite noun that starts the sentence. */
function isSubject(prev: Token, lower: string): boolean {
  if (SUBJECT_PRONOUNS.has(lower)) return true;
  return prev.sentenceStart && prev.text !== lower && DEFINITE_END.test(lower) && lower.length > 4 && !lower.includes('-');
}

/** True when only spaces stand between the two tokens. */
function joinedBySpace(text: string, a: Token | undefined, b: Token): boolean {
  if (a === undefined) return false;
  for (let i = a.end; i < b.start; i++) if (text[i] !== ' ') return false;
  return a.end < b.start;
}

/** Gives the suggestion the capital the original word had. */
function matchCase(original: string, suggestion: string): string {
  if (HAS_UPPER.test(original[0] ?? '') && !HAS_UPPER.test(original.slice(1))) {
    return suggestion.charAt(0).toLocaleUpperCase('nb') + suggestion.slice(1);
  }
  return suggestion;
}
