/**
 * A minimal GBNF (llama.cpp grammar) parser, matcher and sampler, for tests of
 * the grammars core/model/grammar.ts writes. It follows llama.cpp's syntax for
 * what those grammars use: rules `name ::= alternatives`, one per line (a
 * newline ends a rule except inside parentheses or after `|`), `# comments`,
 * string literals and character classes with \x \u \U \t \r \n \\ \" \[ \]
 * escapes, negated classes `[^...]`, ranges, rule references, grouping,
 * alternation, and the postfixes ? * + {m} {m,} {m,n}. Like llama.cpp, it
 * refuses a grammar that references an undefined rule or has no `root`.
 * Matching is on code points, as llama.cpp matches.
 */

export type Expr =
  | { t: 'lit'; cps: number[] }
  | { t: 'class'; neg: boolean; ranges: [number, number][] }
  | { t: 'ref'; name: string }
  | { t: 'seq'; items: Expr[] }
  | { t: 'alt'; alts: Expr[] }
  | { t: 'rep'; e: Expr; min: number; max: number };

export type Grammar = Map<string, Expr>;

const isNameChar = (c: string | undefined) => !!c && /[A-Za-z0-9-]/.test(c);

/** Parses GBNF text; throws with the position on a syntax error. */
export function parseGbnf(text: string): Grammar {
  const src = Array.from(text);
  let i = 0;
  const fail = (msg: string): never => {
    const line = src.slice(0, i).filter((c) => c === '\n').length + 1;
    throw new SyntaxError(`GBNF: ${msg} at line ${line}, near ${JSON.stringify(src.slice(i, i + 20).join(''))}`);
  };
  /** Skips spaces, tabs and comments; newlines too when `newlines`. */
  const space = (newlines: boolean) => {
    for (;;) {
      const c = src[i];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) i++;
      else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
      else return;
    }
  };
  const name = () => {
    const start = i;
    while (isNameChar(src[i])) i++;
    if (i === start) fail('expected a name');
    return src.slice(start, i).join('');
  };
  const hex = (n: number) => {
    const h = src.slice(i, i + n).join('');
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) fail('bad hex escape');
    i += n;
    return parseInt(h, 16);
  };
  /** One character of a literal or class, escapes resolved. */
  const char = (): number => {
    const c = src[i];
    if (c === undefined) return fail('unexpected end');
    if (c !== '\\') {
      i++;
      return c.codePointAt(0)!;
    }
    const e = src[i + 1];
    i += 2;
    switch (e) {
      case 'x':
        return hex(2);
      case 'u':
        return hex(4);
      case 'U':
        return hex(8);
      case 't':
        return 9;
      case 'r':
        return 13;
      case 'n':
        return 10;
      case '\\':
      case '"':
      case '[':
      case ']':
        return e.codePointAt(0)!;
      default:
        return fail(`unknown escape \\${e}`);
    }
  };
  const literal = (): Expr => {
    i++; // opening quote
    const cps: number[] = [];
    while (src[i] !== '"') {
      if (i >= src.length || src[i] === '\n') fail('unterminated literal');
      cps.push(char());
    }
    i++;
    return { t: 'lit', cps };
  };
  const charClass = (): Expr => {
    i++; // [
    const neg = src[i] === '^';
    if (neg) i++;
    const ranges: [number, number][] = [];
    while (src[i] !== ']') {
      if (i >= src.length || src[i] === '\n') fail('unterminated character class');
      const lo = char();
      if (src[i] === '-' && src[i + 1] !== ']') {
        i++;
        const hi = char();
        if (hi < lo) fail('empty range');
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    i++;
    return { t: 'class', neg, ranges };
  };
  const integer = () => {
    const start = i;
    while (/[0-9]/.test(src[i] ?? '')) i++;
    if (i === start) fail('expected a number');
    return Number(src.slice(start, i).join(''));
  };
  const sequence = (nested: boolean): Expr => {
    const items: Expr[] = [];
    for (;;) {
      space(nested);
      const c = src[i];
      let e: Expr;
      if (c === '"') e = literal();
      else if (c === '[') e = charClass();
      else if (c === '(') {
        i++;
        e = alternates(true);
        space(true);
        if (src[i] !== ')') fail('expected )');
        i++;
      } else if (isNameChar(c)) {
        const save = i;
        name(); // the name itself is not needed here, only the position after it
        space(false);
        if (src[i] === ':' && src[i + 1] === ':' && src[i + 2] === '=') {
          i = save; // the next rule's head
          break;
        }
        i = save;
        e = { t: 'ref', name: name() };
      } else break;
      // Postfix operators (no space before them, as in llama.cpp's own grammars; spaces tolerated).
      for (;;) {
        const p = src[i];
        if (p === '*') e = { t: 'rep', e, min: 0, max: Infinity };
        else if (p === '+') e = { t: 'rep', e, min: 1, max: Infinity };
        else if (p === '?') e = { t: 'rep', e, min: 0, max: 1 };
        else if (p === '{') {
          i++;
          space(false);
          const min = integer();
          space(false);
          let max = min;
          if (src[i] === ',') {
            i++;
            space(false);
            max = src[i] === '}' ? Infinity : integer();
            space(false);
          }
          if (src[i] !== '}') fail('expected }');
          if (max < min) fail('repetition max below min');
          e = { t: 'rep', e, min, max };
        } else break;
        i++;
      }
      items.push(e);
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  };
  const alternates = (nested: boolean): Expr => {
    const alts = [sequence(nested)];
    for (;;) {
      space(nested);
      if (src[i] !== '|') break;
      i++;
      space(true);
      alts.push(sequence(nested));
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  };

  const rules: Grammar = new Map();
  for (;;) {
    space(true);
    if (i >= src.length) break;
    const n = name();
    space(false);
    if (src.slice(i, i + 3).join('') !== '::=') fail('expected ::=');
    i += 3;
    if (rules.has(n)) fail(`rule ${n} defined twice`);
    rules.set(n, alternates(false));
    space(false);
    if (i < src.length && src[i] !== '\n' && src[i] !== '\r') fail('expected the end of the rule');
  }
  if (!rules.has('root')) throw new SyntaxError('GBNF: no root rule');
  const check = (e: Expr): void => {
    if (e.t === 'ref' && !rules.has(e.name)) throw new SyntaxError(`GBNF: undefined rule ${e.name}`);
    if (e.t === 'seq') e.items.forEach(check);
    if (e.t === 'alt') e.alts.forEach(check);
    if (e.t === 'rep') check(e.e);
  };
  rules.forEach(check);
  return rules;
}

const inClass = (e: Extract<Expr, { t: 'class' }>, cp: number) => e.ranges.some(([lo, hi]) => cp >= lo && cp <= hi) !== e.neg;

/** True when the whole of `input` matches rule `root` (default 'root'). */
export function matchesGbnf(g: Grammar | string, input: string, root = 'root'): boolean {
  const grammar = typeof g === 'string' ? parseGbnf(g) : g;
  const cps = Array.from(input, (c) => c.codePointAt(0)!);
  const memo = new Map<string, Set<number>>();
  const active = new Set<string>();
  /** Every position where `e` can end when it starts at `pos`. */
  const ends = (e: Expr, pos: number): Set<number> => {
    switch (e.t) {
      case 'lit':
        return e.cps.every((cp, k) => cps[pos + k] === cp) ? new Set([pos + e.cps.length]) : new Set();
      case 'class':
        return pos < cps.length && inClass(e, cps[pos]!) ? new Set([pos + 1]) : new Set();
      case 'ref': {
        const key = `${e.name}@${pos}`;
        const hit = memo.get(key);
        if (hit) return hit;
        if (active.has(key)) throw new Error(`left recursion in rule ${e.name}`);
        active.add(key);
        const r = ends(grammar.get(e.name)!, pos);
        active.delete(key);
        memo.set(key, r);
        return r;
      }
      case 'seq': {
        let at = new Set([pos]);
        for (const item of e.items) {
          const next = new Set<number>();
          for (const p of at) for (const q of ends(item, p)) next.add(q);
          at = next;
          if (!at.size) break;
        }
        return at;
      }
      case 'alt': {
        const out = new Set<number>();
        for (const a of e.alts) for (const q of ends(a, pos)) out.add(q);
        return out;
      }
      case 'rep': {
        const out = new Set<number>();
        let frontier = new Set([pos]);
        const seen = new Set<number>();
        for (let n = 0; frontier.size; n++) {
          if (n >= e.min) for (const p of frontier) out.add(p);
          if (n === e.max) break;
          const next = new Set<number>();
          for (const p of frontier) for (const q of ends(e.e, p)) if (q !== p || n < e.min) next.add(q);
          // Past the minimum, a position already reached adds nothing new (keeps `x*` finite).
          if (n >= e.min) for (const p of [...next]) if (seen.has(p)) next.delete(p);
          for (const p of next) seen.add(p);
          frontier = next;
        }
        return out;
      }
    }
  };
  return ends({ t: 'ref', name: root }, 0).has(cps.length);
}

/** Characters the sampler tries for negated classes: ASCII, Nynorsk letters, JSON specials, Unicode spaces, controls, an emoji. */
const POOL = Array.from('aZ09 .,:;-?!()/{}[]"\\æøåÆØÅéü€«»–\n\t\r\u0000\u001f\u007f\u00a0\u2028\u2029\u3000\ufeff😀', (c) => c.codePointAt(0)!);

export type SampleOptions = { random?: () => number; /** Longest run a repetition without an upper bound writes (default 5). */ openMax?: number };

/** A random string the grammar accepts (repetitions sometimes at their maximum, so that bounds are exercised). */
export function sampleGbnf(g: Grammar | string, opts: SampleOptions = {}, root = 'root'): string {
  const grammar = typeof g === 'string' ? parseGbnf(g) : g;
  const rnd = opts.random ?? Math.random;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: number[] = [];
  const gen = (e: Expr): void => {
    switch (e.t) {
      case 'lit':
        out.push(...e.cps);
        return;
      case 'class': {
        if (e.neg) {
          const ok = POOL.filter((cp) => inClass(e, cp));
          if (!ok.length) throw new Error('sampler: no character in the pool fits a negated class');
          out.push(ok[int(0, ok.length - 1)]!);
        } else {
          const [lo, hi] = e.ranges[int(0, e.ranges.length - 1)]!;
          out.push(int(lo, hi));
        }
        return;
      }
      case 'ref':
        return gen(grammar.get(e.name)!);
      case 'seq':
        return e.items.forEach(gen);
      case 'alt':
        return gen(e.alts[int(0, e.alts.length - 1)]!);
      case 'rep': {
        const max = e.max === Infinity ? e.min + (opts.openMax ?? 5) : e.max;
        const r = rnd();
        const n = r < 0.2 ? max : r < 0.3 ? e.min : int(e.min, Math.min(max, e.min + 40));
        for (let k = 0; k < n; k++) gen(e.e);
      }
    }
  };
  gen({ t: 'ref', name: root });
  return String.fromCodePoint(...out);
}
