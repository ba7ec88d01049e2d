/** A card written by us for UI tests (our own words, not from any article). */
import type { Card, CardState } from '../../src/core/types';

export function sampleCard(overrides: Partial<Card> = {}): Card {
  return {
    url: 'https://www.spiceworks.com/tech/artificial-intelligence/news/eit-testdøme/',
    title: 'Eit testkort om kunstig intelligens',
    sourceTitle: 'A Test Card About Artificial Intelligence',
    topic: {
      id: 'ai',
      label: 'Kunstig intelligens',
      confidence: 0.9,
      reasons: ['Adressa ligg under artificial-intelligence.', 'Teksten nemner språkmodellar fleire gonger.'],
    },
    summary: ['Første avsnitt i samandraget.', 'Andre avsnitt i samandraget.'],
    faq: [
      { q: 'Kva handlar saka om?', a: 'Ho handlar om eit testkort.', evidence: [0] },
      { q: 'Kven står bak?', a: 'Det står ikkje i saka.', evidence: [1, 3] },
      { q: 'Kva skjer no?', a: 'Testen køyrer vidare.', evidence: [] },
    ],
    source: { site: 'Spiceworks', url: 'https://www.spiceworks.com/tech/artificial-intelligence/news/eit-testdøme/', author: 'Kari Nordmann', published: '2024-04-03' },
    engine: { kind: 'library' },
    language: { lang: 'nn', bokmalForms: [] },
    createdAt: '2024-04-04T10:00:00Z',
    ...overrides,
  };
}

export function readyState(overrides: Partial<Card> = {}): CardState {
  const card = sampleCard(overrides);
  return { status: 'ready', url: card.url, card };
}
