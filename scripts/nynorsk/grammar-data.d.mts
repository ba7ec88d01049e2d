// Types for grammar-data.mjs, so the TypeScript tests can check how genders are read from dictionary-nn's flags.
export function gendersOf(flags: string): string;
export function lastPart(word: string, has: (w: string) => boolean): string | undefined;
export const SUFFIX_MIN: number;
export const PREFIX_MIN: number;
export const DET_MIN: number;
