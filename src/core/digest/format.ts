/** Small Nynorsk formatting helpers for the fact card: lists, numbers, paragraph references. */
import { fill } from '../template';
import { TEMPLATES } from './templates';
import { listNn } from '../format-nn';

export { listNn };

/** 850 → "850", 12500 → "12 500" (no-break space between groups, as Norwegian writes it). */
export function numberNn(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** Small counts in words ("fire setningane"), larger ones in digits. */
export function countWordNn(n: number): string {
  return (TEMPLATES.numberWords as Record<string, string>)[String(n)] ?? numberNn(n);
}

/** Distinct, sorted paragraph indices. */
export function evidenceOf(indices: Iterable<number>, max = 5): number[] {
  return [...new Set(indices)].sort((a, b) => a - b).slice(0, max);
}

/** "avsnitt 2, 5 og 7" for 0-based indices 1, 4, 6. */
export function paragraphsNn(indices: readonly number[]): string {
  return fill(TEMPLATES.faq.paragraph, { list: listNn(indices.map((i) => String(i + 1))) });
}

/** "eitt avsnitt", "12 avsnitt". */
export function paragraphCountNn(n: number): string {
  return n === 1 ? TEMPLATES.paragraphCount.one : fill(TEMPLATES.paragraphCount.many, { n: numberNn(n) });
}

/** First letter in upper case, for a label used as a value ("kunstig intelligens" → "Kunstig intelligens"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A label as it reads inside a sentence: "Kunstig intelligens" → "kunstig
 * intelligens", while "IT-tryggleik" and "DevOps" keep their capitals.
 */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}+(?=[\s,]|$)/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
