/**
 * Node-only loader (CLI, tests, bench): reads the shipped data from
 * assets/nynorsk/ and, on request, builds the review lexicon (every
 * Nynorsk form plus Hunspell compounding, plus English words) from the
 * pinned npm dictionaries in node_modules. The review lexicon is too big to
 * ship in the extension (about 1.7 MB gzip), so `review` is a Node feature.
 * Never import this file from extension code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker, type NynorskChecker } from '../core/nynorsk/checker';
import { isCorpusData, isNynorskData, type CorpusData, type NynorskData } from '../core/nynorsk/data';
import { isGrammarData, type GrammarData } from '../core/nynorsk/grammar';
import { loadDictionary, expandDictionary, isCompound } from '../../scripts/nynorsk/hunspell.mjs';

/** Reads assets/nynorsk/bokmal.json under `root` (default: the working directory). */
export function readNynorskData(root = process.cwd()): NynorskData {
  const data: unknown = JSON.parse(readFileSync(join(root, 'assets', 'nynorsk', 'bokmal.json'), 'utf8'));
  if (!isNynorskData(data)) throw new Error('assets/nynorsk/bokmal.json: not Nynorsk checker data');
  return data;
}

/** Reads assets/nynorsk/corpus.json and grammar.json under `root`. */
export function readNynorskExtras(root = process.cwd()): { corpus: CorpusData; grammar: GrammarData } {
  const read = (f: string): unknown => JSON.parse(readFileSync(join(root, 'assets', 'nynorsk', f), 'utf8'));
  const corpus = read('corpus.json');
  const grammar = read('grammar.json');
  if (!isCorpusData(corpus)) throw new Error('assets/nynorsk/corpus.json: not Nynorsk corpus data');
  if (!isGrammarData(grammar)) throw new Error('assets/nynorsk/grammar.json: not Nynorsk grammar data');
  return { corpus, grammar };
}

/** One reviewed allow-list entry (assets/nynorsk/allow.json). */
export type AllowEntry = { word: string; reason: string };

/** Reads the reviewed allow-list of words the review channel may skip. */
export function readAllowList(root = process.cwd()): AllowEntry[] {
  const raw: unknown = JSON.parse(readFileSync(join(root, 'assets', 'nynorsk', 'allow.json'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('allow.json: expected an array');
  return raw.map((e: unknown) => {
    const r = e as Partial<AllowEntry>;
    if (typeof r.word !== 'string' || typeof r.reason !== 'string' || !r.reason.trim()) {
      throw new Error(`allow.json: entry needs word and reason: ${JSON.stringify(e)}`);
    }
    return { word: r.word.toLowerCase(), reason: r.reason };
  });
}

/** Builds `isKnownNynorsk` from node_modules/dictionary-nn (+ dictionary-en); takes a few seconds. */
export function buildNynorskLexicon(root = process.cwd()): (word: string) => boolean {
  const nn = expandDictionary(loadDictionary(join(root, 'node_modules', 'dictionary-nn')));
  const en = expandDictionary(loadDictionary(join(root, 'node_modules', 'dictionary-en')));
  return (w) => nn.forms.has(w) || en.forms.has(w) || isCompound(w, nn.compound);
}

/** A checker from disk; with `review: true` it also fills the review channel. */
export function loadNodeChecker(opts: { root?: string; review?: boolean } = {}): NynorskChecker {
  const root = opts.root ?? process.cwd();
  const data = readNynorskData(root);
  const extras = readNynorskExtras(root);
  if (!opts.review) return createChecker(data, extras);
  return createChecker(data, {
    ...extras,
    isKnownNynorsk: buildNynorskLexicon(root),
    allow: readAllowList(root).map((e) => e.word),
  });
}
