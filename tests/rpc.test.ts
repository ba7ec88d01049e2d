import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { REPLY_SCHEMAS, type Message, type MessageType } from '../src/protocol';
import { ReplyError, send, type Transport } from '../src/rpc';
import type { CardState } from '../src/core/types';
import { makeArticle } from './factories/article';
import { readyState, sampleCard } from './ui/sample-card';

/** One message of each type: a Record over MessageType, so a new message type does not compile here until it has a case. */
const MESSAGES: { [T in MessageType]: Extract<Message, { type: T }> } = {
  'card:request': { type: 'card:request', article: makeArticle() },
  'card:clear': { type: 'card:clear', url: 'https://www.spiceworks.com/x/' },
  'overlay:get': { type: 'overlay:get' },
  'overlay:hide-for-session': { type: 'overlay:hide-for-session' },
  'options:open': { type: 'options:open' },
  'evidence:show': { type: 'evidence:show', index: 2 },
  'model:generate': { type: 'model:generate', force: false },
  'model:cancel': { type: 'model:cancel' },
  'model:failed': { type: 'model:failed', message: 'Feil.' },
  'model-cache:clear': { type: 'model-cache:clear' },
  'feedback:add': { type: 'feedback:add', kind: 'fact', note: '', url: 'https://www.spiceworks.com/x/', card: sampleCard() },
  'badges:get': { type: 'badges:get' },
  'card:command': { type: 'card:command', action: 'toggle' },
};

const OK = [{ ok: true }];
const NOT_OK = [{ ok: false }, {}, true, null, undefined, 'ok'];

/** Replies each message type must accept, and replies it must refuse. */
const REPLIES: { [T in MessageType]: { good: unknown[]; bad: unknown[] } } = {
  'card:request': {
    good: [readyState(), { status: 'none' }, { status: 'loading', url: 'https://x/' }, { status: 'error', message: 'Feil.' }],
    bad: [{ status: 'ready', url: 'https://x/', card: {} }, { status: 'error' }, { ok: true }, null, undefined],
  },
  'card:clear': { good: OK, bad: NOT_OK },
  'overlay:get': {
    good: [
      { mode: 'pill', hiddenForSession: false },
      { mode: 'off', hiddenForSession: true, model: null },
      { mode: 'open', hiddenForSession: false, model: { model: 'm', auto: true } },
    ],
    bad: [{ mode: 'sideways', hiddenForSession: false }, { mode: 'pill' }, { mode: 'pill', hiddenForSession: false, model: { model: 'm' } }, undefined],
  },
  'overlay:hide-for-session': { good: OK, bad: NOT_OK },
  'options:open': { good: OK, bad: NOT_OK },
  'evidence:show': { good: [{ found: true }, { found: false }], bad: [{ found: 'yes' }, {}, 'yes', true, undefined] },
  'model:generate': { good: [{ started: true }, { started: false }], bad: [{ ok: true }, { started: 1 }, null] },
  'model:cancel': { good: OK, bad: NOT_OK },
  'model:failed': { good: OK, bad: NOT_OK },
  'model-cache:clear': { good: OK, bad: NOT_OK },
  'feedback:add': { good: OK, bad: NOT_OK },
  'badges:get': {
    good: [{ keys: [], label: 'Har nynorsk kort' }, { keys: ['a:x', 't:1'], label: 'l' }],
    bad: [{ keys: [1], label: 'l' }, { keys: [] }, { keys: 'a:x', label: 'l' }, undefined],
  },
  'card:command': { good: [{ done: true }, { done: false }], bad: [{ ok: true }, { done: 'no' }, undefined] },
};

const replying =
  (reply: unknown): Transport =>
  async () =>
    reply;

describe('send', () => {
  it('passes the message to the transport as given, and a good reply through, typed by the message', async () => {
    const transport = vi.fn(replying({ found: true }));
    const reply = await send(transport, { type: 'evidence:show', index: 4 });
    expect(transport).toHaveBeenCalledWith({ type: 'evidence:show', index: 4 });
    expect(reply).toEqual({ found: true });
    expectTypeOf(reply).toEqualTypeOf<{ found: boolean }>();
    const state = await send(replying(readyState()), MESSAGES['card:request']);
    expectTypeOf(state).toEqualTypeOf<CardState>();
    expect(state).toEqual(readyState());
  });

  it('refuses a malformed reply with a ReplyError that names the message type', async () => {
    const failed = send(replying({ found: 'yes' }), { type: 'evidence:show', index: 4 });
    await expect(failed).rejects.toBeInstanceOf(ReplyError);
    await expect(failed).rejects.toMatchObject({ messageType: 'evidence:show' });
    await expect(send(replying(undefined), { type: 'overlay:get' })).rejects.toThrow(/^overlay:get: malformed reply/);
  });

  it('passes a failed send on unchanged', async () => {
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    await expect(send(() => Promise.reject(gone), { type: 'badges:get' })).rejects.toBe(gone);
  });

  it('drops keys a reply should not carry', async () => {
    expect(await send(replying({ found: false, extra: 'x' }), { type: 'evidence:show', index: 0 })).toEqual({ found: false });
  });
});

describe('the reply schema of each message type', () => {
  it('has one for every message type, and a test case for each', () => {
    expect(Object.keys(REPLY_SCHEMAS).sort()).toEqual(Object.keys(MESSAGES).sort());
    expect(Object.keys(REPLIES).sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  for (const type of Object.keys(REPLIES) as MessageType[]) {
    it(`${type}: accepts its replies and refuses others`, async () => {
      const { good, bad } = REPLIES[type];
      for (const reply of good) await expect(send(replying(reply), MESSAGES[type]), JSON.stringify(reply)).resolves.toEqual(reply);
      for (const reply of bad) await expect(send(replying(reply), MESSAGES[type]), JSON.stringify(reply)).rejects.toBeInstanceOf(ReplyError);
    });
  }
});

describe('send: the reply it gives back', () => {
  it('is the checked reply; a malformed one rejects with ReplyError naming the message type', async () => {
    const msg = { type: 'card:request', article: makeArticle() } as const;
    await expect(send(async () => readyState(), msg)).resolves.toEqual(readyState());
    await expect(send(async () => ({ status: 'ready', card: { title: 'no card' } }), msg)).rejects.toThrow(ReplyError);
    await expect(send(async () => undefined, { type: 'card:clear', url: 'u' })).rejects.toThrow(/card:clear: malformed reply/);
  });
});
