/** Length and reading time, the way the fact card states them. */
import { words } from './sentences';

/** Words a reader takes in per minute (English prose, screen reading). */
export const WORDS_PER_MINUTE = 230;

/** Words, rounded reading time in minutes, paragraphs. */
export type Length = { words: number; minutes: number; paragraphs: number };

/** Word count of all paragraphs and the rounded reading time (never under one minute). */
export function measureLength(paragraphs: readonly string[]): Length {
  const count = paragraphs.reduce((n, p) => n + words(p).length, 0);
  return { words: count, minutes: Math.max(1, Math.round(count / WORDS_PER_MINUTE)), paragraphs: paragraphs.length };
}
