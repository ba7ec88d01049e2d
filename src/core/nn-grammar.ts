/**
 * The Nynorsk grammar that template text needs, in code so that templates
 * never spell it out case by case: number words by gender ("eitt minutt",
 * "éi setning"), counted nouns, participle and pronoun agreement, and list
 * joins. Pure and small: cards, UI and CLI share it.
 */

/** Grammatical gender: masculine, feminine, neuter. */
export type Gender = 'm' | 'f' | 'n';

/** A noun with what agreement needs: its singular and plural form and its gender. */
export type Noun = { sg: string; pl: string; gender: Gender };

const ONE: Record<Gender, string> = { m: 'ein', f: 'ei', n: 'eitt' };
/** Stressed "one", where "ein/ei" alone would read as the article ("éi mogleg bokmålsform"). */
const ONE_STRESSED: Record<Gender, string> = { m: 'éin', f: 'éi', n: 'eitt' };
const WORDS = ['null', '', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni'];

/** 850 → "850", 12500 → "12 500" (no-break space between groups, as Norwegian writes it). */
export function digitsNn(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/**
 * A count as running text writes it: under ten in words, agreeing with the
 * noun's gender for one ("eitt", "ei"), larger numbers in digits.
 * `stressed` gives "éin/éi" where the count must not read as an article.
 */
export function numberNn(n: number, gender: Gender = 'n', stressed = false): string {
  const k = Math.round(n);
  if (k === 1) return (stressed ? ONE_STRESSED : ONE)[gender];
  if (k >= 0 && k < 10) return WORDS[k] as string;
  return digitsNn(k);
}

/** "eitt minutt", "fire minutt", "12 avsnitt", "éi setning" (stressed), "to setningar". */
export function countNn(n: number, noun: Noun, stressed = false): string {
  return `${numberNn(n, noun.gender, stressed)} ${Math.round(n) === 1 ? noun.sg : noun.pl}`;
}

/**
 * A past participle agreeing with its subject: `forms` are the masculine/
 * feminine, neuter and plural forms ("nemnd", "nemnt", "nemnde").
 */
export function agreeNn(forms: { mf: string; n: string; pl: string }, gender: Gender, plural: boolean): string {
  if (plural) return forms.pl;
  return gender === 'n' ? forms.n : forms.mf;
}

/** The personal pronoun for a noun of this gender, as a subject ("han", "ho", "det"). */
export function pronounNn(gender: Gender): string {
  return gender === 'm' ? 'han' : gender === 'f' ? 'ho' : 'det';
}

/** "A", "A og B", "A, B og C": a list the Nynorsk way (no comma before "og"). */
export function listNn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** First letter in upper case ("ein artikkel" → "Ein artikkel"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
