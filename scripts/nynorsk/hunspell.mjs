// A small Hunspell affix expander, written to reproduce what Hunspell's own
// `unmunch` produces for the Norwegian dictionaries (dictionary-nb,
// dictionary-nn): PFX/SFX rules with strip, add and conditions, the
// cross-product of prefixes and suffixes, single-character flags (FLAG is
// not set in either .aff, so Hunspell's default applies), and the
// compounding flags (COMPOUNDFLAG, COMPOUNDMIN) for the compound check.
// Used by scripts/nynorsk/build-data.mjs and by the Node-only review lexicon.

import { readFileSync } from 'node:fs';

/**
 * Parses a condition such as `[^aeiou]g` or `.` into a list of matchers,
 * one per character position, as Hunspell's `numconds` counts them.
 * @param {string} cond
 * @returns {Array<(ch: string) => boolean>}
 */
function parseCondition(cond) {
  /** @type {Array<(ch: string) => boolean>} */
  const out = [];
  const chars = [...cond];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '.') {
      out.push(() => true);
    } else if (c === '[') {
      let j = i + 1;
      let neg = false;
      if (chars[j] === '^') {
        neg = true;
        j++;
      }
      const set = new Set();
      while (j < chars.length && chars[j] !== ']') set.add(chars[j++]);
      i = j;
      out.push(neg ? (ch) => !set.has(ch) : (ch) => set.has(ch));
    } else {
      out.push((ch) => ch === c);
    }
  }
  return out;
}

/**
 * Reads an .aff file: prefix and suffix rules by flag, plus the compounding
 * settings the expander and the compound check need.
 * @param {string} text
 */
export function parseAff(text) {
  /** @type {Map<string, {kind:'PFX'|'SFX', cross:boolean, rules:Array<{strip:string, add:string, conds:Array<(ch:string)=>boolean>}>}>} */
  const affixes = new Map();
  let compoundFlag = null;
  let compoundMin = 3;
  let flagType = 'char';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#') || line.trim() === '') continue;
    const f = line.trim().split(/\s+/);
    if (f[0] === 'FLAG') flagType = f[1] ?? 'char';
    if (f[0] === 'COMPOUNDFLAG') compoundFlag = f[1] ?? null;
    if (f[0] === 'COMPOUNDMIN') compoundMin = Number(f[1]);
    if (f[0] !== 'PFX' && f[0] !== 'SFX') continue;
    const flag = f[1];
    if (f.length === 4 && (f[2] === 'Y' || f[2] === 'N')) {
      affixes.set(flag, { kind: f[0], cross: f[2] === 'Y', rules: [] });
      continue;
    }
    const entry = affixes.get(flag);
    if (!entry) continue;
    const strip = f[2] === '0' ? '' : f[2];
    let add = f[3] === '0' ? '' : f[3];
    // Continuation flags on the affix (`add/FLAGS`) are not used by these
    // dictionaries; keep the affix text only.
    const slash = add.indexOf('/');
    if (slash >= 0) add = add.slice(0, slash);
    entry.rules.push({ strip, add, conds: parseCondition(f[4] ?? '.') });
  }
  if (flagType !== 'char') throw new Error(`FLAG ${flagType} is not supported`);
  return { affixes, compoundFlag, compoundMin };
}

/**
 * Reads a .dic file into roots with their flag strings.
 * @param {string} text
 * @returns {Array<{word:string, flags:string}>}
 */
export function parseDic(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line) continue;
    // A slash escaped with a backslash belongs to the word.
    let k = -1;
    for (let j = 0; j < line.length; j++) {
      if (line[j] === '\\' && line[j + 1] === '/') {
        j++;
        continue;
      }
      if (line[j] === '/') {
        k = j;
        break;
      }
    }
    const word = (k < 0 ? line : line.slice(0, k)).replace(/\\\//g, '/');
    const flags = k < 0 ? '' : line.slice(k + 1).split(/\s/)[0];
    out.push({ word, flags });
  }
  return out;
}

function sfxApplies(word, rule) {
  const len = word.length;
  const n = rule.conds.length;
  if (!(len > rule.strip.length) || len < n) return false;
  if (rule.strip && !word.endsWith(rule.strip)) return false;
  for (let i = 0; i < n; i++) if (!rule.conds[i](word[len - n + i])) return false;
  return true;
}

function pfxApplies(word, rule) {
  const len = word.length;
  const n = rule.conds.length;
  if (!(len > rule.strip.length) || len < n) return false;
  if (rule.strip && !word.startsWith(rule.strip)) return false;
  for (let i = 0; i < n; i++) if (!rule.conds[i](word[i])) return false;
  return true;
}

/**
 * Expands one root as unmunch does: the root, every suffixed form, every
 * prefixed form, and prefix+suffix forms where both rules allow the cross
 * product. `emit(form, kind)` gets kind 'root' | 'sfx' | 'pfx' | 'both'.
 * @param {{word:string, flags:string}} root
 * @param {ReturnType<typeof parseAff>} aff
 * @param {(form:string, kind:'root'|'sfx'|'pfx'|'both') => void} emit
 */
export function expandRoot(root, aff, emit) {
  const { word, flags } = root;
  emit(word, 'root');
  const pfx = [];
  for (const fl of flags) {
    const a = aff.affixes.get(fl);
    if (a && a.kind === 'PFX') pfx.push(a);
  }
  for (const fl of flags) {
    const a = aff.affixes.get(fl);
    if (!a || a.kind !== 'SFX') continue;
    for (const r of a.rules) {
      if (!sfxApplies(word, r)) continue;
      const nw = word.slice(0, word.length - r.strip.length) + r.add;
      emit(nw, 'sfx');
      if (!a.cross) continue;
      for (const p of pfx) {
        if (!p.cross) continue;
        for (const pr of p.rules) {
          if (!pfxApplies(nw, pr)) continue;
          emit(pr.add + nw.slice(pr.strip.length), 'both');
        }
      }
    }
  }
  for (const p of pfx) {
    for (const pr of p.rules) {
      if (!pfxApplies(word, pr)) continue;
      emit(pr.add + word.slice(pr.strip.length), 'pfx');
    }
  }
}

/**
 * Loads a dictionary package's .aff/.dic from a folder.
 * @param {string} dir
 */
export function loadDictionary(dir) {
  const aff = parseAff(readFileSync(`${dir}/index.aff`, 'utf8'));
  const roots = parseDic(readFileSync(`${dir}/index.dic`, 'utf8'));
  return { aff, roots };
}

/**
 * Builds the lower-case form set of a dictionary and the three sets of
 * compound parts Hunspell's COMPOUNDFLAG allows: first parts (root or
 * prefixed root), middle parts (bare root) and last parts (root or
 * suffixed root), all from roots that carry the compound flag.
 * @param {{aff: ReturnType<typeof parseAff>, roots: Array<{word:string, flags:string}>}} dict
 * @param {{lowercaseRootsOnly?: boolean}} [opts]
 */
export function expandDictionary(dict, opts = {}) {
  const forms = new Set();
  const first = new Set();
  const middle = new Set();
  const last = new Set();
  const cf = dict.aff.compoundFlag;
  const min = dict.aff.compoundMin;
  for (const root of dict.roots) {
    if (opts.lowercaseRootsOnly && root.word !== root.word.toLowerCase()) continue;
    const compound = cf !== null && root.flags.includes(cf);
    expandRoot(root, dict.aff, (form, kind) => {
      const f = form.toLowerCase();
      forms.add(f);
      if (!compound || [...f].length < min) return;
      if (kind === 'root') {
        first.add(f);
        middle.add(f);
        last.add(f);
      } else if (kind === 'pfx') first.add(f);
      else if (kind === 'sfx') last.add(f);
    });
  }
  return { forms, compound: { first, middle, last, min } };
}

/**
 * True when `word` splits into two or more compound parts as Hunspell's
 * COMPOUNDFLAG/COMPOUNDMIN allow (no linking letters beyond what the
 * dictionary lists as forms).
 * @param {string} word
 * @param {{first:Set<string>, middle:Set<string>, last:Set<string>, min:number}} c
 */
export function isCompound(word, c) {
  const n = word.length;
  const min = c.min;
  const rest = (from) => {
    for (let i = from + min; i <= n - min; i++) {
      if (c.middle.has(word.slice(from, i)) && rest(i)) return true;
    }
    return c.last.has(word.slice(from));
  };
  for (let i = min; i <= n - min; i++) {
    if (c.first.has(word.slice(0, i)) && rest(i)) return true;
  }
  return false;
}
