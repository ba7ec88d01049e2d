/**
 * Marks the words the Nynorsk checker flagged (card.language.bokmalForms)
 * where they occur in the card's Nynorsk text: a wavy underline, the
 * suggestion on hover and on keyboard focus (title plus a tooltip drawn by
 * card.css from data-tip). Text without flagged forms renders unchanged.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Card } from '../core/types';
import { fill } from '../core/template';
import { text } from '../strings/text';
import { escapeRegExp } from '../core/regex';

/** One occurrence of a flagged form in a text. */
export type FlaggedSpan = { start: number; end: number; form: string };

/** A matcher for the card's flagged forms, or null when there are none. */
export type FlagMatcher = { re: RegExp; suggestions: Record<string, string> } | null;


/** Builds the matcher once per card: whole words, any case. */
export function flagMatcher(language: Card['language']): FlagMatcher {
  const forms = [...new Set(language.bokmalForms.map((f) => f.trim().toLowerCase()).filter(Boolean))];
  if (forms.length === 0) return null;
  forms.sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const suggestions: Record<string, string> = {};
  for (const [k, v] of Object.entries(language.suggestions ?? {})) suggestions[k.toLowerCase()] = v;
  return { re, suggestions };
}

/** Where the flagged forms occur in `s` (form in lower case). */
export function findFlagged(s: string, matcher: FlagMatcher): FlaggedSpan[] {
  if (!matcher) return [];
  const out: FlaggedSpan[] = [];
  for (const m of s.matchAll(matcher.re)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, form: m[0].toLowerCase() });
  }
  return out;
}

/** The tooltip for a flagged form: "Bokmålsform. Nynorsk: ikkje", or just "Bokmålsform". */
export function flagTip(form: string, matcher: FlagMatcher): string {
  const suggestion = matcher?.suggestions[form.toLowerCase()];
  return suggestion ? fill(text.flaggedTip, { suggestion }) : text.flaggedTipPlain;
}

const FlagContext = createContext<FlagMatcher>(null);

/** Gives the components below it the card's flagged forms. */
export function FlagProvider({ language, children }: { language: Card['language']; children: ComponentChildren }) {
  const matcher = useMemo(() => flagMatcher(language), [language]);
  return <FlagContext.Provider value={matcher}>{children}</FlagContext.Provider>;
}

/**
 * Renders `text` with its flagged forms marked. `focusable` is false inside
 * another control (a question's button), where a focus stop may not nest.
 */
export function Flagged({ text: s, focusable = true }: { text: string; focusable?: boolean }) {
  const matcher = useContext(FlagContext);
  const spans = findFlagged(s, matcher);
  if (spans.length === 0) return <>{s}</>;
  const parts: ComponentChildren[] = [];
  let at = 0;
  spans.forEach((sp, i) => {
    if (sp.start > at) parts.push(s.slice(at, sp.start));
    const tip = flagTip(sp.form, matcher);
    parts.push(
      <mark key={i} class="nk-flag" data-testid="flagged" data-form={sp.form} data-tip={tip} title={tip} tabIndex={focusable ? 0 : undefined}>
        {s.slice(sp.start, sp.end)}
      </mark>,
    );
    at = sp.end;
  });
  if (at < s.length) parts.push(s.slice(at));
  return <>{parts}</>;
}
