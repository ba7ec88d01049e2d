// Types for hunspell.mjs, so the Node-only TypeScript loader can use it.
export type Aff = { compoundFlag: string | null; compoundMin: number };
export type Root = { word: string; flags: string };
export type Dictionary = { aff: Aff; roots: Root[] };
export type CompoundParts = { first: Set<string>; middle: Set<string>; last: Set<string>; min: number };
export function loadDictionary(dir: string): Dictionary;
export function expandDictionary(
  dict: Dictionary,
  opts?: { lowercaseRootsOnly?: boolean },
): { forms: Set<string>; compound: CompoundParts };
export function isCompound(word: string, c: CompoundParts): boolean;
export function expandRoot(root: Root, aff: Aff, emit: (form: string, kind: 'root' | 'sfx' | 'pfx' | 'both') => void): void;
export function parseAff(text: string): Aff;
export function parseDic(text: string): Root[];
