import { describe, expect, it } from 'vitest';
import { agreeNn, capitalise, countNn, digitsNn, listNn, numberNn, pronounNn, type Noun } from '../../src/core/nn-grammar';

const minutt: Noun = { sg: 'minutt', pl: 'minutt', gender: 'n' };
const setning: Noun = { sg: 'setning', pl: 'setningar', gender: 'f' };
const tråd: Noun = { sg: 'tråd', pl: 'trådar', gender: 'm' };
const nemnd = { mf: 'nemnd', n: 'nemnt', pl: 'nemnde' };

describe('Nynorsk grammar for templates', () => {
  it('writes one by gender, "eitt minutt" and not "1 minutt"', () => {
    expect(countNn(1, minutt)).toBe('eitt minutt');
    expect(countNn(1, setning)).toBe('ei setning');
    expect(countNn(1, tråd)).toBe('ein tråd');
    expect(countNn(1, setning, true)).toBe('éi setning');
    expect(countNn(1, tråd, true)).toBe('éin tråd');
  });

  it('writes numbers under ten as words and larger ones in digits, with the plural', () => {
    expect(countNn(4, minutt)).toBe('fire minutt');
    expect(countNn(2, setning)).toBe('to setningar');
    expect(countNn(9, tråd)).toBe('ni trådar');
    expect(countNn(12, tråd)).toBe('12 trådar');
    expect(numberNn(0)).toBe('null');
    expect(numberNn(7, 'f')).toBe('sju');
  });

  it('groups digits with a no-break space', () => {
    expect(digitsNn(12500)).toBe('12\u00a0500');
    expect(digitsNn(1234567)).toBe('1\u00a0234\u00a0567');
    expect(numberNn(850)).toBe('850');
  });

  it('lets the participle agree with gender and number', () => {
    expect(agreeNn(nemnd, 'm', false)).toBe('nemnd');
    expect(agreeNn(nemnd, 'f', false)).toBe('nemnd');
    expect(agreeNn(nemnd, 'n', false)).toBe('nemnt');
    expect(agreeNn(nemnd, 'n', true)).toBe('nemnde');
    expect(agreeNn({ mf: 'sitert', n: 'sitert', pl: 'siterte' }, 'f', true)).toBe('siterte');
  });

  it('picks the pronoun by gender and joins lists without a comma before "og"', () => {
    expect([pronounNn('m'), pronounNn('f'), pronounNn('n')]).toEqual(['han', 'ho', 'det']);
    expect(listNn([])).toBe('');
    expect(listNn(['A'])).toBe('A');
    expect(listNn(['A', 'B'])).toBe('A og B');
    expect(listNn(['A', 'B', 'C'])).toBe('A, B og C');
    expect(capitalise('ein artikkel')).toBe('Ein artikkel');
    expect(capitalise('éin')).toBe('Éin');
    expect(capitalise('')).toBe('');
  });

  it('writes every count under ten as a word, and from ten on in digits', () => {
    expect(Array.from({ length: 11 }, (_, n) => numberNn(n, 'm'))).toEqual(['null', 'ein', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', '10']);
    expect(countNn(1, minutt, true)).toBe('eitt minutt');
    expect(numberNn(1)).toBe('eitt');
  });

  it('rounds a count before it picks the word and the noun form, and leaves a negative number in digits', () => {
    expect(countNn(1.4, setning)).toBe('ei setning');
    expect(countNn(0.6, tråd)).toBe('ein tråd');
    expect(countNn(2.5, setning)).toBe('tre setningar');
    expect(numberNn(9.6)).toBe('10');
    expect(numberNn(-3)).toBe('-3');
    expect(digitsNn(999.7)).toBe('1 000');
    expect(digitsNn(-12500)).toBe('-12 500');
    expect(digitsNn(999)).toBe('999');
  });
});
