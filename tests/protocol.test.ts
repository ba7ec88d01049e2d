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
