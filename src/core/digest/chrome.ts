/**
 * Sentences that are page chrome rather than article text: share bars, calls
 * to action, link lists, captions, headings. Neither quoted as key points
 * nor searched for names.
 */
const CHROME: RegExp[] = [
  /opens a new window/i,
  /\bsee more\s*:/i,
  /\bclick here\b/i,
  /\b(subscribe|sign up|newsletter|follow us)\b/i,
  /\btell us on\b/i,
  /\bspice ?ups?\b/i,
  /\bcookies?\b.*\b(accept|consent|policy)\b/i,
  /\b(advertisement|sponsored)\b/i,
  /\bread (the )?(full|more)\b/i,
  /\b(image|photo) (source|credit)\b/i,
  /\|\s*source\b/i,
  /^\s*(#|\*|•|\d+[.)]\s)/,
  /https?:\/\//i,
  /\b(pinterest|tumblr|whatsapp)\b/i,
];

/** Chrome that names companies without the article naming them: share bars, sign-up and cookie boxes, ads. */
const SITE_CHROME: RegExp[] = [
  /\b(pinterest|tumblr|whatsapp)\b/i,
  /\b(subscribe|sign up|newsletter|follow us)\b/i,
  /\btell us on\b/i,
  /\bcookies?\b.*\b(accept|consent|policy)\b/i,
  /\b(advertisement|sponsored)\b/i,
];

/** True for a sentence that is site chrome, not article text (names are not looked for in it). */
export function isSiteChrome(text: string): boolean {
  return SITE_CHROME.some((re) => re.test(text));
}

/** True for a sentence that looks like chrome, a link or a list heading (never a key point). */
export function isChromeSentence(text: string): boolean {
  return CHROME.some((re) => re.test(text));
}
