import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIBRARY } from '../../src/core/library-data';
import { resolveCard } from '../../src/core/resolve';
import { validateCard } from '../../src/core/validate';
import { META_PARAGRAPHS, makeArticle, makeTopic } from '../factories/article';

const now = () => new Date('2026-01-02T03:04:05Z');
const metaUrl = 'https://www.spiceworks.com/tech/artificial-intelligence/news/meta-struggles-to-maintain-ai-workforce-following-high-level-exits/';

describe('resolveCard', () => {
  it('gives the curated card, with evidence found in this article', () => {
    const article = makeArticle({ url: metaUrl, canonicalUrl: metaUrl, title: 'Meta Struggles', paragraphs: META_PARAGRAPHS, published: '2024-04-03' });
    const { card, matchedBy } = resolveCard(article, makeTopic({ id: 'ai', label: 'kunstig intelligens' }), { library: LIBRARY, now });
    expect(matchedBy).toBe('slug');
    expect(card.engine.kind).toBe('library');
    expect(card.faq).toHaveLength(5);
    expect(card.faq[4]!.evidence).toEqual([5]);
    expect(card.faq[2]!.evidence).toEqual([2]);
    expect(card.source).toMatchObject({ site: 'Spiceworks', url: metaUrl, published: '2024-04-03' });
    expect(card.topic.id).toBe('ai');
    // Without a checker nothing is flagged.
    expect(card.language).toStrictEqual({ lang: 'nn', bokmalForms: [] });
    expect(validateCard(card, article.paragraphs.length).ok).toBe(true);
  });

  it('links the curated card to the canonical address, not the address the page was opened at', () => {
    const opened = `${metaUrl}?utm_source=newsletter`;
    const article = makeArticle({ url: opened, canonicalUrl: metaUrl, paragraphs: META_PARAGRAPHS });
    const { card } = resolveCard(article, makeTopic(), { library: LIBRARY, now });
    expect(card.engine.kind).toBe('library');
    expect(card.url).toBe(metaUrl);
    expect(card.source.url).toBe(metaUrl);
    // Without a canonical address the card links where the page was opened.
    const bare = resolveCard(makeArticle({ url: opened, canonicalUrl: '', paragraphs: META_PARAGRAPHS }), makeTopic(), { library: LIBRARY, now }).card;
    expect(bare.url).toBe(opened);
    expect(bare.source.url).toBe(opened);
  });

  it('gives the curated card the page\'s own author, date and title, and the library\'s where the page has none', () => {
    const topic = makeTopic({ id: 'ai', label: 'kunstig intelligens' });
    const own = resolveCard(
      makeArticle({ url: metaUrl, canonicalUrl: metaUrl, title: 'Meta Struggles to Keep Its AI Staff', paragraphs: META_PARAGRAPHS, author: 'Kari Nordmann', published: '2024-04-04' }),
      topic,
      { library: LIBRARY, now },
    ).card;
    expect(own.engine.kind).toBe('library');
    expect(own.source).toStrictEqual({ site: 'Spiceworks', url: metaUrl, author: 'Kari Nordmann', published: '2024-04-04' });
    expect(own.sourceTitle).toBe('Meta Struggles to Keep Its AI Staff');
    // The library card has a date and the article's English title, and no author: no author key, not an undefined one.
    const bare = resolveCard(makeArticle({ url: metaUrl, canonicalUrl: metaUrl, title: '', paragraphs: META_PARAGRAPHS }), topic, { library: LIBRARY, now }).card;
    expect(bare.source).toStrictEqual({ site: 'Spiceworks', url: metaUrl, published: '2024-04-03' });
    expect(bare.sourceTitle).toBe('Meta Struggles To Maintain AI Workforce Following High-Level Exits');
    // A curated card without a date, for a page without one: no date key either.
    const entry = LIBRARY[0]!;
    const { published: _dropped, ...undated } = entry.card;
    const noDate = resolveCard(makeArticle({ url: metaUrl, canonicalUrl: metaUrl, paragraphs: META_PARAGRAPHS }), topic, { library: [{ ...entry, card: undated }], now }).card;
    expect(noDate.source).toStrictEqual({ site: 'Spiceworks', url: metaUrl });
  });

  it('gives the curated card its Nynorsk title and summary, and the library\'s author where the page names none', () => {
    const entry = LIBRARY[0]!;
    const withAuthor = { ...entry, card: { ...entry.card, author: 'Kari Nordmann' } };
    const { card } = resolveCard(makeArticle({ url: metaUrl, canonicalUrl: metaUrl, paragraphs: META_PARAGRAPHS }), makeTopic(), { library: [withAuthor], now });
    expect(card.engine.kind).toBe('library');
    expect(card.title).toBe(entry.card.title);
    expect(card.summary.length).toBeGreaterThan(0);
    expect(card.summary).toEqual(entry.card.summary);
    expect(card.source.author).toBe('Kari Nordmann');
  });

  it('gives the offline fact card for an article without a curated card', () => {
    const article = makeArticle({ author: 'Kari Nordmann', published: '2025-02-14', contentType: 'news' });
    const { card, matchedBy } = resolveCard(article, makeTopic(), { library: LIBRARY, now });
    expect(matchedBy).toBeUndefined();
    expect(card.engine.kind).toBe('digest');
    expect(card.title).toBe('Example Cloud Story');
    expect(card.source).toMatchObject({ author: 'Kari Nordmann', published: '2025-02-14' });
    expect(card.notice).toBeTruthy();
    expect(card.createdAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('skips the library when the digest engine is asked for', () => {
    const article = makeArticle({ url: metaUrl, canonicalUrl: metaUrl, paragraphs: META_PARAGRAPHS });
    expect(resolveCard(article, makeTopic(), { library: LIBRARY, engine: 'digest', now }).card.engine.kind).toBe('digest');
  });

  it('records the Bokmål forms the checker finds in our own text', () => {
    const article = makeArticle();
    const { card } = resolveCard(article, makeTopic(), {
      library: LIBRARY,
      now,
      findBokmal: (text) => (text.includes('Meta') ? [] : [{ form: 'Ikke', suggestion: 'Ikkje' }, { form: 'ikke' }]),
    });
    expect(card.language.bokmalForms).toEqual(['ikke']);
    expect(card.language.suggestions).toEqual({ ikke: 'Ikkje' });
  });

  it('leaves the suggestions out when the checker has none, and says no match for a fact card', () => {
    const resolved = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY, now, findBokmal: () => [{ form: 'ikke' }] });
    expect(resolved.card.language).toStrictEqual({ lang: 'nn', bokmalForms: ['ikke'] });
    expect(Object.keys(resolved)).toEqual(['card']);
  });

  it('throws rather than give a card that breaks the card limits', () => {
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ form: `ikke${i}` }));
    expect(() => resolveCard(makeArticle(), makeTopic(), { library: LIBRARY, now, findBokmal: () => tooMany })).toThrow(/^invalid card: language/);
  });

  it('gives the checker every Nynorsk string of the card, one to a line, and not the fact card\'s English title', () => {
    const seen: string[] = [];
    const findBokmal = (text: string) => {
      seen.push(text);
      return [];
    };
    const curated = resolveCard(makeArticle({ url: metaUrl, canonicalUrl: metaUrl, paragraphs: META_PARAGRAPHS }), makeTopic(), { library: LIBRARY, now, findBokmal }).card;
    expect(curated.engine.kind).toBe('library');
    // The curated card has a Nynorsk title and no notice.
    expect(seen[0]!.split('\n').filter(Boolean)).toEqual([curated.title, ...curated.summary, ...curated.faq.flatMap((f) => [f.q, f.a])]);
    const digest = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY, now, findBokmal }).card;
    // The fact card's title is the English one ('Example Cloud Story'): not a line of its own; its notice is.
    expect(digest.notice).toBeTruthy();
    expect(seen[1]!.split('\n').filter(Boolean)).toEqual([...digest.summary, ...digest.faq.flatMap((f) => [f.q, f.a]), digest.notice]);
  });

  it('stamps the card with the current time when it is given no clock', () => {
    vi.useFakeTimers({ now: new Date('2026-03-04T05:06:07Z') });
    expect(resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card.createdAt).toBe('2026-03-04T05:06:07.000Z');
    const metaArticle = makeArticle({ url: metaUrl, canonicalUrl: metaUrl, paragraphs: META_PARAGRAPHS });
    expect(resolveCard(metaArticle, makeTopic(), { library: LIBRARY }).card.createdAt).toBe('2026-03-04T05:06:07.000Z');
  });

  it('throws rather than give a card whose evidence points past the article', async () => {
    // The engines keep evidence within the article; this checks the guard behind them.
    vi.resetModules();
    vi.doMock('../../src/core/digest', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src/core/digest')>();
      return {
        ...real,
        buildDigestCard: (...args: Parameters<typeof real.buildDigestCard>) => {
          const card = real.buildDigestCard(...args);
          return { ...card, faq: [{ q: 'Kva skjer med lagringa?', a: 'Ho vert flytta.', evidence: [args[0].paragraphs.length] }] };
        },
      };
    });
    const fresh = await import('../../src/core/resolve');
    expect(() => fresh.resolveCard(makeArticle(), makeTopic(), { library: [], now })).toThrow(/^invalid card: faq/);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.doUnmock('../../src/core/digest');
  vi.resetModules();
});
