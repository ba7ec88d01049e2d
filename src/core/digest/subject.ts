/**
 * What a text is about, where its own words say it plainly: the thing an
 * explainer's title asks about ("What Is GitOps?") with the sentence that
 * defines it, and the question that opens a community thread. Quoted, never
 * paraphrased: the fact card has no model to paraphrase with.
 */
import { articleSentences, isQuestion, splitSentences, words } from './sentences';
import { escapeRegExp } from '../regex';

const EXPLAINER = /^\s*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\s*(?:\?|:|\s[-–—|]\s|$)/i;
const MAX_SUBJECT_CHARS = 40;
const MAX_QUOTE_WORDS = 45;

/**
 * The subject an explainer's title names, as the text writes it: "Network
 * Switch" in a title becomes "network switch" where the text writes it in
 * lower case, while "GitOps" and "JSON" keep their capitals.
 */
export function explainerSubject(title: string, paragraphs: readonly string[]): string | undefined {
  const m = EXPLAINER.exec(title);
  const raw = m?.[1]?.trim();
  if (!raw || raw.length > MAX_SUBJECT_CHARS || /[?!]/.test(raw)) return undefined;
  const lower = raw.toLowerCase();
  const text = paragraphs.join('\n');
  // Only title case is undone: "JSON" and "GitOps" are spelt that way on purpose.
  const titleCase = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*$/u.test(raw);
  if (titleCase && new RegExp(`(?<![\\p{L}])${escapeRegExp(lower)}`, 'u').test(text)) return lower;
  return raw;
}

/** The sentence among the first paragraphs that defines `subject` ("X is defined as ...", "X is a ..."). */
export function definitionSentence(subject: string, paragraphs: readonly string[]): { text: string; paragraph: number } | undefined {
  const s = subject.toLowerCase();
  for (const sentence of articleSentences(paragraphs.slice(0, 4))) {
    const t = sentence.text;
    const at = t.toLowerCase().indexOf(s);
    if (at < 0 || words(t).length > MAX_QUOTE_WORDS) continue;
    if (/\b(?:is|are)\s+(?:defined\s+as|an?|the|one\s+of)\b/i.test(t.slice(at + s.length, at + s.length + 60))) return { text: t, paragraph: sentence.paragraph };
  }
  return undefined;
}

/**
 * The question a thread opens with: the first sentence of the first post
 * that asks something (ends in "?", four words or more), else the title
 * when it is a question.
 */
export function threadQuestion(title: string, paragraphs: readonly string[], postStarts: readonly number[] | undefined): { text: string; paragraph: number } | undefined {
  const firstPostEnd = postStarts && postStarts.length > 1 ? (postStarts[1] as number) : Math.min(paragraphs.length, 3);
  for (let i = 0; i < firstPostEnd; i++) {
    for (const s of splitSentences(paragraphs[i] ?? '', i)) {
      const n = words(s.text).length;
      if (isQuestion(s.text) && n >= 4 && n <= MAX_QUOTE_WORDS) return { text: s.text, paragraph: i };
    }
  }
  return /\?\s*$/.test(title) ? { text: title.trim(), paragraph: 0 } : undefined;
}
