/**
 * Named entities (people, organisations, products, programming languages and
 * technical standards) from the English text, by rule rather than by model:
 * capitalised word sequences, split and trimmed, then classified by small
 * gazetteers (known-names.ts), organisation suffixes, given names and
 * person or organisation cues ("said", ", CEO of", ", a staffing firm",
 * "'s annual survey"); standards and languages with symbols ("HTTP/3",
 * "802.11be", "C++") by pattern. Sentence-initial words and words the
 * article also writes in lower case are not taken for names, photo credits
 * and captions are not read, and anything the rules cannot place is left
 * out: a wrong name on the card is worse than a missing one. One thing named
 * several ways ("Amazon Web Services (AWS)", "AWS"; "Microsoft Copilot",
 * "Copilot") is one entity.
 */
import {
  ACCORDING_TO_BEFORE,
  ALIASES,
  AMBIGUOUS_LANGUAGES,
  EMPLOYER_CUE,
  GEO_WORDS,
  GIVEN_NAMES,
  GROUP_NOUNS,
  LANGUAGE_CUE,
  LANGUAGES,
  NOT_NAMES,
  ORG_APPOSITION_AFTER,
  ORG_HEADS,
  ORG_NOUN_BEFORE,
  ORG_NOUNS,
  ORG_VERB_CUE,
  ORG_SUFFIXES,
  ORGANISATIONS,
  PERSON_CUES_AFTER,
  PERSON_CUES_BEFORE,
  PERSON_TITLE_AFTER,
  PERSON_TITLE_BEFORE,
  POSSESSIVE_REPORT_AFTER,
  PRODUCTS,
  REPORT_BY_BEFORE,
  REPORT_RIGHT_AFTER,
  STANDARDS,
  SYMBOL_LANGUAGES,
} from './known-names';
import { isSiteChrome } from './chrome';
import { CREDIT_MASK, creditSpans, isCaption, isCredit, withoutCredits } from './credits';
import { articleSentences, isQuestion, words } from './sentences';
import { STOPWORDS } from './stopwords';
import { escapeRegExp } from '../regex';

/** The kinds of name the card lists. */
export type EntityKind = 'person' | 'organisation' | 'product' | 'language' | 'standard';
/** A name found in the article, with where it is first named and every paragraph that names it (ascending). */
export type Entity = { name: string; kind: EntityKind; count: number; first: { paragraph: number; offset: number }; paragraphs: number[] };
/** The names of an article by kind, each list in order of first mention. */
export type Entities = { people: Entity[]; organisations: Entity[]; products: Entity[]; languages: Entity[]; standards: Entity[] };

type Token = { text: string; start: number; end: number };

const TOKEN = /[\p{L}\p{N}]+(?:[&'’.\-][\p{L}\p{N}]+)*|&/gu;
const CAP = /^(?:\p{Lu}|[a-z]{1,3}\p{Lu})/u;
const VERSION = /^(?:\d{1,4}[a-zA-Z]?\d?|\d+(?:\.\d+)+|XP|Pro|Plus|Max|Mini|Ultra|Server|Online|Enterprise|Home)$/;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'la', 'le', 'bin', 'al']);
// Only the usual surname prefixes may carry an inner capital ("McDonald", "O'Brien"): product names do too ("PowerShell", "FortiGate").
const NAME_WORD = /^(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le|Van)?\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?$/u;
const POSSESSIVE = /['’]s?$/;
const YEAR = /^(?:19|20)\d\d$/;

const bare = (t: string) => t.replace(POSSESSIVE, '');

/** Beginnings of known names with small words in them ("Cybersecurity and"), so that a run may go on through the small word. */
const KNOWN_PREFIXES = new Set(
  [...ORGANISATIONS, ...PRODUCTS]
    .filter((n) => / \p{Ll}/u.test(n))
    .flatMap((n) => {
      const ws = n.split(' ');
      return ws.slice(1, -1).flatMap((w, i) => (/^\p{Ll}/u.test(w) ? [ws.slice(0, i + 2).join(' ')] : []));
    }),
);

/** "Registry for", "Institute of": an organisation's name that goes on after a small word. */
const connected = (texts: readonly string[]) => texts.some((t, i) => (t === 'of' || t === 'for') && i > 0 && ORG_NOUNS.has(texts[i - 1] as string));

/** The run ends in the beginning of a known name that goes on with `word` ("the Cybersecurity" + "and"): the words before it ("The") are trimmed later. */
function knownPrefixGoesOn(run: readonly Token[], word: string): boolean {
  for (let k = Math.min(run.length, KNOWN_PREFIX_WORDS - 1); k > 0; k--) if (KNOWN_PREFIXES.has([...run.slice(-k).map((x) => x.text), word].join(' '))) return true;
  return false;
}

/**
 * Capitalised runs in one sentence: tokens joined only by spaces (and "of"/"for" after an organisation noun,
 * "and" inside such a name, "&" between names: "Ernst & Young", small words of known names).
 */
function capitalisedRuns(sentence: string): Token[][] {
  const toks: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) toks.push({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  const runs: Token[][] = [];
  let run: Token[] = [];
  /** The run holds "of" or "for" (kept, not searched again: a run may be thousands of words long). */
  let ofFor = false;
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
    ofFor = false;
  };
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    const gapOk = prev ? /^\s+$/.test(sentence.slice(prev.end, t.start)) && !POSSESSIVE.test(prev.text.slice(-2)) : false;
    const cap = CAP.test(t.text);
    const next = toks[i + 1];
    const joiner =
      run.length > 0 &&
      gapOk &&
      !!next &&
      CAP.test(next.text) &&
      /^\s+$/.test(sentence.slice(t.end, next.start)) &&
      ((t.text === 'of' && ORG_HEADS.has(bare((run[0] as Token).text))) ||
        ((t.text === 'of' || t.text === 'for') && ORG_NOUNS.has((run[run.length - 1] as Token).text)) ||
        (t.text === 'and' && ofFor && !ORGANISATIONS.has(next.text) && !PRODUCTS.has(next.text)) ||
        knownPrefixGoesOn(run, t.text) ||
        PARTICLES.has(t.text) ||
        t.text === '&');
    const version = run.length > 0 && gapOk && VERSION.test(t.text);
    // A token that cannot join (after punctuation, or at the start) starts a run of its own when capitalised.
    if ((cap || joiner || version) && gapOk) run.push(t);
    else {
      close();
      if (cap) run.push(t);
    }
    if (run[run.length - 1] === t && (t.text === 'of' || t.text === 'for')) ofFor = true;
  });
  close();
  return runs;
}

/** Words in the longest entry of a set of names (a prefix longer than that is never known). */
const longestName = (names: Iterable<string>) => {
  let n = 0;
  for (const x of names) n = Math.max(n, x.split(' ').length);
  return n;
};
const KNOWN_PREFIX_WORDS = longestName(KNOWN_PREFIXES);
const KNOWN_WORDS = new Map<ReadonlySet<string>, number>();

/** Words of the longest known name that `texts` starts with; 0 for none. Tries only as many words as the longest known name has. */
function knownPrefix(texts: string[], known: ReadonlySet<string>): number {
  let most = KNOWN_WORDS.get(known);
  if (most === undefined) KNOWN_WORDS.set(known, (most = longestName(known)));
  for (let k = Math.min(texts.length, most); k > 0; k--) if (known.has(texts.slice(0, k).join(' '))) return k;
  return 0;
}

/** Every name set knownPrefix is asked about in findEntities: a run's first this many words decide it. */
const KNOWN_SPAN = Math.max(longestName(ORGANISATIONS), longestName(PRODUCTS), longestName(LANGUAGES)) + 1;
/** Cues before a name sit close to it: `$`-anchored patterns see this much of the text before (else each name reads the whole sentence again). */
const BEFORE_WINDOW = 200;
const near = (before: string) => (before.length > BEFORE_WINDOW ? before.slice(-BEFORE_WINDOW) : before);

/**
 * 'single': a lone capitalised word, kept only as part of a person's name; 'actor': one that acts like an
 * organisation ("Ivanti published"); 'acronym': a lone all-capitals word, kept only when the text defines it
 * ("... Group (NANOG)"). `cue` records a person's title or an organisation cue, which decide between the two
 * when one name is read both ways.
 */
type Found = { name: string; kind: EntityKind | 'single' | 'actor' | 'acronym'; paragraph: number; offset: number; cue?: 'person' | 'org' };

const ACRONYM = /^[A-Z][A-Z0-9&-]*[A-Z0-9]$/;
/** Every pattern of STANDARDS needs one of these: a digit, or a standard's letters. */
const STANDARD_HINT = /\d|Fi|LTE|TLS|SSL|DNS|PoE|NVMe|Bluetooth|WPA|WebAuthn|OAuth|SAML|IPsec|USB|PCIe/i;
const ABBREVIATION_AFTER = /^\s*\(\s*([\p{Lu}][\p{L}\p{N}&-]{1,11})\s*\)/u;
/** Any unambiguous language name in a sentence: it makes "Python, Go and Rust" a list of languages. */
const KNOWN_LANGUAGE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...LANGUAGES].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u');
const LANGUAGE_NOUN_AFTER = /^\s+(?:programming\s+language|language|code|developers?|programmers?|librar(?:y|ies)|modules?|compilers?|scripts?|binaries|crates?|gems?|packages?|runtime|syntax|rewrite|port)\b/i;
const LETTER_LANGUAGE_AFTER = /^\s+(?:programming\s+language|language|compilers?|programmers?)\b/i;
const LANGUAGE_NAMES = `(?:C\\+\\+|C#|F#|Objective-C|${[...LANGUAGES].map(escapeRegExp).join('|')})`;
/** "C and C++", "Java or C": a one-letter language named next to another language. */
const NEXT_TO_LANGUAGE_AFTER = new RegExp(`^\\s*(?:,|\\/|\\s(?:and|or))\\s*${LANGUAGE_NAMES}(?![\\p{L}\\p{N}])`, 'u');
const NEXT_TO_LANGUAGE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])${LANGUAGE_NAMES}\\s*(?:,|\\/|\\s(?:and|or))\\s*$`, 'u');
const LANGUAGE_SLOT_BEFORE = /(?:\b(?:in|into|to|with|and|or|like|using|uses|use|learn|learning|than|as|from|over|versus|vs\.?|of|for)\s+|,\s*)$/i;

/** True when `abbr` is made of the initials of `name`'s words ("AWS", "NANOG", "M365" for "Microsoft 365"). */
function abbreviates(abbr: string, name: string): boolean {
  const want = abbr.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  const ws = name.split(' ').filter((w) => w !== '&');
  const initials = (xs: string[]) => xs.map((w) => (/^\d+$/.test(w) ? w : w.charAt(0))).join('').toUpperCase();
  return ws.length >= 2 && (initials(ws) === want || initials(ws.filter((w) => !/^\p{Ll}/u.test(w))) === want);
}

/** An ambiguous language name ("Go", "Rust", "C") with a programming cue: "written in Go", "Rust code", "the C programming language". */
function languageInContext(name: string, before: string, after: string, sentenceCue: () => boolean): boolean {
  if (name.length === 1) return LETTER_LANGUAGE_AFTER.test(after) || NEXT_TO_LANGUAGE_AFTER.test(after) || NEXT_TO_LANGUAGE_BEFORE.test(near(before));
  if (LANGUAGE_NOUN_AFTER.test(after)) return true;
  return LANGUAGE_SLOT_BEFORE.test(near(before)) && sentenceCue();
}

/** `text` with the spans replaced by CREDIT_MASK, offsets unchanged; spans may overlap. One pass, not one copy per span. */
function maskSpans(text: string, spans: readonly [number, number][]): string {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [x, y] of sorted) {
    if (y <= at) continue;
    const from = Math.max(x, at);
    out += text.slice(at, from) + CREDIT_MASK.repeat(y - from);
    at = y;
  }
  return out + text.slice(at);
}

/** How many words at the start of `texts` make a known organisation, product or language (0: none). */
const knownName = (texts: string[]): number => knownPrefix(texts, ORGANISATIONS) || knownPrefix(texts, PRODUCTS) || knownPrefix(texts, LANGUAGES);

/** Finds and classifies the names in the article's paragraphs. */
export function findEntities(paragraphs: readonly string[]): Entities {
  const lower = new Set<string>();
  for (const p of paragraphs) for (const w of words(p)) if (w === w.toLowerCase()) lower.add(w);
  const found: Found[] = [];
  /** Abbreviations the text defines in brackets after a name, to the name. */
  const defined = new Map<string, string>();
  // Captions (short paragraphs that end in a photo credit) are not article text.
  const captions = new Set(paragraphs.flatMap((p, i) => (isCaption(p) ? [i] : [])));

  for (const s of articleSentences(paragraphs)) {
    const credits = creditSpans(s.text);
    if (captions.has(s.paragraph) || isCredit(s.text, credits) || isSiteChrome(s.text)) continue;
    // Credits inside a sentence ("(Image courtesy of X)") are masked, offsets unchanged.
    let text = withoutCredits(s.text, credits);
    const emitAt = (n: string, kind: Found['kind'], at: number, cue?: Found['cue']) => found.push({ name: n, kind, paragraph: s.paragraph, offset: s.start + at, ...(cue ? { cue } : {}) });

    // Standards and symbol-named languages by pattern, then masked so that the word rules do not read them again.
    const masked: [number, number][] = [];
    for (const { re, name } of STANDARD_HINT.test(text) ? STANDARDS : []) {
      for (const m of text.matchAll(re)) {
        emitAt(name ? name(m) : m[0], 'standard', m.index ?? 0);
        masked.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      }
    }
    for (const m of text.matchAll(SYMBOL_LANGUAGES)) {
      emitAt(m[0], 'language', m.index ?? 0);
      masked.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    }
    if (masked.length) text = maskSpans(text, masked);
    /** The sentence names a language or a programming cue: searched once per sentence, not once per name. */
    let cue: boolean | undefined;
    const sentenceCue = () => (cue ??= LANGUAGE_CUE.test(s.text) || KNOWN_LANGUAGE.test(s.text));

    const ws = words(s.text);
    const capShare = ws.filter((w) => CAP.test(w)).length / Math.max(1, ws.length);
    const titleCase = ws.length >= 3 && capShare > 0.6; // headings and link lists: no new names from them
    const lead = s.text.search(/[\p{L}\p{N}]/u);
    const question = isQuestion(s.text);
    /** Where an abbreviation defined in brackets starts: not a mention of its own. */
    const skip = new Set<number>();
    for (const run0 of capitalisedRuns(text)) {
      if (skip.has(run0[0]?.start ?? -1)) continue;
      let lo = 0;
      const at = (t: Token | undefined) => !!t && t.start === lead;
      // A place word starts an organisation's name when more words and a suffix or head follow: "North American Network Operators Group".
      const lastWord = bare(run0[run0.length - 1]?.text ?? '');
      const orgEnding = ORG_SUFFIXES.has(lastWord) || ORG_HEADS.has(lastWord) || connected(run0.map((t) => bare(t.text)));
      // Trim words that are not names from both ends.
      // By index, not by slicing: a run of thousands of capitalised words must not be copied once per word.
      for (;;) {
        const first = run0[lo];
        if (!first) break;
        const len = run0.length - lo;
        const b = bare(first.text);
        const lw = b.toLowerCase();
        const texts0 = run0.slice(lo, lo + KNOWN_SPAN).map((t) => bare(t.text));
        if (GEO_WORDS.has(b) && orgEnding && len >= 3 && !knownPrefix(texts0.slice(1), ORGANISATIONS) && !knownPrefix(texts0.slice(1), PRODUCTS)) break;
        const startsKnown = knownName(texts0);
        const second = run0[lo + 1];
        const givenThenName = GIVEN_NAMES.has(b) && !!second && NAME_WORD.test(bare(second.text));
        // "Will Townsend, an analyst": a given name that is also a small word needs a person cue and no question ("Will Contoso ship?").
        const spokenName =
          givenThenName &&
          !titleCase &&
          !question &&
          (PERSON_CUES_AFTER.test(text.slice((run0[run0.length - 1] as Token).end)) || PERSON_CUES_BEFORE.test(near(text.slice(0, first.start))));
        const commonAtStart = at(first) && lower.has(lw) && !givenThenName && !(startsKnown && !(startsKnown === 1 && len === 1));
        const actsAtStart = len === 1 && !lower.has(lw) && !GROUP_NOUNS.has(b) && (ORG_VERB_CUE.test(text.slice(first.end)) || (s.start === 0 && /^:\s*["“]/.test(text.slice(first.end))));
        if (knownPrefix(texts0, ORGANISATIONS) > 1) break; // "The Verge", "The Register"
        const knownAfterFirst = at(first) && !startsKnown && !givenThenName && len > 1 && (knownPrefix(texts0.slice(1), ORGANISATIONS) || knownPrefix(texts0.slice(1), PRODUCTS));
        if (b === '&' || /^\d+(?:\.\d+)*$/.test(b) || knownAfterFirst || (STOPWORDS.has(lw) && !spokenName) || NOT_NAMES.has(b) || b === 'Spiceuser' || commonAtStart || (at(first) && !startsKnown && !givenThenName && !actsAtStart && len === 1)) {
          // An abbreviation opening a sentence ("NANOG's committee ...") still counts for a name the text spells out.
          if (at(first) && len === 1 && ACRONYM.test(b) && b.length >= 3 && !NOT_NAMES.has(b)) emitAt(b, 'acronym', first.start);
          // So does a word opening a sentence that the text names elsewhere ("Nortex will publish ..."): collect() counts it only then.
          else if (at(first) && len === 1 && NAME_WORD.test(b) && !lower.has(lw) && !STOPWORDS.has(lw) && !NOT_NAMES.has(b)) emitAt(b, 'single', first.start);
          lo++;
        } else break;
      }
      let hi = run0.length;
      while (hi > lo) {
        const t = (run0[hi - 1] as Token).text;
        if (t !== '&' && !NOT_NAMES.has(bare(t))) break;
        hi--;
      }
      const run = run0.slice(lo, hi); // one copy per run
      if (!run.length) continue;
      // One unknown word a place word leaves is half a name ("British Airways said" → "Airways"): none is better.
      // A known one stands ("European Microsoft customers" → Microsoft).
      if (run.length === 1 && lo > 0 && GEO_WORDS.has(bare((run0[lo - 1] as Token).text))) {
        if (!knownName([bare((run[0] as Token).text)])) continue;
      }
      const first = run[0] as Token;
      const last = run[run.length - 1] as Token;
      const texts = run.map((t, i) => (i === run.length - 1 ? bare(t.text) : t.text));
      const name = texts.join(' ');
      const before = text.slice(0, first.start);
      const after = text.slice(last.end);
      const emit = (n: string, kind: Found['kind'], cue?: Found['cue']) => {
        emitAt(n, kind, first.start, cue);
        // "North American Network Operators Group (NANOG)": the bracketed abbreviation names the same thing.
        const abbr = n === name && kind !== 'single' && kind !== 'acronym' ? ABBREVIATION_AFTER.exec(after) : null;
        if (abbr && abbreviates(abbr[1] as string, n)) {
          defined.set(abbr[1] as string, n);
          skip.add(last.end + after.indexOf(abbr[1] as string));
        }
      };
      const close = near(before);
      const handle = /Spiceuser\s*$/.test(close);
      const atStartLowered = texts.length === 1 && lower.has(name.toLowerCase()) && at(first);

      const orgK = knownPrefix(texts, ORGANISATIONS);
      const prodK = knownPrefix(texts, PRODUCTS);
      const langK = knownPrefix(texts, LANGUAGES);
      if (orgK === texts.length) {
        // A single known word the article also writes in lower case counts only mid-sentence.
        if (!atStartLowered) emit(name, 'organisation');
        continue;
      }
      if (prodK > 0 && texts.slice(prodK).every((t) => VERSION.test(t))) {
        if (!atStartLowered) emit(name, 'product');
        continue;
      }
      if (langK > 0 && texts.slice(langK).every((t) => VERSION.test(t))) {
        if (!atStartLowered) emit(name, 'language');
        continue;
      }
      if (AMBIGUOUS_LANGUAGES.has(texts[0] as string) && texts.slice(1).every((t) => VERSION.test(t)) && languageInContext(texts[0] as string, s.text.slice(0, first.start), s.text.slice(last.end), sentenceCue)) {
        emit(name, 'language');
        continue;
      }
      if (orgK > 0) {
        const rest = texts.slice(orgK);
        if (rest.every((t) => ORG_SUFFIXES.has(t))) emit(name, 'organisation');
        else if (knownPrefix(rest, PRODUCTS) > 0 || rest.some((t) => /\d/.test(t) && !YEAR.test(t))) emit(name, 'product');
        else emit(texts.slice(0, orgK).join(' '), 'organisation');
        continue;
      }
      const placeFirst = GEO_WORDS.has(texts[0] as string) && texts.length >= 3;
      if (texts.length >= 2 && ORG_SUFFIXES.has(texts[texts.length - 1] as string) && (!NOT_NAMES.has(texts[0] as string) || placeFirst)) {
        emit(name, 'organisation');
        continue;
      }
      if (texts.length >= 3 && ((ORG_HEADS.has(texts[0] as string) && texts.includes('of')) || (connected(texts) && prodK === 0))) {
        emit(name, 'organisation');
        continue;
      }
      if (placeFirst && prodK === 0 && ORG_HEADS.has(texts[texts.length - 1] as string)) {
        emit(name, 'organisation'); // "European Data Protection Board"
        continue;
      }
      // A person's title settles it; otherwise an employer, "a staffing firm", "'s annual survey" or "a study by"
      // make even a person-shaped name ("Robert Half") an organisation.
      const near100 = before.slice(-100); // cues before a name are close to it; long sentences are not searched whole
      const titled = PERSON_TITLE_BEFORE.test(near100) || PERSON_TITLE_AFTER.test(after);
      const employer = EMPLOYER_CUE.test(close);
      const orgCue =
        employer ||
        ORG_NOUN_BEFORE.test(near100) ||
        ORG_APPOSITION_AFTER.test(after) ||
        (/['’]s?$/.test(last.text) && POSSESSIVE_REPORT_AFTER.test(after)) ||
        REPORT_BY_BEFORE.test(near100) ||
        (ACCORDING_TO_BEFORE.test(near100) && REPORT_RIGHT_AFTER.test(after));
      const capitalised = texts.every((t) => t === '&' || CAP.test(t)) && (texts.length > 1 || !lower.has(name.toLowerCase()));
      if (orgCue && !titled && texts.length <= 4 && !NOT_NAMES.has(texts[0] as string) && (employer || capitalised)) {
        emit(name, 'organisation', 'org');
        continue;
      }
      const nameWords = texts.filter((t) => !PARTICLES.has(t));
      // A given name the text also writes as a word ("Mark Zuckerberg" beside "a mark", "Will Hughes" beside "will") still opens a person's name, unless a known name follows ("Will Microsoft ...").
      const givenFirst = GIVEN_NAMES.has(nameWords[0] ?? '') && !knownPrefix(nameWords.slice(1), ORGANISATIONS) && !knownPrefix(nameWords.slice(1), PRODUCTS);
      const looksPerson =
        nameWords.length >= 2 && nameWords.length <= 3 && nameWords.every((t, i) => NAME_WORD.test(t) && !NOT_NAMES.has(t) && (!lower.has(t.toLowerCase()) || (i === 0 && givenFirst)));
      if (looksPerson && (GIVEN_NAMES.has(texts[0] as string) || PERSON_CUES_BEFORE.test(close) || PERSON_CUES_AFTER.test(after))) {
        emit(name, 'person', titled ? 'person' : undefined);
        continue;
      }
      // A community member quoted by handle at the start of a paragraph: "Duckworth: “...”".
      const quotedHandle = texts.length === 1 && s.start === 0 && at(first) && !lower.has(name.toLowerCase()) && /^:\s*["“]/.test(after);
      if ((handle || quotedHandle) && texts.length === 1) {
        emit(name, 'person');
        continue;
      }
      // The tail of a longer name with a small word in it ("Windows Update for Business") is not a name of its own.
      if (texts.length === 1 && /\p{Lu}[\p{L}\p{N}]*\s+(?:for|of|and|&)\s+$/u.test(close) && !/^\p{Lu}[\p{L}\p{N}]*\s+(?:for|of|and|&)\s+$/u.test(before)) continue;
      const unknownWord = texts.length === 1 && !lower.has(name.toLowerCase()) && !GIVEN_NAMES.has(name) && /^\p{Lu}[\p{L}\p{N}-]+$/u.test(name);
      if (unknownWord && ORG_VERB_CUE.test(after)) emit(name, 'actor');
      else if (!titleCase && texts.length === 1 && NAME_WORD.test(name) && !lower.has(name.toLowerCase())) emit(name, 'single');
      else if (texts.length === 1 && ACRONYM.test(name) && !NOT_NAMES.has(name)) emit(name, 'acronym');
    }
  }
  return collect(found, defined);
}

/** The one organisation or product of several words whose initials an abbreviation is ("NANOG" for "North American Network Operators Group"). */
function spelledOut<E extends Entity>(abbr: string, entities: readonly E[]): E | undefined {
  const hits = entities.filter((e) => (e.kind === 'organisation' || e.kind === 'product') && e.name.includes(' ') && abbreviates(abbr, e.name));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Every name of ALIASES to its group's long form. */
const ALIAS_OF = new Map<string, string>(ALIASES.flatMap((g) => g.map((n) => [n, g[0] as string] as [string, string])));
const LONG_FORMS = new Set(ALIASES.map((g) => g[0] as string));

function collect(found: Found[], defined: ReadonlyMap<string, string>): Entities {
  // One entry per name. A name read both as a person and as an organisation is a person only if a title goes
  // with it somewhere ("Robert Lind, chief economist"); otherwise the organisation cue wins ("Robert Half's survey").
  const byName = new Map<string, Entity & { cues: Set<string> }>();
  const add = (f: Found, name: string, kind: EntityKind) => {
    const e = byName.get(name);
    if (e) {
      e.count++;
      if (!e.paragraphs.includes(f.paragraph)) e.paragraphs.push(f.paragraph);
      e.cues.add(`${f.kind}:${f.cue ?? ''}`);
    } else byName.set(name, { name, kind, count: 1, first: { paragraph: f.paragraph, offset: f.offset }, paragraphs: [f.paragraph], cues: new Set([`${f.kind}:${f.cue ?? ''}`]) });
  };
  for (const f of found) if (f.kind !== 'single' && f.kind !== 'actor' && f.kind !== 'acronym') add(f, f.name, f.kind);
  for (const e of byName.values()) {
    const asPerson = e.cues.has('person:') || e.cues.has('person:person');
    const asOrg = [...e.cues].some((c) => c.startsWith('organisation:'));
    if (asPerson && asOrg) e.kind = e.cues.has('person:person') ? 'person' : 'organisation';
  }
  // A lone capitalised word counts when it is the surname or first name of a person named in full;
  // one that acts ("Ivanti published", "Whitfield said") is otherwise an organisation. A lone
  // abbreviation counts when the text has defined it in brackets.
  const people = [...byName.values()].filter((e) => e.kind === 'person' && e.name.includes(' '));
  const personShaped = [...byName.values()].filter((e) => e.kind === 'organisation' && e.cues.has('organisation:org') && e.name.includes(' '));
  const inName = (w: string) => [...byName.values()].some((e) => e.kind !== 'person' && e.name !== w && e.name.split(' ').includes(w));
  for (const f of found) {
    if (f.kind !== 'single' && f.kind !== 'actor' && f.kind !== 'acronym') continue;
    const long = defined.get(f.name);
    const longEntity = long ? byName.get(long) : f.name.length >= 3 && ACRONYM.test(f.name) ? spelledOut(f.name, [...byName.values()]) : undefined;
    if (longEntity) {
      add(f, longEntity.name, longEntity.kind);
      continue;
    }
    if (f.kind === 'acronym') continue;
    const p = people.find((e) => e.name.split(' ').includes(f.name)) ?? personShaped.find((e) => e.name.split(' ').at(-1) === f.name);
    if (p) add(f, p.name, p.kind);
    else if (f.kind === 'actor' && !inName(f.name)) add(f, f.name, byName.get(f.name)?.kind ?? 'organisation');
  }
  // A lone word the text has already placed ("Nortex said ...", later "engineers at Nortex") is that name again.
  for (const f of found) {
    const known = f.kind === 'single' ? byName.get(f.name) : undefined;
    if (known && known.kind !== 'person' && !(known.paragraphs.includes(f.paragraph) && known.first.offset === f.offset)) add(f, known.name, known.kind);
  }
  const merged = mergeAliases([...byName.values()], defined);
  const all = merged.sort((a, b) => a.first.paragraph - b.first.paragraph || a.first.offset - b.first.offset);
  // "SQL" in a text that names SQL Server is shorthand for the server ("the SQL writer"), not the language.
  const sqlServer = all.some((e) => e.kind === 'product' && e.name.startsWith('SQL Server'));
  const kept = all.filter((e) => !(sqlServer && e.kind === 'language' && e.name === 'SQL'));
  // "Microsoft" inside a longer product name "Microsoft Teams" stays an organisation of its own.
  return {
    people: kept.filter((e) => e.kind === 'person'),
    organisations: kept.filter((e) => e.kind === 'organisation'),
    products: kept.filter((e) => e.kind === 'product'),
    languages: kept.filter((e) => e.kind === 'language'),
    standards: kept.filter((e) => e.kind === 'standard'),
  };
}

/**
 * One entity per thing named several ways: names of one ALIASES group ("AWS", "Amazon Web Services"),
 * an abbreviation the text defines in brackets and its long form, and a product with and without its
 * maker's name ("Microsoft Copilot", "Copilot": when only one maker's name is put before it). The merged
 * entity is named by the group's long form if the text uses it, else by the fullest form the text uses
 * (the first of equals); counts and paragraphs are added up.
 *
 * A company and its service stay apart: "Amazon" is an organisation, "Amazon Web Services" (AWS) the
 * cloud platform, a product like Microsoft Azure and Google Cloud Platform. The card lists the platforms
 * together whatever the text calls them, and "Amazon" is not merged into them, since a text that names
 * Amazon (the retailer, the employer) is not always speaking of its cloud.
 */
function mergeAliases(entities: (Entity & { cues?: Set<string> })[], defined: ReadonlyMap<string, string>): Entity[] {
  const parent = new Map<string, string>();
  const find = (n: string): string => {
    let r = n;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const names = new Set(entities.map((e) => e.name));
  for (const e of entities) {
    const group = ALIAS_OF.get(e.name);
    if (group) union(`alias:${group}`, e.name);
    const long = defined.get(e.name);
    if (long && names.has(long)) union(long, e.name);
    // A known abbreviation next to its long form, though the text never puts them side by side ("NSA", "National Security Agency").
    const spelled = !long && e.name.length >= 3 && ACRONYM.test(e.name) ? spelledOut(e.name, entities) : undefined;
    if (spelled && spelled.kind === e.kind) union(spelled.name, e.name);
  }
  // A maker's name before a product the text also names bare: "Microsoft Copilot" and "Copilot".
  const prefixed = new Map<string, string[]>();
  for (const e of entities) {
    if (e.kind !== 'product') continue;
    const ws = e.name.split(' ');
    const k = knownPrefix(ws, ORGANISATIONS);
    if (k === 0 || k === ws.length) continue;
    const bareName = ws.slice(k).join(' ');
    const target = entities.find((x) => x.kind === 'product' && x !== e && (x.name === bareName || (ALIAS_OF.has(bareName) && ALIAS_OF.get(bareName) === ALIAS_OF.get(x.name))));
    if (!target) continue;
    const key = find(target.name);
    prefixed.set(key, [...(prefixed.get(key) ?? []), e.name]);
  }
  for (const [key, makers] of prefixed) if (makers.length === 1) union(makers[0] as string, key);

  const groups = new Map<string, (Entity & { cues?: Set<string> })[]>();
  for (const e of entities) groups.set(find(e.name), [...(groups.get(find(e.name)) ?? []), e]);
  const out: Entity[] = [];
  for (const members of groups.values()) {
    members.sort((a, b) => a.first.paragraph - b.first.paragraph || a.first.offset - b.first.offset);
    const head =
      members.find((m) => LONG_FORMS.has(m.name)) ??
      members.reduce((best, m) => (m.name.length > best.name.length ? m : best), members[0] as Entity);
    const paragraphs = [...new Set(members.flatMap((m) => m.paragraphs))].sort((a, b) => a - b);
    const firstOf = members[0] as Entity;
    out.push({ name: head.name, kind: head.kind, count: members.reduce((n, m) => n + m.count, 0), first: { ...firstOf.first }, paragraphs });
  }
  return out;
}
