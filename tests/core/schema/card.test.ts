import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildDigestCard } from '../../../src/core/digest';
import { LIBRARY } from '../../../src/core/library-data';
import type { CardContent } from '../../../src/core/model/types';
import { resolveCard } from '../../../src/core/resolve';
import { CardContentSchema, CardSchema, ENGINE_KINDS } from '../../../src/core/schema/card';
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
    expect(v.is(CardContentSchema, { ...c, faq: [{ ...c.faq[0], evidence: [0.5] }] })).toBe(false);
  });
});
