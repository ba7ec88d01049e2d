/**
 * Splits text into word tokens for the Nynorsk check, with positions, and
 * marks what must never be checked: URLs, e-mail addresses, code in
 * backticks, tokens with digits. Handles æøå and other Latin letters,
 * hyphenated compounds (IT-tryggleik) and apostrophes (Meta's).
 */

/** One word (possibly hyphenated) in the text. */
export type Token = {
  /** The word as written. */
  text: string;
  /** UTF-16 offsets into the text: text.slice(start, end) === this.text. */
  start: number;
  end: number;
  /** True when the word starts a sentence, a line or a list item. */
  sentenceStart: boolean;
};

/** A part of a hyphenated token (or the whole token when it has no hyphen). */
export type TokenPart = { text: string; start: number; end: number };

// URLs, e-mails, inline code and {placeholders} are matched first and skipped.
const SKIP = String.raw`(?:https?:\/\/|www\.)[^\s<>"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\x60[^\x60\n]*\x60|\{[^{}\s]*\}`;
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*(?:[-‐][\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)*`;
const SCAN = new RegExp(`(${SKIP})|(${WORD})`, 'gu');
const SENTENCE_END = /[.!?:;\n•*#>–—]/u;
// A path or file name glued to the word (src/core, index.ts, v2.1) is code.
const GLUED = /[/\\._=<>@]/u;
const ALNUM = /[\p{L}\p{N}_]/u;

/** Returns the word tokens of `text`, in order. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(SCAN)) {
    if (m[1] !== undefined) continue;
    const word = m[2];
    if (word === undefined || m.index === undefined) continue;
    const start = m.index;
    const end = start + word.length;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    const gluedBefore = before === '.' ? ALNUM.test(text[start - 2] ?? '') : GLUED.test(before);
    const gluedAfter = GLUED.test(after) && ALNUM.test(text[end + 1] ?? '');
    if (gluedBefore || gluedAfter) continue;
    out.push({ text: word, start, end, sentenceStart: isSentenceStart(text, start) });
  }
  return out;
}

function isSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i] ?? '';
    if (/\s/u.test(c) && c !== '\n') continue;
    if (/["'«»“”‘’()[\]]/u.test(c)) continue;
    return SENTENCE_END.test(c) || /[-–]/u.test(c) && (i === 0 || text[i - 1] === '\n');
  }
  return true;
}

/** Splits a token at its hyphens into parts with their own positions. */
export function tokenParts(token: Token): TokenPart[] {
  const parts: TokenPart[] = [];
  let offset = 0;
  for (const piece of token.text.split(/[-‐]/u)) {
    parts.push({ text: piece, start: token.start + offset, end: token.start + offset + piece.length });
    offset += piece.length + 1;
  }
  return parts;
}
