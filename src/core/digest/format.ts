/** Nynorsk helpers for the fact card: the text's own noun, counted nouns, paragraph references. */
import { fill } from '../template';
import { agreeNn, capitalise, countNn, listNn, pronounNn, type Gender, type Noun } from '../nn-grammar';
import type { TextKind } from './text-kind';
import { TEMPLATES } from './templates';

export { capitalise, listNn };

/** The variables every sentence about the text may use: {intro} ("ein nyheitsartikkel om"), {the}, {The}, {it} and {written}, agreeing with the noun. */
export function kindVars(kind: TextKind): Record<string, string> {
  const k = TEMPLATES.kind[kind];
  const gender = k.gender as Gender;
  return { intro: k.intro, the: k.the, The: capitalise(k.the), it: pronounNn(gender), written: agreeNn(TEMPLATES.participles.written, gender, false), long: agreeNn(TEMPLATES.adjectives.long, gender, false) };
}

/** A noun of the templates, with its gender. */
export function noun(key: keyof typeof TEMPLATES.nouns): Noun {
  const n = TEMPLATES.nouns[key];
  return { sg: n.sg, pl: n.pl, gender: n.gender as Gender };
}

/** "eitt minutt", "fire minutt", "850 ord". */
export function countOf(n: number, key: keyof typeof TEMPLATES.nouns): string {
  return countNn(n, noun(key));
}

/** Distinct, sorted paragraph indices. */
export function evidenceOf(indices: Iterable<number>, max = 5): number[] {
  return [...new Set(indices)].sort((a, b) => a - b).slice(0, max);
}

/** "avsnitt 2, 5 og 7" for 0-based indices 1, 4, 6 (paragraph numbers are labels: digits). */
export function paragraphsNn(indices: readonly number[]): string {
  return fill(TEMPLATES.faq.paragraph, { list: listNn(indices.map((i) => String(i + 1))) });
}

/**
 * A label as it reads inside a sentence: "Kunstig intelligens" → "kunstig
 * intelligens", while "IT-tryggleik" and "DevOps" keep their capitals.
 */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}+(?=[\s,]|$)/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
