/**
 * Card fuzzing for the validator: valid cards (a model card and a fact card)
 * with fields changed to junk, oversized text, markup, wrong types and long
 * lists. Whatever validateCard accepts must pass the sanity checks.
 */
import fc from 'fast-check';
import { buildDigestCard } from '../../src/core/digest';
import { buildModelCard } from '../../src/core/model/card';
import { GOOD_CONTENT, TEST_ARTICLE, TEST_TOPIC } from '../model-server';
import { JUNK_PIECES } from './documents';

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const BASE_CARDS = [
  buildModelCard(TEST_ARTICLE, TEST_TOPIC, GOOD_CONTENT, { model: 'fuzz', createdAt: '2026-12-01T00:00:00.000Z', bokmalForms: [] }),
  buildDigestCard(TEST_ARTICLE, TEST_TOPIC, { now: new Date('2026-12-01T00:00:00Z') }),
];

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: codeUnit, maxLength: 30 }),
  fc.constantFrom(...JUNK_PIECES, 'undefined', 'NaN', '[object Object]', '<b>x</b>', '<script>alert(1)</script>', ' ', ''),
  fc.record({ unit: fc.constantFrom('a', 'Ord ', '<p>'), times: fc.integer({ min: 250, max: 5_000 }) }).map((r) => r.unit.repeat(r.times)),
);
const value = fc.oneof({ weight: 4, arbitrary: junk }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constantFrom(undefined, NaN, Infinity, -1, 1.5) });

/** A path into the card and the value put there; `repeat` makes the list at that path long. */
export type CardEdit = { path: number[]; value: unknown; repeat: number };
export type CardInput = { base: number; edits: CardEdit[] };

export const cardInput: fc.Arbitrary<CardInput> = fc.record({
  base: fc.nat({ max: BASE_CARDS.length - 1 }),
  edits: fc.array(fc.record({ path: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 4 }), value, repeat: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 21, max: 120 }) }) }), { minLength: 1, maxLength: 4 }),
});

/** Applies the edits: each path step picks a key (or index) of the object or list there, modulo its size. */
export function editedCard(input: CardInput): unknown {
  const card = structuredClone(BASE_CARDS[input.base]!) as unknown as Record<string, unknown>;
  for (const e of input.edits) {
    let node: unknown = card;
    for (let d = 0; d < e.path.length; d++) {
      const keys = Array.isArray(node) ? node.map((_, i) => i) : node && typeof node === 'object' ? Object.keys(node) : [];
      if (!keys.length) break;
      const key = keys[e.path[d]! % keys.length]!;
      const container = node as Record<string | number, unknown>;
      const last = d === e.path.length - 1 || !container[key] || typeof container[key] !== 'object';
      if (last) {
        if (e.repeat && Array.isArray(container[key])) {
          const list = container[key] as unknown[];
          container[key] = Array.from({ length: e.repeat }, (_, i) => list[i % Math.max(1, list.length)] ?? e.value);
        } else container[key] = e.value;
        break;
      }
      node = container[key];
    }
  }
  return card;
}
