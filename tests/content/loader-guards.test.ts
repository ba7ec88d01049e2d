/**
 * The loader (content.js) carries no valibot (its size budget, issue 13), so
 * it reads its few replies and messages with hand guards. Each guard must
 * take exactly what its protocol schema takes: both run over the same good
 * and bad samples here, so a schema that changes without its guard (or the
 * other way round) fails this test.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isCardCommand } from '../../src/content/commands';
import { parseBadgeReply } from '../../src/content/listing-badges';
import { overlayReplyPrefs } from '../../src/content/pill-prefs';
import { parser } from '../../src/core/schema/common';
import { isPillPrefs, OVERLAY_MODES } from '../../src/pill-prefs';
import { parseMessage, REPLY_SCHEMAS } from '../../src/protocol';

type Guard = {
  /** The hand guard's reading of the value: null or false when it refuses it. */
  guard(value: unknown): unknown;
  /** The schema's reading of the same value, in the guard's terms: null when it refuses it. */
  schema(value: unknown): unknown;
  good: unknown[];
  bad: unknown[];
};

const overlayReply = parser(REPLY_SCHEMAS['overlay:get']);
const switches = { mode: 'pill', hiddenForSession: false };
/** Not objects, or objects of another shape: every guard must refuse these. */
const junk = [null, undefined, 0, '', 'pill', true, [], {}];

const GUARDS: Record<string, Guard> = {
  // The mirror in storage.session holds the two switches of the overlay:get reply.
  'isPillPrefs (the overlay:get switches)': {
    guard: isPillPrefs,
    schema: parser(v.pick(REPLY_SCHEMAS['overlay:get'], ['mode', 'hiddenForSession'])),
    good: [...OVERLAY_MODES.map((mode) => ({ mode, hiddenForSession: true })), { ...switches, extra: 1 }],
    bad: [
      ...junk,
      { mode: 'closed', hiddenForSession: false },
      { mode: 'PILL', hiddenForSession: false },
      { mode: ['pill'], hiddenForSession: false },
      { mode: 'pill' },
      { hiddenForSession: false },
      { mode: 'pill', hiddenForSession: 'false' },
      { mode: 'pill', hiddenForSession: 0 },
      { mode: 'pill', hiddenForSession: null },
    ],
  },
  "overlayReplyPrefs (REPLY_SCHEMAS['overlay:get'])": {
    guard: overlayReplyPrefs,
    schema: (x) => {
      const r = overlayReply(x);
      return r && { mode: r.mode, hiddenForSession: r.hiddenForSession };
    },
    good: [
      ...OVERLAY_MODES.map((mode) => ({ mode, hiddenForSession: false, model: null })),
      { ...switches, hiddenForSession: true },
      { ...switches, model: undefined },
      { ...switches, model: { model: 'llama3.2', auto: false } },
      { ...switches, model: { model: '', auto: true, extra: 1 } },
      { ...switches, extra: 1 },
    ],
    bad: [
      ...junk,
      { mode: 'closed', hiddenForSession: false },
      { mode: 'pill' },
      { mode: 'pill', hiddenForSession: 'true' },
      { ...switches, model: 'llama3.2' },
      { ...switches, model: [] },
      { ...switches, model: {} },
      { ...switches, model: { model: 'llama3.2' } },
      { ...switches, model: { model: 1, auto: true } },
      { ...switches, model: { model: 'llama3.2', auto: 'yes' } },
      { ...switches, model: false },
    ],
  },
  "parseBadgeReply (REPLY_SCHEMAS['badges:get'])": {
    guard: parseBadgeReply,
    schema: parser(REPLY_SCHEMAS['badges:get']),
    good: [{ keys: [], label: '' }, { keys: ['a:seen', 't:123'], label: 'Det finst eit Nynorsk-kort' }, { keys: ['a:x'], label: 'x', extra: 1 }],
    bad: [
      ...junk,
      { keys: ['a:x', 1], label: 'x' },
      { keys: [null], label: 'x' },
      { keys: 'a:x', label: 'x' },
      { keys: { 0: 'a:x' }, label: 'x' },
      { keys: [] },
      { label: 'x' },
      { keys: [], label: 1 },
      { keys: [], label: null },
    ],
  },
  'isCardCommand (the card:command message)': {
    guard: isCardCommand,
    schema: (x) => {
      const m = parseMessage(x);
      return m?.type === 'card:command' ? m : null;
    },
    good: [
      { type: 'card:command', action: 'toggle' },
      { type: 'card:command', action: 'open' },
      { type: 'card:command', action: 'open', extra: 1 },
    ],
    bad: [
      ...junk,
      'card:command',
      { type: 'card:command' },
      { type: 'card:command', action: 'close' },
      { type: 'card:command', action: ['open'] },
      { type: 'card:command', action: null },
      { type: 'card:commands', action: 'open' },
      { action: 'open' },
      // Ours, but another message: the card command listener leaves it to the others.
      { type: 'evidence:show', index: 0 },
      { type: 'overlay:get' },
    ],
  },
};

const accepts = (reading: unknown) => reading !== null && reading !== false && reading !== undefined;

const show = (sample: unknown) => (sample === undefined ? 'undefined' : JSON.stringify(sample).slice(0, 80));
const rows = Object.entries(GUARDS).flatMap(([name, g]) => [
  ...g.good.map((sample) => [`${name} takes ${show(sample)}`, { g, sample, good: true }] as const),
  ...g.bad.map((sample) => [`${name} refuses ${show(sample)}`, { g, sample, good: false }] as const),
]);

describe('loader hand guards and their protocol schemas', () => {
  it.each(rows)('%s', (_title, { g, sample, good }) => {
    // What arrives was cloned on the way, as the browser clones a message.
    const value = sample === undefined ? undefined : (structuredClone(sample) as unknown);
    const byGuard = g.guard(value);
    const bySchema = g.schema(value);
    expect(accepts(bySchema), 'schema').toBe(good);
    expect(accepts(byGuard), 'hand guard').toBe(good);
    // What the guard passes on is what the schema would: no key kept that the schema drops, no value changed.
    if (good && typeof byGuard === 'object') expect(byGuard).toEqual(bySchema);
  });
});
