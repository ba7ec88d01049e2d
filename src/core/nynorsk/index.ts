/** Public entry of the Nynorsk checker (pure; safe in every context). */
export { createChecker } from './checker';
export type { CheckerOptions, NynorskChecker, NynorskFinding, NynorskReport } from './checker';
export { isCorpusData, isNynorskData } from './data';
export type { CorpusData, NynorskData, ContextRule } from './data';
export { createGrammar, isGrammarData } from './grammar';
export type { GrammarData, GrammarFinding } from './grammar';
export { loadChecker, NYNORSK_CORPUS_PATH, NYNORSK_DATA_PATH, NYNORSK_GRAMMAR_PATH } from './load';
export { tokenize, tokenParts } from './tokenize';
export type { Token, TokenPart } from './tokenize';
