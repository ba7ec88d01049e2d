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
/** Determiner + word seen this often in the Nynorsk corpus attests that gender (and the noun reading). */
export const DET_MIN = 2;
/** Nouns this short are shipped whether or not the corpus has them (compounds end in them). */
const SHORT = 5;

/**
 * Gender set of a noun root from its flags ('' when not a noun). A (-en) is masculine, B (-et) neuter.
 * C (-a) is the feminine definite singular but also the neuter definite plural (husa) and, on roots that
 * merge a verb, the a-verb past tense (feila): it counts as feminine only with a plural (D/E/G) and, when
 * the root is also neuter or a verb/adjective, only with G (-ene), which neuters never take.
 */
export function gendersOf(flags) {
  let g = '';
  const merged = NOT_NOUN.test(flags);
  if (flags.includes('A')) g += 'm';
  const plural = flags.includes('D') || flags.includes('E') || flags.includes('G');
  if (flags.includes('C') && plural && (flags.includes('G') || (!flags.includes('B') && !merged))) g += 'f';
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
 * @param {Map<string, {m: number, f: number, n: number}>} [dets] how often the Nynorsk corpus writes ein/ei/eit(t)
 *   right before a word: a gender seen at least DET_MIN times is added to the noun's genders (so the rule stays quiet
 *   where translators write it), and a root that is also a verb or adjective is shipped as a noun only when so seen;
 *   otherwise it is shipped with all three genders: a noun for the number rule ("2 veker"), never for a gender rule
 * @param {Set<string>} [termWords] words of the product's own terms (assets/terms.json): a noun root with a form among
 *   them and none in the corpus is shipped too, with all three genders: the number rule reads it ("3 lekkasjar"), no
 *   gender rule does, since without the corpus nothing shows which genders writers use (brikke is m and f)
 */
export function buildGrammarData(nnD, vocab, dets = new Map(), termWords = new Set()) {
  const used = (f) => vocab.has(f);
  const inVocab = new Set();
  const seen = new Set();
  const derived = new Set();
  const rootNotNoun = new Set();
  const nouns = new Map();
  const adjectives = new Set();
  const ingNouns = new Set();
  /** Noun roots that are also a verb or adjective, with no determiner seen before them: gender unread. */
  const unread = new Set();
  /** Noun roots known only from the terms: number rule only. */
  const termOnly = new Set();
  for (const r of nnD.roots) {
    const w = r.word;
    if (!LETTERS.test(w)) continue;
    const g = gendersOf(r.flags);
    // R makes the imperative (file → fil): no reading after an article, so it does not count.
    if (!g || NOT_NOUN.test(r.flags))
      expandRoot({ word: w, flags: r.flags.replaceAll('R', '') }, nnD.aff, (f, kind) => {
        if (kind !== 'root' && f !== w && !DERIVATION.test(f)) derived.add(f);
      });
    if (g) {
      expandRoot(r, nnD.aff, (f) => {
        if (vocab.has(f)) seen.add(w);
        if (used(f) || w.length <= SHORT) inVocab.add(w);
      });
      // Without R: an imperative is no noun form ("drift" must not make the verb "drifte" a noun of the terms).
      let inTerms = false;
      if (termWords.size > 0) expandRoot({ word: w, flags: r.flags.replaceAll('R', '') }, nnD.aff, (f) => void (termWords.has(f) && (inTerms = true)));
      if (inTerms && !inVocab.has(w)) termOnly.add(w);
    }
    const seenDet = dets.get(w);
    const attested = seenDet !== undefined && seenDet.m + seenDet.f + seenDet.n >= DET_MIN;
    if (g && (!NOT_NOUN.test(r.flags) || attested)) nouns.set(w, (nouns.get(w) ?? '') + g);
    else {
      rootNotNoun.add(w);
      if (g) unread.add(w);
    }
    // t makes the -ing noun of a verb (melde → melding, åtvare → åtvaring): feminine.
    if (r.flags.includes('t') && /[aiouyøåe]$/.test(w)) {
      const ing = w.replace(/e$/, '') + 'ing';
      ingNouns.add(ing);
      if (used(ing) || used(ing + 'a') || used(ing + 'ar')) inVocab.add(ing);
    }
    // Adjectives: an -e and a -t (or comparative) form, and no past tense or passive (verbs).
    if (r.flags.includes('V') && /[WX]/.test(r.flags) && !/[KOQ]/.test(r.flags) && (vocab.has(w) || w.length <= SHORT)) adjectives.add(w);
  }
  for (const w of ingNouns) if (!nouns.has(w) && !rootNotNoun.has(w)) nouns.set(w, 'f');
  /** @type {Map<string,string>} */
  const clean = new Map();
  for (const [w, g0] of [...nouns].sort((a, b) => a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))) {
    const seenDet = dets.get(w) ?? { m: 0, f: 0, n: 0 };
    const attested = seenDet.m + seenDet.f + seenDet.n >= DET_MIN;
    if (((derived.has(w) || rootNotNoun.has(w)) && !attested) || w.length < 2 || !inVocab.has(w)) continue;
    // Genders the Nynorsk translators write before it are genders it has (the rule must not call them errors).
    let g = g0;
    for (const x of /** @type {const} */ (['m', 'f', 'n'])) if (seenDet[x] >= DET_MIN && !g.includes(x)) g += x;
    // Most used gender first (by the corpus's definite forms), so a suggestion can pick one.
    // -a is also the neuter definite plural: it counts for feminine only when the noun cannot be neuter.
    const fa = g.includes('n') ? 0 : (vocab.get(w + 'a') ?? 0) + (vocab.get(w.replace(/e$/, '') + 'a') ?? 0);
    // Written determiners count first (ein feil), definite forms (which verbs can share: feila) after them.
    const uses = { m: seenDet.m * 1000 + (vocab.get(w + 'en') ?? 0), f: seenDet.f * 1000 + fa, n: seenDet.n * 1000 + (vocab.get(w + 'et') ?? 0) };
    const set = [...new Set(g)].sort((a, b) => uses[b] - uses[a] || 'nmf'.indexOf(a) - 'nmf'.indexOf(b)).join('');
    clean.set(w, set);
  }
  // A noun that is also a verb or adjective and never seen after ein/ei/eit: all genders (no gender rule reads it).
  for (const w of unread) if (!clean.has(w) && inVocab.has(w) && w.length >= 2) clean.set(w, 'mfn');
  // A noun of the terms the corpus never writes: all genders, kept for the number rule.
  let termNouns = 0;
  for (const w of termOnly) {
    if (clean.has(w) || w.length < 2 || derived.has(w)) continue;
    // A compound whose last part is known is read through it, with that part's genders (programfeil: feil, m).
    const part = lastPart(w.slice(1), (x) => clean.has(x));
    if (part !== undefined && w.length - part.length >= PREFIX_MIN) continue;
    clean.set(w, 'mfn');
    seen.add(w);
    termNouns++;
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
  // Adjectives that are also nouns (feil, rett, mørk) are listed too: the rules then read such a word as the noun only
  // where the phrase ends after it.
  const adj = [...adjectives].sort();
  return { format: 1, nouns: nounsOut, adjectives: adj.join(' '), counts: { nouns: clean.size, shippedNouns: kept.size, termNouns, adjectives: adj.length } };
}
