/**
 * Runtime checks for data that crosses a boundary (messages, storage, model
 * output, library files). The card is parsed with its valibot schema
 * (schema/card.ts, the source of the Card type too), plus the evidence
 * bounds as code; articles, topic results and card states are small
 * hand-written guards.
 */
import { safeParse, type BaseIssue } from 'valibot';
import { CardSchema } from './schema/card';
import { TOPIC_IDS, type Article, type Card, type CardState, type TopicId, type TopicResult } from './types';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isOptStr = (v: unknown) => v === undefined || isStr(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isTopicId = (v: unknown): v is TopicId => isStr(v) && (TOPIC_IDS as readonly string[]).includes(v);

export function isArticle(v: unknown): v is Article {
  if (!isObj(v)) return false;
  const j = v.jsonLd;
  return (
    isStr(v.url) &&
    isStr(v.canonicalUrl) &&
    (v.kind === 'article' || v.kind === 'thread') &&
    isStr(v.title) &&
    isOptStr(v.author) &&
    isOptStr(v.published) &&
    isOptStr(v.updated) &&
    isOptStr(v.section) &&
    isOptStr(v.contentType) &&
    isOptStr(v.description) &&
    isOptStr(v.moreOn) &&
    isStrArr(v.tags) &&
    isStrArr(v.breadcrumbs) &&
    isObj(j) &&
    isStrArr(j.types) &&
    isStrArr(j.sections) &&
    isStrArr(j.keywords) &&
    isObj(v.meta) &&
    Object.values(v.meta).every(isStr) &&
    isStrArr(v.paragraphs) &&
    (v.postStarts === undefined || (Array.isArray(v.postStarts) && v.postStarts.every((n) => Number.isInteger(n) && n >= 0))) &&
    (v.replies === undefined || (isObj(v.replies) && Number.isInteger(v.replies.count) && typeof v.replies.atLeast === 'boolean'))
  );
}

export function isTopicResult(v: unknown): v is TopicResult {
  return (
    isObj(v) &&
    isTopicId(v.id) &&
    isStr(v.label) &&
    isNum(v.confidence) &&
    Array.isArray(v.secondary) &&
    v.secondary.every(isTopicId) &&
    isStrArr(v.reasons)
  );
}

export type CardCheck = { ok: true; card: Card } | { ok: false; errors: string[] };

/** The names validateCard reports, in the order it reports them. */
const CARD_FIELDS = ['url', 'title', 'sourceTitle', 'topic', 'topic.reasons', 'topic.secondary', 'summary', 'faq', 'source', 'engine', 'language', 'notice', 'facts', 'keyPoints', 'figures', 'terms', 'createdAt'];

/** The reported name for a schema issue: the top-level field, `topic.reasons` / `topic.secondary`, or `faq[i]` for one FAQ item. */
function issueName(issue: BaseIssue<unknown>): string {
  const [top, sub] = (issue.path ?? []).map((p) => p.key);
  const field = String(top);
  if (field === 'topic' && (sub === 'reasons' || sub === 'secondary')) return `topic.${sub}`;
  if (field === 'faq' && typeof sub === 'number') return `faq[${sub}]`;
  return field;
}

/** Field order first, then the FAQ item's index. */
function nameOrder(name: string): [number, number] {
  const m = /^(\w+)\[(\d+)\]$/.exec(name);
  const field = m ? m[1]! : name;
  const i = CARD_FIELDS.indexOf(field);
  return [i < 0 ? CARD_FIELDS.length : i, m ? Number(m[2]) : -1];
}

/** Deeper than any card: a value nested further is refused, not walked. */
const MAX_DEPTH = 12;

/**
 * A copy of `value` with every string (object keys too) in Unicode NFC;
 * undefined when it nests deeper than MAX_DEPTH. Lone surrogates survive
 * `normalize` unchanged, so the schema still sees and refuses them.
 */
function toNfc(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (!value || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) throw new RangeError('too deep');
  if (Array.isArray(value)) return value.map((x) => toNfc(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value)) out[k.normalize('NFC')] = toNfc(x, depth + 1);
  return out;
}

/**
 * Checks a card's shape and content against CardSchema (valibot: every field
 * within CARD_LIMITS, http(s) URLs, no control characters but tab and
 * newline, no lone surrogates), then the evidence bounds: indices are never
 * negative and, when `paragraphCount` is known, below it, so that an answer
 * never points at a paragraph that does not exist. Errors name the fields
 * that are wrong. The card returned is a copy of the object given in Unicode
 * NFC (checked after normalising); extra keys, e.g. a library card's
 * anchors, are kept.
 */
export function validateCard(raw: unknown, paragraphCount?: number): CardCheck {
  if (!isObj(raw)) return { ok: false, errors: ['card is not an object'] };
  let input: Record<string, unknown>;
  try {
    input = toNfc(raw) as Record<string, unknown>;
  } catch {
    return { ok: false, errors: ['card is nested too deeply'] };
  }
  const names = new Set<string>();
  const parsed = safeParse(CardSchema, input, { abortEarly: false });
  if (!parsed.success) for (const issue of parsed.issues) names.add(issueName(issue));
  const outOfBounds = (ev: unknown) =>
    Array.isArray(ev) && ev.some((n) => typeof n === 'number' && (n < 0 || (paragraphCount !== undefined && n >= paragraphCount)));
  if (Array.isArray(input.faq)) input.faq.forEach((item, i) => isObj(item) && outOfBounds(item.evidence) && names.add(`faq[${i}]`));
  if (Array.isArray(input.keyPoints) && input.keyPoints.some((k) => isObj(k) && outOfBounds(k.evidence))) names.add('keyPoints');
  if (Array.isArray(input.figures) && input.figures.some((k) => isObj(k) && outOfBounds(k.evidence))) names.add('figures');
  if (!names.size) return { ok: true, card: input as Card };
  const errors = [...names].sort((a, b) => {
    const [fa, ia] = nameOrder(a);
    const [fb, ib] = nameOrder(b);
    return fa - fb || ia - ib;
  });
  return { ok: false, errors };
}

/** Checks a stored or received card state; a bad one is treated as absent. */
export function isCardState(v: unknown): v is CardState {
  if (!isObj(v)) return false;
  switch (v.status) {
    case 'loading':
      return isStr(v.url) && isOptStr(v.title);
    case 'ready':
      return isStr(v.url) && validateCard(v.card).ok;
    case 'none':
      return isOptStr(v.url);
    case 'error':
      return isOptStr(v.url) && isStr(v.message);
    default:
      return false;
  }
}
