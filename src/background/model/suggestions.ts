/**
 * The checker's Nynorsk suggestions for the Bokmål forms a finished card
 * still carries, for the UI to show beside each form.
 */
import type { FindBokmal } from '../../core/model/types';
import { nynorskTextOf } from '../../core/resolve';
import type { Card } from '../../core/types';

/**
 * The card with a suggestion for each form still flagged. The checker may
 * still be loading; a card with nothing flagged does not wait for it.
 */
export async function withSuggestions(card: Card, checker: FindBokmal | Promise<FindBokmal | undefined> | undefined): Promise<Card> {
  if (!checker || card.language.bokmalForms.length === 0) return card;
  const findBokmal = await checker;
  if (!findBokmal) return card;
  const suggestions: Record<string, string> = { ...card.language.suggestions };
  const wanted = new Set(card.language.bokmalForms.map((f) => f.toLowerCase()));
  for (const f of findBokmal(nynorskTextOf(card))) {
    if (f.suggestion && wanted.has(f.form.toLowerCase())) suggestions[f.form.toLowerCase()] = f.suggestion;
  }
  return { ...card, language: { ...card.language, suggestions } };
}
