/**
 * Named entities (people, organisations, products) from the English text,
 * by rule rather than by model: capitalised word sequences, split and
 * trimmed, then classified by small gazetteers (known-names.ts), organisation
 * suffixes, given names and person cues ("said", ", CEO of"). Sentence-initial
 * words and words the article also writes in lower case are not taken for
 * names, and anything the rules cannot place is left out: a wrong name on
 * the card is worse than a missing one.
 */
import { EMPLOYER_CUE, GIVEN_NAMES, NOT_NAMES, ORG_HEADS, ORG_VERB_CUE, ORG_SUFFIXES, ORGANISATIONS, PERSON_CUES_AFTER, PERSON_CUES_BEFORE, PRODUCTS } from './known-names';
import { isSiteChrome } from './chrome';
import { articleSentences, words } from './sentences';
import { STOPWORDS } from './stopwords';

/** The three kinds of name the card lists. */
export type EntityKind = 'person' | 'organisation' | 'product';
/** A name found in the article, with where it is first named and every paragraph that names it. */
export type Entity = { name: string; kind: EntityKind; count: number; first: { paragraph: number; offset: number }; paragraphs: number[] };
/** The names of an article by kind, each list in order of first mention. */
export type Entities = { people: Entity[]; organisations: Entity[]; products: Entity[] };

type Token = { text: string; start: number; end: number };

const TOKEN = /[\p{L}\p{N}]+(?:[&'’.\-][\p{L}\p{N}]+)*/gu;
const CAP = /^(?:\p{Lu}|[a-z]{1,2}\p{Lu})/u;
const VERSION = /^(?:\d{1,4}[a-zA-Z]?\d?|\d+(?:\.\d+)+|XP|Pro|Plus|Max|Mini|Ultra|Server|Online|Enterprise|Home)$/;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'la', 'le', 'bin', 'al']);
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?$/u;
const POSSESSIVE = /['’]s?$/;
const YEAR = /^(?:19|20)\d\d$/;

const bare = (t: string) => t.replace(POSSESSIVE, '');

/** Capitalised runs in one sentence: tokens joined only by spaces (and "of" after an organisation head). */
function capitalisedRuns(sentence: string): Token[][] {
  const toks: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) toks.push({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
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
      ((t.text === 'of' && ORG_HEADS.has(bare(run[0]?.text ?? ''))) || PARTICLES.has(t.text));
    const version = run.length > 0 && gapOk && VERSION.test(t.text);
    if ((cap || joiner || version) && (run.length === 0 || gapOk)) run.push(t);
    else {
      close();
      if (cap) run.push(t);
    }
  });
  close();
  return runs;
}

function knownPrefix(texts: string[], known: ReadonlySet<string>): number {
  for (let k = texts.length; k > 0; k--) if (known.has(texts.slice(0, k).join(' '))) return k;
  return 0;
}

/** 'single': a lone capitalised word, kept only as part of a person's name; 'actor': one that acts like an organisation ("Ivanti published"). */
type Found = { name: string; kind: EntityKind | 'single' | 'actor'; paragraph: number; offset: number };

/** Finds and classifies the names in the article's paragraphs. */
export function findEntities(paragraphs: readonly string[]): Entities {
  const lower = new Set<string>();
  for (const p of paragraphs) for (const w of words(p)) if (w === w.toLowerCase()) lower.add(w);
  const found: Found[] = [];

  for (const s of articleSentences(paragraphs)) {
    if (isSiteChrome(s.text)) continue;
    const ws = words(s.text);
    const capShare = ws.filter((w) => CAP.test(w)).length / Math.max(1, ws.length);
    const titleCase = ws.length >= 3 && capShare > 0.6; // headings and link lists: no new names from them
    const lead = s.text.search(/[\p{L}\p{N}]/u);
    for (const run0 of capitalisedRuns(s.text)) {
      let run = run0;
      const at = (t: Token | undefined) => !!t && t.start === lead;
      // Trim words that are not names from both ends.
      for (;;) {
        const first = run[0];
        if (!first) break;
        const b = bare(first.text);
        const lw = b.toLowerCase();
        const startsKnown = knownPrefix(run.map((t) => bare(t.text)), ORGANISATIONS) || knownPrefix(run.map((t) => bare(t.text)), PRODUCTS);
        const givenThenName = GIVEN_NAMES.has(b) && !!run[1] && NAME_WORD.test(bare(run[1].text));
        const commonAtStart = at(first) && lower.has(lw) && !givenThenName && !(startsKnown && !(startsKnown === 1 && run.length === 1));
        const actsAtStart = run.length === 1 && !lower.has(lw) && (ORG_VERB_CUE.test(s.text.slice(first.end)) || (s.start === 0 && /^:\s*["“]/.test(s.text.slice(first.end))));
        if (knownPrefix(run.map((t) => bare(t.text)), ORGANISATIONS) > 1) break; // "The Verge", "The Register"
        const knownAfterFirst = at(first) && !startsKnown && !givenThenName && run.length > 1 && (knownPrefix(run.slice(1).map((t) => bare(t.text)), ORGANISATIONS) || knownPrefix(run.slice(1).map((t) => bare(t.text)), PRODUCTS));
        if (knownAfterFirst || STOPWORDS.has(lw) || NOT_NAMES.has(b) || b === 'Spiceuser' || commonAtStart || (at(first) && !startsKnown && !givenThenName && !actsAtStart && run.length === 1)) {
          run = run.slice(1);
        } else break;
      }
      while (run.length && NOT_NAMES.has(bare(run[run.length - 1]?.text ?? ''))) run = run.slice(0, -1);
      if (!run.length) continue;
      const first = run[0] as Token;
      const last = run[run.length - 1] as Token;
      const texts = run.map((t, i) => (i === run.length - 1 ? bare(t.text) : t.text));
      const name = texts.join(' ');
      const before = s.text.slice(0, first.start);
      const after = s.text.slice(last.end);
      const emit = (n: string, kind: Found['kind']) => found.push({ name: n, kind, paragraph: s.paragraph, offset: s.start + first.start });
      const handle = /Spiceuser\s*$/.test(before);

      const orgK = knownPrefix(texts, ORGANISATIONS);
      const prodK = knownPrefix(texts, PRODUCTS);
      if (orgK === texts.length) {
        // A single known word the article also writes in lower case counts only mid-sentence.
        if (!(texts.length === 1 && lower.has(name.toLowerCase()) && at(first))) emit(name, 'organisation');
        continue;
      }
      if (prodK > 0 && texts.slice(prodK).every((t) => VERSION.test(t))) {
        if (!(texts.length === 1 && lower.has(name.toLowerCase()) && at(first))) emit(name, 'product');
        continue;
      }
      if (orgK > 0) {
        const rest = texts.slice(orgK);
        if (rest.every((t) => ORG_SUFFIXES.has(t))) emit(name, 'organisation');
        else if (knownPrefix(rest, PRODUCTS) > 0 || rest.some((t) => /\d/.test(t) && !YEAR.test(t))) emit(name, 'product');
        else emit(texts.slice(0, orgK).join(' '), 'organisation');
        continue;
      }
      if (texts.length >= 2 && ORG_SUFFIXES.has(texts[texts.length - 1] as string) && !NOT_NAMES.has(texts[0] as string)) {
        emit(name, 'organisation');
        continue;
      }
      if (texts.length >= 3 && ORG_HEADS.has(texts[0] as string) && texts.includes('of')) {
        emit(name, 'organisation');
        continue;
      }
      if (EMPLOYER_CUE.test(before) && texts.length <= 4 && !NOT_NAMES.has(texts[0] as string)) {
        emit(name, 'organisation');
        continue;
      }
      const nameWords = texts.filter((t) => !PARTICLES.has(t));
      const looksPerson = nameWords.length >= 2 && nameWords.length <= 3 && nameWords.every((t) => NAME_WORD.test(t) && !NOT_NAMES.has(t) && !lower.has(t.toLowerCase()));
      if (looksPerson && (GIVEN_NAMES.has(texts[0] as string) || PERSON_CUES_BEFORE.test(before) || PERSON_CUES_AFTER.test(after))) {
        emit(name, 'person');
        continue;
      }
      // A community member quoted by handle at the start of a paragraph: "Duckworth: “...”".
      const quotedHandle = texts.length === 1 && s.start === 0 && at(first) && !lower.has(name.toLowerCase()) && /^:\s*["“]/.test(after);
      if ((handle || quotedHandle) && texts.length === 1) {
        emit(name, 'person');
        continue;
      }
      const unknownWord = texts.length === 1 && !lower.has(name.toLowerCase()) && !GIVEN_NAMES.has(name) && /^\p{Lu}[\p{L}\p{N}-]+$/u.test(name);
      if (unknownWord && ORG_VERB_CUE.test(after)) emit(name, 'actor');
      else if (!titleCase && texts.length === 1 && NAME_WORD.test(name) && !lower.has(name.toLowerCase())) emit(name, 'single');
    }
  }
  return collect(found);
}

function collect(found: Found[]): Entities {
  const byName = new Map<string, Entity>();
  const add = (f: Found, name: string, kind: EntityKind) => {
    const e = byName.get(name);
    if (e) {
      e.count++;
      if (!e.paragraphs.includes(f.paragraph)) e.paragraphs.push(f.paragraph);
    } else byName.set(name, { name, kind, count: 1, first: { paragraph: f.paragraph, offset: f.offset }, paragraphs: [f.paragraph] });
  };
  for (const f of found) if (f.kind !== 'single' && f.kind !== 'actor') add(f, f.name, f.kind);
  // A lone capitalised word counts when it is the surname or first name of a person named in full;
  // one that acts ("Ivanti published", "Whitfield said") is otherwise an organisation.
  const people = [...byName.values()].filter((e) => e.kind === 'person' && e.name.includes(' '));
  const inName = (w: string) => [...byName.values()].some((e) => e.kind !== 'person' && e.name.split(' ').includes(w));
  for (const f of found) {
    if (f.kind !== 'single' && f.kind !== 'actor') continue;
    const p = people.find((e) => e.name.split(' ').includes(f.name));
    if (p) add(f, p.name, 'person');
    else if (f.kind === 'actor' && !inName(f.name)) add(f, f.name, 'organisation');
  }
  const all = [...byName.values()].sort((a, b) => a.first.paragraph - b.first.paragraph || a.first.offset - b.first.offset);
  // "Microsoft" inside a longer product name "Microsoft Teams" stays an organisation of its own.
  return {
    people: all.filter((e) => e.kind === 'person'),
    organisations: all.filter((e) => e.kind === 'organisation'),
    products: all.filter((e) => e.kind === 'product'),
  };
}
