import { describe, expect, it } from 'vitest';
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
    expect(validateCard(card, article.paragraphs.length).ok).toBe(true);
  });

  it('says honestly what it knows for an article without a curated card', () => {
    const article = makeArticle({ author: 'Kari Nordmann', published: '2025-02-14', contentType: 'news' });
    const { card } = resolveCard(article, makeTopic(), { library: LIBRARY, now });
    expect(card.engine.kind).toBe('digest');
    expect(card.title).toBe('Example Cloud Story');
    expect(card.summary[0]).toBe('Nyheitsartikkel om skytenester frå Spiceworks. Skriven av Kari Nordmann. Publisert 14. februar 2025.');
    expect(card.notice).toMatch(/ikkje noko nynorsk samandrag/);
    expect(card.createdAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('leaves out facts the page does not have, never printing undefined', () => {
    const article = makeArticle({ kind: 'thread', contentType: 'thread', paragraphs: ['One line.'] });
    const { card } = resolveCard(article, makeTopic(), { library: LIBRARY, now });
    const text = card.summary.join(' ');
    expect(text).not.toMatch(/undefined|Skriven av|Publisert/);
    expect(card.summary[0]).toBe('Tråd i Spiceworks-fellesskapet om skytenester.');
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
      findBokmal: (text) => (text.includes('Artikkel') ? ['artikkel', 'artikkel'] : []),
    });
    expect(card.language.bokmalForms).toEqual(['artikkel']);
  });
});
