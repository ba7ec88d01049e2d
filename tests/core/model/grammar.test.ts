import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { cardContentGrammar, cardGrammarBounds, GBNF_ROOT, integerRange, jsonSchemaToGbnf, type CardGrammarParams } from '../../../src/core/model/grammar';
import { CARD_CONTENT_SCHEMA } from '../../../src/core/model/schema';
import type { CardContent } from '../../../src/core/model/types';
import { CardContentSchema } from '../../../src/core/schema/card';
import { matchesGbnf, parseGbnf, sampleGbnf, type Grammar } from '../../support/gbnf';
import { mulberry32 } from '../../../support/random';

const CHARS = { title: 80, paragraph: 400, question: 120, answer: 300 };
const PARAMS: Record<string, CardGrammarParams> = {
  eight: { paragraphCount: 8, summary: { min: 2, max: 3 }, faq: { min: 3, max: 3 }, maxChars: CHARS },
  none: { paragraphCount: 0, summary: { min: 1, max: 2 }, faq: { min: 1, max: 2 }, maxChars: { title: 20, paragraph: 60, question: 40, answer: 50 } },
  many: { paragraphCount: 137, summary: { min: 4, max: 6 }, faq: { min: 5, max: 7 }, maxChars: CHARS, maxEvidence: 2 },
  one: { paragraphCount: 1, summary: { min: 1, max: 1 }, faq: { min: 0, max: 2 }, maxChars: { title: 10, paragraph: 30, question: 20, answer: 20 } },
};

const faqItem = (i: number, evidence: number[]) => ({ q: `Kva skjer i punkt ${i}?`, a: `Svaret på spørsmål ${i} står i artikkelen.`, evidence });
const content = (n: { summary: number; faq: number }, evidence: (i: number) => number[]): CardContent => ({
  title: 'Ny «KI»-lov for verksemder',
  summary: Array.from({ length: n.summary }, (_, i) => `Avsnitt ${i + 1}: tilsette må lære meir om tryggleik – og "skya".`),
  faq: Array.from({ length: n.faq }, (_, i) => faqItem(i, evidence(i))),
});

describe('cardContentGrammar', () => {
  // Built before each test, not when the suite is collected: the mutation run credits a test only with the code that runs while it runs.
  let g: Grammar;
  beforeEach(() => {
    g = parseGbnf(cardContentGrammar(PARAMS.eight!));
  });
  const ok = (c: unknown) => matchesGbnf(g, JSON.stringify(c));
  const valid = () => content({ summary: 2, faq: 3 }, (i) => [i, 7].slice(0, 1 + (i % 2)));

  it('starts with the root rule llama.cpp needs and parses as GBNF', () => {
    expect(GBNF_ROOT).toBe('root');
    for (const p of Object.values(PARAMS)) {
      const text = cardContentGrammar(p);
      expect(text.startsWith('root ::= ')).toBe(true);
      expect(() => parseGbnf(text)).not.toThrow();
    }
  });

  it('accepts a valid card, compact or with single spaces and newlines between tokens', () => {
    const c = valid();
    expect(ok(c)).toBe(true);
    const spaced = JSON.stringify(c).replace(/([{[,:])/g, '$1 ').replace(/([}\]])/g, '\n$1');
    expect(matchesGbnf(g, spaced)).toBe(true);
    expect(matchesGbnf(g, `{\n"title": "T",\n"summary": ["A", "B"],\n"faq": [${[0, 1, 2].map((i) => `{"q": "Q${i}", "a": "A", "evidence": [${i}]}`).join(',\n')}]\n}`)).toBe(true);
  });

  it('refuses more whitespace than one space or newline, and whitespace around the object', () => {
    const c = valid();
    expect(matchesGbnf(g, JSON.stringify(c, null, 2))).toBe(false);
    expect(matchesGbnf(g, JSON.stringify(c).replace('{', '{  '))).toBe(false);
    expect(matchesGbnf(g, JSON.stringify(c).replace('{', '{\t'))).toBe(false);
    expect(matchesGbnf(g, ` ${JSON.stringify(c)}`)).toBe(false);
    expect(matchesGbnf(g, `${JSON.stringify(c)}\n`)).toBe(false);
  });

  it('restricts evidence to the article’s 0-based paragraph numbers, 1 to 3 per answer', () => {
    expect(ok(content({ summary: 2, faq: 3 }, () => [0]))).toBe(true);
    expect(ok(content({ summary: 2, faq: 3 }, () => [7]))).toBe(true);
    expect(ok(content({ summary: 2, faq: 3 }, () => [8]))).toBe(false);
    expect(ok(content({ summary: 2, faq: 3 }, () => [-1]))).toBe(false);
    expect(ok(content({ summary: 2, faq: 3 }, () => [1.5]))).toBe(false);
    expect(matchesGbnf(g, JSON.stringify(content({ summary: 2, faq: 3 }, () => [1]))!.replace(/\[1\]/g, '[01]'))).toBe(false);
    expect(matchesGbnf(g, JSON.stringify(content({ summary: 2, faq: 3 }, () => [1]))!.replace(/\[1\]/g, '["1"]'))).toBe(false);
    expect(ok(content({ summary: 2, faq: 3 }, () => [1, 2, 3]))).toBe(true);
    expect(ok(content({ summary: 2, faq: 3 }, () => [1, 2, 3, 4]))).toBe(false);
    expect(ok(content({ summary: 2, faq: 3 }, () => []))).toBe(false);
  });

  it('writes empty evidence when the article has no paragraphs', () => {
    const none = parseGbnf(cardContentGrammar(PARAMS.none!));
    expect(matchesGbnf(none, JSON.stringify(content({ summary: 1, faq: 1 }, () => [])).replace('Ny «KI»-lov for verksemder', 'Ny lov'))).toBe(true);
    expect(matchesGbnf(none, JSON.stringify({ title: 'Ny lov', summary: ['Eitt avsnitt.'], faq: [{ q: 'Kva?', a: 'Dette.', evidence: [0] }] }))).toBe(false);
  });

  it('never offers more evidence numbers than the article has paragraphs', () => {
    const one = parseGbnf(cardContentGrammar(PARAMS.one!));
    const card = (evidence: number[]) => JSON.stringify({ title: 'Lov', summary: ['Eitt avsnitt.'], faq: [{ q: 'Kva?', a: 'Dette.', evidence }] });
    expect(matchesGbnf(one, card([0]))).toBe(true);
    expect(matchesGbnf(one, card([0, 0]))).toBe(false);
    expect(matchesGbnf(one, card([1]))).toBe(false);
    expect(matchesGbnf(one, JSON.stringify({ title: 'Lov', summary: ['Eitt avsnitt.'], faq: [] }))).toBe(true);
  });

  it('matches exactly the valid paragraph numbers, for one- to four-digit counts', () => {
    for (const count of [1, 2, 9, 10, 11, 20, 99, 100, 101, 137, 1000, 1234]) {
      const gr = parseGbnf(cardContentGrammar({ ...PARAMS.eight!, paragraphCount: count }));
      const probe = [...Array.from({ length: Math.min(count + 15, 160) }, (_, n) => n), count - 1, count, count + 1, count * 10, 10 ** String(count).length];
      for (const n of probe) expect([count, n, matchesGbnf(gr, String(n), 'faq-item-evidence-item')]).toEqual([count, n, n < count]);
      for (const bad of ['00', '01', '-0', '', ' 1']) expect(matchesGbnf(gr, bad, 'faq-item-evidence-item')).toBe(false);
    }
  });

  it('offers a part’s own paragraph numbers when given the first one', () => {
    const gr = parseGbnf(cardContentGrammar({ ...PARAMS.eight!, paragraphCount: 5, firstParagraph: 10 }));
    for (let n = 0; n < 30; n++) expect([n, matchesGbnf(gr, String(n), 'faq-item-evidence-item')]).toEqual([n, n >= 10 && n < 15]);
  });

  it('bounds every string: at most maxChars characters, an escape counting as one', () => {
    const c = valid();
    expect(ok({ ...c, title: 'x'.repeat(80) })).toBe(true);
    expect(ok({ ...c, title: 'x'.repeat(81) })).toBe(false);
    expect(ok({ ...c, title: `${'x'.repeat(78)}"` })).toBe(true); // 79 characters, the quote written \"
    expect(ok({ ...c, summary: ['y'.repeat(400), 'z'] })).toBe(true);
    expect(ok({ ...c, summary: ['y'.repeat(401), 'z'] })).toBe(false);
    expect(ok({ ...c, faq: [faqItem(0, [0]), faqItem(1, [1]), { ...faqItem(2, [2]), q: 'q'.repeat(121) }] })).toBe(false);
    expect(ok({ ...c, faq: [faqItem(0, [0]), faqItem(1, [1]), { ...faqItem(2, [2]), a: 'a'.repeat(300) }] })).toBe(true);
    expect(ok({ ...c, faq: [faqItem(0, [0]), faqItem(1, [1]), { ...faqItem(2, [2]), a: 'a'.repeat(301) }] })).toBe(false);
    expect(ok({ ...c, title: 'æøå 😀 €' })).toBe(true);
  });

  it('refuses blank or space-led text, raw control characters and escapes other than \\" and \\\\', () => {
    const c = valid();
    expect(ok({ ...c, title: '' })).toBe(false);
    expect(ok({ ...c, title: ' Tittel' })).toBe(false);
    expect(ok({ ...c, title: '\u00a0Tittel' })).toBe(false);
    expect(ok({ ...c, title: 'Tittel ' })).toBe(true);
    expect(ok({ ...c, title: 'Ein \\ og ein "' })).toBe(true);
    expect(ok({ ...c, title: '"Sitat" først' })).toBe(true);
    expect(ok({ ...c, title: 'To\nlinjer' })).toBe(false); // JSON.stringify writes \n: an escape the grammar does not offer
    expect(ok({ ...c, title: 'Tab\there' })).toBe(false);
    expect(ok({ ...c, title: 'Del\u007f' })).toBe(false); // JSON.stringify keeps U+007F raw
    const raw = JSON.stringify(c).replace('Ny «KI»-lov', 'Ny\tlov');
    expect(matchesGbnf(g, raw)).toBe(false);
    expect(matchesGbnf(g, JSON.stringify(c).replace('Ny «KI»-lov', 'Ny \\u00e6 lov'))).toBe(false);
    expect(matchesGbnf(g, JSON.stringify(c).replace('Ny «KI»-lov', 'Ny \\/ lov'))).toBe(false);
  });

  it('refuses missing, extra and reordered keys, and item counts outside the bounds', () => {
    const c = valid();
    const { faq, ...noFaq } = c;
    expect(ok(noFaq)).toBe(false);
    expect(ok({ ...c, extra: 1 })).toBe(false);
    expect(ok({ summary: c.summary, title: c.title, faq })).toBe(false);
    expect(ok({ ...c, faq: faq.map(({ q, a, evidence }) => ({ a, q, evidence })) })).toBe(false);
    expect(ok({ ...c, faq: faq.map(({ q, a }) => ({ q, a })) })).toBe(false);
    expect(ok({ ...c, summary: ['Eitt.'] })).toBe(false);
    expect(ok({ ...c, summary: ['1', '2', '3'] })).toBe(true);
    expect(ok({ ...c, summary: ['1', '2', '3', '4'] })).toBe(false);
    expect(ok({ ...c, faq: faq.slice(0, 2) })).toBe(false);
    expect(ok({ ...c, faq: [...faq, faqItem(3, [3])] })).toBe(false);
    expect(ok({ ...c, summary: 'Eitt avsnitt.' })).toBe(false);
  });

  it('accepts only text that JSON.parse reads and CardContentSchema passes, within the bounds (random samples)', () => {
    for (const [name, p] of Object.entries(PARAMS)) {
      const gr = parseGbnf(cardContentGrammar(p));
      const random = mulberry32(name.length * 7919);
      const maxEvidence = Math.min(p.maxEvidence ?? 3, p.paragraphCount);
      const len = (s: string) => Array.from(s).length;
      for (let k = 0; k < 25; k++) {
        const text = sampleGbnf(gr, { random });
        expect(matchesGbnf(gr, text)).toBe(true);
        const parsed: unknown = JSON.parse(text);
        const check = v.safeParse(CardContentSchema, parsed);
        expect(check.issues, text).toBeUndefined();
        const c = parsed as CardContent;
        expect(Object.keys(c)).toEqual(['title', 'summary', 'faq']);
        expect(len(c.title)).toBeLessThanOrEqual(p.maxChars.title);
        expect(c.summary.length).toBeGreaterThanOrEqual(p.summary.min);
        expect(c.summary.length).toBeLessThanOrEqual(p.summary.max);
        for (const s of c.summary) expect(len(s)).toBeLessThanOrEqual(p.maxChars.paragraph);
        expect(c.faq.length).toBeGreaterThanOrEqual(p.faq.min);
        expect(c.faq.length).toBeLessThanOrEqual(p.faq.max);
        for (const f of c.faq) {
          expect(Object.keys(f)).toEqual(['q', 'a', 'evidence']);
          expect(len(f.q)).toBeLessThanOrEqual(p.maxChars.question);
          expect(len(f.a)).toBeLessThanOrEqual(p.maxChars.answer);
          expect(f.evidence.length).toBeGreaterThanOrEqual(p.paragraphCount ? 1 : 0);
          expect(f.evidence.length).toBeLessThanOrEqual(maxEvidence);
          for (const n of f.evidence) expect(Number.isInteger(n) && n >= 0 && n < p.paragraphCount).toBe(true);
        }
      }
    }
  });

  it('checks its parameters', () => {
    const p = PARAMS.eight!;
    expect(() => cardContentGrammar({ ...p, summary: { min: 3, max: 2 } })).toThrow(RangeError);
    expect(() => cardContentGrammar({ ...p, paragraphCount: -1 })).toThrow(RangeError);
    expect(() => cardContentGrammar({ ...p, maxChars: { ...p.maxChars, title: 0 } })).toThrow(RangeError);
    expect(() => cardContentGrammar({ ...p, maxEvidence: 0 })).toThrow(RangeError);
    // The error names the parameter that is wrong.
    expect(() => cardContentGrammar({ ...p, firstParagraph: 2.5 })).toThrow('firstParagraph must be an integer of at least 0, not 2.5');
    expect(() => cardContentGrammar({ ...p, paragraphCount: -1 })).toThrow('paragraphCount must be an integer of at least 0, not -1');
    expect(() => cardContentGrammar({ ...p, maxChars: { ...p.maxChars, title: 0 } })).toThrow('maxChars.title must be an integer of at least 1, not 0');
    expect(() => cardContentGrammar({ ...p, maxEvidence: 0 })).toThrow('maxEvidence must be an integer of at least 1, not 0');
    expect(() => cardGrammarBounds({ ...p, summary: { min: 3, max: 2 } })).toThrow('summary: max 2 is below min 3');
    expect(() => cardGrammarBounds({ ...p, faq: { min: 1, max: -1 } })).toThrow('faq.max must be an integer of at least 0, not -1');
    expect(cardGrammarBounds(p)['faq[].evidence']).toEqual({ minItems: 1, maxItems: 3 });
  });
});

describe('jsonSchemaToGbnf', () => {
  let bounds: ReturnType<typeof cardGrammarBounds>;
  beforeEach(() => {
    bounds = cardGrammarBounds(PARAMS.eight!);
  });

  it('walks the schema: its properties, in its order, become the grammar', () => {
    const props = CARD_CONTENT_SCHEMA.properties as Record<string, unknown>;
    const withLede = { ...CARD_CONTENT_SCHEMA, required: ['title', 'lede', 'summary', 'faq'], properties: { title: props.title, lede: { type: 'string' }, summary: props.summary, faq: props.faq } };
    const g = parseGbnf(jsonSchemaToGbnf(withLede, { ...bounds, lede: { maxLength: 50 } }));
    const c = content({ summary: 2, faq: 3 }, () => [1]);
    expect(matchesGbnf(g, JSON.stringify({ title: c.title, lede: 'Ingress.', summary: c.summary, faq: c.faq }))).toBe(true);
    expect(matchesGbnf(g, JSON.stringify(c))).toBe(false);
  });

  it('honours the schema’s own bounds, the tighter one winning', () => {
    const schema = { type: 'object', additionalProperties: false, required: ['n', 's'], properties: { n: { type: 'array', maxItems: 2, items: { type: 'integer', minimum: 3, maximum: 12 } }, s: { type: 'string', maxLength: 5 } } };
    const g = parseGbnf(jsonSchemaToGbnf(schema, { n: { maxItems: 4 }, s: { maxLength: 9 } }));
    expect(matchesGbnf(g, '{"n":[3,12],"s":"abcde"}')).toBe(true);
    expect(matchesGbnf(g, '{"n":[3,12,4],"s":"a"}')).toBe(false);
    expect(matchesGbnf(g, '{"n":[2],"s":"a"}')).toBe(false);
    expect(matchesGbnf(g, '{"n":[13],"s":"a"}')).toBe(false);
    expect(matchesGbnf(g, '{"n":[],"s":"abcdef"}')).toBe(false);
    // Minimum lengths: the longer wins, and a string is never empty.
    const at = (min: number | undefined, boundMin: number | undefined) =>
      parseGbnf(jsonSchemaToGbnf({ type: 'string', maxLength: 6, ...(min !== undefined ? { minLength: min } : {}) }, boundMin !== undefined ? { '': { minLength: boundMin } } : {}));
    const lengths = (g: Grammar) => [0, 1, 2, 3, 4, 6, 7].filter((n) => matchesGbnf(g, JSON.stringify('x'.repeat(n))));
    expect(lengths(at(3, undefined))).toEqual([3, 4, 6]);
    expect(lengths(at(2, 4))).toEqual([4, 6]);
    expect(lengths(at(4, 2))).toEqual([4, 6]);
    expect(lengths(at(0, undefined))).toEqual([1, 2, 3, 4, 6]);
    expect(lengths(at(undefined, undefined))).toEqual([1, 2, 3, 4, 6]);
  });

  it('leaves an array without maxItems open, from its minItems, in the shortest spelling', () => {
    const list = (minItems?: number) => jsonSchemaToGbnf({ type: 'array', items: { type: 'integer', minimum: 0, maximum: 9 }, ...(minItems !== undefined ? { minItems } : {}) });
    const counts = (text: string) => [0, 1, 2, 3, 4, 12].filter((n) => matchesGbnf(parseGbnf(text), JSON.stringify(Array.from({ length: n }, (_, i) => i % 10))));
    expect(counts(list())).toEqual([0, 1, 2, 3, 4, 12]);
    expect(counts(list(1))).toEqual([1, 2, 3, 4, 12]);
    expect(counts(list(2))).toEqual([2, 3, 4, 12]);
    expect(counts(list(3))).toEqual([3, 4, 12]);
    // One or more is "+", not "{1,}".
    expect(list(2)).toMatch(/\)\+/);
    expect(list(2)).not.toContain('{1,}');
    expect(list(3)).toContain('{2,}');
  });

  it('refuses what it cannot bound or was not asked for', () => {
    expect(() => jsonSchemaToGbnf(CARD_CONTENT_SCHEMA)).toThrow(/no maximum length/);
    expect(() => jsonSchemaToGbnf(CARD_CONTENT_SCHEMA, { ...bounds, 'faq[].answer': { maxLength: 3 } })).toThrow(/faq\[\]\.answer/);
    expect(() => jsonSchemaToGbnf({ type: 'object', properties: { a: { type: 'string', maxLength: 3 } }, required: ['a'] })).toThrow(/additionalProperties/);
    expect(() => jsonSchemaToGbnf({ type: 'object', additionalProperties: false, properties: { a: { type: 'string', maxLength: 3 } }, required: [] })).toThrow(/optional/);
    expect(() => jsonSchemaToGbnf({ type: 'number' })).toThrow(/not supported/);
    expect(() => jsonSchemaToGbnf({ type: 'string', maxLength: 3, pattern: 'a' })).toThrow(/pattern/);
    expect(() => jsonSchemaToGbnf({ type: 'integer' })).toThrow(/minimum/);
  });

  it('writes integer ranges without leading zeros', () => {
    const exact = (lo: number, hi: number) => {
      const g = parseGbnf(`root ::= ${integerRange(lo, hi)}\n`);
      for (let n = 0; n <= Math.max(hi + 12, 30); n++) expect([lo, hi, n, matchesGbnf(g, String(n))]).toEqual([lo, hi, n, n >= lo && n <= hi]);
      expect(matchesGbnf(g, `0${lo}`)).toBe(false);
    };
    for (const [lo, hi] of [[0, 0], [5, 5], [0, 9], [3, 17], [10, 10], [9, 10], [99, 101], [7, 230], [0, 1099], [120, 1234]] as const) exact(lo, hi);
    expect(() => integerRange(3, 2)).toThrow(RangeError);
  });

  it('writes each integer of a range in exactly one alternative, in the fewest alternatives', () => {
    for (const [lo, hi] of [[0, 9], [3, 17], [9, 10], [10, 99], [99, 101], [7, 230], [0, 1099], [120, 1234], [100, 999]] as const) {
      const alts = integerRange(lo, hi).split(' | ').map((a) => parseGbnf(`root ::= ${a}\n`));
      for (let n = lo; n <= hi; n++) expect([lo, hi, n, alts.filter((g) => matchesGbnf(g, String(n))).length]).toEqual([lo, hi, n, 1]);
    }
    expect(integerRange(10, 99)).toBe('[1-9] [0-9]');
    expect(integerRange(0, 99)).toBe('[0-9] | [1-9] [0-9]');
    expect(integerRange(100, 999)).toBe('[1-9] [0-9]{2}');
    expect(integerRange(3, 17)).toBe('[3-9] | "1" [0-7]');
  });
});

describe('the test GBNF matcher (tests/support/gbnf.ts)', () => {
  it('parses and matches literals, classes, alternation, groups and repetition', () => {
    const g = parseGbnf(['# a comment', 'root ::= "a" [^b-d\\x00] ( x | "y"+ )? z{2,3} w{2} v{1,}', 'x ::= "\\"" [\\u00e6-\\u00f8]* "\\\\"', 'z ::= [0-9]', 'w ::= "w"', 'v ::= ( "v"', '  | "V" )'].join('\n'));
    expect(matchesGbnf(g, 'ae12wwv')).toBe(true);
    expect(matchesGbnf(g, 'aeyyy123wwvV')).toBe(true);
    expect(matchesGbnf(g, 'ae"æø\\12wwv')).toBe(true);
    expect(matchesGbnf(g, 'ab12wwv')).toBe(false);
    expect(matchesGbnf(g, 'ae1wwv')).toBe(false);
    expect(matchesGbnf(g, 'ae1234wwv')).toBe(false);
    expect(matchesGbnf(g, 'ae12wv')).toBe(false);
    expect(matchesGbnf(g, 'ae12ww')).toBe(false);
  });

  it('refuses grammars llama.cpp refuses', () => {
    expect(() => parseGbnf('root ::= a\n')).toThrow(/undefined rule a/);
    expect(() => parseGbnf('start ::= "a"\n')).toThrow(/no root/);
    expect(() => parseGbnf('root ::= "a"\n  "b"\n')).toThrow();
    expect(() => parseGbnf('root ::= "\\q"\n')).toThrow(/escape/);
    expect(() => parseGbnf('root ::= "a"{3,2}\n')).toThrow(/repetition/);
  });
});
