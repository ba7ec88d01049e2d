/** Nynorsk helpers for the fact card: the text's own noun, counted nouns, paragraph references. */
import { fill } from '../template';
import { capitalise, countNn, listNn, pronounNn, type Gender, type Noun } from '../nn-grammar';
import type { TextKind } from './text-kind';
import { TEMPLATES } from './templates';

export { capitalise, listNn };

/** How a kind of text is named: "ein nyheitsartikkel", "artikkelen", masculine. */
export type KindNoun = { a: string; the: string; gender: Gender };

/** The noun for this kind of text. */
export function kindNoun(kind: TextKind): KindNoun {
  const k = TEMPLATES.kind[kind];
  return { a: k.a, the: k.the, gender: k.gender as Gender };
}

/** The variables every sentence about the text may use: {a}, {A}, {intro}, {the}, {The}, {it}, {It}, {written}. */
export function kindVars(kind: TextKind): Record<string, string> {
  const k = kindNoun(kind);
  const written = TEMPLATES.participles.written;
  const it = pronounNn(k.gender);
  return { a: k.a, A: capitalise(k.a), intro: TEMPLATES.kind[kind].intro, the: k.the, The: capitalise(k.the), it, It: capitalise(it), written: k.gender === 'n' ? written.n : written.mf };
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
