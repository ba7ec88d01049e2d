import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LIBRARY } from '../../src/core/library-data';
import { resolveCard } from '../../src/core/resolve';
import { CARD_LIMITS } from '../../src/core/schema/card';
import type * as Validate from '../../src/core/validate';
import { makeArticle, makeTopic } from '../factories/article';

/*
 * The guards, with the schemas under them, imported afresh before each test:
 * the schemas are built when their modules load, and the mutation run
 * credits a test only with the code that runs while the test runs.
 */
let isCardState: typeof Validate.isCardState;
let validateCard: typeof Validate.validateCard;
beforeEach(async () => {
  vi.resetModules();
  ({ isCardState, validateCard } = await import('../../src/core/validate'));
});

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

  it('names every wrong field at once, in the order of the card fields, FAQ items by number', () => {
    // Eleven items: one too many for a card ("faq"), and two of them point past the article.
    const faq = Array.from({ length: 11 }, (_, i) => ({ q: 'Kva?', a: 'Dette.', evidence: [i === 0 || i === 10 ? 9 : 0] }));
    const r = validateCard({ ...card(), createdAt: 5, faq, title: '', url: 'ftp://x', topic: { ...card().topic, reasons: [1] } }, 3);
    expect(r.ok ? [] : r.errors).toEqual(['url', 'title', 'topic.reasons', 'faq', 'faq[0]', 'faq[10]', 'createdAt']);
    const s = validateCard({ ...card(), topic: { ...card().topic, secondary: ['sport'] } });
    expect(s.ok ? [] : s.errors).toEqual(['topic.secondary']);
    // By number whatever is wrong with them: item 3's question is too long, item 1 points past the article.
    const faq2 = [0, 1, 2, 3].map((i) => ({ q: i === 3 ? 'x'.repeat(CARD_LIMITS.question + 1) : 'Kva?', a: 'Dette.', evidence: [i === 1 ? 9 : 0] }));
    const f = validateCard({ ...card(), faq: faq2 }, 3);
    expect(f.ok ? [] : f.errors).toEqual(['faq[1]', 'faq[3]']);
  });

  it('names every field of the card when every one is wrong, in the order of the card fields', () => {
    const wrong = {
      url: 'ftp://x',
      title: '',
      sourceTitle: 5,
      topic: { ...card().topic, id: 'sport', reasons: [1], secondary: ['sport'] },
      summary: 5,
      faq: 'Kva?',
      source: 5,
      engine: 'ein modell',
      language: 'nn',
      notice: 5,
      facts: 5,
      keyPoints: 5,
      figures: 5,
      terms: 5,
      createdAt: 5,
    };
    const r = validateCard({ ...card(), ...wrong });
    // The order a reader of the errors meets the fields in the card (written here, not read from validate.ts).
    const order = ['url', 'title', 'sourceTitle', 'topic', 'topic.reasons', 'topic.secondary', 'summary', 'faq', 'source', 'engine', 'language', 'notice', 'facts', 'keyPoints', 'figures', 'terms', 'createdAt'];
    expect(r.ok ? [] : r.errors).toEqual(order);
  });

  it('refuses figures whose evidence points past the article', () => {
    const figures = [{ value: '30 prosent', text: 'About 30 percent left.', evidence: [1] }];
    expect(validateCard({ ...card(), figures }, 2).ok).toBe(true);
    const r = validateCard({ ...card(), figures }, 1);
    expect(r.ok ? [] : r.errors).toEqual(['figures']);
  });

  it('refuses a card nested deeper than any card, and takes extra keys up to that depth', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'x' : [nest(levels - 1)]);
    expect(validateCard({ ...card(), anchors: nest(11) }).ok).toBe(true);
    expect(validateCard({ ...card(), anchors: nest(12) })).toEqual({ ok: false, errors: ['card is nested too deeply'] });
    expect(validateCard({ ...card(), anchors: { a: { b: nest(10) } } })).toEqual({ ok: false, errors: ['card is nested too deeply'] });
  });

  it('refuses non-objects and wrong language', () => {
    expect(validateCard(null).ok).toBe(false);
    expect(validateCard([card()])).toEqual({ ok: false, errors: ['card is not an object'] });
    expect(validateCard('card')).toEqual({ ok: false, errors: ['card is not an object'] });
    expect(validateCard({ ...card(), language: { lang: 'nb', bokmalForms: [] } }).ok).toBe(false);
  });
});

describe('isCardState', () => {
  it('checks card states', () => {
    expect(isCardState({ status: 'loading', url: 'u', title: 'T' })).toBe(true);
    expect(isCardState({ status: 'loading', url: 'u', title: 3 })).toBe(false);
    expect(isCardState({ status: 'loading' })).toBe(false);
    expect(isCardState({ status: 'ready', card: card() })).toBe(false);
    expect(isCardState({ status: 'none' })).toBe(true);
    expect(isCardState({ status: 'none', url: 4 })).toBe(false);
    expect(isCardState({ status: 'error', url: 4, message: 'Feil' })).toBe(false);
    expect(isCardState(null)).toBe(false);
    expect(isCardState({ status: 'ready', url: 'u', card: card() })).toBe(true);
    expect(isCardState({ status: 'ready', url: 'u', card: {} })).toBe(false);
    expect(isCardState({ status: 'loading', url: 'u' })).toBe(true);
    expect(isCardState({ status: 'error', message: 'Feil' })).toBe(true);
    expect(isCardState({ status: 'error' })).toBe(false);
    expect(isCardState({ status: 'other' })).toBe(false);
    const c = card();
    const negative = { ...c, faq: c.faq.map((f, i) => (i === 0 ? { ...f, evidence: [-1] } : f)) };
    expect(isCardState({ status: 'ready', url: 'u', card: negative })).toBe(false);
  });

  it('takes a ready card exactly when validateCard does, also where NFC changes its length', () => {
    // "å" decomposed is two code units, so the first card is over the title limit as it comes and at it in NFC;
    // U+0958 is one code unit that NFC turns into two, so the third is within the limit as it comes and over it in NFC.
    const titles = ['a\u030a'.repeat(CARD_LIMITS.title), 'a\u030a'.repeat(CARD_LIMITS.title + 1), '\u0958'.repeat(CARD_LIMITS.title)];
    const verdicts = titles.map((title) => {
      const c = { ...card(), title };
      return [validateCard(c).ok, isCardState({ status: 'ready', url: 'u', card: c })];
    });
    expect(verdicts).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
  });
});

describe('fact card parts', () => {
  it('checks facts, key points and terms', () => {
    const c = { ...card(), facts: [{ label: 'Kjelde', value: 'Spiceworks' }], keyPoints: [{ text: 'A sentence.', evidence: [1] }], terms: [{ en: 'cloud', nn: 'sky' }] };
    expect(validateCard(c, 2).ok).toBe(true);
    expect(validateCard({ ...c, keyPoints: [{ text: 'A sentence.', evidence: [2] }] }, 2)).toEqual({ ok: false, errors: ['keyPoints'] });
    expect(validateCard({ ...c, facts: [{ label: 'Kjelde', value: '' }] }).ok).toBe(false);
    expect(validateCard({ ...c, terms: [{ en: 'cloud' }] }).ok).toBe(false);
  });
});

describe('limits and Unicode (issue 12, defect 6)', () => {
  const errorsOf = (c: unknown, n?: number) => {
    const r = validateCard(c, n);
    return r.ok ? [] : r.errors;
  };
  const faq = (n: number) => Array.from({ length: n }, (_, i) => ({ q: `Spørsmål ${i}?`, a: 'Svar.', evidence: [0] }));

  it('refuses text longer than its limit, and lists with too many items', () => {
    expect(errorsOf({ ...card(), title: 'x'.repeat(130_000) })).toEqual(['title']);
    expect(errorsOf({ ...card(), title: 'x'.repeat(CARD_LIMITS.title) })).toEqual([]);
    expect(errorsOf({ ...card(), sourceTitle: 'x'.repeat(CARD_LIMITS.title + 1) })).toEqual(['sourceTitle']);
    expect(errorsOf({ ...card(), summary: ['x'.repeat(CARD_LIMITS.paragraph + 1)] })).toEqual(['summary']);
    expect(errorsOf({ ...card(), summary: Array.from({ length: CARD_LIMITS.paragraphs + 1 }, () => 'Avsnitt.') })).toEqual(['summary']);
    expect(errorsOf({ ...card(), faq: faq(CARD_LIMITS.faq + 1) })).toEqual(['faq']);
    expect(errorsOf({ ...card(), faq: faq(CARD_LIMITS.faq) })).toEqual([]);
    expect(errorsOf({ ...card(), faq: [{ q: 'x'.repeat(CARD_LIMITS.question + 1), a: 'Svar.', evidence: [] }] })).toEqual(['faq[0]']);
    expect(errorsOf({ ...card(), faq: [{ q: 'Kva?', a: 'x'.repeat(CARD_LIMITS.answer + 1), evidence: [] }] })).toEqual(['faq[0]']);
    expect(errorsOf({ ...card(), faq: [{ q: 'Kva?', a: 'Svar.', evidence: Array.from({ length: CARD_LIMITS.evidence + 1 }, (_, i) => i) }] })).toEqual(['faq[0]']);
    expect(errorsOf({ ...card(), notice: 'x'.repeat(CARD_LIMITS.notice + 1) })).toEqual(['notice']);
    expect(errorsOf({ ...card(), engine: { kind: 'model', model: 'm'.repeat(CARD_LIMITS.label + 1) } })).toEqual(['engine']);
    expect(errorsOf({ ...card(), language: { lang: 'nn', bokmalForms: Array.from({ length: CARD_LIMITS.bokmalForms + 1 }, (_, i) => `f${i}`) } })).toEqual(['language']);
    expect(errorsOf({ ...card(), keyPoints: Array.from({ length: CARD_LIMITS.keyPoints + 1 }, () => ({ text: 'A sentence.', evidence: [0] })) })).toEqual(['keyPoints']);
    expect(errorsOf({ ...card(), terms: [{ en: 'x'.repeat(CARD_LIMITS.term + 1), nn: 'y' }] })).toEqual(['terms']);
  });

  it('refuses a URL that is too long or not http(s)', () => {
    const c = card();
    const long = `https://www.spiceworks.com/${'a'.repeat(55_000)}`;
    expect(errorsOf({ ...c, source: { ...c.source, url: long } })).toEqual(['source']);
    expect(errorsOf({ ...c, url: long })).toEqual(['url']);
    expect(errorsOf({ ...c, source: { ...c.source, url: 'javascript:alert(1)' } })).toEqual(['source']);
    expect(errorsOf({ ...c, source: { ...c.source, url: '/relative/path' } })).toEqual(['source']);
    expect(errorsOf({ ...c, url: 'http://www.spiceworks.com/a' })).toEqual([]);
    expect(errorsOf({ ...c, url: `https://www.spiceworks.com/${'a'.repeat(CARD_LIMITS.url - 27)}` })).toEqual([]);
  });

  it('refuses lone surrogates and control characters other than tab and newline', () => {
    const c = card();
    expect(errorsOf({ ...c, title: 'Tittel \ud800' })).toEqual(['title']);
    expect(errorsOf({ ...c, summary: ['Avsnitt \udc00 her.'] })).toEqual(['summary']);
    expect(errorsOf({ ...c, faq: [{ q: 'Kva?', a: 'Svar\u0001.', evidence: [] }] })).toEqual(['faq[0]']);
    expect(errorsOf({ ...c, sourceTitle: 'A\u0085B' })).toEqual(['sourceTitle']);
    expect(errorsOf({ ...c, source: { ...c.source, author: 'Kari\u007f' } })).toEqual(['source']);
    expect(errorsOf({ ...c, title: 'Ein emoji 😀 er heil' })).toEqual([]);
    expect(errorsOf({ ...c, summary: ['Linje ein\nlinje\tto.'] })).toEqual([]);
  });

  it('returns the card in NFC, extra keys kept', () => {
    const c = { ...card(), title: 'Kafe\u0301 og e\u0301n', extra: { note: 'A\u030a', ['Ska\u030alen']: 'ja' } };
    const r = validateCard(c);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.card.title).toBe('Kaf\u00e9 og \u00e9n');
      expect((r.card as unknown as { extra: { note: string } }).extra.note).toBe('\u00c5');
      // Keys are strings too.
      expect(Object.keys((r.card as unknown as { extra: object }).extra)).toEqual(['note', 'Sk\u00e5len']);
    }
  });

  it('names the field of a null where an object or list item should be, without throwing', () => {
    const c = card();
    expect(validateCard({ ...c, notice: null })).toEqual({ ok: false, errors: ['notice'] });
    expect(validateCard({ ...c, faq: [c.faq[0], null] })).toEqual({ ok: false, errors: ['faq[1]'] });
    expect(validateCard({ ...c, keyPoints: [null] })).toEqual({ ok: false, errors: ['keyPoints'] });
    expect(validateCard({ ...c, figures: [null] })).toEqual({ ok: false, errors: ['figures'] });
  });
});
