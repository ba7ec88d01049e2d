import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { LIBRARY } from '../../../src/core/library-data';
import { resolveCard } from '../../../src/core/resolve';
import { makeArticle, makeTopic } from '../../factories/article';

/**
 * The schemas are built when their module loads. Imported afresh inside each
 * test, so that the mutation run (which runs, for a mutant, only the tests
 * that reach its code while they run) sees these tests build them.
 */
async function freshSchemas() {
  vi.resetModules();
  return import('../../../src/core/schema/article');
}

describe('CardStateSchema', () => {
  it('takes each state with the fields it needs, and nothing else as a state', async () => {
    const { CardStateSchema } = await freshSchemas();
    const card = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;
    const ok = (x: unknown) => v.is(CardStateSchema, x);
    expect(ok({ status: 'loading', url: 'https://www.spiceworks.com/a/' })).toBe(true);
    expect(ok({ status: 'loading', url: 'https://www.spiceworks.com/a/', title: 'Tittel' })).toBe(true);
    expect(ok({ status: 'loading' })).toBe(false);
    expect(ok({ status: 'loading', url: 'u', title: 3 })).toBe(false);
    expect(ok({ status: 'ready', url: 'u', card })).toBe(true);
    expect(ok({ status: 'ready', url: 'u' })).toBe(false);
    expect(ok({ status: 'none' })).toBe(true);
    expect(ok({ status: 'none', url: 4 })).toBe(false);
    expect(ok({ status: 'error', message: 'Feil' })).toBe(true);
    expect(ok({ status: 'error' })).toBe(false);
    for (const status of ['', 'Loading', 'other', undefined]) expect(ok({ status, url: 'u', title: 'T', message: 'm', card })).toBe(false);
  });
});

describe('article and topic schemas', () => {
  it('checks articles and topics', async () => {
    const { ArticleSchema, TopicResultSchema } = await freshSchemas();
    expect(v.is(ArticleSchema, makeArticle())).toBe(true);
    expect(v.is(ArticleSchema, { ...makeArticle(), paragraphs: [1] })).toBe(false);
    expect(v.is(ArticleSchema, { ...makeArticle(), meta: { a: 1 } })).toBe(false);
    expect(v.is(TopicResultSchema, makeTopic())).toBe(true);
    expect(v.is(TopicResultSchema, makeTopic({ secondary: ['nope' as never] }))).toBe(false);
  });

  it('refuses an article with any one field of the wrong type, and takes every optional field when it is right', async () => {
    const { ArticleSchema } = await freshSchemas();
    const full = makeArticle({
      author: 'A',
      published: '2026-01-01',
      updated: '2026-01-02',
      section: 'cloud',
      contentType: 'news',
      description: 'D',
      moreOn: 'M',
      postStarts: [0, 2],
      replies: { count: 3, atLeast: true },
      meta: { 'og:type': 'article' },
    });
    expect(v.is(ArticleSchema, full)).toBe(true);
    expect(v.is(ArticleSchema, { ...full, kind: 'thread' })).toBe(true);
    const broken: Record<string, unknown>[] = [
      { url: 1 },
      { canonicalUrl: null },
      { kind: 'page' },
      { title: undefined },
      ...['author', 'published', 'updated', 'section', 'contentType', 'description', 'moreOn'].map((k) => ({ [k]: 5 })),
      { tags: ['a', 1] },
      { tags: 'a' },
      { breadcrumbs: [null] },
      { jsonLd: null },
      { jsonLd: { types: [1], sections: [], keywords: [] } },
      { jsonLd: { types: [], sections: 'x', keywords: [] } },
      { jsonLd: { types: [], sections: [], keywords: [2] } },
      { meta: null },
      { paragraphs: 'text' },
      { postStarts: [0, -1] },
      { postStarts: [1.5] },
      { postStarts: 'x' },
      { replies: { count: 1.5, atLeast: false } },
      { replies: { count: 2 } },
      { replies: 3 },
      { replies: [1, true] },
      { meta: ['og:type'] },
      { jsonLd: [[], [], []] },
    ];
    for (const over of broken) expect(v.is(ArticleSchema, { ...full, ...over }), JSON.stringify(over)).toBe(false);
    expect(v.is(ArticleSchema, [full])).toBe(false);
    expect(v.is(ArticleSchema, null)).toBe(false);
  });

  it('refuses a topic result with any one field of the wrong type', async () => {
    const { TopicResultSchema } = await freshSchemas();
    for (const over of [{ id: 'sport' }, { label: 3 }, { confidence: NaN }, { confidence: Number.POSITIVE_INFINITY }, { confidence: '0.5' }, { secondary: 'cloud' }, { reasons: [1] }])
      expect(v.is(TopicResultSchema, { ...makeTopic(), ...over }), JSON.stringify(over)).toBe(false);
    expect(v.is(TopicResultSchema, makeTopic({ secondary: ['security', 'data'] }))).toBe(true);
  });
});

describe('ArticleSchema', () => {
  it('refuses what is not a plain object, and says so', async () => {
    const { ArticleSchema } = await freshSchemas();
    for (const x of [[], null, 'article', 3]) expect(v.safeParse(ArticleSchema, x).issues?.[0]?.message).toBe('not an object');
    expect(v.is(ArticleSchema, makeArticle())).toBe(true);
  });
});
