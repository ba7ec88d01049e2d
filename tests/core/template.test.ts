import { describe, expect, it } from 'vitest';
import { fill } from '../../src/core/template';

describe('fill', () => {
  it('fills every placeholder, numbers as their digits', () => {
    expect(fill('{a} og {b}', { a: 'eg', b: 2 })).toBe('eg og 2');
    expect(fill('{a}, {a} og {a}', { a: 'ja' })).toBe('ja, ja og ja');
  });

  it('leaves text without placeholders as it is, braces around non-names too', () => {
    const template: string = 'ingen {} her {a b}';
    expect(fill(template, {})).toBe('ingen {} her {a b}');
  });

  it('throws on a missing value instead of printing "undefined" or the placeholder', () => {
    const template: string = '{a} {c}';
    expect(() => fill(template, { a: 'x' })).toThrow('template value missing: c');
  });

  it('does not take a value from the object prototype', () => {
    const template: string = '{toString}';
    expect(() => fill(template, {})).toThrow('template value missing: toString');
  });

  it("checks a literal template's placeholders at compile time", () => {
    // @ts-expect-error: {n} has no value
    expect(() => fill('{name} har {n} kort', { name: 'Kari' })).toThrow('template value missing: n');
  });
});
