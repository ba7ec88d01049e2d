/**
 * Sentence splitting for the fact card. Every sentence is an exact slice of
 * its paragraph, so that a key point quoted from it is verbatim and its
 * evidence index is the paragraph that holds it.
 */

/** One sentence of the article, with the paragraph it came from. */
export type Sentence = { text: string; paragraph: number; start: number };

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'no', 'fig',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'e.u', 'approx', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'gov', 'sen', 'rep', 'mt', 'vol', 'al',
]);

/**
 * Candidate ends: . ! ? … with closing quotes/brackets, then space and an
 * opening that may start a sentence. Linear: a match starts only at the
 * first mark of a run (lookbehind), and the run is taken whole and never
 * given back (a lookahead capture matched again by `\1`, JavaScript's atomic
 * group). Plain `[.!?…]+` retried every shorter run at every mark of a run
 * with no space after it: 20,000 dots took a second, 80,000 sixteen.
 */
const END = /(?<![.!?…])(?=([.!?…]+))\1(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}#*•-])/gu;

/** An abbreviation is a short word: the text before a full stop is looked at this far back only (else "Mr. Mr. Mr. …" reads the paragraph again at every stop). */
const ABBREVIATION_WINDOW = 48;

function endsWithAbbreviation(before: string): boolean {
  const m = /(?:^|[\s(])((?:[A-Za-z]\.)*[A-Za-z]+)$/.exec(before.length > ABBREVIATION_WINDOW ? before.slice(-ABBREVIATION_WINDOW) : before);
  if (!m) return false;
  const word = (m[1] as string).toLowerCase(); // group 1 is not optional: always set when m is
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital letters ("John F. Kennedy") and dotted initialisms ("U.S.") do not end sentences.
  return /^[a-z]$/.test(word) && /[A-Z]$/.test(before);
}

/** Splits one paragraph into trimmed sentences; `start` is the offset of the sentence in the paragraph. */
export function splitSentences(paragraph: string, paragraphIndex = 0): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = paragraph.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, paragraph: paragraphIndex, start: from + lead });
  };
  END.lastIndex = 0;
  for (let m = END.exec(paragraph); m; m = END.exec(paragraph)) {
    const punct = m[1] ?? '';
    const close = m[2] ?? '';
    const stopAt = m.index + punct.length + close.length;
    if (punct === '.' && endsWithAbbreviation(paragraph.slice(Math.max(from, m.index - ABBREVIATION_WINDOW), m.index))) continue;
    push(stopAt);
    from = stopAt;
  }
  push(paragraph.length);
  return out;
}

/** All sentences of all paragraphs, in reading order. */
export function articleSentences(paragraphs: readonly string[]): Sentence[] {
  return paragraphs.flatMap((p, i) => splitSentences(p, i));
}

/** English words, for counting and for similarity (letters, digits, inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** True for a sentence that asks: it ends in a question mark, maybe inside quotes or brackets. */
export function isQuestion(text: string): boolean {
  return /\?[\s"'”’)\]]*$/.test(text);
}
