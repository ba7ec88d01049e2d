/**
 * Loads the checker from wherever the data can be fetched. The extension's
 * background calls this lazily with a fetch of the packaged file, e.g.
 *   loadChecker((p) => fetch(browser.runtime.getURL(p)).then((r) => r.json()))
 * so the content script never carries the data.
 */
import { createChecker, type CheckerOptions, type NynorskChecker } from './checker';
import { isCorpusData, isNynorskData } from './data';
import { isGrammarData } from './grammar';

/**
 * Path of the shipped data inside the built extension (build.mjs copies
 * assets/nynorsk/ to nynorsk/). In the repository it is assets/nynorsk/bokmal.json.
 */
export const NYNORSK_DATA_PATH = 'nynorsk/bokmal.json';
/** The corpus evidence and the agreement rules' tagged words, beside it. */
export const NYNORSK_CORPUS_PATH = 'nynorsk/corpus.json';
export const NYNORSK_GRAMMAR_PATH = 'nynorsk/grammar.json';

/** Fetches the three data files via `fetchJson(path)`, validates them, builds a checker. */
export async function loadChecker(
  fetchJson: (path: string) => Promise<unknown>,
  options: CheckerOptions = {},
): Promise<NynorskChecker> {
  const [data, corpus, grammar] = await Promise.all([NYNORSK_DATA_PATH, NYNORSK_CORPUS_PATH, NYNORSK_GRAMMAR_PATH].map(fetchJson));
  if (!isNynorskData(data)) throw new Error(`${NYNORSK_DATA_PATH}: not Nynorsk checker data`);
  if (!isCorpusData(corpus)) throw new Error(`${NYNORSK_CORPUS_PATH}: not Nynorsk corpus data`);
  if (!isGrammarData(grammar)) throw new Error(`${NYNORSK_GRAMMAR_PATH}: not Nynorsk grammar data`);
  return createChecker(data, { ...options, corpus, grammar });
}
