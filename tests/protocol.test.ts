import { describe, expect, it } from 'vitest';
import { parseMessage, tabStateKey } from '../src/protocol';
import { makeArticle, makeTopic } from './factories/article';

describe('parseMessage', () => {
  it('accepts well-formed messages', () => {
    const m = { type: 'card:request', article: makeArticle(), topic: makeTopic() };
    expect(parseMessage(m)).toBe(m);
    expect(parseMessage({ type: 'overlay:get', extra: 1 })).toEqual({ type: 'overlay:get' });
    const noTopic = { type: 'card:request', article: makeArticle() };
    expect(parseMessage(noTopic)).toBe(noTopic);
    expect(parseMessage({ type: 'card:clear', url: 'https://x' })).toEqual({ type: 'card:clear', url: 'https://x' });
  });
  it('refuses malformed or foreign messages', () => {
    expect(parseMessage({ type: 'card:request', article: {}, topic: makeTopic() })).toBeNull();
    expect(parseMessage({ type: 'card:request', article: makeArticle(), topic: { id: 'sport' } })).toBeNull();
    expect(parseMessage({ type: 'card:clear' })).toBeNull();
    expect(parseMessage({ type: 'something-else' })).toBeNull();
    expect(parseMessage('card:request')).toBeNull();
    expect(parseMessage(null)).toBeNull();
  });
  it('keys tab state by tab id', () => {
    expect(tabStateKey(7)).toBe('tab:7');
  });
});

import { parseModelJob, parsePortEvent, parsePortRequest } from '../src/protocol';

describe('model protocol', () => {
  it('checks the popup → content messages', () => {
    expect(parseMessage({ type: 'model:generate', force: true })).toEqual({ type: 'model:generate', force: true });
    expect(parseMessage({ type: 'model:generate' })).toEqual({ type: 'model:generate', force: false });
    expect(parseMessage({ type: 'model:cancel' })).toEqual({ type: 'model:cancel' });
    expect(parseMessage({ type: 'model:failed', message: 'Feil.' })).toEqual({ type: 'model:failed', message: 'Feil.' });
    expect(parseMessage({ type: 'model:failed' })).toBeNull();
    expect(parseMessage({ type: 'model-cache:clear' })).toEqual({ type: 'model-cache:clear' });
  });
  it('takes only a paragraph number that can exist for evidence:show', () => {
    expect(parseMessage({ type: 'evidence:show', index: 0 })).toEqual({ type: 'evidence:show', index: 0 });
    expect(parseMessage({ type: 'evidence:show', index: 12, extra: 'x' })).toEqual({ type: 'evidence:show', index: 12 });
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
    expect(parseModelJob({ status: 'error', model: 'm' })).toBeNull();
    const running = { status: 'running', model: 'm', startedAt: 't', partial: { summary: ['a'], faq: [{ q: 'q', a: 'a', evidence: [1] }], draft: 'd' } };
    expect(parseModelJob(running)).toEqual(running);
    expect(parseModelJob({ ...running, partial: { summary: 'a', faq: [] } })).toBeNull();
    expect(parseModelJob(null)).toBeNull();
  });
  it('checks what travels over the model port', () => {
    expect(parsePortRequest({ type: 'start', article: makeArticle(), topic: makeTopic() })).toMatchObject({ type: 'start', force: false });
    expect(parsePortRequest({ type: 'start', article: {}, topic: makeTopic() })).toBeNull();
    expect(parsePortRequest({ type: 'cancel' })).toEqual({ type: 'cancel' });
    expect(parsePortEvent({ type: 'job', job: { status: 'idle', model: 'm' } })).toEqual({ type: 'job', job: { status: 'idle', model: 'm' } });
    expect(parsePortEvent({ type: 'done', state: { status: 'none' }, fromCache: true, requests: 0 })).toEqual({ type: 'done', state: { status: 'none' }, fromCache: true, requests: 0 });
    expect(parsePortEvent({ type: 'done', state: { status: 'bogus' }, fromCache: true, requests: 0 })).toBeNull();
  });
});
