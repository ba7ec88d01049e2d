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

/** "eigen" (own) in its forms: read past like an adjective before the noun (mi eiga datamaskin); "eige" is also a noun. */
const OWN = new Set(['eigen', 'eiga', 'eige', 'eigne']);
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
/** Units and measures after which a digit is a figure, not a count. */
const UNITS = new Set(
  'prosent prosentpoeng kroner krone kr dollar euro pund grader gigabyte megabyte terabyte kilobyte meter kilometer millimeter centimeter s ms min t h kb mb gb tb px piksel pikslar pikslane bit byte tommar tomme'.split(' '),
);
const LABELS = new Set('versjon kapittel side steg nr nummer figur tabell punkt del kl klokka trinn runde vedlegg'.split(' '));
/** A limit or a specification before a digit ("minst 5 teikn", "maks 3 forsøk"): figures, not counts in prose. */
const LIMITS = new Set('minst maks maksimalt minimum maksimum opptil inntil høgst ca cirka'.split(' '));
/** Function words that are also rare nouns (av, i, bar): never the noun of a phrase. */
const FUNCTION = new Set(
  'av i på til for med om som at og eller men dei det den dette denne desse eg du han ho vi me de seg oss dykk meg deg ut inn opp ned fram att bort her der no då så kan vil skal må bør er var har hadde blir vart vert ikkje berre også òg heller alle mange fleire nokre nokon noko ingen inga inkje kvar kvart same anna annan andre slik slikt slike sin si sitt sine etter under over mellom mot utan frå hjå ved gjennom rundt langs bak framfor blant kring sidan før når fordi dersom viss enn mykje lite litt meir mest minst vere verte bli ha gjere få ein ei eit eitt pluss minus gong gonger'.split(' '),
);
const COPULA = new Set('er var vart blir vert blei'.split(' '));
const ADVERBS = new Set('ikkje òg også heilt berre no ofte alltid allereie aldri sjeldan framleis enno'.split(' '));
const AFTER_PREDICATE = new Set('og men for i på av til med frå etter når fordi som om'.split(' '));
/** Prepositions: after one, "ein" is an article, never the pronoun. */
const PREPOSITIONS = new Set('i på til med frå av for under over etter ved mot utan gjennom hjå mellom rundt langs bak framfor blant kring'.split(' '));
/** Verb particles: "la fram ein", "sette opp ein". */
const PARTICLES = new Set('fram opp ut inn ned att bort vekk til av på'.split(' '));
/** Words that start a subordinate clause, where "ein" may be the subject: "der ein ønskjer". */
const SUBORDINATORS = new Set('der når som om at viss dersom fordi sidan før medan så'.split(' '));
/** Subject pronouns: "Dei skreiv ein ...": "ein" after their verb is the object's article. */
const SUBJECTS = new Set('eg du han ho vi me dei det den'.split(' '));
const SPACE = (c: number) => c === 32 || c === 9 || c === 0xa0;
const HYPHEN = (c: string | undefined) => c === '-' || c === '‐';
const DIGIT = /^[1-9]$/;
const PHRASE_END = new Set('.;:!?)'.split(''));
const ANY_DIGIT = /\d/;

/** Builds the rules from the shipped data. */
export function createGrammar(data: GrammarData): { check(text: string, tokens: Token[]): GrammarFinding[] } {
  const genders = new Map<string, string>();
  for (const [g, list] of Object.entries(data.nouns)) for (const w of list.split(' ')) if (w) genders.set(w, g);
  const adjectives = new Set(data.adjectives.split(' '));

  /** Genders of an indefinite singular noun, by itself or by the last part of a compound (kept: text repeats its words). */
  const genderCache = new Map<string, string | null>();
  const nounGenders = (w: string): string | undefined => {
    const g = genders.get(w);
    if (g !== undefined) return g;
    let c = genderCache.get(w);
    if (c === undefined) {
      c = compoundGenders(w) ?? null;
      if (genderCache.size > 50_000) genderCache.clear();
      genderCache.set(w, c);
    }
    return c ?? undefined;
  };
  // A compound: the first part must read as a word too (arbeids-miljø), so that a noun at the end of
  // another word (eksplo-sjon, ill-usjon) is not taken for its last part.
  const compoundGenders = (w: string): string | undefined => {
    for (let i = PREFIX_MIN; i <= w.length - SUFFIX_MIN; i++) {
      const part = genders.get(w.slice(i));
      if (part === undefined) continue;
      const head = w.slice(0, i);
      const last = head.charCodeAt(head.length - 1);
      // A linking s (tryggleiks-) is enough by itself; a linking e (saue-) is dropped to find the word before it.
      const bare = last === 101 /* e */ ? head.slice(0, -1) : head;
      if (last === 115 /* s */ || genders.has(head) || genders.has(bare) || adjectives.has(head) || adjectives.has(bare)) return part;
    }
    return undefined;
  };
  /** Gender a definite singular form shows by its ending, when its noun has that gender. */
  /** Genders of a noun whose gender the data reads (not all three: those are nouns of unread gender). */
  const readGenders = (w: string): string | undefined => {
    const g = nounGenders(w);
    return g === undefined || g.length === 3 ? undefined : g;
  };
  /** The indefinite of a definite form without its ending: "programm" → "program" (a doubled final consonant). */
  const undouble = (stem: string): string =>
    stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] && !genders.has(stem) ? stem.slice(0, -1) : stem;
  const definiteGender = (w: string, feminine = true): Gender | undefined => {
    // -et is the neuter definite (året, programmet); -en only of a noun read as masculine (not a participle: skriven).
    if (w.endsWith('et') && nounGenders(undouble(w.slice(0, -2)))?.includes('n')) return 'n';
    if (w.endsWith('en') && readGenders(undouble(w.slice(0, -2)))?.includes('m')) return 'm';
    if (feminine && w.endsWith('a')) {
      const g = nounGenders(w.slice(0, -1)) ?? nounGenders(w.slice(0, -1) + 'e');
      if (g !== undefined && g.includes('f') && !g.includes('n')) return 'f';
    }
    return undefined;
  };
  const inflectedAdjective = (w: string) =>
    ((w.endsWith('e') || w.endsWith('t')) && adjectives.has(w.slice(0, -1))) || (w.endsWith('tt') && adjectives.has(w.slice(0, -2)));
  const isAdjective = (w: string) =>
    adjectives.has(w) ||
    ((w.endsWith('e') || w.endsWith('t')) && genders.get(w.slice(0, -1))?.length === 3) ||
    inflectedAdjective(w) ||
    (ADJ_END.test(w) && !genders.has(w));

  return {
    check(text: string, tokens: Token[]): GrammarFinding[] {
      const out: GrammarFinding[] = [];
      const n = tokens.length;
      // Each token once: its lower-case word (undefined for names, hyphenated words, digits, symbols) and
      // whether only spaces stand between it and the next token.
      const words = new Array<string | undefined>(n);
      const joins = new Array<boolean>(n);
      for (let i = 0; i < n; i++) {
        const t = tokens[i]!;
        const lower = t.text.toLowerCase(); // no locale: Norwegian letters lower-case the same, and it is much faster
        let w: string | undefined;
        if (LOWER_WORD.test(lower) && (t.text === lower || (t.sentenceStart && t.text.slice(1) === lower.slice(1)))) w = lower;
        words[i] = w; // a capital inside a sentence is a name; at the start it is any word
        const next = tokens[i + 1];
        let joined = next !== undefined && t.end < next.start;
        if (joined) for (let k = t.end; k < next!.start; k++) if (!SPACE(text.charCodeAt(k))) { joined = false; break; }
        joins[i] = joined;
      }
      const word = (i: number): string | undefined => (i >= 0 && i < n ? words[i] : undefined);
      const joined = (i: number) => i >= 0 && i < n && joins[i]!;
      /** A hyphen right after the token: a compound cut short ("kjelde- og målkanal"). */
      const cut = (i: number) => HYPHEN(text[tokens[i]!.end]);
      /** True when the word at j could go on as the phrase's noun or adjective, so that j need not end the phrase. */
      const phraseGoesOn = (j: number): boolean => {
        if (!joined(j)) return false;
        const next = word(j + 1);
        if (next === undefined || FUNCTION.has(next) || DEGREE.has(next)) return false;
        return genders.has(next) || isAdjective(next) || (next.length > 3 && next.endsWith('e')); // -e, -ande
      };
      /** True when the phrase clearly ends after token j: a function word, or . ; : ! ? ) or the end of the text. */
      const phraseEnds = (j: number): boolean => {
        if (joined(j)) {
          const next = word(j + 1);
          return next !== undefined && (FUNCTION.has(next) || COPULA.has(next) || ADVERBS.has(next));
        }
        let k = tokens[j]!.end;
        while (k < text.length && (SPACE(text.charCodeAt(k)) || text[k] === '\n')) k++;
        return k === text.length || PHRASE_END.has(text[k]!);
      };
      /** Index of the noun after a determiner at i (over adjectives and degree words), or -1. */
      const nounAfter = (i: number): number => {
        for (let j = i + 1; j <= i + 6; j++) {
          if (!joined(j - 1)) return -1;
          const w = word(j);
          if (w === undefined) return -1;
          if (DEGREE.has(w) || OWN.has(w)) continue;
          if (FUNCTION.has(w)) return -1;
          const known = genders.has(w);
          const adjective = isAdjective(w);
          const noun = known || (!adjective && nounGenders(w) !== undefined);
          // A noun that may be read as an adjective (rett, feil, fast, mørk) before more of the phrase: read on.
          if (noun && (adjective || !known) && (phraseGoesOn(j) || (adjective && !phraseEnds(j)))) continue;
          // A hyphen after it (a compound cut short: "kjelde- og målkanal") is no phrase end either.
          if (noun) return phraseEnds(j) ? j : -1;
          if (!adjective) return -1;
        }
        return -1;
      };
      /** "ein" is also the pronoun "one" (Normalt vel ein filformat ...): sure as an article only after a preposition,
       *  a copula, at the start of a sentence, or after the verb of a subject pronoun (Dei skreiv ein ...). */
      const articleSure = (i: number): boolean => {
        if (tokens[i]!.sentenceStart) return true;
        if (!joined(i - 1)) return false;
        const prev = word(i - 1);
        if (prev === undefined) return false;
        if (PREPOSITIONS.has(prev) || COPULA.has(prev)) return true;
        // The verb (before a particle: "la fram ein") follows the relative "som" or a sentence-initial subject of at most two words: straight
        // word order, so "ein" after it starts the object. After an adverbial or a subordinator it may be the subject.
        const verb = PARTICLES.has(prev) ? i - 2 : i - 1;
        for (let s = verb - 1; s >= verb - 2 && s >= 0; s--) {
          if (!joined(s)) return false;
          const w = word(s);
          // The relative "som" right before the verb is its subject: "fagfolk som søkjer ein ...".
          if (w === 'som' && s === verb - 1) return true;
          if (w === undefined || SUBORDINATORS.has(w)) return false;
          if (tokens[s]!.sentenceStart) return SUBJECTS.has(w) || (s === verb - 1 && definiteGender(w) !== undefined);
        }
        return false;
      };

      for (let i = 0; i < n; i++) {
        const t = tokens[i]!;
        const w = words[i];
        if (w === undefined) {
          if (DIGIT.test(t.text)) numberRule(t, i);
          continue;
        }
        const det = DETERMINERS.get(w);
        if (det) {
          const j = nounAfter(i);
          const g = j < 0 ? undefined : nounGenders(words[j]!);
          if (g !== undefined && !g.includes(det.g)) {
            const level = w === 'ein' && !articleSure(i) ? 'hint' : 'flag';
            out.push({ start: t.start, end: t.end, suggestion: matchCase(t.text, det.set[g[0] as Gender]), level, rule: 'determiner' });
          }
          // Postposed possessive: "huset min" (before punctuation, the end of the text or a function word).
          if (det.set.m !== 'ein' && det.set.m !== 'sin' && i > 0 && joined(i - 1)) {
            const prev = word(i - 1);
            const pg = prev === undefined ? undefined : definiteGender(prev);
            const next = word(i + 1);
            // A word after it that the data does not know may be a noun (mi datamaskin: "data" is no word of its own), so
            // only a function word ends the phrase: a correct sentence is flagged less often, a wrong one missed more often.
            const endsPhrase = !joined(i) || next === undefined || FUNCTION.has(next);
            if (pg !== undefined && pg !== det.g && endsPhrase && g === undefined) {
              // No matchCase: a word joined by spaces to the one before never starts a sentence, so it is lower-case here.
              out.push({ start: t.start, end: t.end, suggestion: det.set[pg], level: 'flag', rule: 'possessive' });
            }
          }
          continue;
        }
        if (w === 'denne' || w === 'dette') {
          demonstrative(t, i, w);
          continue;
        }
        predicate(i, w);
      }
      return out;

      /** denne/dette + (a weak adjective +) a definite noun: "Denne programmet" → "Dette". The -a ending is left out
       *  (it is also the a-verbs' participle: "vert dette endra"), and so is anything else between them. */
      function demonstrative(t: Token, i: number, w: string): void {
        let j = i + 1;
        if (!joined(i)) return;
        const first = word(j);
        if (first === undefined) return;
        if (first.endsWith('e') && (adjectives.has(first) || inflectedAdjective(first) || ADJ_END.test(first)) && !FUNCTION.has(first)) {
          if (!joined(j)) return;
          j++;
        }
        const noun = word(j);
        if (noun === undefined || cut(j)) return;
        const g = definiteGender(noun, false);
        if (g !== undefined && (w === 'dette') !== (g === 'n')) {
          // After er/vert/blir … "dette" may be the pronoun, the subject put after the verb, and the masculine or feminine
          // word after it a participle or the predicate: "Korleis vert dette skriven?", "Blir dette trenden?". A hint there, not a flag.
          const prev = w === 'dette' && i > 0 && joined(i - 1) ? word(i - 1) : undefined;
          const level = prev !== undefined && COPULA.has(prev) ? 'hint' : 'flag';
          out.push({ start: t.start, end: t.end, suggestion: matchCase(t.text, g === 'n' ? 'dette' : 'denne'), level, rule: 'demonstrative' });
        }
      }

      /** A plural subject and a singular participle or adjective. */
      function predicate(i: number, w: string): void {
        const stem = w.slice(0, -3);
        let pluralSubject = (w.endsWith('ane') || w.endsWith('ene')) && (nounGenders(stem) !== undefined || /(ing|nad|skap|dom)$/.test(stem));
        // The neuter plural in -a (systema), when the noun can only be neuter (else -a is the feminine singular).
        if (!pluralSubject && w.endsWith('a') && tokens[i]!.sentenceStart) pluralSubject = genders.get(w.slice(0, -1)) === 'n';
        if (!pluralSubject) return;
        // A participle after a comma that describes a plural noun: "setningane frå artikkelen, sitert på engelsk".
        for (let j = i; j < i + 4 && j + 1 < n; j++) {
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
          if (!joins[j]) break;
        }
        // "Tenestene er oppdatert."
        if (!joined(i)) return;
        let j = i + 1;
        if (!COPULA.has(word(j) ?? '')) return;
        while (joined(j) && ADVERBS.has(word(j + 1) ?? '')) j++;
        if (!joined(j)) return;
        const p = word(j + 1);
        if (p === undefined) return;
        const plural = pluralOf(p);
        if (plural === undefined) return;
        const next = word(j + 2);
        if (joined(j + 1) && next !== undefined && !AFTER_PREDICATE.has(next) && !ADVERBS.has(next)) return;
        const pt = tokens[j + 1]!;
        out.push({ start: pt.start, end: pt.end, suggestion: plural, level: 'hint', rule: 'predicate' });
      }

      /** A digit under ten counting a noun in running text: "1 minutt" → "eitt minutt". Never in figures (1,5; 3 × 3;
       *  a sentence with other digits), before units, after labels, names (GIMP 2) or limits (minst 5), nor in a
       *  heading, caption or list item (a line that does not end its sentence with . ! or ?). */
      function numberRule(t: Token, i: number): void {
        const before = text.slice(Math.max(0, t.start - 2), t.start);
        if (/[\d.,:/§#–×x*+=([-]\s?$/u.test(before) && !/[.:]\s$/.test(before)) return;
        if (i > 0 && joined(i - 1)) {
          const prev = word(i - 1);
          if (prev === undefined || LABELS.has(prev) || LIMITS.has(prev)) return;
        }
        // An abbreviated label: "nr. 2", "kl. 3".
        if (i > 0 && /^\.\s+$/u.test(text.slice(tokens[i - 1]!.end, t.start)) && LABELS.has(tokens[i - 1]!.text.toLowerCase())) return;
        if (!joined(i)) return;
        const nw = word(i + 1);
        if (nw === undefined || UNITS.has(nw) || FUNCTION.has(nw) || DETERMINERS.has(nw) || cut(i + 1)) return;
        const after = text.slice(tokens[i + 1]!.end, tokens[i + 1]!.end + 3);
        if (/^[.,]\d/.test(after)) return;
        if (!runningSentence(i)) return;
        const digit = t.text.charCodeAt(0) - 48;
        const g = genders.get(nw) ?? nounGenders(nw) ?? (digit === 1 ? undefined : pluralNounGenders(nw));
        if (g === undefined || (digit === 1 && g.length === 3)) return;
        const numberWord = digit === 1 ? ONE[g[0] as Gender] : NUMBER_WORDS[digit]!;
        const end = tokens[i + 1]!.end;
        out.push({ start: t.start, end, suggestion: `${numberWord} ${text.slice(tokens[i + 1]!.start, end)}`, level: 'flag', rule: 'number' });
      }
      /** The sentence around token i ends with . ! or ? on its line, has at least three words and no other figure. */
      function runningSentence(i: number): boolean {
        let a = tokens[i]!.start;
        while (a > 0 && !/[.!?\n•*#>|]/u.test(text[a - 1]!)) a--;
        let b = tokens[i]!.end;
        // Every . ends the scan, a decimal point too: the figure's digits before it are then refused below.
        while (b < text.length && !/[.!?\n]/u.test(text[b]!)) b++;
        if (b >= text.length || text[b] === '\n') return false;
        let wordsIn = 0;
        for (let k = i - 1; k >= 0 && tokens[k]!.start >= a; k--) {
          if (ANY_DIGIT.test(tokens[k]!.text)) return false;
          if (words[k] !== undefined) wordsIn++;
        }
        for (let k = i + 1; k < n && tokens[k]!.end <= b; k++) {
          if (ANY_DIGIT.test(tokens[k]!.text)) return false;
          if (words[k] !== undefined) wordsIn++;
        }
        return wordsIn >= 3;
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
          // The e of -en falls away in the plural (open → opne, teken → tekne, vrien → vrine), and of -el after a
          // consonant (enkel → enkle).
          if ((p.endsWith('en') || /[^aeiouyæøå]el$/.test(p)) && p.length >= 4) return p.slice(0, -2) + p.slice(-1) + 'e';
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
