/**
 * IT terms the article uses, with their Nynorsk equivalents from the
 * terminology list (assets/terms.json). Matching is on word boundaries,
 * case-insensitive except for all-capital abbreviations, and takes plural
 * forms; where terms overlap ("large language model" and "language model"),
 * the longer one claims the text. A term inside a product or organisation
 * name ("Update Compliance", "Microsoft Copilot") is no use of the term.
 * pickTerms returns the most telling terms first, general words last, and
 * leaves out the words every reader knows.
 */
import raw from '../../../assets/terms.json';
import { escapeRegExp } from '../regex';

/**
 * One entry of the terminology list. `generic`: an everyday word, ranked
 * after every other term and shown only when there is room. `everyday`: a
 * word every reader knows ("user", "device"), found but never glossed.
 */
export type TermEntry = { en: string; nn: string; aka?: string[]; notNext?: string[]; generic?: boolean; everyday?: boolean; context?: string[] };
/** A term found in the article: where it first occurs and how often. */
/** `abbrev`: the abbreviation the text writes ("DNS") when it never spells the term out. */
export type TermHit = { en: string; nn: string; generic: boolean; count: number; first: { paragraph: number; offset: number }; paragraphs: number[]; abbrev?: string };

/** Checks the list's shape; throws on a broken asset so that tests catch it at once. */
export function parseTerms(v: unknown): TermEntry[] {
  const terms = (v as { terms?: unknown }).terms;
  if (!Array.isArray(terms)) throw new Error('terms: bad shape');
  return terms.map((t: Record<string, unknown>, i) => {
    const strs = (x: unknown) => x === undefined || (Array.isArray(x) && x.every((s) => typeof s === 'string'));
    if (typeof t.en !== 'string' || typeof t.nn !== 'string' || !t.en || !t.nn || !strs(t.aka) || !strs(t.notNext) || !strs(t.context) || (t.generic !== undefined && typeof t.generic !== 'boolean') || (t.everyday !== undefined && typeof t.everyday !== 'boolean')) throw new Error(`terms: bad entry ${i}`);
    return t as TermEntry;
  });
}

/** The shipped terminology list. */
export const TERMS: readonly TermEntry[] = parseTerms(raw);


/** A regular expression source for one English form, plural endings included. */
function formSource(form: string): string {
  // escapeRegExp leaves '-' as it is: a hyphen and a space (or several) stand for each other ("wi-fi" finds "Wi Fi").
  const body = escapeRegExp(form).replace(/[\s-]+/g, '[\\s\\u00a0-]+');
  if (/[^aeiou]y$/i.test(form)) return `${body.slice(0, -1)}(?:y|ies)`;
  if (/(s|x|z|ch|sh)$/i.test(form)) return `${body}(?:es)?`;
  return `${body}s?`;
}

/** The lookup key of a form or a match: lower case, one space between words. */
const keyOf = (s: string) => s.toLowerCase().replace(/[\s\u00a0-]+/g, ' ');

/** Singular candidates of a matched key ("vulnerabilities" → "vulnerability"). */
function singulars(k: string): string[] {
  const out = [k];
  if (k.endsWith('ies')) out.push(`${k.slice(0, -3)}y`);
  if (k.endsWith('es')) out.push(k.slice(0, -2));
  if (k.endsWith('s')) out.push(k.slice(0, -1));
  return out;
}

/** One scanner per case mode: a single alternation (longest forms first) and a key → entry map. */
type Scanner = { re: RegExp; byKey: Map<string, number>; caseSensitive: boolean };
/** `capitalForms`: entries whose English is spelt with capitals but is no abbreviation ("Wi-Fi"). */
type Compiled = { scanners: Scanner[]; notNext: Map<number, RegExp>; capitalForms: Set<number> };

function compile(terms: readonly TermEntry[]): Compiled {
  const modes = { ci: { forms: [] as string[], byKey: new Map<string, number>() }, cs: { forms: [] as string[], byKey: new Map<string, number>() } };
  const notNext = new Map<number, RegExp>();
  const capitalForms = new Set<number>();
  terms.forEach((t, entry) => {
    for (const f of [t.en, ...(t.aka ?? [])]) {
      const abbrev = /[A-Z]/.test(f) && f === f.toUpperCase() && f.replace(/[^A-Za-z]/g, '').length <= 6;
      const m = abbrev ? modes.cs : modes.ci;
      if (!abbrev && /\p{Lu}/u.test(f)) capitalForms.add(entry);
      m.forms.push(f);
      const k = abbrev ? f.replace(/[\s\u00a0-]+/g, ' ') : keyOf(f);
      if (!m.byKey.has(k)) m.byKey.set(k, entry);
    }
    if (t.notNext?.length) notNext.set(entry, new RegExp(`^\\s+(?:${t.notNext.map(escapeRegExp).join('|')})\\b`, 'i'));
  });
  const scanner = (forms: string[], caseSensitive: boolean, byKey: Map<string, number>): Scanner => {
    const alts = [...forms].sort((a, b) => b.length - a.length).map(formSource);
    return { re: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu'), byKey, caseSensitive };
  };
  // A mode without forms gets no scanner: its empty alternation would match the empty string at every offset, forever.
  const scanners = [modes.ci, modes.cs].flatMap((m, i) => (m.forms.length ? [scanner(m.forms, i === 1, m.byKey)] : []));
  return { scanners, notNext, capitalForms };
}

const COMPILED = new WeakMap<readonly TermEntry[], Compiled>();

function lookup(sc: Scanner, match: string): number | undefined {
  const base = sc.caseSensitive ? match.replace(/[\s\u00a0-]+/g, ' ') : keyOf(match);
  for (const k of singulars(base)) {
    const e = sc.byKey.get(k);
    if (e !== undefined) return e;
  }
  return undefined;
}

/** How a match reads in its sentence. */
type Use = 'plain' | 'initial' | 'capital' | 'name';

/** Small words that join the parts of a name ("Defender for Endpoint", "Bank of America"). */
const NAME_JOINERS = new Set(['for', 'of', 'and', '&', 'de', 'von', 'van']);
/** Words that open a sentence with a capital only because they open it ("The Firewall ..."). */
const OPENERS = new Set(['a', 'an', 'the', 'our', 'your', 'my', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'every', 'each', 'any', 'some', 'no', 'new', 'in', 'on', 'at', 'with', 'for', 'by', 'from', 'to', 'use', 'using', 'why', 'how', 'what', 'when', 'where', 'is', 'are', 'do', 'does', 'can', 'should', 'will']);

/** Whether the text before an offset ends a sentence (or the paragraph starts there). */
const atSentenceStart = (before: string) => /(?:^|[.!?…:;]["'”’)\]]*\s+|\n\s*)["'“‘(\[*•–—-]*\s*$/u.test(before);
const capitalised = (w: string) => /^[\p{Lu}\p{N}]/u.test(w) || /^\p{Ll}+\p{Lu}/u.test(w); // "Microsoft", "365", "iCloud"

/** A title-case heading: short, no full stop at the end, and (nearly) every longer word capitalised. */
function isTitleCase(p: string): boolean {
  const ws = p.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (ws.length > 20 || /[.!…]["'”’)\]]*\s*$/.test(p)) return false;
  const long = ws.filter((w) => w.length >= 4);
  return long.length >= 2 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.75 * long.length;
}

/**
 * Reads one match in its sentence:
 * - `name`: a capitalised match joined to other capitalised words ("Update
 *   Compliance", "Windows Defender Firewall", "GitHub Copilot", "Copilot
 *   Studio"), part of a product or organisation name;
 * - `capital`: capitalised in mid-sentence on its own ("a Zero Trust model",
 *   "gave Copilot to"): a proper noun, or a concept written with capitals;
 * - `initial`: capitalised because it opens the sentence;
 * - `plain`: lower case, an abbreviation, or a term spelt with capitals
 *   ("Wi-Fi") outside a name.
 * In a title-case heading ("How Does a Network Switch Work?") a capitalised
 * match reads as `capital`.
 */
function useOf(p: string, start: number, end: number, form: 'abbrev' | 'capitalForm' | 'plain', heading: boolean): Use {
  if (form === 'abbrev') return 'plain';
  const match = p.slice(start, end);
  if (form === 'plain' && !/^\p{Lu}/u.test(match)) return 'plain';
  // In a title-case heading every word has a capital; that says nothing about names.
  if (heading) return form === 'capitalForm' ? 'plain' : 'capital';
  const before = p.slice(0, start);
  const prevM = /(\S+)\s+$/u.exec(before);
  const prev = prevM?.[1] ?? '';
  const prevAt = prevM ? start - prevM[0].length : start;
  let joinedBefore = false;
  if (prev && /[\p{L}\p{N}]$/u.test(prev) && capitalised(prev)) {
    // A capitalised first word of the sentence joins only when it is not an everyday opener ("The Firewall").
    joinedBefore = !(atSentenceStart(p.slice(0, prevAt)) && OPENERS.has(prev.toLowerCase()));
  } else if (NAME_JOINERS.has(prev.toLowerCase())) {
    const prev2 = /(\S+)\s+$/u.exec(p.slice(0, prevAt))?.[1] ?? '';
    joinedBefore = /[\p{L}\p{N}]$/u.test(prev2) && capitalised(prev2) && /^\p{Lu}/u.test(match);
  }
  const next = /^\s+([\p{L}\p{N}][^\s]*)/u.exec(p.slice(end))?.[1] ?? '';
  const joinedAfter = !!next && /^\p{Lu}/u.test(next);
  if (joinedBefore || joinedAfter) return 'name';
  if (form === 'capitalForm') return 'plain';
  return atSentenceStart(before) ? 'initial' : 'capital';
}

/**
 * All terms that occur in the paragraphs, ordered by first occurrence.
 * Overlapping matches go to the longer term. A term inside a name does not
 * count ("Update Compliance" is no use of "compliance"), and a term the text
 * only ever writes with a capital in mid-sentence is a proper noun ("Copilot"),
 * unless the text also uses it in lower case: then its capitalised uses
 * outside names count too ("Zero Trust" beside "zero trust"). Abbreviations
 * and sentence-initial capitals are ordinary uses.
 */
export function findTerms(paragraphs: readonly string[], terms: readonly TermEntry[] = TERMS): TermHit[] {
  let c = COMPILED.get(terms);
  if (!c) {
    c = compile(terms);
    COMPILED.set(terms, c);
  }
  const uses: { entry: number; paragraph: number; start: number; use: Use; surface: string | undefined; text: string }[] = [];
  paragraphs.forEach((p, pi) => {
    const heading = isTitleCase(p);
    const spans: { entry: number; start: number; end: number; form: 'abbrev' | 'capitalForm' | 'plain' }[] = [];
    c.scanners.forEach((sc) => {
      sc.re.lastIndex = 0;
      for (let m = sc.re.exec(p); m; m = sc.re.exec(p)) {
        const entry = lookup(sc, m[0]);
        if (entry === undefined) continue;
        const end = m.index + m[0].length;
        if (c.notNext.get(entry)?.test(p.slice(end))) continue;
        const form = sc.caseSensitive ? 'abbrev' : c.capitalForms.has(entry) ? 'capitalForm' : 'plain';
        spans.push({ entry, start: m.index, end, form });
      }
    });
    spans.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    let until = -1;
    for (const s of spans) {
      if (s.start < until) continue;
      until = s.end;
      uses.push({ entry: s.entry, paragraph: pi, start: s.start, use: useOf(p, s.start, s.end, s.form, heading), surface: s.form === 'abbrev' ? p.slice(s.start, s.end).replace(/(?<=\p{Lu})s$/u, '') : undefined, text: p.slice(s.start, s.end) });
    }
  });
  // Which terms the text uses as common nouns, and which it also names.
  const plain = new Set<number>();
  const proper = new Set<number>();
  for (const u of uses) {
    if (u.use === 'plain') plain.add(u.entry);
    else if (u.use !== 'initial') proper.add(u.entry);
  }
  const counts = (u: (typeof uses)[number]) =>
    u.use === 'plain' || (u.use === 'initial' && (plain.has(u.entry) || !proper.has(u.entry))) || (u.use === 'capital' && plain.has(u.entry));
  const hits = new Map<number, TermHit>();
  const spelledOut = new Set<number>();
  for (const u of uses) {
    if (!counts(u)) continue;
    const t = terms[u.entry] as TermEntry;
    if (!u.surface) spelledOut.add(u.entry);
    const h = hits.get(u.entry);
    if (h) {
      h.count++;
      if (!h.paragraphs.includes(u.paragraph)) h.paragraphs.push(u.paragraph);
    } else {
      const hit: TermHit = { en: t.en, nn: t.nn, generic: t.generic === true, count: 1, first: { paragraph: u.paragraph, offset: u.start }, paragraphs: [u.paragraph] };
      if (u.surface) hit.abbrev = u.surface;
      hits.set(u.entry, hit);
    }
  }
  // A text that spells the term out somewhere is quoted by its long form.
  for (const [entry, h] of hits) if (spelledOut.has(entry)) delete h.abbrev;
  // A text that only ever writes another spelling ("licence" for "license") is quoted in its own.
  for (const [entry, h] of hits) {
    const t = terms[entry] as TermEntry;
    const written = new Set(uses.filter((u) => u.entry === entry && counts(u)).map((u) => keyOf(u.text)));
    const own = (t.aka ?? []).find((a) => !/^[A-Z0-9/-]+$/.test(a) && [...written].every((w) => singulars(w).includes(keyOf(a))));
    if (own && ![...written].some((w) => singulars(w).includes(keyOf(t.en)))) h.en = own;
  }
  // An ambiguous term ("switch", "repository") counts only where its field's words occur too.
  const text = paragraphs.join('\n');
  for (const [entry] of hits) {
    const ctx = (terms[entry] as TermEntry).context;
    if (ctx?.length && !ctx.some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu').test(text))) hits.delete(entry);
  }
  return [...hits.values()].sort((a, b) => a.first.paragraph - b.first.paragraph || a.first.offset - b.first.offset);
}

/** Per list: the terms written as an abbreviation somewhere ("VPN" for "virtual private network"), and the everyday words. */
const KINDS = new WeakMap<readonly TermEntry[], { abbrev: Set<string>; everyday: Set<string> }>();
function kinds(terms: readonly TermEntry[]): { abbrev: Set<string>; everyday: Set<string> } {
  let k = KINDS.get(terms);
  if (!k) {
    k = {
      abbrev: new Set(terms.filter((t) => [t.en, ...(t.aka ?? [])].some((f) => /^[A-Z0-9][A-Z0-9/-]*[A-Z0-9]$/.test(f) && /[A-Z]/.test(f))).map((t) => t.en)),
      everyday: new Set(terms.filter((t) => t.everyday).map((t) => t.en)),
    };
    KINDS.set(terms, k);
  }
  return k;
}

/**
 * How telling a term is for the card's list. Uses count most (on a log
 * scale, so that one hammered word does not crowd out the rest: a second use
 * outweighs any bonus); between terms used as often, a multi-word term and a
 * term with a standard abbreviation ("multi-factor authentication", "VPN")
 * are more specific than a single word; a term that is part of a longer
 * term the text also uses ("cloud" beside "public cloud") tells less.
 * Everyday words (`generic`) rank below every other term.
 */
function termWeight(h: TermHit, abbrev: Set<string>, longer: readonly string[]): number {
  const words = h.en.split(/\s+/).length;
  const inner = new RegExp(`(?:^|[\\s-])${escapeRegExp(h.en.toLowerCase())}(?:$|[\\s-])`);
  const part = longer.some((l) => l !== h.en.toLowerCase() && inner.test(l));
  return 1.5 * Math.log2(1 + Math.min(h.count, 16)) + (words > 1 ? 0.3 : 0) + (abbrev.has(h.en) ? 0.3 : 0) - (part ? 0.8 : 0) - (h.generic ? 100 : 0);
}

/** What the text is about: its title, and the words of its topic's lexicon (lower case). */
export type TermFocus = { title: string; topicTerms: ReadonlySet<string> };

/**
 * A term in the title or in the topic's own vocabulary says more about this
 * text than another used as often; the bonus (at most 0.8) stays below what a
 * second use adds, so frequency still leads.
 */
function focusBonus(h: TermHit, focus: TermFocus | undefined): number {
  if (!focus) return 0;
  const en = h.en.toLowerCase();
  const inTitle = new RegExp(`(?<![\\p{L}])${escapeRegExp(en)}`, 'iu').test(focus.title);
  return Math.min(0.8, (inTitle ? 0.5 : 0) + (focus.topicTerms.has(en) ? 0.4 : 0));
}

/**
 * The terms worth showing: the `max` most telling ones, MOST TELLING FIRST
 * (see termWeight; ties keep the order of first use), so that a caller that
 * shows only some (the FAQ shows four) takes the head of the list. General
 * words (`generic`: "password", "software") come last and only when there is
 * room; words every reader knows (`everyday`: "user", "device") never.
 */
export function pickTerms(hits: readonly TermHit[], max = 8, terms: readonly TermEntry[] = TERMS, focus?: TermFocus): TermHit[] {
  const { abbrev, everyday } = kinds(terms);
  const shown = hits.filter((h) => !everyday.has(h.en));
  const longer = shown.map((h) => h.en.toLowerCase());
  const weight = new Map(shown.map((h) => [h, termWeight(h, abbrev, longer) + focusBonus(h, focus)]));
  const order = (a: TermHit, b: TermHit) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || a.first.paragraph - b.first.paragraph || a.first.offset - b.first.offset;
  return shown.sort(order).slice(0, max);
}
