// Types for debian.mjs, so the TypeScript bench can read the parallel corpus.
export type Pair = { key: string; nb: string; nn: string };
export function readCorpus(): Promise<{ pairs: Pair[]; versions: Record<string, string>; pinned: boolean }>;
export function isHeldOut(key: string): boolean;
export function isEnglish(s: string): boolean;
export function cleanString(s: string): string;
export function parseMo(buf: Buffer): Map<string, string>;
export function parseFtl(text: string): Map<string, string>;
export function parseProperties(text: string): Map<string, string>;
export function readZip(buf: Buffer): Map<string, Buffer>;
export const CACHE: string;
export const PAIRS: string[][];
