import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ArticleSchema, TopicResultSchema } from '../../../src/core/schema/article';
import { makeArticle, makeTopic } from '../../factories/article';

describe('article and topic schemas', () => {
  it('checks articles and topics', () => {
    expect(v.is(ArticleSchema, makeArticle())).toBe(true);
    expect(v.is(ArticleSchema, { ...makeArticle(), paragraphs: [1] })).toBe(false);
    expect(v.is(ArticleSchema, { ...makeArticle(), meta: { a: 1 } })).toBe(false);
    expect(v.is(TopicResultSchema, makeTopic())).toBe(true);
    expect(v.is(TopicResultSchema, makeTopic({ secondary: ['nope' as never] }))).toBe(false);
  });

  it('refuses an article with any one field of the wrong type, and takes every optional field when it is right', () => {
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

  it('refuses a topic result with any one field of the wrong type', () => {
    for (const over of [{ id: 'sport' }, { label: 3 }, { confidence: NaN }, { confidence: '0.5' }, { secondary: 'cloud' }, { reasons: [1] }])
      expect(v.is(TopicResultSchema, { ...makeTopic(), ...over }), JSON.stringify(over)).toBe(false);
    expect(v.is(TopicResultSchema, makeTopic({ secondary: ['security', 'data'] }))).toBe(true);
  });
});
