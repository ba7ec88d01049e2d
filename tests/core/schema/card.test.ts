import * as v from 'valibot';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { buildDigestCard } from '../../../src/core/digest';
import { LIBRARY } from '../../../src/core/library-data';
import type { CardContent } from '../../../src/core/model/types';
import { resolveCard } from '../../../src/core/resolve';
import { DEFAULT_MAX_EVIDENCE } from '../../../src/core/model/grammar';
import { LOCAL_CARD_BOUNDS } from '../../../src/core/model/providers/local';
import { CARD_LIMITS, CardContentSchema, CardSchema, ENGINE_KINDS } from '../../../src/core/schema/card';
import { validateCard } from '../../../src/core/validate';
import { loadFixtureInputs } from '../../../support/digest/shared';
import type { Card, EngineKind, FaqItem } from '../../../src/core/types';
import { makeArticle, makeTopic } from '../../factories/article';

describe('card schemas', () => {
  it('are where the card types come from', () => {
    expectTypeOf<EngineKind>().toEqualTypeOf<'library' | 'model' | 'local' | 'digest'>();
    expectTypeOf<FaqItem>().toEqualTypeOf<{ q: string; a: string; evidence: number[] }>();
    expectTypeOf<CardContent>().toEqualTypeOf<{ title: string; summary: string[]; faq: FaqItem[] }>();
    expectTypeOf<Pick<Card, 'title' | 'summary' | 'faq'>>().toEqualTypeOf<CardContent>();
    expect(ENGINE_KINDS).toEqual(['library', 'model', 'local', 'digest']);
  });

  it('pass the cards the engines make, the on-device engine’s kind included', () => {
    const library = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;
    expect(v.is(CardSchema, library)).toBe(true);
    expect(v.is(CardSchema, { ...library, engine: { kind: 'local', model: 'qwen2.5-0.5b-instruct-q4' } })).toBe(true);
    expect(v.is(CardSchema, { ...library, engine: { kind: 'cloud' } })).toBe(false);
    expect(v.is(CardSchema, buildDigestCard(makeArticle(), makeTopic()))).toBe(true);
    expect(v.is(CardSchema, { ...library, faq: library.faq.map((f) => ({ ...f, anchors: [['extra', 'keys']] })) })).toBe(true);
  });

  it('CardContentSchema takes exactly the model’s keys and refuses blank text', () => {
    const c = { title: 'Tittel', summary: ['Avsnitt.'], faq: [{ q: 'Kva?', a: 'Dette.', evidence: [0] }] };
    expect(v.is(CardContentSchema, c)).toBe(true);
    expect(v.is(CardContentSchema, { ...c, extra: 1 })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, faq: [{ ...c.faq[0], anchors: [] }] })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, title: '  ' })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, summary: ['\u00a0'] })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, faq: [{ ...c.faq[0], q: ' ' }] })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, faq: [{ ...c.faq[0], a: '' }] })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, faq: [{ ...c.faq[0], evidence: [0.5] }] })).toBe(false);
  });

  it('CARD_LIMITS hold every real card, and the on-device grammar stays within them', () => {
    for (const i of loadFixtureInputs()) {
      const r = validateCard(buildDigestCard(i.article, i.topic), i.article.paragraphs.length);
      expect(r.ok ? [] : [i.name, ...r.errors]).toEqual([]);
    }
    for (const e of LIBRARY) expect(validateCard(resolveCard(makeArticle(), makeTopic(), { library: [e] }).card).ok).toBe(true);
    const m = LOCAL_CARD_BOUNDS.maxChars;
    expect(m.title).toBeLessThanOrEqual(CARD_LIMITS.title);
    expect(m.paragraph).toBeLessThanOrEqual(CARD_LIMITS.paragraph);
    expect(m.question).toBeLessThanOrEqual(CARD_LIMITS.question);
    expect(m.answer).toBeLessThanOrEqual(CARD_LIMITS.answer);
    for (const b of [LOCAL_CARD_BOUNDS.short, LOCAL_CARD_BOUNDS.full]) {
      expect(b.summary.max).toBeLessThanOrEqual(CARD_LIMITS.paragraphs);
      expect(b.faq.max).toBeLessThanOrEqual(CARD_LIMITS.faq);
    }
    expect(DEFAULT_MAX_EVIDENCE).toBeLessThanOrEqual(CARD_LIMITS.evidence);
  });

  it('CardContentSchema refuses what is over the limits too', () => {
    const c = { title: 'Tittel', summary: ['Avsnitt.'], faq: [{ q: 'Kva?', a: 'Dette.', evidence: [0] }] };
    expect(v.is(CardContentSchema, { ...c, title: 'x'.repeat(CARD_LIMITS.title + 1) })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, faq: Array.from({ length: CARD_LIMITS.faq + 1 }, () => c.faq[0]) })).toBe(false);
    expect(v.is(CardContentSchema, { ...c, title: 'Tittel\u0000' })).toBe(false);
  });

  it('take text and lists exactly at the limits', () => {
    const c = { title: 'Tittel', summary: ['Avsnitt.'], faq: [{ q: 'Kva?', a: 'Dette.', evidence: [0] }] };
    expect(v.is(CardContentSchema, { ...c, title: 'x'.repeat(CARD_LIMITS.title) })).toBe(true);
    expect(v.is(CardContentSchema, { ...c, summary: Array.from({ length: CARD_LIMITS.paragraphs }, () => 'Avsnitt.') })).toBe(true);
    expect(v.is(CardContentSchema, { ...c, faq: [{ ...c.faq[0], evidence: Array.from({ length: CARD_LIMITS.evidence }, (_, i) => i) }] })).toBe(true);
    expect(v.is(CardContentSchema, { ...c, faq: [{ ...c.faq[0], evidence: Array.from({ length: CARD_LIMITS.evidence + 1 }, (_, i) => i) }] })).toBe(false);
  });

  it('CardSchema refuses a card with a blank question, answer, fact, key point or figure', () => {
    const card = buildDigestCard(makeArticle(), makeTopic());
    const keyPoint = { text: 'The team moved its file servers to a new storage array.', evidence: [0] };
    const figure = { value: '30 %', text: 'Costs rose 30 percent.', evidence: [1] };
    const fact = { label: 'Kjelde', value: 'Spiceworks' };
    const ok = (over: Partial<Card>) => v.is(CardSchema, { ...card, ...over });
    expect(ok({ facts: [fact], keyPoints: [keyPoint], figures: [figure] })).toBe(true);
    expect(ok({ facts: [{ ...fact, value: ' ' }] })).toBe(false);
    expect(ok({ keyPoints: [{ ...keyPoint, text: '\u00a0' }] })).toBe(false);
    expect(ok({ figures: [{ ...figure, value: '' }] })).toBe(false);
    expect(ok({ figures: [{ ...figure, text: ' \n' }] })).toBe(false);
    const faq = { q: 'Kva skjer?', a: 'Serverane vert flytta.', evidence: [0] };
    expect(ok({ faq: [faq] })).toBe(true);
    expect(ok({ faq: [{ ...faq, q: '\t' }] })).toBe(false);
    expect(ok({ faq: [{ ...faq, a: ' ' }] })).toBe(false);
  });

  it('CardSchema refuses a topic confidence that is not a finite number', () => {
    const card = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;
    expect(v.is(CardSchema, { ...card, topic: { ...card.topic, confidence: 0.5 } })).toBe(true);
    for (const confidence of [Number.NaN, Number.POSITIVE_INFINITY, '0.9']) expect(v.is(CardSchema, { ...card, topic: { ...card.topic, confidence } })).toBe(false);
  });
});

describe('card schema messages', () => {
  it('say why a string is refused, for the malformed-reply error that quotes them', async () => {
    // Imported afresh inside the test: the schema is built when its module loads, and the mutation run
    // credits a test only with the code that runs while the test runs.
    vi.resetModules();
    const fresh = await import('../../../src/core/schema/card');
    const card = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;
    for (const title of ['Bell\u0007', 'Lone \ud800 surrogate', 'A <b>tag</b>']) {
      const r = v.safeParse(fresh.CardSchema, { ...card, title });
      expect(r.issues?.map((i) => i.message)).toEqual(['control character, lone surrogate or markup']);
    }
    const messages = (over: Record<string, unknown>) => v.safeParse(fresh.CardSchema, { ...card, ...over }).issues?.map((i) => i.message);
    expect(messages({ title: 'x'.repeat(fresh.CARD_LIMITS.title + 1) })).toEqual([`longer than ${fresh.CARD_LIMITS.title} characters`]);
    expect(messages({ title: ' \n ' })).toEqual(['blank text']);
    expect(messages({ summary: Array.from({ length: fresh.CARD_LIMITS.paragraphs + 1 }, () => 'Avsnitt.') })).toEqual([`more than ${fresh.CARD_LIMITS.paragraphs} items`]);
    expect(messages({ url: 'ftp://example.com/a' })).toEqual(['not an http(s) URL']);
    expect(messages({ createdAt: 'i går' })).toEqual(['not a date']);
  });

  it('take a suggestion for each flagged Bokmål form up to the limit, and say why more are refused', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/schema/card');
    const card = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;
    const max = fresh.CARD_LIMITS.bokmalForms;
    const suggestions = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`ikke${i}`, `ikkje${i}`]));
    const language = (n: number) => ({ ...card.language, suggestions: suggestions(n) });
    expect(v.is(fresh.CardSchema, { ...card, language: { ...card.language, bokmalForms: ['ikke'], suggestions: { ikke: 'ikkje' } } })).toBe(true);
    expect(v.is(fresh.CardSchema, { ...card, language: language(max) })).toBe(true);
    const r = v.safeParse(fresh.CardSchema, { ...card, language: language(max + 1) });
    expect(r.issues?.map((i) => [i.path?.map((p) => p.key).join('.'), i.message])).toEqual([['language.suggestions', `more than ${max} items`]]);
    // A list is not a record of suggestions, though its indices look like keys.
    expect(v.safeParse(fresh.CardSchema, { ...card, language: { ...card.language, suggestions: ['ikkje'] } }).issues?.map((i) => i.message)).toEqual(['not a record']);
  });

  it('take every topic id and engine kind, and no other', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/schema/card');
    const card = resolveCard(makeArticle(), makeTopic(), { library: LIBRARY }).card;
    const ids = ['ai', 'security', 'cloud', 'networking', 'data', 'devops', 'hardware', 'software', 'careers', 'business'];
    for (const id of ids) expect([id, v.is(fresh.CardSchema, { ...card, topic: { ...card.topic, id } })]).toEqual([id, true]);
    for (const kind of ['library', 'model', 'local', 'digest']) expect([kind, v.is(fresh.CardSchema, { ...card, engine: { kind } })]).toEqual([kind, true]);
    for (const id of ['', 'sport', 'AI']) expect(v.is(fresh.TopicIdSchema, id)).toBe(false);
    for (const kind of ['', 'cloud', 'Model']) expect(v.is(fresh.EngineKindSchema, kind)).toBe(false);
  });
});
