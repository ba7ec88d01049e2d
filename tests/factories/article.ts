/** Builds Article objects for unit tests; our own sentences, not fixture text. */
import type { Article, TopicResult } from '../../src/core/types';

export function makeArticle(over: Partial<Article> = {}): Article {
  return {
    url: 'https://www.spiceworks.com/tech/cloud/news/example-cloud-story/',
    canonicalUrl: 'https://www.spiceworks.com/tech/cloud/news/example-cloud-story/',
    kind: 'article',
    title: 'Example Cloud Story',
    tags: [],
    breadcrumbs: [],
    jsonLd: { types: [], sections: [], keywords: [] },
    meta: {},
    paragraphs: ['A first paragraph about cloud costs.', 'A second paragraph about budgets.'],
    ...over,
  };
}

export function makeTopic(over: Partial<TopicResult> = {}): TopicResult {
  return { id: 'cloud', label: 'skytenester', confidence: 0.9, secondary: [], reasons: ['«cloud» i nettadressa'], ...over };
}

/** A copy of the Meta story in our own words, as a page at another URL might hold it. */
export const META_PARAGRAPHS = [
  'Meta is losing senior artificial intelligence staff even though it leads the field.',
  'Many say they are frustrated that AI is only used to improve existing products instead of experimental work.',
  'Mark Zuckerberg has personally called researchers with generous offers to keep them.',
  'Devi Parikh, Abhishek Das and Erik Meijer have all left in recent weeks.',
  'More than 30 percent of the staff on Meta AI projects have left since early 2023, partly for lack of compute.',
  'Start-ups such as Anthropic, Cohere and OpenAI have gained from the exits.',
];
