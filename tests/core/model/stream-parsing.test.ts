import { describe, expect, it } from 'vitest';
import { checkCardContent, extractJson } from '../../../src/core/model/parse';
import { MAX_JSON_DEPTH, PartialCardReader, PartialJsonParser, parsePartialJson, partialCardContent, type Node } from '../../../src/core/model/partial-json';
import { GOOD_CONTENT } from '../../../support/model-server';

describe('partial JSON', () => {
  const full = JSON.stringify(GOOD_CONTENT);
  it('shows complete paragraphs and FAQ items, and the text being written', () => {
    const cut = full.indexOf(GOOD_CONTENT.summary[1]!) + 20;
    const p = partialCardContent(full.slice(0, cut));
    expect(p.title).toBe(GOOD_CONTENT.title);
    expect(p.summary).toEqual([GOOD_CONTENT.summary[0]]);
    expect(p.draft).toBe(GOOD_CONTENT.summary[1]!.slice(0, 20));
    expect(p.faq).toEqual([]);
    const inFaq = full.indexOf(GOOD_CONTENT.faq[2]!.q);
    const q = partialCardContent(full.slice(0, inFaq));
    expect(q.summary).toEqual(GOOD_CONTENT.summary);
    expect(q.faq).toEqual(GOOD_CONTENT.faq.slice(0, 2));
  });
  it('shows the question being written as the draft, then the answer once it has begun', () => {
    expect(partialCardContent('{"faq": [{"q": "Kva gjer ').draft).toBe('Kva gjer ');
    expect(partialCardContent('{"faq": [{"q": "Kva gjer lova?", "a": "').draft).toBe('Kva gjer lova?');
    expect(partialCardContent('{"faq": [{"q": "Kva gjer lova?", "a": "Ho krev').draft).toBe('Ho krev');
  });
  it('grows monotonically over every prefix and ends with the whole content', () => {
    let prev = { summary: 0, faq: 0 };
    for (let i = 0; i <= full.length; i += 7) {
      const p = partialCardContent(full.slice(0, i));
      expect(p.summary.length).toBeGreaterThanOrEqual(prev.summary);
      expect(p.faq.length).toBeGreaterThanOrEqual(prev.faq);
      prev = { summary: p.summary.length, faq: p.faq.length };
    }
    const end = partialCardContent(full);
    expect(end).toEqual({ title: GOOD_CONTENT.title, summary: GOOD_CONTENT.summary, faq: GOOD_CONTENT.faq });
  });
  it('passes over a key the card does not have, written before the FAQ', () => {
    const text =
      '{"title": "Ny lov om KI", "language": "nn", "summary": ["EU har vedteke ei lov om kunstig intelligens."], ' +
      '"faq": [{"q": "Når gjeld lova?", "a": "Frå 2026.", "evidence": [0]}, {"q": "Kven';
    const p = partialCardContent(text);
    expect(p.faq).toEqual([{ q: 'Når gjeld lova?', a: 'Frå 2026.', evidence: [0] }]);
    expect(p.draft).toBe('Kven');
    expect(p.summary).toEqual(['EU har vedteke ei lov om kunstig intelligens.']);
  });
  it('handles escapes, a half escape at the end, and text before the JSON', () => {
    expect(partialCardContent('Her: {"title": "A \\"B\\" \\u00e6", "summary": ["x\\n').title).toBe('A "B" æ');
    expect(partialCardContent('{"summary": ["ab\\').draft).toBe('ab');
    expect(partialCardContent('no json yet')).toEqual({ summary: [], faq: [] });
  });
  it('reads a whole JSON text as JSON.parse does, in one piece or one character at a time', () => {
    const value = (n: Node | undefined): unknown =>
      !n ? undefined : n.t === 'arr' ? n.items.map(value) : n.t === 'obj' ? Object.fromEntries(n.entries.map(([k, v]) => [k, value(v)])) : n.v;
    const allDone = (n: Node): boolean => n.done && (n.t === 'arr' ? n.items.every(allDone) : n.t === 'obj' ? n.entries.every(([, v]) => allDone(v)) : true);
    const texts = [
      '{"s":"a\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u00e6\\u2014"}',
      '{ "n" : [0, -1, 2.5, -3.25e2, 1E3, 4e-1], "t" : true, "f" : false, "z" : null }',
      '{\n\t"nested": {"a": [[], {}, [{"b": []}]], "key with \\"quote\\"": "v"},\r\n "empty": ""\n}',
    ];
    for (const text of texts) {
      const whole = parsePartialJson(text)!;
      expect(value(whole)).toEqual(JSON.parse(text));
      expect(allDone(whole)).toBe(true);
      const parser = new PartialJsonParser();
      for (const c of text) parser.push(c);
      expect(value(parser.root)).toEqual(JSON.parse(text));
      expect(parser.stopped).toBeUndefined();
      expect(parser.length).toBe(text.length);
    }
    // What is not JSON stops the reading there, and what was read stays.
    const bad = new PartialJsonParser();
    bad.push('{"a": 1, "b": tru, "c": 2}');
    expect(bad.stopped).toBe('invalid');
    expect(value(bad.root)).toEqual({ a: 1 });
    expect(bad.root?.entries.map(([k]) => k)).toEqual(['a']);
    for (const text of ['{"a" 1}', '{"a": 1 x}', '{"a": [1, }]}', '{"a": @}']) {
      const p = new PartialJsonParser();
      p.push(text);
      expect(p.stopped, text).toBe('invalid');
    }
    // Only a colon goes between a key and its value: "=" is no colon, and nothing is read for the key.
    const equals = new PartialJsonParser();
    equals.push('{"title" = "Ny lov om personvern"}');
    expect(equals.stopped).toBe('invalid');
    expect(value(equals.root)).toEqual({});
    // A character no value starts with stops the reading as soon as it arrives, not only when the next chunk comes.
    const stray = new PartialJsonParser();
    stray.push('{"a": 1, "b": @');
    expect(stray.stopped).toBe('invalid');
    expect(value(stray.root)).toEqual({ a: 1 });
    // Nothing after the root object is read.
    const after = new PartialJsonParser();
    after.push('{"a": 1} {"b": 2}');
    expect(value(after.root)).toEqual({ a: 1 });
    expect(after.stopped).toBeUndefined();
  });

  it('takes Unicode spaces between tokens, stops at MAX_JSON_DEPTH, and shows only FAQ items with a question and an answer', () => {
    expect(partialCardContent('{\u00a0"title"\u2003:\u3000"A"}').title).toBe('A');
    const deep = (levels: number) => '{"x":' + '['.repeat(levels - 1) + ']'.repeat(levels - 1) + '}';
    const ok = new PartialJsonParser();
    ok.push(deep(MAX_JSON_DEPTH));
    expect(ok.stopped).toBeUndefined();
    const tooDeep = new PartialJsonParser();
    tooDeep.push(deep(MAX_JSON_DEPTH + 1));
    expect(tooDeep.stopped).toBe('too-deep');
    const faq = partialCardContent(
      '{"faq":[{"q":"Kva?","a":"Dette.","evidence":[1,"2",2.5,3]},{"q":" ","a":"Svar."},{"q":"Kvifor?","a":""},{"a":"Berre svar."},5,{"q":"Korleis?","a":"Slik."}',
    ).faq;
    expect(faq).toEqual([
      { q: 'Kva?', a: 'Dette.', evidence: [1, 3] },
      { q: 'Korleis?', a: 'Slik.', evidence: [] },
    ]);
  });

  it('reads an unknown escape as its letter, and drops a literal that is none from its array', () => {
    const esc = new PartialJsonParser();
    esc.push('{"s":"C:\\qtemp"}');
    expect(esc.root?.entries[0]?.[1]).toMatchObject({ t: 'str', v: 'C:qtemp', done: true });
    const arr = new PartialJsonParser();
    arr.push('{"evidence": [1, tru, 3]}');
    expect(arr.stopped).toBe('invalid');
    expect(arr.root?.entries[0]?.[1]).toMatchObject({ t: 'arr', items: [{ t: 'num', v: 1, done: true }] });
    expect(arr.root?.entries[0]?.[1]).toMatchObject({ items: { length: 1 } });
  });

  it('shows a literal still coming only once it reads as one (a lone minus sign is no number yet)', () => {
    const p = new PartialJsonParser();
    p.push('{"evidence": [2, -');
    const items = (p.root?.entries[0]?.[1] as { items: Node[] }).items;
    expect(items.map((x) => (x as { v?: unknown }).v)).toEqual([2, undefined]);
    p.push('4');
    expect(items.map((x) => (x as { v?: unknown }).v)).toEqual([2, -4]);
  });

  it('the card reader: counts a title once it is complete, keeps the first title, skips a blank paragraph, and hands out copies', () => {
    const reader = new PartialCardReader();
    reader.push('{"title":"Ny lov om');
    expect(reader.completed()).toBe(0);
    reader.push(' personvern","title":"Andre","summary":["  ","Lova gjeld frå 1. juli."],"faq":[');
    expect(reader.completed()).toBe(2);
    const first = reader.content();
    expect(first).toEqual({ title: 'Ny lov om personvern', summary: ['Lova gjeld frå 1. juli.'], faq: [] });
    first.summary.push('endra av den som viser kortet');
    first.faq.push({ q: 'Kva?', a: 'Noko.', evidence: [] });
    expect(reader.content()).toEqual({ title: 'Ny lov om personvern', summary: ['Lova gjeld frå 1. juli.'], faq: [] });
  });

  it('stops at a control character JSON does not take as whitespace, and at a letter past ASCII between tokens', () => {
    for (const gap of ['\f', '\v', '\u00e9', '\u2014']) {
      const text = `{"title":"Skyavbrot",${gap}"summary":["Eit avsnitt."]}`;
      const p = new PartialJsonParser();
      p.push(text);
      expect(p.stopped).toBe('invalid');
      expect(partialCardContent(text)).toMatchObject({ title: 'Skyavbrot', summary: [] });
    }
    // The spaces JSON does take, and a Unicode space, are read past.
    const text = '{"title":"Skyavbrot",\r\n\t\u00a0"summary":["Eit avsnitt."]}';
    const spaced = new PartialJsonParser();
    spaced.push(text);
    expect(spaced.stopped).toBeUndefined();
    expect(partialCardContent(text)).toMatchObject({ title: 'Skyavbrot', summary: ['Eit avsnitt.'] });
  });

  it('tags numbers as num and true, false and null as lit, with their values', () => {
    const root = parsePartialJson('{"a":true,"b":false,"c":null,"d":-1.5,"e":0,"f":7e2,"g":[12,true]}');
    expect(root?.t === 'obj' && root.entries).toEqual([
      ['a', { t: 'lit', v: true, done: true }],
      ['b', { t: 'lit', v: false, done: true }],
      ['c', { t: 'lit', v: null, done: true }],
      ['d', { t: 'num', v: -1.5, done: true }],
      ['e', { t: 'num', v: 0, done: true }],
      ['f', { t: 'num', v: 700, done: true }],
      ['g', { t: 'arr', done: true, items: [{ t: 'num', v: 12, done: true }, { t: 'lit', v: true, done: true }] }],
    ]);
  });

  it('reads escapes in every string, the first one included', () => {
    const root = parsePartialJson('{"t\\u00e6":"a\\"b","k":"\\u00f8\\n","x":["\\\\",""]}');
    expect(root?.t === 'obj' && root.entries.map(([k, v]) => [k, v.t === 'str' ? v.v : v.t === 'arr' ? v.items.map((i) => (i.t === 'str' ? i.v : null)) : null])).toEqual([
      ['tæ', 'a"b'],
      ['k', 'ø\n'],
      ['x', ['\\', '']],
    ]);
  });

  it('does not count a number at the very end as complete', () => {
    // The number may still grow ("1" then "12"): it is shown as it is so far, marked incomplete.
    const evidence = (n: Node | undefined) => (n?.t === 'obj' ? n.entries.find(([k]) => k === 'evidence')?.[1] : undefined);
    const open = evidence(parsePartialJson('{"evidence":[1'));
    expect(open?.t === 'arr' && open.items).toEqual([{ t: 'num', v: 1, done: false }]);
    const reader = new PartialJsonParser();
    reader.push('{"evidence":[1');
    reader.push('2, 3]');
    const closed = evidence(reader.root);
    expect(closed?.t === 'arr' && closed.items).toEqual([
      { t: 'num', v: 12, done: true },
      { t: 'num', v: 3, done: true },
    ]);
    const n = parsePartialJson('{"faq":[{"q":"a","a":"b","evidence":[1');
    expect(n?.t === 'obj' && n.done).toBe(false);
    expect(partialCardContent('{"faq":[{"q":"a","a":"b","evidence":[1').faq).toEqual([]);
    expect(partialCardContent('{"faq":[{"q":"a","a":"b","evidence":[1]}').faq).toEqual([{ q: 'a', a: 'b', evidence: [1] }]);
  });
});

describe('extractJson', () => {
  it('reads plain JSON, fenced JSON and JSON inside prose', () => {
    const s = JSON.stringify(GOOD_CONTENT);
    expect(extractJson(s)).toEqual(GOOD_CONTENT);
    expect(extractJson('```json\n' + s + '\n```')).toEqual(GOOD_CONTENT);
    expect(extractJson(`Sjå her: ${s} Håpar det hjelper {ikkje json}`)).toEqual(GOOD_CONTENT);
  });
  it('returns undefined for broken JSON', () => {
    expect(extractJson('{"title": "x", "summary": [')).toBeUndefined();
    expect(extractJson('ingen json')).toBeUndefined();
  });
});

describe('checkCardContent', () => {
  it('accepts good content unchanged', () => {
    const r = checkCardContent(GOOD_CONTENT, 7);
    expect(r).toEqual({ ok: true, content: GOOD_CONTENT, droppedEvidence: [], droppedFaq: [] });
  });
  it('drops evidence the article does not have and reports it', () => {
    const v = { ...GOOD_CONTENT, faq: [{ q: 'Kva?', a: 'Dette.', evidence: [2, 9, -1, 1.5, '3', 2] }] };
    const r = checkCardContent(v, 7);
    expect(r.ok && r.content.faq[0]!.evidence).toEqual([2, 3]);
    expect(r.ok && r.droppedEvidence.map((d) => d.value)).toEqual([9, -1, 1.5]);
  });
  it('rejects wrong types and drops FAQ items without question or answer', () => {
    expect(checkCardContent({ title: 42, summary: 'x', faq: {} }, 7)).toEqual({ ok: false, errors: ['title', 'faq'] });
    expect(checkCardContent({ title: 'T', summary: [1, 2], faq: [] }, 7)).toEqual({ ok: false, errors: ['summary'] });
    const r = checkCardContent({ title: 'T', summary: ['A.'], faq: [{ q: '', a: 'x', evidence: [] }, { q: 'K?', a: 'S.', evidence: [] }] }, 7);
    expect(r.ok && r.droppedFaq).toEqual([0]);
    expect(r.ok && r.content.faq).toEqual([{ q: 'K?', a: 'S.', evidence: [] }]);
  });
});
