/**
 * The Nynorsk check of model output: which forms the checker flags in the
 * card content, merged so each form is reported once. The checker itself is
 * a parameter (core/nynorsk's `createChecker(data).check`, or a test double).
 */
import type { BokmalFinding, CardContent } from './types';

/** Every Nynorsk string of the content, one per line, for the checker. */
export function contentText(content: CardContent): string {
  return [content.title, ...content.summary, ...content.faq.flatMap((f) => [f.q, f.a])].join('\n');
}

/** The flagged forms of the content, each form once (first suggestion kept). */
export function flaggedForms(content: CardContent, findBokmal: (text: string) => readonly BokmalFinding[]): BokmalFinding[] {
  const byForm = new Map<string, BokmalFinding>();
  for (const f of findBokmal(contentText(content))) {
    const key = f.form.toLowerCase();
    if (!byForm.has(key)) byForm.set(key, f.suggestion ? { form: f.form, suggestion: f.suggestion } : { form: f.form });
  }
  return [...byForm.values()];
}
