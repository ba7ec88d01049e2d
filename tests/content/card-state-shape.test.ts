/**
 * The article code's hand checks of the background's answers (src/content/card-state-shape.ts): they take every state
 * the schema takes, and refuse those whose fields the page reads before the panel opens are wrong. What they let
 * through beyond that (a card that fails its schema deeper down) the panel's full check catches: overlay.test.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { cardStateShape, overlayReplyOffer } from '../../src/content/card-state-shape';
import { LIBRARY } from '../../src/core/library-data';
import { resolveCard } from '../../src/core/resolve';
import { isCardState } from '../../src/core/validate';
import { REPLY_SCHEMAS } from '../../src/protocol';
import { makeArticle, makeTopic } from '../factories/article';
import { readyState, sampleCard } from '../ui/sample-card';

const libraryCard = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;
const digestCard = resolveCard(makeArticle({ url: 'https://www.spiceworks.com/tech/cloud/news/no-library-card-here/' }), makeTopic(), { library: [] }).card;

const VALID: unknown[] = [
  { status: 'loading', url: 'https://www.spiceworks.com/a/' },
  { status: 'loading', url: 'https://www.spiceworks.com/a/', title: 'T' },
  { status: 'none' },
  { status: 'none', url: 'https://www.spiceworks.com/a/' },
  { status: 'error', message: 'Noko gjekk gale.' },
  { status: 'error', url: 'https://www.spiceworks.com/a/', message: 'Noko gjekk gale.' },
  readyState(),
  { status: 'ready', url: libraryCard.url, card: libraryCard },
  { status: 'ready', url: digestCard.url, card: digestCard },
];

const withTopic = (topic: unknown) => ({ status: 'ready', url: 'u', card: { ...sampleCard(), topic } });
const INVALID: [string, unknown][] = [
  ['not an object', 'ready'],
  ['null', null],
  ['an unknown status', { status: 'done', url: 'u' }],
  ['loading without a url', { status: 'loading' }],
  ['loading with a numeric title', { status: 'loading', url: 'u', title: 3 }],
  ['an error without a message', { status: 'error', url: 'u' }],
  ['none with a numeric url', { status: 'none', url: 1 }],
  ['ready without a card', { status: 'ready', url: 'u' }],
  ['ready without a url', { status: 'ready', card: sampleCard() }],
  ['a card without a topic', { status: 'ready', url: 'u', card: { ...sampleCard(), topic: undefined } }],
  ['a topic label that is no string', withTopic({ id: 'ai', label: 7, confidence: 0.9 })],
  ['a topic without confidence', withTopic({ id: 'ai', label: 'KI' })],
  ['topic reasons that are no list', withTopic({ id: 'ai', label: 'KI', confidence: 0.9, reasons: 'x' })],
  ['a card without an engine', { status: 'ready', url: 'u', card: { ...sampleCard(), engine: undefined } }],
  ['an engine without a kind', { status: 'ready', url: 'u', card: { ...sampleCard(), engine: {} } }],
];

describe('cardStateShape', () => {
  it('takes every state the schema takes, as it is', () => {
    for (const s of VALID) {
      expect(isCardState(s), JSON.stringify(s).slice(0, 80)).toBe(true);
      expect(cardStateShape(s)).toBe(s);
    }
  });

  for (const [what, s] of INVALID) {
    it(`refuses ${what} (as the schema does)`, () => {
      expect(cardStateShape(s)).toBeNull();
      expect(isCardState(s)).toBe(false);
    });
  }

  it('lets a card through that only the full check refuses (a summary too long): the panel checks it', () => {
    const s = readyState({ summary: ['x'.repeat(100_000)] });
    expect(cardStateShape(s)).toBe(s);
    expect(isCardState(s)).toBe(false);
  });
});

describe('overlayReplyOffer', () => {
  const replies: unknown[] = [
    { mode: 'pill', hiddenForSession: false },
    { mode: 'open', hiddenForSession: true, model: null },
    { mode: 'pill', hiddenForSession: false, model: { model: 'qwen', auto: true } },
    { mode: 'off', hiddenForSession: false, model: { model: 'qwen', auto: 'yes' } },
    { mode: 'pill', hiddenForSession: false, model: { model: 3, auto: false } },
    { mode: 'sometimes', hiddenForSession: false },
    { mode: 'pill' },
    null,
  ];
  it('gives the model offer of exactly the answers the schema takes', () => {
    const schema = REPLY_SCHEMAS['overlay:get'] as v.GenericSchema;
    for (const r of replies) {
      const parsed = v.safeParse(schema, r);
      const expected = parsed.success ? ((parsed.output as { model?: unknown }).model ?? null) : null;
      expect(overlayReplyOffer(r), JSON.stringify(r)).toEqual(expected);
    }
    expect(overlayReplyOffer(replies[2])).toEqual({ model: 'qwen', auto: true });
  });
});
