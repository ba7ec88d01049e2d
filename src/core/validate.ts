/**
 * Runtime checks for data that crosses a boundary (messages, storage, model
 * output, library files). The card is parsed with its valibot schema
 * (schema/card.ts, the source of the Card type too), plus the evidence
 * bounds as code; a card state with its schema (schema/article.ts) and its
 * ready card with validateCard. Articles and topic results need nothing but
 * their schemas (schema/article.ts), checked where they arrive.
 */
import * as v from 'valibot';
import { CardStateSchema, ReadyStateSchema } from './schema/article';
import { CardSchema, TopicIdSchema } from './schema/card';
import type { Card, CardState, TopicId } from './types';

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

export const isTopicId = (x: unknown): x is TopicId => v.is(TopicIdSchema, x);

export type CardCheck = { ok: true; card: Card } | { ok: false; errors: string[] };

/** The names validateCard reports, in the order it reports them. */
const CARD_FIELDS = ['url', 'title', 'sourceTitle', 'topic', 'topic.reasons', 'topic.secondary', 'summary', 'faq', 'source', 'engine', 'language', 'notice', 'facts', 'keyPoints', 'figures', 'terms', 'createdAt'];

/** The reported name for a schema issue: the top-level field, `topic.reasons` / `topic.secondary`, or `faq[i]` for one FAQ item. */
function issueName(issue: v.BaseIssue<unknown>): string {
  // Every issue has a path: validateCard parses objects only, and CardSchema is an object schema with no check of its own.
  const [top, sub] = issue.path!.map((p) => p.key);
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
  const parsed = v.safeParse(CardSchema, input, { abortEarly: false });
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

/** A ready state with its card left open: the card is validateCard's to judge. */
const ReadyStateShape = v.object({ ...ReadyStateSchema.entries, card: v.unknown() });

/**
 * Checks a stored or received card state; a bad one is treated as absent.
 * A ready card is checked by validateCard alone: the schema would read it as
 * it came, not in NFC, and refuse a decomposed card that validateCard takes.
 */
export function isCardState(x: unknown): x is CardState {
  if (isObj(x) && x.status === 'ready') return v.is(ReadyStateShape, x) && validateCard(x.card).ok;
  return v.is(CardStateSchema, x);
}
