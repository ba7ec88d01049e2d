import { describe, expect, it } from 'vitest';
import { withSuggestions } from '../../../src/background/model/suggestions';
import type { Card } from '../../../src/core/types';

const card = (bokmalForms: string[], text = 'Korleis ikke gjere det, og hva no?'): Card =>
  ({ title: 'Tittel', summary: [text], faq: [], language: { lang: 'nn', bokmalForms } }) as unknown as Card;
const findBokmal = (t: string) =>
  [
    { form: 'ikke', suggestion: 'ikkje' },
    { form: 'hva', suggestion: 'kva' },
    { form: 'mens' },
  ].filter((f) => t.includes(f.form));

describe('withSuggestions', () => {
  it('adds a suggestion for each form the card still flags, and for no other', async () => {
    const out = await withSuggestions(card(['Ikke']), findBokmal);
    expect(out.language.suggestions).toEqual({ ikke: 'ikkje' });
    expect(out.language.bokmalForms).toEqual(['Ikke']);
  });

  it('waits for a checker still loading', async () => {
    const late = new Promise<typeof findBokmal>((r) => setTimeout(() => r(findBokmal), 20));
    expect((await withSuggestions(card(['hva']), late)).language.suggestions).toEqual({ hva: 'kva' });
  });

  it('leaves the card as it is without a checker, or with nothing flagged (then it does not wait)', async () => {
    const clean = card([]);
    expect(await withSuggestions(clean, new Promise(() => undefined))).toBe(clean);
    const flagged = card(['ikke']);
    expect(await withSuggestions(flagged, undefined)).toBe(flagged);
    expect(await withSuggestions(flagged, Promise.resolve(undefined))).toBe(flagged);
  });
});
