// The tagged words the grammar rules need, from dictionary-nn's affix flags:
// the gender(s) of each noun (A: -en, masculine; B: -et, neuter; C with a
// plural -ar/-er: -a, feminine) and the adjectives (roots with an -e and a
// -t form and no noun endings). Homographs take the union of their readings
// and a word that is also a verb or adjective form is left out, so a rule
// only ever sees a word it can read one way. Compounds whose last part gives
// the same gender are dropped: the checker finds the gender by the last part.
import { expandRoot } from './hunspell.mjs';

const LETTERS = /^[a-zæøåéèêóòôü]+$/;
/** Flags that make verb or adjective forms. */
const NOT_NOUN = /[XKOQSP]/;
/** Derivations (-ing, -skap, -leg, -ande, -ast) make other words, not inflected forms of the root. */
const DERIVATION = /(ing|inga|skap|leg|lege|ande|ast)$/;

/** Shortest last part and first part when the checker reads a compound. */
export const SUFFIX_MIN = 4;
export const PREFIX_MIN = 3;
/** Nouns this short are shipped whether or not the corpus has them (compounds end in them). */
const SHORT = 5;

/** Gender set of a noun root from its flags ('' when not a noun). */
export function gendersOf(flags) {
  let g = '';
  if (flags.includes('A')) g += 'm';
  if (flags.includes('C') && (flags.includes('D') || flags.includes('E'))) g += 'f';
  if (flags.includes('B')) g += 'n';
  return g;
}

/** Longest known last part of a compound (the whole word first). */
export function lastPart(word, has) {
  if (has(word)) return word;
  for (let i = PREFIX_MIN; i <= word.length - SUFFIX_MIN; i++) if (has(word.slice(i))) return word.slice(i);
  return undefined;
}

/**
 * @param {{aff: any, roots: {word: string, flags: string}[]}} nnD
 * @param {Map<string, number>} vocab lower-case words of the Nynorsk corpus with counts: only nouns with a form in it
 *   (or short ones) are shipped (size); the counts of definite forms order a noun's genders, most used first
 */
export function buildGrammarData(nnD, vocab) {
  const inVocab = new Set();
  const seen = new Set();
  const derived = new Set();
  const rootNotNoun = new Set();
  const nouns = new Map();
  const adjectives = new Set();
  for (const r of nnD.roots) {
    const w = r.word;
    if (!LETTERS.test(w)) continue;
    const g = gendersOf(r.flags);
    // R makes the imperative (file → fil): no reading after an article, so it does not count.
    if (!g || NOT_NOUN.test(r.flags))
      expandRoot({ word: w, flags: r.flags.replaceAll('R', '') }, nnD.aff, (f, kind) => {
        if (kind !== 'root' && f !== w && !DERIVATION.test(f)) derived.add(f);
      });
    if (g) expandRoot(r, nnD.aff, (f) => {
      if (vocab.has(f)) seen.add(w);
      if (vocab.has(f) || w.length <= SHORT) inVocab.add(w);
    });
    if (g && !NOT_NOUN.test(r.flags)) nouns.set(w, (nouns.get(w) ?? '') + g);
    else rootNotNoun.add(w);
    // Adjectives: an -e and a -t (or comparative) form, and no past tense or passive (verbs).
    if (r.flags.includes('V') && /[WX]/.test(r.flags) && !/[KOQ]/.test(r.flags) && (vocab.has(w) || w.length <= SHORT)) adjectives.add(w);
  }
  /** @type {Map<string,string>} */
  const clean = new Map();
  for (const [w, g] of [...nouns].sort((a, b) => a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))) {
    if (derived.has(w) || rootNotNoun.has(w) || w.length < 2 || !inVocab.has(w)) continue;
    // Most used gender first (by the corpus's definite forms), so a suggestion can pick one.
    // -a is also the neuter definite plural: it counts for feminine only when the noun cannot be neuter.
    const fa = g.includes('n') ? 0 : (vocab.get(w + 'a') ?? 0) + (vocab.get(w.replace(/e$/, '') + 'a') ?? 0);
    const uses = { m: vocab.get(w + 'en') ?? 0, f: fa, n: vocab.get(w + 'et') ?? 0 };
    const set = [...new Set(g)].sort((a, b) => uses[b] - uses[a] || 'nmf'.indexOf(a) - 'nmf'.indexOf(b)).join('');
    clean.set(w, set);
  }
  // Drop compounds whose last part says the same; keep the rest (also all-gender words: they stop a wrong last part).
  const kept = new Map();
  for (const [w, g] of clean) {
    const part = lastPart(w.slice(1), (x) => kept.has(x) && x !== w);
    const viaPart = part !== undefined && w.length - part.length >= PREFIX_MIN ? kept.get(part) : undefined;
    // All genders and no corpus order: no rule can use it.
    if (viaPart === g || (g.length === 3 && !seen.has(w) && viaPart === undefined)) continue;
    kept.set(w, g);
  }
  const groups = {};
  for (const [w, g] of [...kept].sort((a, b) => (a[0] < b[0] ? -1 : 1))) (groups[g] ??= []).push(w);
  const nounsOut = {};
  for (const k of Object.keys(groups).sort()) nounsOut[k] = groups[k].join(' ');
  const adj = [...adjectives].filter((w) => !kept.has(w)).sort();
  return { format: 1, nouns: nounsOut, adjectives: adj.join(' '), counts: { nouns: clean.size, shippedNouns: kept.size, adjectives: adj.length } };
}
