import { describe, expect, it } from 'vitest';
import { buildDigestCard } from '../../../src/core/digest/index';
import { makeArticle, makeTopic } from '../../factories/article';

describe('buildDigestCard source', () => {
  const url = 'https://www.spiceworks.com/tech/cloud/news/example-cloud-story/';

  it('names the author and the publishing date when the article gives them', () => {
    const card = buildDigestCard(makeArticle({ author: 'Jane Smith', published: '2024-04-03' }), makeTopic());
    expect(card.source).toStrictEqual({ site: 'Spiceworks', url, author: 'Jane Smith', published: '2024-04-03' });
  });

  it('holds no author or date key at all when the article has neither (a stored card carries no empty fields)', () => {
    const card = buildDigestCard(makeArticle(), makeTopic());
    expect(card.source).toStrictEqual({ site: 'Spiceworks', url });
  });

  it('leaves out a publishing date it cannot read as a date, and keeps the author', () => {
    const card = buildDigestCard(makeArticle({ author: 'Jane Smith', published: 'April 3, 2024' }), makeTopic());
    expect(card.source).toStrictEqual({ site: 'Spiceworks', url, author: 'Jane Smith' });
  });
});

describe('buildDigestCard title', () => {
  it('shows the article title, and the address when the page gave no title', () => {
    expect(buildDigestCard(makeArticle({ title: 'Example Cloud Story' }), makeTopic()).title).toBe('Example Cloud Story');
    const untitled = buildDigestCard(makeArticle({ title: '  ' }), makeTopic());
    expect([untitled.title, untitled.sourceTitle]).toEqual(['https://www.spiceworks.com/tech/cloud/news/example-cloud-story/', '']);
  });
});
