import { describe, expect, it } from 'vitest';
import { checkCardContent, extractJson, nestingDepth } from '../../../src/core/model/parse';

/** An object with `levels` levels of nesting: braces outside, brackets inside. */
const nested = (levels: number) => '{"x":' + '['.repeat(levels - 1) + ']'.repeat(levels - 1) + '}';

describe('extractJson', () => {
  it('finds fenced JSON after prose with braces of its own, with or without a language, in any case', () => {
    const answer = '{"title":"T"}';
    for (const fence of ['```json\n', '```JSON\n', '```\n', '```']) {
      expect(extractJson(`Her er {kortet}:\n${fence}${answer}\n\`\`\`\nMeir: \`\`\`x\`\`\``), fence).toEqual({ title: 'T' });
    }
  });

  it('takes the fenced answer before an example card in the prose, whatever the case of its language tag', () => {
    const prose = 'Eg fylgjer formatet {"title": "…"} og svarar:\n';
    for (const fence of ['```json\n', '```JSON\n']) {
      expect(extractJson(`${prose}${fence}{"title":"Lova om personvern"}\n\`\`\``), fence).toEqual({ title: 'Lova om personvern' });
    }
  });

  it('reads an object at the start of the answer with prose after it, braces and escaped quotes in its strings', () => {
    expect(extractJson('{"a":"b"} takk }')).toEqual({ a: 'b' });
    expect(extractJson('Svar: {"t":"x \\"}\\" {y"} takk }')).toEqual({ t: 'x "}" {y' });
  });

  it('finds the answer after prose with braces of its own when there is no fence, but never an object inside a broken one', () => {
    expect(extractJson('Sjå {her}: {"title":"T"} takk')).toEqual({ title: 'T' });
    expect(extractJson('{a} {b} {"title":"T"}')).toEqual({ title: 'T' });
    // An object of the prose's own comes before the card: the card is read.
    expect(extractJson('Eit tomt objekt {} og så kortet: {"summary":["S"]}')).toEqual({ summary: ['S'] });
    // Any one card field names the card: a title alone, or a FAQ alone.
    expect(extractJson('Eit tomt objekt {} og så kortet: {"title":"Personvern i skya"}')).toEqual({ title: 'Personvern i skya' });
    expect(extractJson('Eit tomt objekt {} og så kortet: {"faq":[]}')).toEqual({ faq: [] });
    expect(extractJson('Ingen kortfelt: {"a":1} {"b":2}')).toEqual({ a: 1 });
    // The inner object parses, but it is part of an answer that does not: no card.
    expect(extractJson('{"title": "T", "faq": [{"q": "Kva?"}], }')).toBeUndefined();
    // An object opened and never closed ends the search.
    expect(extractJson('{"title": "T" {"x": 1}')).toBeUndefined();
    // Sixteen objects are tried, then no more.
    expect(extractJson('{x} '.repeat(15) + '{"title":"T"}')).toEqual({ title: 'T' });
    expect(extractJson('{x} '.repeat(16) + '{"title":"T"}')).toBeUndefined();
  });

  it('reads only objects and arrays', () => {
    for (const text of ['42', '"tekst"', 'null', 'true']) expect(extractJson(text), text).toBeUndefined();
    expect(extractJson('[1, 2]')).toEqual([1, 2]);
  });

  it('reads 64 levels of nesting and no more, counting from the deepest point even after stray closers', () => {
    expect(extractJson(nested(64))).toEqual(JSON.parse(nested(64)));
    expect(extractJson(nested(65))).toBeUndefined();
    expect(extractJson(']]]]]}}}}} ' + nested(65))).toBeUndefined();
  });

  it('nestingDepth counts brackets and braces outside strings only', () => {
    expect(nestingDepth('')).toBe(0);
    expect(nestingDepth('[[]] {[{}]}')).toBe(3);
    expect(nestingDepth('{"a":"[[[{{{","b":"\\"[[[["}')).toBe(1);
    expect(nestingDepth(']] [')).toBe(1);
  });
});

describe('checkCardContent', () => {
  const good = { title: 'T', summary: ['A.'], faq: [] };

  it('refuses what is not an object, an array included', () => {
    for (const v of [null, 'x', 5, [good]]) expect(checkCardContent(v, 3)).toEqual({ ok: false, errors: ['not an object'] });
  });

  it('cleans the white space of the text, and refuses a title or summary of spaces only', () => {
    const r = checkCardContent({ title: '  Eit \n\t kort  ', summary: ['  Første  avsnitt. ', ' \n ', 'Andre.'], faq: [{ q: ' Kva?\n', a: 'Dette  her. ', evidence: [] }] }, 3);
    expect(r.ok && r.content).toEqual({ title: 'Eit kort', summary: ['Første avsnitt.', 'Andre.'], faq: [{ q: 'Kva?', a: 'Dette her.', evidence: [] }] });
    expect(checkCardContent({ ...good, title: ' \n ' }, 3)).toEqual({ ok: false, errors: ['title'] });
    expect(checkCardContent({ ...good, summary: ['  '] }, 3)).toEqual({ ok: false, errors: ['summary'] });
    expect(checkCardContent({ ...good, summary: ['A.', 2] }, 3)).toEqual({ ok: false, errors: ['summary'] });
  });

  it('splits a summary given as one text at its blank lines', () => {
    const r = checkCardContent({ ...good, summary: '\n\nFørste.\n \nAndre\nframhald.\n\nTredje.\n\t \nFjerde.\n\n\n' }, 3);
    expect(r.ok && r.content.summary).toEqual(['Første.', 'Andre framhald.', 'Tredje.', 'Fjerde.']);
  });

  it('drops each FAQ item without a question and an answer as text, and reports its place', () => {
    const faq = [5, { q: 1, a: 'x' }, { q: 'x', a: 1 }, { q: ' ', a: 'x' }, { q: 'x', a: ' ' }, null, { q: 'Kva?', a: 'Dette.', evidence: [9] }];
    const r = checkCardContent({ ...good, faq }, 3);
    expect(r.ok && r.droppedFaq).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.ok && r.content.faq).toEqual([{ q: 'Kva?', a: 'Dette.', evidence: [] }]);
    // Dropped evidence names the item as it is in the card.
    expect(r.ok && r.droppedEvidence).toEqual([{ faq: 0, value: 9 }]);
  });

  it('keeps evidence in [0, paragraphCount), from numbers or digit strings, sorted, and takes one index given alone', () => {
    const evidence = (ev: unknown) => {
      const r = checkCardContent({ ...good, faq: [{ q: 'K?', a: 'S.', evidence: ev }] }, 12);
      return r.ok ? [r.content.faq[0]!.evidence, r.droppedEvidence.map((d) => d.value)] : r.errors;
    };
    expect(evidence([11, 0, 3, 12])).toEqual([[0, 3, 11], [12]]);
    expect(evidence(['11', ' 4 ', '4a', 'a4', '', '-1'])).toEqual([[4, 11], ['4a', 'a4', '', '-1']]);
    // Only digits: other ways to write a number are not read as one.
    expect(evidence(['1e1', '0x2', '2.0', '+3'])).toEqual([[], ['1e1', '0x2', '2.0', '+3']]);
    expect(evidence(5)).toEqual([[5], []]);
    expect(evidence(undefined)).toEqual([[], []]);
  });
});
