/**
 * The article code's hand guard of the popup's messages (src/content/page-messages.ts) against the protocol's schema:
 * the same answer for every value, so that leaving valibot out of content-main.js changed nothing it accepts.
 */
import { describe, expect, it } from 'vitest';
import { parsePageMessage } from '../../src/content/page-messages';
import { parseMessage } from '../../src/protocol';

const VALUES: unknown[] = [
  null,
  undefined,
  'evidence:show',
  [],
  [{ type: 'model:cancel' }],
  {},
  { type: 'evidence:show', index: 0 },
  { type: 'evidence:show', index: 3, extra: 'x' },
  { type: 'evidence:show', index: -0 },
  { type: 'evidence:show', index: -1 },
  { type: 'evidence:show', index: 1.5 },
  { type: 'evidence:show', index: Number.MAX_SAFE_INTEGER },
  { type: 'evidence:show', index: Number.MAX_SAFE_INTEGER + 1 },
  { type: 'evidence:show', index: Infinity },
  { type: 'evidence:show', index: NaN },
  { type: 'evidence:show', index: '2' },
  { type: 'evidence:show' },
  { type: 'model:generate' },
  { type: 'model:generate', force: true },
  { type: 'model:generate', force: false, extra: 1 },
  { type: 'model:generate', force: undefined },
  { type: 'model:generate', force: 'true' },
  { type: 'model:generate', force: null },
  { type: 'model:generate', force: 1 },
  { type: 'model:cancel' },
  { type: 'model:cancel', force: true },
];

describe('parsePageMessage', () => {
  it.each(VALUES.map((v) => [JSON.stringify(v) ?? String(v), v]))('%s: the same answer as parseMessage for the three types it takes', (_, value) => {
    const full = parseMessage(value);
    const mine = ['evidence:show', 'model:generate', 'model:cancel'].includes(full?.type ?? '') ? full : null;
    expect(parsePageMessage(value)).toEqual(mine);
  });

  it('leaves every other message of the protocol to other listeners', () => {
    for (const m of [{ type: 'card:command', action: 'toggle' }, { type: 'overlay:get' }, { type: 'card:clear', url: 'u' }]) {
      expect(parseMessage(m)).not.toBeNull();
      expect(parsePageMessage(m)).toBeNull();
    }
  });

  it('refuses an array that carries a type, which the schema lets through (the one difference; no sender sends one)', () => {
    const odd = Object.assign([], { type: 'model:cancel' });
    expect(parseMessage(odd)).not.toBeNull();
    expect(parsePageMessage(odd)).toBeNull();
  });
});
