import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../src/core/library-data';
import { resolveCard } from '../../src/core/resolve';
import { isArticle, isCardState, isTopicResult, validateCard } from '../../src/core/validate';
import { makeArticle, makeTopic } from '../factories/article';

const card = () => resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;

describe('validateCard', () => {
  it('accepts a resolved card', () => {
    expect(validateCard(card()).ok).toBe(true);
  });

  it('names what is wrong', () => {
    const bad = { ...card(), title: ' ', topic: { id: 'sport', label: 'x', confidence: 1 }, engine: { kind: 'magic' } };
    const r = validateCard(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['title', 'topic', 'engine']);
  });

  it('refuses evidence that points past the article', () => {
    const c = { ...card(), faq: [{ q: 'Kva?', a: 'Dette.', evidence: [0, 7] }] };
    expect(validateCard(c, 8).ok).toBe(true);
    expect(validateCard(c, 7).ok).toBe(false);
    expect(validateCard({ ...c, faq: [{ q: 'Kva?', a: 'Dette.', evidence: [-1] }] }).ok).toBe(false);
  });

  it('refuses non-objects and wrong language', () => {
    expect(validateCard(null).ok).toBe(false);
    expect(validateCard({ ...card(), language: { lang: 'nb', bokmalForms: [] } }).ok).toBe(false);
  });
});

describe('boundary guards', () => {
  it('checks articles and topics', () => {
    expect(isArticle(makeArticle())).toBe(true);
    expect(isArticle({ ...makeArticle(), paragraphs: [1] })).toBe(false);
    expect(isArticle({ ...makeArticle(), meta: { a: 1 } })).toBe(false);
    expect(isTopicResult(makeTopic())).toBe(true);
    expect(isTopicResult(makeTopic({ secondary: ['nope' as never] }))).toBe(false);
  });

  it('checks card states', () => {
    expect(isCardState({ status: 'ready', url: 'u', card: card() })).toBe(true);
    expect(isCardState({ status: 'ready', url: 'u', card: {} })).toBe(false);
    expect(isCardState({ status: 'loading', url: 'u' })).toBe(true);
    expect(isCardState({ status: 'error', message: 'Feil' })).toBe(true);
    expect(isCardState({ status: 'error' })).toBe(false);
    expect(isCardState({ status: 'other' })).toBe(false);
  });
});

describe('fact card parts', () => {
  it('checks facts, key points and terms', () => {
    const c = { ...card(), facts: [{ label: 'Kjelde', value: 'Spiceworks' }], keyPoints: [{ text: 'A sentence.', evidence: [1] }], terms: [{ en: 'cloud', nn: 'sky' }] };
    expect(validateCard(c, 2).ok).toBe(true);
    expect(validateCard({ ...c, keyPoints: [{ text: 'A sentence.', evidence: [2] }] }, 2).ok).toBe(false);
    expect(validateCard({ ...c, facts: [{ label: 'Kjelde', value: '' }] }).ok).toBe(false);
    expect(validateCard({ ...c, terms: [{ en: 'cloud' }] }).ok).toBe(false);
  });
});
