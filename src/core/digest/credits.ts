/**
 * Photo credits and captions: "Image credit: Jane Doe", "Photo: John
 * Smith/Getty Images", "Photo by X on Unsplash", "Racks in the hall |
 * Source: Shutterstock", "(Image courtesy of X)", "Credit: ...". They name
 * photographers and picture agencies, not people or companies the article
 * is about, so the entity finder reads the text with them blanked out and
 * skips caption paragraphs that end in one. A wire story's dateline ("OSLO
 * (Reuters) -") is blanked the same way: it names the agency that sent the
 * story, not one the story is about.
 */

/** What a credit is replaced with: not a letter, digit or space, so no name runs across it and offsets stay put. */
export const CREDIT_MASK = '\u00b7';

const MEDIA = '(?:(?:header|featured|feature|cover|lead|top|hero)\\s+)?(?:image|photo|photograph|picture|pic|illustration|graphic|video|screenshot|chart|figure|graph|infographic)s?(?:\\s*\\d+)?';
/** Where a credit may start: the start of the text or a sentence, or after an opening bracket, a bar or a dash. */
const AT = '(?:^|(?<=[(\\[|–—•]\\s*)|(?<=[.!?]["”’)]*\\s+))';
/** Picture libraries: credited as "via X" or "Name/X". */
const LIBRARY = '(?:Getty\\s+Images|Getty|Shutterstock|iStock(?:photo)?|Unsplash|Pexels|Pixabay|Adobe\\s+Stock|Alamy)';
/** News agencies too, but only in the unambiguous "Name/Agency" form ("via Reuters" is also how news is sourced). */
const AGENCY = `(?:${LIBRARY.slice(3, -1)}|AP\\s+Photo|AP|AFP|Reuters|EPA|Bloomberg)`;

const STARTS: RegExp[] = [
  // "Image credit: X", "Photo: X", "Figure 2: ...", "Photo by X", "Image courtesy of X", "Photo via X".
  new RegExp(`${AT}${MEDIA}\\s*(?:(?:credits?|source|sources|courtesy(?:\\s+of)?|by|via)\\s*)?[:|–—]`, 'giu'),
  new RegExp(`${AT}${MEDIA}\\s+(?:credits?|courtesy(?:\\s+of)?|by|via)\\s+`, 'giu'),
  // "Credit: X", "Source: Shutterstock", "Courtesy of X", "© X".
  new RegExp(`${AT}(?:(?:credits?|sources?)\\s*:|courtesy\\s+of\\s+|©)`, 'giu'),
  // A caption's credit after a bar: "Racks in the hall | Source: Shutterstock".
  /\|\s*(?:source|sources|credits?|image|photo|photograph|picture)s?\b/giu,
  // An agency credit without a label: "John Smith/Getty Images", "via Shutterstock".
  // A word of two letters or more and a full stop ends the sentence before it ("in Oslo. Anna Berg/Reuters"); an initial does not.
  new RegExp(`\\p{Lu}[\\p{L}.'’-]*(?:(?<!\\p{L}{2}\\.)\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}\\s*\\/\\s*${AGENCY}(?![\\p{L}])`, 'gu'),
  new RegExp(`\\bvia\\s+${LIBRARY}(?![\\p{L}])`, 'gu'),
  /\(c\)\s*(?:19|20)\d\d\b|\ball rights reserved\b/giu,
];

/** A place in a dateline: "OSLO", "NEW YORK/LONDON", "KYIV, Ukraine", "REDMOND, Wash.", and a date after it ("Dec 3"). */
const PLACE_CAPS = "\\p{Lu}[\\p{Lu}.'’-]*(?:[ /]\\p{Lu}[\\p{Lu}.'’-]*){0,3}(?:,\\s*\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?)?";
const PLACE_ANY = "\\p{Lu}[\\p{L}.'’-]*(?:[ /]\\p{Lu}[\\p{L}.'’-]*){0,3}";
const DATE = '(?:,\\s*\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2})?';
/**
 * A wire dateline at the start of a story's paragraph: "OSLO (Reuters) -", "LONDON, Dec 3 (Reuters) -", "(AP) —".
 * AP is also an access point: after a place written in capitals only, or alone, never after "Wireless Access Point".
 */
const DATELINE = new RegExp(`^(?:${PLACE_CAPS}${DATE}\\s*\\((?:Reuters|AP|AFP|Bloomberg|dpa|NTB)\\)|${PLACE_ANY}${DATE}\\s*\\((?:Reuters|AFP|Bloomberg|dpa|NTB)\\)|\\((?:Reuters|AP|AFP)\\))\\s*[-–—]`, 'u');

/** Every credit has one of these; text without any is not searched further. */
const HINT = /image|photo|picture|pic|illustration|graphic|video|screenshot|chart|figure|graph|credit|source|courtesy|©|\||\/|via|\(c\)|rights reserved/i;

/** How far back a credit's opening bracket is looked for: a credit is a few words long. */
const BRACKET_REACH = 80;

/**
 * The bracket a credit starting at `start` stands in, if still open there. Not only one right
 * before it: the name in "(Photo: Jane Doe/Getty Images)" starts a credit of its own, which
 * must end at the same bracket, not run on over the sentence after it.
 */
function openBracket(text: string, start: number): string | undefined {
  for (let i = start - 1; i >= Math.max(0, start - BRACKET_REACH); i--) {
    const c = text[i];
    if (c === '(' || c === '[') return c;
    if (c === ')' || c === ']') return undefined;
  }
  return undefined;
}

/** The [start, end) spans of a text that are credits: each runs to the closing bracket it opened in, or to the end. */
export function creditSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // A dateline ends where it ends: the story follows it.
  const dateline = DATELINE.exec(text);
  if (dateline) spans.push([0, dateline[0].length]);
  if (!HINT.test(text)) return spans;
  for (const re of STARTS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const open = openBracket(text, start);
      let end = text.length;
      if (open) {
        const close = text.indexOf(open === '(' ? ')' : ']', start);
        if (close >= 0) end = close;
      }
      spans.push([start, end]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** The text with its credits replaced by CREDIT_MASK, character for character (offsets unchanged). */
export function withoutCredits(text: string, spans = creditSpans(text)): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + CREDIT_MASK.repeat(b - a) + out.slice(b);
  return out;
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** True when the whole text is a credit ("Image credit: Jane Doe", "Photo by X on Unsplash"). */
export function isCredit(text: string, spans = creditSpans(text)): boolean {
  // Also nothing after it: a bracketed credit may open a sentence of article text.
  return spans.length > 0 && !/[\p{L}\p{N}]/u.test(withoutCredits(text, spans));
}

/**
 * True for a caption: a short paragraph (at most 30 words) that is a credit
 * or ends in one ("A technician checks a rack. Photo: John Smith/Getty Images").
 * A credit in brackets at the end of a sentence ("... (Source: Gartner).") is
 * only blanked: the sentence before it is article text.
 */
export function isCaption(paragraph: string): boolean {
  if (wordCount(paragraph) > 30) return false;
  const spans = creditSpans(paragraph);
  const last = spans[spans.length - 1];
  if (!last) return false;
  if (isCredit(paragraph, spans)) return true;
  const bracketed = /[([]\s*$/.test(paragraph.slice(0, last[0]));
  return !bracketed && !/[\p{L}\p{N}]/u.test(paragraph.slice(last[1]));
}
