import { describe, expect, it } from 'vitest';
import { parseRecent, RECENT_LIMIT } from '../src/recent';

const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  url: 'https://www.spiceworks.com/tech/cloud/news/a/',
  key: 'a:a',
  title: 'Kort om a',
  topic: { id: 'cloud', label: 'Sky' },
  openedAt: '2026-03-20T08:00:00.000Z',
  ...over,
});

describe('parseRecent: what storage holds', () => {
  it('keeps a good list as it is, in order', () => {
    const list = [entry(), entry({ key: 'a:b', english: true }), entry({ key: 'a:c', url: 'http://www.spiceworks.com/c/' })];
    expect(parseRecent(list)).toEqual(list);
  });

  it('skips a broken entry and keeps the rest in order', () => {
    const list = [entry({ key: 'a:1' }), entry({ key: 'a:2', title: 5 }), { junk: true }, entry({ key: 'a:3' })];
    expect(parseRecent(list).map((e) => e.key)).toEqual(['a:1', 'a:3']);
  });

  it('keeps at most RECENT_LIMIT good entries, counting only the good ones', () => {
    const list = ['junk', ...Array.from({ length: RECENT_LIMIT + 3 }, (_, i) => entry({ key: `a:${i}` }))];
    const parsed = parseRecent(list);
    expect(parsed).toHaveLength(RECENT_LIMIT);
    expect(parsed[0]!.key).toBe('a:0');
    expect(parsed.at(-1)!.key).toBe(`a:${RECENT_LIMIT - 1}`);
  });

  it('drops keys it does not know, in the entry and in its topic', () => {
    const [e] = parseRecent([entry({ card: { title: 'x' }, topic: { id: 'cloud', label: 'Sky', confidence: 1 } })]);
    expect(e).toStrictEqual(entry());
  });

  it('keeps `english` only when it is true, and the entry either way, with no key left behind', () => {
    for (const english of [false, 'yes', 1, null, undefined]) {
      const [e] = parseRecent([entry({ english })]);
      expect(e).toStrictEqual(entry());
      expect(e && 'english' in e).toBe(false);
    }
    expect(parseRecent([entry({ english: true })])[0]?.english).toBe(true);
  });

  it.each<[string, number]>([
    ['url', 2000],
    ['key', 300],
    ['title', 500],
  ])('bounds %s at %i characters', (field, max) => {
    const at = (n: number) => (field === 'url' ? `https://x.example/${'a'.repeat(n - 'https://x.example/'.length)}` : 'a'.repeat(n));
    expect(parseRecent([entry({ [field]: at(max) })])).toHaveLength(1);
    expect(parseRecent([entry({ [field]: at(max + 1) })])).toEqual([]);
  });

  it('bounds the topic: id at 40 characters, label at 200', () => {
    expect(parseRecent([entry({ topic: { id: 'i'.repeat(40), label: 'l'.repeat(200) } })])).toHaveLength(1);
    expect(parseRecent([entry({ topic: { id: 'i'.repeat(41), label: 'l' } })])).toEqual([]);
    expect(parseRecent([entry({ topic: { id: 'i', label: 'l'.repeat(201) } })])).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a URL that is not http(s)', { url: 'ftp://x.example/' }],
    ['a relative URL', { url: '/tech/a/' }],
    ['a URL that only holds http(s) further on', { url: 'view-source:https://x.example/' }],
    ['a time that is no date', { openedAt: 'i går' }],
    ['a time longer than 40 characters', { openedAt: 'Fri Mar 20 2026 08:00:00 GMT+0000 (Greenwich Mean Time)' }],
    ['no topic', { topic: undefined }],
    ['a topic that is text', { topic: 'cloud' }],
    ['a topic without label', { topic: { id: 'cloud' } }],
    ['a key that is a number', { key: 7 }],
  ])('drops an entry with %s', (_what, over) => {
    expect(parseRecent([entry(over)])).toEqual([]);
  });

  it('reads anything that is not a list as an empty one', () => {
    for (const raw of [undefined, null, 'junk', 5, { 0: entry() }]) expect(parseRecent(raw)).toEqual([]);
  });
});
