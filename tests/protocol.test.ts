import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FEEDBACK_NOTE_MAX } from '../src/feedback';
import { makeArticle, makeTopic } from './factories/article';
import { readyState, sampleCard } from './ui/sample-card';

// Imported afresh in each test: the schemas' builders are made while the module loads, and the mutation run credits a
// test only with the code that runs while the test runs (a module imported once, at collection, credits none).
type Protocol = typeof import('../src/protocol');
let parseMessage: Protocol['parseMessage'];
let parseModelJob: Protocol['parseModelJob'];
let parsePortEvent: Protocol['parsePortEvent'];
let parsePortRequest: Protocol['parsePortRequest'];
let REPLY_SCHEMAS: Protocol['REPLY_SCHEMAS'];
let tabStateKey: Protocol['tabStateKey'];
let modelJobKey: Protocol['modelJobKey'];
beforeEach(async () => {
  vi.resetModules();
  ({ parseMessage, parseModelJob, parsePortEvent, parsePortRequest, REPLY_SCHEMAS, tabStateKey, modelJobKey } = await import('../src/protocol'));
});

describe('parseMessage', () => {
  it('accepts well-formed messages', () => {
    const article = makeArticle();
    const m = parseMessage({ type: 'card:request', article });
    expect(m).toEqual({ type: 'card:request', article });
    expect(parseMessage({ type: 'overlay:get', extra: 1 })).toEqual({ type: 'overlay:get' });
    expect(parseMessage({ type: 'card:clear', url: 'https://x' })).toEqual({ type: 'card:clear', url: 'https://x' });
    for (const type of ['overlay:hide-for-session', 'options:open', 'badges:get']) expect(parseMessage({ type })).toEqual({ type });
  });
  it('keeps every field of the article a card request carries', () => {
    const article = makeArticle({ author: 'A', published: '2024-01-01', section: 's', moreOn: 'AI', postStarts: [0, 1], replies: { count: 3, atLeast: false } });
    const m = parseMessage({ type: 'card:request', article });
    expect(m?.type === 'card:request' && m.article).toEqual(article);
  });
  it('drops a topic sent with a card request: the background always detects it', () => {
    const m = parseMessage({ type: 'card:request', article: makeArticle(), topic: { id: 'sport' } });
    expect(m).toEqual({ type: 'card:request', article: makeArticle() });
    expect(m).not.toHaveProperty('topic');
  });
  it('refuses malformed or foreign messages', () => {
    expect(parseMessage({ type: 'card:request', article: {} })).toBeNull();
    expect(parseMessage({ type: 'card:request' })).toBeNull();
    expect(parseMessage({ type: 'card:clear' })).toBeNull();
    expect(parseMessage({ type: 'card:clear', url: 5 })).toBeNull();
    expect(parseMessage({ type: 'something-else' })).toBeNull();
    expect(parseMessage({})).toBeNull();
    expect(parseMessage('card:request')).toBeNull();
    expect(parseMessage(null)).toBeNull();
  });
  it('takes only the two shortcut actions', () => {
    expect(parseMessage({ type: 'card:command', action: 'toggle' })).toEqual({ type: 'card:command', action: 'toggle' });
    expect(parseMessage({ type: 'card:command', action: 'open' })).toEqual({ type: 'card:command', action: 'open' });
    expect(parseMessage({ type: 'card:command', action: 'close' })).toBeNull();
    expect(parseMessage({ type: 'card:command' })).toBeNull();
  });
  it('keys tab state and the model job by tab id, apart from each other and from other tabs', () => {
    expect(tabStateKey(7)).toBe('tab:7');
    expect(modelJobKey(7)).toBe('model:7');
    expect(new Set([tabStateKey(7), tabStateKey(8), modelJobKey(7), modelJobKey(8)]).size).toBe(4);
  });
});

describe('REPLY_SCHEMAS', () => {
  const accepts = (type: keyof Protocol['REPLY_SCHEMAS'], x: unknown) => v.is(REPLY_SCHEMAS[type] as v.GenericSchema, x);

  it('has a reply schema for every message type, listed like a plain record', () => {
    expect(Object.keys(REPLY_SCHEMAS).sort()).toEqual(
      ['badges:get', 'card:clear', 'card:command', 'card:request', 'evidence:show', 'feedback:add', 'model-cache:clear', 'model:cancel', 'model:failed', 'model:generate', 'options:open', 'overlay:get', 'overlay:hide-for-session'],
    );
    // Built once and kept: the same schema on every read.
    expect(REPLY_SCHEMAS['overlay:get']).toBe(REPLY_SCHEMAS['overlay:get']);
  });

  it('the reply to a shortcut says, as a boolean, whether there was a card to open or close', () => {
    expect(accepts('card:command', { done: true })).toBe(true);
    expect(accepts('card:command', { done: false })).toBe(true);
    for (const bad of [{}, { done: 'yes' }, { done: null }, null, true]) expect(accepts('card:command', bad), JSON.stringify(bad)).toBe(false);
  });

  it('takes a card state for a card request, and says why it refuses one', () => {
    expect(accepts('card:request', readyState())).toBe(true);
    expect(accepts('card:request', { status: 'none' })).toBe(true);
    expect(accepts('card:request', { status: 'bogus' })).toBe(false);
    expect(v.safeParse(REPLY_SCHEMAS['card:request'], { ok: true }).issues?.[0].message).toBe('not a card state');
  });

  it('takes only { ok: true } where the background just confirms', () => {
    for (const type of ['card:clear', 'overlay:hide-for-session', 'options:open', 'model:cancel', 'model:failed', 'model-cache:clear', 'feedback:add'] as const) {
      expect(accepts(type, { ok: true }), type).toBe(true);
      for (const bad of [{ ok: false }, {}, { ok: 'true' }, null]) expect(accepts(type, bad), `${type} ${JSON.stringify(bad)}`).toBe(false);
    }
  });

  it("checks the pill's switches and the configured model", () => {
    const prefs = { mode: 'pill', hiddenForSession: false, model: { model: 'gpt-4o-mini', auto: false } };
    expect(accepts('overlay:get', prefs)).toBe(true);
    expect(accepts('overlay:get', { ...prefs, mode: 'open', hiddenForSession: true, model: null })).toBe(true);
    expect(accepts('overlay:get', { mode: 'off', hiddenForSession: false })).toBe(true);
    expect(accepts('overlay:get', { ...prefs, model: { model: 'llama3', auto: true } })).toBe(true);
    for (const bad of [
      { ...prefs, mode: 'hidden' },
      { ...prefs, hiddenForSession: 'no' },
      { ...prefs, model: { model: 'gpt-4o-mini' } },
      { ...prefs, model: { model: 3, auto: false } },
      { ...prefs, model: 'gpt-4o-mini' },
      { hiddenForSession: false },
    ])
      expect(accepts('overlay:get', bad), JSON.stringify(bad)).toBe(false);
  });

  it('checks whether the paragraph was found and whether the model card started', () => {
    expect(accepts('evidence:show', { found: true })).toBe(true);
    expect(accepts('evidence:show', { found: 1 })).toBe(false);
    expect(accepts('evidence:show', {})).toBe(false);
    expect(accepts('model:generate', { started: false })).toBe(true);
    expect(accepts('model:generate', { started: 'no' })).toBe(false);
    expect(accepts('model:generate', { found: true })).toBe(false);
  });

  it("checks the badges' page keys and label", () => {
    const reply = { keys: ['spiceworks.com/tech/cloud/news/a', 'spiceworks.com/it-security/b'], label: 'Har nynorsk kort' };
    expect(accepts('badges:get', reply)).toBe(true);
    expect(accepts('badges:get', { keys: [], label: '' })).toBe(true);
    for (const bad of [{ ...reply, keys: 'spiceworks.com/a' }, { ...reply, keys: [7] }, { ...reply, label: undefined }, { label: 'x' }])
      expect(accepts('badges:get', bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('feedback:add', () => {
  const good = { type: 'feedback:add', kind: 'fact', note: 'Feil tal.', url: 'https://www.spiceworks.com/x/', card: sampleCard() };
  it('accepts a well-formed report, with the card as validateCard returns it (NFC)', () => {
    expect(parseMessage(good)).toEqual(good);
    const decomposed = sampleCard({ title: 'Eit kort om a\u030A vere' });
    const m = parseMessage({ ...good, card: decomposed });
    expect(m?.type === 'feedback:add' && m.card.title).toBe('Eit kort om \u00E5 vere');
  });
  it('bounds the note and the URL, and takes only known kinds', () => {
    expect(parseMessage({ ...good, note: 'x'.repeat(FEEDBACK_NOTE_MAX) })).not.toBeNull();
    expect(parseMessage({ ...good, note: 'x'.repeat(FEEDBACK_NOTE_MAX + 1) })).toBeNull();
    const longUrl = (n: number) => `https://www.spiceworks.com/${'u'.repeat(n - 'https://www.spiceworks.com/'.length)}`;
    expect(parseMessage({ ...good, url: longUrl(2000) })).not.toBeNull();
    expect(parseMessage({ ...good, url: longUrl(2001) })).toBeNull();
    expect(parseMessage({ ...good, kind: 'rant' })).toBeNull();
    expect(parseMessage({ ...good, note: 3 })).toBeNull();
  });
  it('refuses a card that validateCard refuses', () => {
    expect(parseMessage({ ...good, card: { ...sampleCard(), summary: 'no list' } })).toBeNull();
    expect(parseMessage({ ...good, card: sampleCard({ faq: [{ q: 'Q?', a: 'A.', evidence: [-1] }] }) })).toBeNull();
    expect(parseMessage({ ...good, card: undefined })).toBeNull();
  });
});

describe('model protocol', () => {
  it('checks the popup → content messages', () => {
    expect(parseMessage({ type: 'model:generate', force: true })).toEqual({ type: 'model:generate', force: true });
    expect(parseMessage({ type: 'model:generate' })).toEqual({ type: 'model:generate', force: false });
    expect(parseMessage({ type: 'model:generate', force: 'yes' })).toBeNull();
    expect(parseMessage({ type: 'model:cancel' })).toEqual({ type: 'model:cancel' });
    expect(parseMessage({ type: 'model:failed', message: 'Feil.' })).toEqual({ type: 'model:failed', message: 'Feil.' });
    expect(parseMessage({ type: 'model:failed' })).toBeNull();
    expect(parseMessage({ type: 'model-cache:clear' })).toEqual({ type: 'model-cache:clear' });
  });
  it('takes only a paragraph number that can exist for evidence:show', () => {
    expect(parseMessage({ type: 'evidence:show', index: 0 })).toEqual({ type: 'evidence:show', index: 0 });
    expect(parseMessage({ type: 'evidence:show', index: 12, extra: 'x' })).toEqual({ type: 'evidence:show', index: 12 });
    expect(parseMessage({ type: 'evidence:show', index: Number.MAX_SAFE_INTEGER })).not.toBeNull();
    for (const index of [-1, 1.5, '2', NaN, Infinity, 2 ** 53, null, undefined])
      expect(parseMessage({ type: 'evidence:show', index }), String(index)).toBeNull();
  });
  it('caps the error message a content script reports for a failed model card', () => {
    const longest = 'Feil. '.repeat(400).slice(0, 2000);
    expect(parseMessage({ type: 'model:failed', message: longest })).toEqual({ type: 'model:failed', message: longest });
    expect(parseMessage({ type: 'model:failed', message: longest + '!' })).toBeNull();
    expect(parseMessage({ type: 'model:failed', message: 42 })).toBeNull();
  });
  it('checks model jobs', () => {
    expect(parseModelJob({ status: 'idle', model: 'm' })).toEqual({ status: 'idle', model: 'm' });
    expect(parseModelJob({ status: 'idle', model: 'm', local: true })).toEqual({ status: 'idle', model: 'm', local: true });
    expect(parseModelJob({ status: 'idle', model: 'm', local: 'yes' })).toBeNull();
    expect(parseModelJob({ status: 'idle' })).toBeNull();
    expect(parseModelJob({ status: 'error', model: 'm' })).toBeNull();
    expect(parseModelJob({ status: 'error', model: 'm', message: 'Feil.' })).toEqual({ status: 'error', model: 'm', message: 'Feil.' });
    const running = { status: 'running', model: 'm', startedAt: 't', partial: { summary: ['a'], faq: [{ q: 'q', a: 'a', evidence: [1] }], draft: 'd' }, stage: 's' };
    expect(parseModelJob(running)).toEqual(running);
    expect(parseModelJob({ ...running, stage: 3 })).toBeNull();
    // A local model: the popup says nothing leaves the machine.
    expect(parseModelJob({ ...running, local: true })).toEqual({ ...running, local: true });
    expect(parseModelJob({ ...running, local: false })).toBeNull();
    expect(parseModelJob({ ...running, model: undefined })).toBeNull();
    expect(parseModelJob({ status: 'error', model: 'm', message: 404 })).toBeNull();
    expect(parseModelJob({ ...running, startedAt: undefined })).toBeNull();
    expect(parseModelJob({ ...running, partial: { summary: 'a', faq: [] } })).toBeNull();
    expect(parseModelJob({ ...running, partial: { faq: [] } })).toBeNull();
    expect(parseModelJob({ ...running, partial: { title: 3, summary: [], faq: [] } })).toBeNull();
    expect(parseModelJob({ ...running, partial: { summary: [], faq: [], draft: null } })).toBeNull();
    expect(parseModelJob({ ...running, partial: { title: 'T', summary: [], faq: [] } })).toEqual({ ...running, partial: { title: 'T', summary: [], faq: [] } });
    expect(parseModelJob({ ...running, partial: { summary: [], faq: [{ q: 'q', a: 'a' }] } })).toBeNull();
    expect(parseModelJob({ ...running, partial: { summary: [], faq: [{ q: 'q', a: 'a', evidence: ['1'] }] } })).toBeNull();
    expect(parseModelJob({ status: 'done', model: 'm' })).toBeNull();
    expect(parseModelJob(null)).toBeNull();
  });
  it('checks what travels over the model port', () => {
    expect(parsePortRequest({ type: 'start', article: makeArticle(), topic: makeTopic() })).toMatchObject({ type: 'start', force: false });
    expect(parsePortRequest({ type: 'start', article: makeArticle(), topic: makeTopic(), force: true })).toMatchObject({ type: 'start', force: true });
    expect(parsePortRequest({ type: 'start', article: {}, topic: makeTopic() })).toBeNull();
    expect(parsePortRequest({ type: 'start', article: makeArticle() })).toBeNull();
    expect(parsePortRequest({ type: 'start', article: makeArticle(), topic: { id: 'sport' } })).toBeNull();
    expect(parsePortRequest({ type: 'cancel' })).toEqual({ type: 'cancel' });
    expect(parsePortRequest({ type: 'stop' })).toBeNull();
    expect(parsePortEvent({ type: 'job', job: { status: 'idle', model: 'm' } })).toEqual({ type: 'job', job: { status: 'idle', model: 'm' } });
    expect(parsePortEvent({ type: 'job', job: { status: 'idle' } })).toBeNull();
    expect(parsePortEvent({ type: 'done', state: { status: 'none' }, fromCache: true, requests: 0 })).toEqual({ type: 'done', state: { status: 'none' }, fromCache: true, requests: 0 });
    expect(parsePortEvent({ type: 'done', state: readyState(), fromCache: false, requests: 2 })).toEqual({ type: 'done', state: readyState(), fromCache: false, requests: 2 });
    expect(parsePortEvent({ type: 'done', state: { status: 'bogus' }, fromCache: true, requests: 0 })).toBeNull();
    expect(parsePortEvent({ type: 'done', state: { status: 'none' }, fromCache: 'yes', requests: 0 })).toBeNull();
    expect(parsePortEvent({ type: 'done', state: { status: 'none' }, fromCache: false, requests: '2' })).toBeNull();
    expect(parsePortEvent({ type: 'done', state: { status: 'none' }, fromCache: false })).toBeNull();
    expect(parsePortEvent({ type: 'cancel' })).toBeNull();
    expect(parsePortRequest({ type: 'start', article: makeArticle(), topic: makeTopic(), force: 'yes' })).toBeNull();
  });
});
