/** Public entry of the Nynorsk checker (pure; safe in every context). */
export { createChecker } from './checker';
export type { CheckerOptions, NynorskChecker, NynorskFinding, NynorskReport } from './checker';
export { isNynorskData } from './data';
export type { NynorskData, ContextRule } from './data';
export { loadChecker, NYNORSK_DATA_PATH } from './load';
export { tokenize, tokenParts } from './tokenize';
export type { Token, TokenPart } from './tokenize';
