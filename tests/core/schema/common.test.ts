/** The small valibot parts the boundary schemas (settings, API keys, recent cards, the engine port) share. */
import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Imported afresh in each test: these parts are built when the modules that use them load, and the mutation run
// credits a test only with the code that runs while the test runs.
let common: typeof import('../../../src/core/schema/common');
beforeEach(async () => {
  vi.resetModules();
  common = await import('../../../src/core/schema/common');
});

describe('plainObject', () => {
  it('takes an object and refuses arrays, null and other values, saying why', () => {
    expect(v.is(common.plainObject, { type: 'chat' })).toBe(true);
    for (const x of [[], [{ type: 'chat' }], null, undefined, 'chat', 0, 1, true]) expect([x, v.is(common.plainObject, x)]).toEqual([x, false]);
    expect(v.safeParse(common.plainObject, []).issues?.map((i) => i.message)).toEqual(['not an object']);
  });
});

describe('trimmed', () => {
  it('trims a string of at most max characters and refuses a longer one or a non-string', () => {
    const endpoint = common.trimmed(40);
    expect(v.parse(endpoint, '  https://api.example.com/v1 \n')).toBe('https://api.example.com/v1');
    expect(v.is(endpoint, 'x'.repeat(40))).toBe(true);
    expect(v.is(endpoint, 'x'.repeat(41))).toBe(false);
    expect(v.is(endpoint, 42)).toBe(false);
  });
});

describe('withoutUndefined', () => {
  it('drops the keys that hold undefined and keeps every real value, falsy ones too', () => {
    const entry = { url: 'https://www.spiceworks.com/tech/cloud/news/a/', english: undefined, count: 0, title: '', done: false, note: null };
    const out = common.withoutUndefined(entry);
    expect(out).toStrictEqual({ url: 'https://www.spiceworks.com/tech/cloud/news/a/', count: 0, title: '', done: false, note: null });
    expect(Object.keys(out)).not.toContain('english');
  });
});

describe('validItems', () => {
  it('keeps the items that pass, in order, drops the broken ones, and refuses what is not an array', () => {
    const keys = common.validItems(v.pipe(v.string(), v.nonEmpty()));
    expect(v.parse(keys, ['cloud/a', 7, '', 'cloud/b', null])).toEqual(['cloud/a', 'cloud/b']);
    expect(v.parse(keys, [])).toEqual([]);
    expect(v.is(keys, { 0: 'cloud/a' })).toBe(false);
    expect(v.is(keys, 'cloud/a')).toBe(false);
  });

  it('keeps what the item schema makes of an item', () => {
    const trimmedKeys = common.validItems(v.pipe(v.string(), v.trim()));
    expect(v.parse(trimmedKeys, [' cloud/a '])).toEqual(['cloud/a']);
  });
});

describe('parser', () => {
  it('gives the schema output for a value that passes and null for one that does not', () => {
    const parse = common.parser(v.object({ type: v.literal('chat'), text: v.pipe(v.string(), v.trim()) }));
    expect(parse({ type: 'chat', text: ' Hei ' })).toEqual({ type: 'chat', text: 'Hei' });
    expect(parse({ type: 'chunk', text: 'Hei' })).toBeNull();
    expect(parse(undefined)).toBeNull();
  });
});
