// Learns, from Debian's parallel Bokmål/Nynorsk UI translations, the word
// forms that Bokmål translators write often and Nynorsk translators almost
// never, including forms dictionary-nn accepts (old, optional or homograph
// forms such as "disse", "ønsker", "ennå"). Each learned form carries its
// evidence (Bokmål and Nynorsk counts), a level (flag: sure, hint: likely),
// the Nynorsk word the translators wrote instead (when one stands out), and
// the contexts where Nynorsk translators did write it (then it is not flagged).
//
// Counts are on the training pairs only; the pairs `isHeldOut` keeps apart are
// never read here, so the bench can measure false flags on unseen Nynorsk.
import { tokenize } from '../../src/core/nynorsk/tokenize.ts';

/** Thresholds: chosen on the training pairs and gimp-help-nn before the new bench set was written. */
export const LEARN = {
  /** At least this many Bokmål occurrences for a flag / a hint. */
  minFlag: 6,
  minHint: 5,
  /** Bokmål occurrences for a flag when dictionary-nn accepts the form. */
  minFlagAccepted: 20,
  /** Nynorsk rate over Bokmål rate (both per token) at most this for a flag / a hint. */
  flagRatio: 0.04,
  hintRatio: 0.2,
  /** Nynorsk occurrences at most this for a flag, whatever the ratio: a form Nynorsk translators use is not "sure". */
  flagMaxNn: 3,
  /** A preceding word seen before the form this often in Nynorsk (and, per token, not rare against Bokmål: hintRatio)
   *  makes that context Nynorsk. */
  nnContextMin: 1,
};

const LOWER = /^[a-zæøåéèêóòôü]+$/;
/** Bokmål inflection endings: a form ending in one is not read as a Nynorsk compound (kontakt+er, pass+ende). */
const BOKMAL_ENDING = /(er|ene|ende|en|et|te|es)$/;

/** Lower-case words of a string with the word before and after (null at a sentence edge). */
function words(text) {
  const toks = tokenize(text);
  const out = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text.includes('-')) {
      out.push(null);
      continue;
    }
    const lower = t.text.toLocaleLowerCase('nb');
    // A capital inside a sentence is a name: not a word here.
    const name = /\p{Lu}/u.test(t.text.slice(1)) || (/\p{Lu}/u.test(t.text[0]) && !t.sentenceStart);
    out.push(name || !LOWER.test(lower) ? null : { w: lower, start: t.sentenceStart });
  }
  return out;
}

const editDistance = (a, b) => {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
};

/** How alike two spellings are: a Nynorsk spelling of the same word scores 1, another word 0.3. */
const likeness = (a, b) =>
  a[0] === b[0] && (a.slice(0, 2) === b.slice(0, 2) || editDistance(a, b) <= Math.max(2, Math.ceil(a.length / 3))) ? 1 : 0.3;

/**
 * @param {{nb:string, nn:string}[]} pairs training pairs
 * @param {{ nnForms: Set<string>, nbForms: Set<string>, enForms: Set<string>, isNynorskCompound: (w: string) => boolean, known: (w: string) => boolean, review: Record<string, {level: string, why: string}> }} dict
 *   `known(w)`: the shipped word rules already flag w (the corpus adds only what they miss)
 */
export function learn(pairs, dict) {
  const nbCount = new Map();
  const nnCount = new Map();
  const nbPairs = new Map(); // form -> indices of pairs whose Bokmål side has it
  const nnPrev = new Map(); // form -> Map(prev word -> count) on the Nynorsk side
  const nbPrev = new Map();
  let nbTokens = 0;
  let nnTokens = 0;
  const nnSets = [];
  const inc = (m, k, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
  const incIn = (m, k, sub) => {
    let x = m.get(k);
    if (!x) m.set(k, (x = new Map()));
    inc(x, sub);
  };
  pairs.forEach((p, idx) => {
    const a = words(p.nb);
    const b = words(p.nn);
    nbTokens += a.length;
    nnTokens += b.length;
    const seen = new Set();
    a.forEach((x, i) => {
      if (!x) return;
      inc(nbCount, x.w);
      incIn(nbPrev, x.w, i > 0 && a[i - 1] ? a[i - 1].w : '^');
      if (!seen.has(x.w)) {
        seen.add(x.w);
        let l = nbPairs.get(x.w);
        if (!l) nbPairs.set(x.w, (l = []));
        l.push(idx);
      }
    });
    const set = new Set();
    b.forEach((x, i) => {
      if (!x) return;
      inc(nnCount, x.w);
      set.add(x.w);
      incIn(nnPrev, x.w, i > 0 && b[i - 1] ? b[i - 1].w : '^');
    });
    nnSets.push({ set, nbSet: seen });
  });

  const forms = [];
  for (const [w, n] of nbCount) {
    if (n < LEARN.minHint || w.length < 2 || !dict.nbForms.has(w) || dict.known(w) || dict.enForms.has(w)) continue;
    const review = dict.review[w];
    if (review?.level === 'off') continue;
    const m = nnCount.get(w) ?? 0;
    // Contexts where Nynorsk translators wrote the form: it is Nynorsk there.
    // A context is Nynorsk only where the form is not rare in Nynorsk: in "det finnes" (Bokmål far more often than
    // Nynorsk, per token) the Nynorsk occurrences are translators' slips; in "å disse" (never in Bokmål) it is a Nynorsk use.
    const bPrev = nbPrev.get(w) ?? new Map();
    const ctx = [...(nnPrev.get(w) ?? new Map())]
      .filter(([p, c]) => c >= LEARN.nnContextMin && p !== '^' && c / nnTokens / (Math.max(1, bPrev.get(p) ?? 0) / nbTokens) > LEARN.hintRatio)
      .map(([p]) => p);
    const ratio = m / nnTokens / (n / nbTokens);
    // A form dictionary-nn accepts needs more evidence to be "sure".
    const minFlag = dict.nnForms.has(w) || (!BOKMAL_ENDING.test(w) && dict.isNynorskCompound(w)) ? LEARN.minFlagAccepted : LEARN.minFlag;
    if (ratio > LEARN.hintRatio) continue;
    // The Nynorsk word written instead: most frequent in the aligned Nynorsk strings that lack the form.
    const cand = new Map();
    let without = 0;
    for (const idx of nbPairs.get(w) ?? []) {
      const { set, nbSet } = nnSets[idx];
      if (set.has(w)) continue;
      without++;
      for (const t of set) if (!nbSet.has(t) && dict.nnForms.has(t)) inc(cand, t, likeness(w, t));
    }
    let suggestion;
    let best = 0;
    for (const [t, s] of [...cand].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
      if (s > best) {
        best = s;
        suggestion = t;
      }
    }
    if (best < Math.max(2, without * 0.3)) suggestion = undefined;
    // LibreOffice's Nynorsk writes a-infinitives; the e-infinitive is just as Nynorsk.
    if (w.endsWith('e') && (suggestion === w.slice(0, -1) + 'a' || (dict.nnForms.has(w.slice(0, -1) + 'a') && suggestion === undefined))) continue;
    // A form dictionary-nn accepts is "sure" only when translators wrote a Nynorsk spelling of the same word instead.
    // A Nynorsk compound counts as accepted only without a Bokmål inflection ending (kontakt-er, pass-ende are not compounds).
    const nnCompound = !BOKMAL_ENDING.test(w) && dict.isNynorskCompound(w);
    const accepted = dict.nnForms.has(w) || nnCompound;
    const sameWord = suggestion !== undefined && likeness(w, suggestion) === 1;
    let level = null;
    // A form Nynorsk accepts (also as a compound: tekstboks) is a flag only with a Nynorsk spelling of the same word to put instead.
    if (n >= minFlag && ratio <= LEARN.flagRatio && m <= LEARN.flagMaxNn && (!accepted || sameWord)) level = 'flag';
    else if (ratio <= LEARN.hintRatio) level = 'hint';
    if (review?.level === 'hint' && level === 'flag') level = 'hint';
    // A Nynorsk noun plural that is also the Bokmål present of a verb: a hint, a flag right after a subject.
    if (review?.level === 'verb' && level !== null) level = 'verb';
    if (!level) continue;
    const entry = { form: w, level, nb: n, nn: m };
    if (suggestion) entry.suggestion = suggestion;
    if (ctx.length) entry.unlessPrev = ctx.sort();
    forms.push(entry);
  }
  forms.sort((a, b) => (a.form < b.form ? -1 : 1));
  return { nbTokens, nnTokens, pairs: pairs.length, forms };
}
