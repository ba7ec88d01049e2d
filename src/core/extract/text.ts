/**
 * Small text helpers shared by the extractors: whitespace, the hidden
 * "Opens a new window" link text, title suffixes and dates.
 */

/**
 * The hidden link text, with the one space before it. Matched after
 * whitespace is collapsed: a leading `\s*` would be tried at every space of
 * a long run and fail at its end (quadratic: 50,000 spaces took 1.7 s).
 */
const OPENS_NEW_WINDOW = / ?Opens a new window\b/g;
const WHITESPACE = /[\s\u00a0\u200b]+/g;

/** Lone surrogate halves (text a card must not carry), control characters other than whitespace, bidi overrides and isolates. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TAG_TEXT = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Every character that LONE_SURROGATE, CONTROL or TAG_TEXT can start a match
 * with. Page text rarely holds one, and on a cold page each pattern run costs
 * a compile: one simple class decides whether the three run at all.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const MAY_NEED_MENDING = /[\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069<]/;

/** Collapses whitespace and removes link chrome glued to text by extraction. Linear in the text's length. */
export function cleanText(s: string): string {
  // A page's junk (lone surrogates, NUL, C1 controls) would make every card from it invalid: mend it here, once.
  // Tag-like text in a page's words ("<b>Jane</b>" in JSON-LD, escaped markup in a title) is a remnant, not words.
  const mended = MAY_NEED_MENDING.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '').replace(TAG_TEXT, '') : s;
  const collapsed = mended.replace(WHITESPACE, ' ');
  return (collapsed.includes('Opens a new window') ? collapsed.replace(OPENS_NEW_WINDOW, '') : collapsed).trim();
}

const TITLE_SUFFIX = /\s+[-–—|]\s+Spiceworks(\s+(News\s*(and|&)\s*Insights|Community|Inc\.?))?\s*$/i;

/**
 * The article's own title: drops " - Spiceworks", " – Spiceworks News and
 * Insights" and, on the community, a trailing " - <category>" before it.
 */
export function stripTitleSuffix(title: string, category?: string): string {
  const clean = cleanText(title);
  // TITLE_SUFFIX names the site: no compile of it for a title that does not.
  let t = clean.toLowerCase().includes('spiceworks') ? clean.replace(TITLE_SUFFIX, '') : clean;
  if (category) {
    const tail = ` - ${category}`;
    if (t.toLowerCase().endsWith(tail.toLowerCase())) t = t.slice(0, -tail.length);
  }
  return t.trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** "YYYY-MM-DD" from a month name, a day and a year; undefined when the name is no month. */
function isoFrom(monthName: string, day: string, year: string): string | undefined {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  return month < 0 ? undefined : `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * An ISO date from what pages write: ISO strings pass through (a space
 * before the time becomes "T"), "October 11, 2022" and "11 October 2022"
 * become "2022-10-11". Anything else gives undefined.
 */
export function toIsoDate(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  if (ISO.test(t)) return t.replace(' ', 'T');
  const m1 = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(t);
  const monthFirst = m1 ? isoFrom(m1[1]!, m1[2]!, m1[3]!) : undefined;
  if (monthFirst) return monthFirst;
  // Day first only where month first gave nothing: a pattern not run is a pattern not compiled on a cold page.
  const m2 = /\b(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(t);
  return m2 ? isoFrom(m2[2]!, m2[1]!, m2[3]!) : undefined;
}
