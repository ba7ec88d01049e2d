/**
 * Agreement rules over dictionary-nn's tagged words (assets/nynorsk/grammar.json):
 * article or determiner (+ adjectives) + noun gender, denne/dette + definite
 * noun, postposed min/mi/mitt, a digit under ten + noun, and a plural subject
 * with a singular participle or adjective. A rule fires only when every word
 * it reads is known and read one way; anything else (an unknown noun,
 * punctuation in the phrase, a name, a hyphen) leaves the sentence alone.
 */
import type { Token } from './tokenize';

/** The shape of assets/nynorsk/grammar.json (scripts/nynorsk/grammar-data.mjs). */
export type GrammarData = {
  format: 1;
  /** Gender letters (most used first) → space-separated nouns (indefinite singular). */
  nouns: Record<string, string>;
  /** Space-separated adjectives (base form). */
  adjectives: string;
};

export function isGrammarData(v: unknown): v is GrammarData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    d.format === 1 &&
    typeof d.adjectives === 'string' &&
    typeof d.nouns === 'object' &&
    d.nouns !== null &&
    Object.entries(d.nouns).every(([k, x]) => /^[mfn]{1,3}$/.test(k) && typeof x === 'string')
  );
}

/** One agreement finding: `start`/`end` cover the words to change. */
export type GrammarFinding = {
  start: number;
  end: number;
  suggestion: string;
  level: 'flag' | 'hint';
  rule: 'determiner' | 'demonstrative' | 'possessive' | 'number' | 'predicate';
};

type Gender = 'm' | 'f' | 'n';

const SUFFIX_MIN = 4;
const PREFIX_MIN = 3;
const LOWER_WORD = /^[a-zæøåéèêóòôü]+$/;

const DETERMINERS = new Map<string, { g: Gender; set: Record<Gender, string> }>();
for (const set of [
  { m: 'ein', f: 'ei', n: 'eit' },
  { m: 'min', f: 'mi', n: 'mitt' },
  { m: 'din', f: 'di', n: 'ditt' },
  { m: 'sin', f: 'si', n: 'sitt' },
] as Record<Gender, string>[]) {
  for (const g of ['m', 'f', 'n'] as Gender[]) DETERMINERS.set(set[g], { g, set });
}
const NUMBER_WORDS = ['', '', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni'];
const ONE: Record<Gender, string> = { m: 'ein', f: 'ei', n: 'eitt' };
/** Words that may stand between a determiner and its noun besides adjectives. */
const DEGREE = new Set('meir mest svært veldig heilt litt nokså særs så og eller'.split(' '));
/** Adjective endings, for adjectives the shipped list lacks (innovativ, digital). */
const ADJ_END = /(isk|ig|leg|iv|ell|al|ær|ant|ent|ande|ert|bar|sam|lause?|fri|fullt?)e?$/;
/** Units and words after which a digit is a figure, not a count. */
const UNITS = new Set(
  'prosent prosentpoeng kroner krone kr dollar euro pund grader gigabyte megabyte terabyte kilobyte meter kilometer millimeter centimeter sekund'.split(' '),
);
const LABELS = new Set('versjon kapittel side steg nr nummer figur tabell punkt del kl klokka trinn runde vedlegg'.split(' '));
/** Function words that are also rare nouns (av, i, bar): never the noun of a phrase. */
const FUNCTION = new Set(
  'av i på til for med om som at og eller men dei det den dette denne desse eg du han ho vi me de seg oss dykk meg deg ut inn opp ned fram att bort her der no då så kan vil skal må bør er var har hadde blir vart vert ikkje berre også òg heller alle mange fleire nokre nokon noko ingen inga inkje kvar kvart same anna annan andre slik slikt slike sin si sitt sine etter under over mellom mot utan frå hjå ved gjennom rundt langs bak framfor blant kring sidan før når fordi dersom viss enn mykje lite litt meir mest minst vere verte bli ha gjere få'.split(' '),
);
const COPULA = new Set('er var vart blir vert blei'.split(' '));
const ADVERBS = new Set('ikkje òg også heilt berre no ofte alltid allereie aldri sjeldan framleis enno'.split(' '));
const AFTER_PREDICATE = new Set('og men for i på av til med frå etter når fordi som om'.split(' '));

/** Builds the rules from the shipped data. */
export function createGrammar(data: GrammarData): { check(text: string, tokens: Token[]): GrammarFinding[] } {
  const genders = new Map<string, string>();
  for (const [g, list] of Object.entries(data.nouns)) for (const w of list.split(' ')) if (w) genders.set(w, g);
  const adjectives = new Set(data.adjectives.split(' '));

  /** Genders of an indefinite singular noun, by itself or by the last part of a compound. */
  const nounGenders = (w: string): string | undefined => {
    const g = genders.get(w);
    if (g !== undefined) return g;
    // A compound: the first part must read as a word too (arbeids-miljø), so that a noun at the end of
    // another word (eksplo-sjon, ill-usjon) is not taken for its last part.
    for (let i = PREFIX_MIN; i <= w.length - SUFFIX_MIN; i++) {
      const part = genders.get(w.slice(i));
      if (part === undefined) continue;
      const head = w.slice(0, i);
      const bare = head.replace(/[se]$/, '');
      if (head.endsWith('s') || genders.has(head) || genders.has(bare) || adjectives.has(head) || adjectives.has(bare)) return part;
    }
    return undefined;
  };
  /** Gender a definite singular form shows by its ending, when its noun has that gender. */
  const definiteGender = (w: string): Gender | undefined => {
    if (w.endsWith('et') && nounGenders(w.slice(0, -2))?.includes('n')) return 'n';
    if (w.endsWith('en') && nounGenders(w.slice(0, -2))?.includes('m')) return 'm';
    if (w.endsWith('a')) {
      const g = nounGenders(w.slice(0, -1)) ?? nounGenders(w.slice(0, -1) + 'e');
      if (g !== undefined && g.includes('f') && !g.includes('n')) return 'f';
    }
    return undefined;
  };
  const inflectedAdjective = (w: string) =>
    (/[et]$/.test(w) && adjectives.has(w.slice(0, -1))) || (w.endsWith('tt') && adjectives.has(w.slice(0, -2)));
  const isAdjective = (w: string) =>
    adjectives.has(w) ||
    (/[et]$/.test(w) && genders.get(w.slice(0, -1))?.length === 3) ||
    (w.endsWith('tt') && adjectives.has(w.slice(0, -2))) || (w.endsWith('e') && adjectives.has(w.slice(0, -1))) || (w.endsWith('t') && adjectives.has(w.slice(0, -1))) || (ADJ_END.test(w) && !genders.has(w));

  return {
    check(text: string, tokens: Token[]): GrammarFinding[] {
      const out: GrammarFinding[] = [];
      const lowered: (string | undefined | null)[] = [];
      const word = (i: number): string | undefined => {
        const cached = lowered[i];
        if (cached !== undefined) return cached ?? undefined;
        const w = readWord(i);
        lowered[i] = w ?? null;
        return w;
      };
      const readWord = (i: number): string | undefined => {
        const t = tokens[i];
        if (!t) return undefined;
        if (/[-‐]/u.test(t.text)) return undefined;
        const lower = t.text.toLowerCase(); // no locale: Norwegian letters lower-case the same, and it is much faster
        if (!LOWER_WORD.test(lower)) return undefined;
        // A capital inside a sentence is a name; at the start it is any word.
        if (t.text !== lower && !(t.sentenceStart && t.text.slice(1) === lower.slice(1))) return undefined;
        return lower;
      };
      /** True when only spaces stand between token i and i+1. */
      const joined = (i: number) => {
        const a = tokens[i];
        const b = tokens[i + 1];
        return !!a && !!b && /^[ \t\u00a0]+$/u.test(text.slice(a.end, b.start));
      };
      /** Index of the noun after a determiner at i (over adjectives and degree words), or -1. */
      const nounAfter = (i: number, definite: boolean): number => {
        for (let j = i + 1; j <= i + 6; j++) {
          if (!joined(j - 1)) return -1;
          const w = word(j);
          if (w === undefined) return -1;
          if (DEGREE.has(w)) continue;
          if (FUNCTION.has(w)) return -1;
          if (!definite && (adjectives.has(w) || inflectedAdjective(w))) continue;
          const noun = definite ? definiteGender(w) !== undefined : genders.has(w) || (!isAdjective(w) && nounGenders(w) !== undefined);
          const next = joined(j) ? word(j + 1) : undefined;
          // A noun right before a noun reads as an adjective of the same spelling (nytt, gode).
          if (noun && next !== undefined && !definite && isAdjective(w) && nounGenders(next) !== undefined && !DEGREE.has(next)) continue;
          if (noun) return j;
          if (!isAdjective(w)) return -1;
        }
        return -1;
      };

      tokens.forEach((t, i) => {
        const w = word(i);
        if (w === undefined) {
          numberRule(t, i);
          return;
        }
        const det = DETERMINERS.get(w);
        if (det) {
          const j = nounAfter(i, false);
          const g = j < 0 ? undefined : nounGenders(word(j)!);
          if (g !== undefined && !g.includes(det.g)) {
            out.push({ start: t.start, end: t.end, suggestion: matchCase(t.text, det.set[g[0] as Gender]), level: 'flag', rule: 'determiner' });
          }
          // Postposed possessive: "huset min" (before punctuation or a non-noun).
          if (det.set.m !== 'ein' && det.set.m !== 'sin' && i > 0 && joined(i - 1)) {
            const prev = word(i - 1);
            const pg = prev === undefined ? undefined : definiteGender(prev);
            const next = word(i + 1);
            const endsPhrase = !joined(i) || next === undefined || nounGenders(next) === undefined;
            if (pg !== undefined && pg !== det.g && endsPhrase && g === undefined) {
              out.push({ start: t.start, end: t.end, suggestion: matchCase(t.text, det.set[pg]), level: 'flag', rule: 'possessive' });
            }
          }
          return;
        }
        if (w === 'denne' || w === 'dette') {
          const j = nounAfter(i, true);
          const g = j < 0 ? undefined : definiteGender(word(j)!);
          if (g !== undefined && (w === 'dette') !== (g === 'n')) {
            out.push({ start: t.start, end: t.end, suggestion: matchCase(t.text, g === 'n' ? 'dette' : 'denne'), level: 'flag', rule: 'demonstrative' });
          }
          return;
        }
        const stem = w.slice(0, -3);
        const pluralSubject = (w.endsWith('ane') || w.endsWith('ene')) && (nounGenders(stem) !== undefined || /(ing|nad|skap|dom)$/.test(stem));
        // A participle after a comma that describes a plural noun: "setningane frå artikkelen, sitert på engelsk".
        if (pluralSubject) {
          for (let j = i; j < i + 4 && tokens[j + 1]; j++) {
            const gap = text.slice(tokens[j]!.end, tokens[j + 1]!.start);
            if (gap === ', ') {
              const p = word(j + 1);
              const after = joined(j + 1) ? word(j + 2) : undefined;
              const plural = p === undefined ? undefined : p.endsWith('ert') && p.length > 5 ? p + 'e' : p === 'skriven' || p === 'skrive' ? 'skrivne' : undefined;
              if (plural && after !== undefined && AFTER_PREDICATE.has(after)) {
                out.push({ start: tokens[j + 1]!.start, end: tokens[j + 1]!.end, suggestion: plural, level: 'hint', rule: 'predicate' });
              }
              break;
            }
            if (!/^\s+$/u.test(gap)) break;
          }
        }
        // A plural subject, a copula, a singular participle or adjective: "Tenestene er oppdatert."
        if (pluralSubject && joined(i)) {
          let j = i + 1;
          if (!COPULA.has(word(j) ?? '')) return;
          while (joined(j) && ADVERBS.has(word(j + 1) ?? '')) j++;
          if (!joined(j)) return;
          const p = word(j + 1);
          if (p === undefined) return;
          const plural = pluralOf(p);
          if (plural === undefined) return;
          const next = word(j + 2);
          if (joined(j + 1) && next !== undefined && !AFTER_PREDICATE.has(next)) return;
          const pt = tokens[j + 1]!;
          out.push({ start: pt.start, end: pt.end, suggestion: plural, level: 'hint', rule: 'predicate' });
        }
      });
      return out;

      /** A digit under ten counting a noun in running text: "1 minutt" → "eitt minutt". */
      function numberRule(t: Token, i: number): void {
        if (!/^[1-9]$/.test(t.text)) return;
        const before = text.slice(Math.max(0, t.start - 2), t.start);
        if (/[\d.,:/§#–-]\s?$/u.test(before) && !/[.:]\s$/.test(before)) return;
        const prev = i > 0 && joined(i - 1) ? word(i - 1) : undefined;
        if (prev !== undefined && LABELS.has(prev)) return;
        if (!joined(i)) return;
        const n = word(i + 1);
        if (n === undefined || UNITS.has(n) || FUNCTION.has(n)) return;
        // Not a range or a list of figures: "1 til 3", "1 eller 2".
        const after = text.slice(tokens[i + 1]!.end, tokens[i + 1]!.end + 3);
        if (/^[.,]\d/.test(after)) return;
        const digit = Number(t.text);
        let g: string | undefined;
        if (digit === 1) g = genders.get(n) ?? nounGenders(n);
        else g = genders.get(n) ?? nounGenders(n) ?? pluralNounGenders(n);
        if (g === undefined) return;
        const numberWord = digit === 1 ? ONE[g[0] as Gender] : NUMBER_WORDS[digit]!;
        const end = tokens[i + 1]!.end;
        out.push({ start: t.start, end, suggestion: `${numberWord} ${text.slice(tokens[i + 1]!.start, end)}`, level: 'flag', rule: 'number' });
      }
      function pluralNounGenders(w: string): string | undefined {
        for (const end of ['ar', 'er', 'ane', 'ene']) if (w.endsWith(end)) return nounGenders(w.slice(0, -end.length)) ?? nounGenders(w.slice(0, -end.length) + 'e');
        return undefined;
      }
      /** The plural of a singular participle or adjective, or undefined when w is not one or has none. */
      function pluralOf(p: string): string | undefined {
        if (p.endsWith('ert') && p.length > 5) return p + 'e';
        if (p === 'skriven' || p === 'skrive') return 'skrivne';
        if (adjectives.has(p) && !/(e|a|st|ast)$/.test(p) && !genders.has(p)) {
          if (p.endsWith('en') && p.length > 4) return p.slice(0, -2) + 'ne';
          return p + 'e';
        }
        return undefined;
      }
    },
  };
}

function matchCase(original: string, s: string): string {
  return /\p{Lu}/u.test(original[0] ?? '') ? s.charAt(0).toLocaleUpperCase('nb') + s.slice(1) : s;
}
