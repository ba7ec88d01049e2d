/**
 * Best-effort reading of a JSON answer that is still streaming in, so that
 * the card can show the summary paragraphs and FAQ items complete so far
 * (and the text being written) before the model has finished.
 *
 * The parser is incremental: each piece of the answer is read once, as it
 * arrives, so the preview of a long answer costs time in proportion to its
 * length (re-parsing the whole answer at every piece cost its square). It
 * keeps its own stack instead of recursing, stops at MAX_JSON_DEPTH levels
 * of nesting, and never throws.
 */
import type { FaqItem } from '../types';
import type { PartialCardContent } from './types';

type StrNode = { t: 'str'; v: string; done: boolean };
type LitNode = { t: 'num' | 'lit'; v: unknown; done: boolean };
type ArrNode = { t: 'arr'; items: Node[]; done: boolean };
type ObjNode = { t: 'obj'; entries: [string, Node][]; done: boolean };
export type Node = StrNode | LitNode | ArrNode | ObjNode;

/** Nesting a card never needs (it has four levels); deeper answers are read no further. */
export const MAX_JSON_DEPTH = 64;

/** Why the parser stopped reading before the end: nesting deeper than MAX_JSON_DEPTH, or text that is not JSON. */
export type PartialJsonStop = 'too-deep' | 'invalid';

const ESC: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const LITERAL = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const LITERAL_CHAR = /[-+.\w]/;

const isWs = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || (c > '~' && /\s/.test(c));

type Mode =
  | 'seek' // before the first '{'
  | 'value' // a value must follow (after ':')
  | 'obj' // in an object: a key, ',' or '}'
  | 'colon' // after a key
  | 'arr' // in an array: a value, ',' or ']'
  | 'str' // in a string (a key or a value)
  | 'lit' // in a number or true/false/null
  | 'end' // the root object closed; the rest is ignored
  | 'stop'; // unreadable or too deep; the rest is ignored

/** Reads a JSON text piece by piece into nodes that say whether they are complete. Never throws. */
export class PartialJsonParser {
  /** The root object, once its '{' has been read. */
  root: ObjNode | undefined;
  /** Set when reading stopped before the end of the text. */
  stopped: PartialJsonStop | undefined;
  /** Characters read so far. */
  length = 0;
  private mode: Mode = 'seek';
  private stack: (ObjNode | ArrNode)[] = [];
  /** The string being read, and whether it is a key. */
  private str: StrNode | undefined;
  private isKey = false;
  private key = '';
  /** An escape sequence not yet complete ("\\", "\\u00"). */
  private esc = '';
  private lit: LitNode | undefined;
  private litText = '';

  push(chunk: string): void {
    this.length += chunk.length;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      const mode = this.mode;
      if (mode === 'end' || mode === 'stop') return;
      if (mode === 'str') {
        i = this.readString(chunk, i);
        continue;
      }
      const c = chunk[i]!;
      if (mode === 'lit') {
        if (LITERAL_CHAR.test(c)) {
          this.litText += c;
          i++;
          continue;
        }
        // The character after the literal is read in the container's mode (a literal that is none stops the reading: the loop ends).
        this.endLiteral(true);
        continue;
      }
      if (mode === 'seek') {
        const at = chunk.indexOf('{', i);
        if (at < 0) return;
        i = at + 1;
        this.root = { t: 'obj', entries: [], done: false };
        this.stack.push(this.root);
        this.mode = 'obj';
        continue;
      }
      if (isWs(c)) {
        i++;
        continue;
      }
      i++;
      if (mode === 'obj') {
        if (c === '}') this.close();
        else if (c === '"') this.startString(true);
        else if (c !== ',') this.stop('invalid');
      } else if (mode === 'colon') {
        if (c === ':') this.mode = 'value';
        else this.stop('invalid');
      } else if (mode === 'arr') {
        if (c === ']') this.close();
        else if (c !== ',') this.startValue(c);
      } else {
        // The only mode left; the compiler says so if one is added.
        mode satisfies 'value';
        this.startValue(c);
      }
    }
    // A literal at the end of what has come may still grow: show what it is so far, not complete.
    if (this.mode === 'lit' && this.lit && LITERAL.test(this.litText)) this.lit.v = literalValue(this.litText);
  }

  private stop(why: PartialJsonStop): void {
    this.mode = 'stop';
    this.stopped = why;
  }

  private top(): ObjNode | ArrNode {
    return this.stack[this.stack.length - 1]!;
  }

  /** Adds a value to the container on top of the stack. */
  private add(node: Node): void {
    const top = this.top();
    if (top.t === 'obj') top.entries.push([this.key, node]);
    else top.items.push(node);
  }

  /** The mode after a value inside the container on top of the stack. */
  private after(): void {
    const top = this.stack[this.stack.length - 1];
    this.mode = !top ? 'end' : top.t === 'obj' ? 'obj' : 'arr';
  }

  private close(): void {
    this.stack.pop()!.done = true;
    this.after();
  }

  private startValue(c: string): void {
    if (c === '"') return this.startString(false);
    if (c === '{' || c === '[') {
      if (this.stack.length >= MAX_JSON_DEPTH) return this.stop('too-deep');
      const node: ObjNode | ArrNode = c === '{' ? { t: 'obj', entries: [], done: false } : { t: 'arr', items: [], done: false };
      this.add(node);
      this.stack.push(node);
      this.mode = c === '{' ? 'obj' : 'arr';
      return;
    }
    if (!LITERAL_CHAR.test(c)) return this.stop('invalid');
    this.lit = { t: /[-\d]/.test(c) ? 'num' : 'lit', v: undefined, done: false };
    this.litText = c;
    this.add(this.lit);
    this.mode = 'lit';
  }

  /** Ends the literal being read; stops the reading when it is not one. */
  private endLiteral(more: boolean): void {
    const node = this.lit!;
    this.lit = undefined;
    if (!LITERAL.test(this.litText)) {
      // Not a value: as if it had never been read.
      const top = this.top();
      if (top.t === 'obj') top.entries.pop();
      else top.items.pop();
      this.stop('invalid');
      return;
    }
    node.v = literalValue(this.litText);
    node.done = more;
    this.after();
  }

  private startString(isKey: boolean): void {
    this.isKey = isKey;
    // No escape is pending here: a string closes only when none is, and after a stop nothing is read.
    this.str = { t: 'str', v: '', done: false };
    if (!isKey) this.add(this.str);
    this.mode = 'str';
  }

  /** Reads string text from `i`; returns where it stopped. */
  private readString(chunk: string, i: number): number {
    const s = this.str!;
    const n = chunk.length;
    while (i < n) {
      if (this.esc) {
        this.esc += chunk[i++];
        const e = this.esc;
        if (e[1] === 'u') {
          if (e.length < 6) continue;
          s.v += String.fromCharCode(parseInt(e.slice(2), 16) || 0);
        } else s.v += ESC[e[1]!] ?? e[1];
        this.esc = '';
        continue;
      }
      // The plain run up to the next quote or backslash, in one piece.
      let j = i;
      while (j < n && chunk[j] !== '"' && chunk[j] !== '\\') j++;
      if (j > i) s.v += chunk.slice(i, j);
      if (j >= n) return n;
      if (chunk[j] === '\\') {
        this.esc = '\\';
        i = j + 1;
        continue;
      }
      // The closing quote.
      s.done = true;
      this.str = undefined;
      if (this.isKey) {
        this.key = s.v;
        this.mode = 'colon';
      } else this.after();
      return j + 1;
    }
    return n;
  }
}

const literalValue = (text: string): unknown => (text === 'true' ? true : text === 'false' ? false : text === 'null' ? null : Number(text));

/** Parses a prefix of a JSON text (from its first '{') into nodes that say whether they are complete. Never throws. */
export function parsePartialJson(text: string): Node | undefined {
  const p = new PartialJsonParser();
  p.push(text);
  return p.root;
}

const field = (n: Node | undefined, key: string) => (n?.t === 'obj' ? n.entries.find(([k]) => k === key)?.[1] : undefined);

function faqItem(n: Node): FaqItem | undefined {
  if (n.t !== 'obj' || !n.done) return undefined;
  const q = field(n, 'q');
  const a = field(n, 'a');
  const ev = field(n, 'evidence');
  if (q?.t !== 'str' || a?.t !== 'str' || !q.v.trim() || !a.v.trim()) return undefined;
  // The item is complete (n.done), so every number in it is too.
  const evidence = ev?.t === 'arr' ? ev.items.flatMap((x) => (x.t === 'num' && Number.isInteger(x.v) ? [x.v as number] : [])) : [];
  return { q: q.v, a: a.v, evidence };
}

/**
 * Reads a streaming card answer piece by piece. `content()` is the card so
 * far; it looks only at what changed since the last call (paragraphs and
 * FAQ items once complete stay as they are), so calling it often stays cheap.
 */
export class PartialCardReader {
  private readonly parser = new PartialJsonParser();
  private scanned = 0;
  private title: Node | undefined;
  private summary: Node | undefined;
  private faq: Node | undefined;
  private summaryDone: string[] = [];
  private summaryAt = 0;
  private faqDone: FaqItem[] = [];
  private faqAt = 0;

  push(delta: string): void {
    this.parser.push(delta);
  }

  /** Characters read so far. */
  get length(): number {
    return this.parser.length;
  }

  /** Why reading stopped early, if it did (see PartialJsonParser). */
  get stopped(): PartialJsonStop | undefined {
    return this.parser.stopped;
  }

  /**
   * Takes in what was completed since the last call and returns how many
   * parts are complete: the title, paragraphs and FAQ items (cheap: each is
   * looked at once). A change means the preview has something new to show.
   */
  completed(): number {
    const root = this.parser.root;
    if (root) {
      for (; this.scanned < root.entries.length; this.scanned++) {
        const [k, v] = root.entries[this.scanned]!;
        if (k === 'title') this.title ??= v;
        else if (k === 'summary') this.summary ??= v;
        else if (k === 'faq') this.faq ??= v;
      }
    }
    if (this.summary?.t === 'arr') {
      const items = this.summary.items;
      for (; this.summaryAt < items.length && items[this.summaryAt]!.done; this.summaryAt++) {
        const p = items[this.summaryAt]!;
        if (p.t === 'str' && p.v.trim()) this.summaryDone.push(p.v);
      }
    }
    if (this.faq?.t === 'arr') {
      const items = this.faq.items;
      for (; this.faqAt < items.length && items[this.faqAt]!.done; this.faqAt++) {
        const done = faqItem(items[this.faqAt]!);
        if (done) this.faqDone.push(done);
      }
    }
    return (this.title?.t === 'str' && this.title.done ? 1 : 0) + this.summaryDone.length + this.faqDone.length;
  }

  /** The card content so far. */
  content(): PartialCardContent {
    this.completed();
    let draft: string | undefined;
    let title: string | undefined;
    if (this.title?.t === 'str') {
      if (this.title.done) title = this.title.v;
      else if (this.title.v) draft = this.title.v;
    }
    // Only the last item of a list can be incomplete: it is the text being written.
    const para = this.summary?.t === 'arr' ? this.summary.items[this.summaryAt] : undefined;
    if (para?.t === 'str' && para.v) draft = para.v;
    const item = this.faq?.t === 'arr' ? this.faq.items[this.faqAt] : undefined;
    if (item?.t === 'obj') {
      const a = field(item, 'a');
      const q = field(item, 'q');
      const text = a?.t === 'str' && a.v ? a.v : q?.t === 'str' ? q.v : '';
      if (text) draft = text;
    }
    return { ...(title !== undefined ? { title } : {}), summary: this.summaryDone.slice(), faq: this.faqDone.slice(), ...(draft ? { draft } : {}) };
  }
}

/** The card content visible so far in a streaming answer. */
export function partialCardContent(text: string): PartialCardContent {
  const reader = new PartialCardReader();
  reader.push(text);
  return reader.content();
}

/** True when two partial contents show the same text (to skip redundant UI updates). */
export function samePartial(a: PartialCardContent | undefined, b: PartialCardContent): boolean {
  return !!a && a.title === b.title && a.draft === b.draft && a.summary.length === b.summary.length && a.faq.length === b.faq.length;
}
