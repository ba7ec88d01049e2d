/**
 * Reads the model's final answer: finds the JSON (tolerating code fences and
 * prose around it), checks its types, and keeps only evidence indices that
 * point at paragraphs the article has, reporting the ones it dropped.
 */
import type { FaqItem } from '../types';
import type { CardContent } from './types';

/** No card nests deeper than this (the same bound as the streaming reader's, partial-json.ts). */
const MAX_DEPTH = 64;
/** Balanced objects tried in one answer: enough for prose with a few braces, bounded for an answer made of them. */
const MAX_OBJECTS = 16;

/** Finds and parses the JSON object in a model's answer; undefined when there is none, or when it nests deeper than any card. */
export function extractJson(text: string): unknown {
  // One linear pass first: JSON.parse on hundreds of thousands of levels costs seconds, and no card is like that.
  if (nestingDepth(text) > MAX_DEPTH) return undefined;
  const candidates: string[] = [];
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fence?.[1]) candidates.push(fence[1]);
  candidates.push(text.trim());
  // Each balanced object in turn, not only the first: prose before the answer may hold braces of its own ("Sjå {her}: {…}").
  // The next one is looked for after the end of the last, never inside it: an object nested in a broken answer is no card.
  // Text from a '{' to the last '}' is no further candidate: when it is an object, its braces match and it is `balanced`.
  let at = text.indexOf('{');
  for (let tries = 0; at >= 0 && tries < MAX_OBJECTS; tries++) {
    const balanced = balancedObject(text, at);
    if (!balanced) break;
    candidates.push(balanced);
    at = text.indexOf('{', at + balanced.length);
  }
  // The first candidate that names a card field, else the first object: prose may hold an object of its own ("{}").
  let first: object | undefined;
  for (const c of candidates) {
    try {
      const v: unknown = JSON.parse(c);
      if (!v || typeof v !== 'object') continue;
      if (!Array.isArray(v) && ('title' in v || 'summary' in v || 'faq' in v)) return v;
      first ??= v;
    } catch {
      /* next candidate */
    }
  }
  return first;
}

/** The text of the JSON object that starts at `start`, up to its matching brace. */
function balancedObject(text: string, start: number): string | undefined {
  let depth = 0;
  let inStr = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** The deepest nesting of brackets and braces outside strings in a text (read once, no recursion). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return max;
}

/** An evidence index the model gave that the article does not have. */
export type DroppedEvidence = { faq: number; value: unknown };

export type ContentCheck =
  | { ok: true; content: CardContent; droppedEvidence: DroppedEvidence[]; droppedFaq: number[] }
  | { ok: false; errors: string[] };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Checks parsed card content against the schema's types. A FAQ item with a
 * missing question or answer is dropped (reported in `droppedFaq`); evidence
 * that is not an integer in [0, paragraphCount) is dropped (reported).
 */
export function checkCardContent(v: unknown, paragraphCount: number): ContentCheck {
  if (!isObj(v)) return { ok: false, errors: ['not an object'] };
  const errors: string[] = [];
  const title = typeof v.title === 'string' ? clean(v.title) : '';
  if (!title) errors.push('title');
  let summary: string[] = [];
  if (Array.isArray(v.summary) && v.summary.every((p) => typeof p === 'string')) summary = v.summary.map(clean).filter(Boolean);
  else if (typeof v.summary === 'string') summary = v.summary.split(/\n\s*\n/).map(clean).filter(Boolean);
  if (!summary.length) errors.push('summary');
  if (!Array.isArray(v.faq)) errors.push('faq');
  if (errors.length) return { ok: false, errors };
  const droppedEvidence: DroppedEvidence[] = [];
  const droppedFaq: number[] = [];
  const faq: FaqItem[] = [];
  (v.faq as unknown[]).forEach((item, i) => {
    if (!isObj(item) || typeof item.q !== 'string' || typeof item.a !== 'string' || !clean(item.q) || !clean(item.a)) {
      droppedFaq.push(i);
      return;
    }
    const raw: unknown[] = Array.isArray(item.evidence) ? item.evidence : item.evidence === undefined ? [] : [item.evidence];
    const evidence: number[] = [];
    for (const e of raw) {
      const n = typeof e === 'string' && /^\d+$/.test(e.trim()) ? Number(e) : e;
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < paragraphCount) {
        if (!evidence.includes(n)) evidence.push(n);
      } else droppedEvidence.push({ faq: faq.length, value: e });
    }
    faq.push({ q: clean(item.q), a: clean(item.a), evidence: evidence.sort((a, b) => a - b) });
  });
  return { ok: true, content: { title, summary, faq }, droppedEvidence, droppedFaq };
}
