/**
 * Best-effort reading of a JSON answer that is still streaming in, so that
 * the card can show the summary paragraphs and FAQ items complete so far
 * (and the text being written) before the model has finished.
 */
import type { FaqItem } from '../types';
import type { PartialCardContent } from './types';

type StrNode = { t: 'str'; v: string; done: boolean };
type Node =
  | StrNode
  | { t: 'num' | 'lit'; v: unknown; done: boolean }
  | { t: 'arr'; items: Node[]; done: boolean }
  | { t: 'obj'; entries: [string, Node][]; done: boolean };

const ESC: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses a prefix of a JSON text into nodes that say whether they are complete. Never throws. */
export function parsePartialJson(text: string): Node | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): StrNode => {
    i++; // opening quote
    let v = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return { t: 'str', v, done: true };
      }
      if (c === '\\') {
        const n = text[i + 1];
        if (n === undefined) break;
        if (n === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (hex.length < 4) break;
          v += String.fromCharCode(parseInt(hex, 16) || 0);
          i += 6;
          continue;
        }
        v += ESC[n] ?? n;
        i += 2;
        continue;
      }
      v += c;
      i++;
    }
    i = text.length;
    return { t: 'str', v, done: false };
  };
  const value = (): Node | undefined => {
    ws();
    const c = text[i];
    if (c === undefined) return undefined;
    if (c === '"') return str();
    if (c === '{') {
      i++;
      const entries: [string, Node][] = [];
      for (;;) {
        ws();
        if (i >= text.length) return { t: 'obj', entries, done: false };
        if (text[i] === '}') {
          i++;
          return { t: 'obj', entries, done: true };
        }
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== '"') return { t: 'obj', entries, done: false };
        const key = str();
        if (!key.done) return { t: 'obj', entries, done: false };
        ws();
        if (text[i] !== ':') return { t: 'obj', entries, done: false };
        i++;
        const v = value();
        if (!v) return { t: 'obj', entries, done: false };
        entries.push([key.v, v]);
        if (!v.done) return { t: 'obj', entries, done: false };
      }
    }
    if (c === '[') {
      i++;
      const items: Node[] = [];
      for (;;) {
        ws();
        if (i >= text.length) return { t: 'arr', items, done: false };
        if (text[i] === ']') {
          i++;
          return { t: 'arr', items, done: true };
        }
        if (text[i] === ',') {
          i++;
          continue;
        }
        const v = value();
        if (!v) return { t: 'arr', items, done: false };
        items.push(v);
        if (!v.done) return { t: 'arr', items, done: false };
      }
    }
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
    if (!m) {
      i = text.length;
      return undefined;
    }
    i += m[0].length;
    // A number at the very end may still grow.
    const done = i < text.length;
    return { t: m[0][0] === 't' || m[0][0] === 'f' || m[0][0] === 'n' ? 'lit' : 'num', v: JSON.parse(m[0]), done };
  };
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  i = start;
  return value();
}

const field = (n: Node | undefined, key: string) => (n?.t === 'obj' ? n.entries.find(([k]) => k === key)?.[1] : undefined);

function faqItem(n: Node): FaqItem | undefined {
  if (n.t !== 'obj' || !n.done) return undefined;
  const q = field(n, 'q');
  const a = field(n, 'a');
  const ev = field(n, 'evidence');
  if (q?.t !== 'str' || a?.t !== 'str' || !q.v.trim() || !a.v.trim()) return undefined;
  const evidence = ev?.t === 'arr' ? ev.items.flatMap((x) => (x.t === 'num' && Number.isInteger(x.v) ? [x.v as number] : [])) : [];
  return { q: q.v, a: a.v, evidence };
}

/** The card content visible so far in a streaming answer. */
export function partialCardContent(text: string): PartialCardContent {
  const root = parsePartialJson(text);
  const out: PartialCardContent = { summary: [], faq: [] };
  const title = field(root, 'title');
  if (title?.t === 'str') {
    if (title.done) out.title = title.v;
    else if (title.v) out.draft = title.v;
  }
  const summary = field(root, 'summary');
  if (summary?.t === 'arr') {
    for (const p of summary.items) {
      if (p.t !== 'str') continue;
      if (p.done) {
        if (p.v.trim()) out.summary.push(p.v);
      } else if (p.v) out.draft = p.v;
    }
  }
  const faq = field(root, 'faq');
  if (faq?.t === 'arr') {
    for (const item of faq.items) {
      const done = faqItem(item);
      if (done) out.faq.push(done);
      else if (item.t === 'obj' && !item.done) {
        const a = field(item, 'a');
        const q = field(item, 'q');
        const draft = a?.t === 'str' && a.v ? a.v : q?.t === 'str' ? q.v : '';
        if (draft) out.draft = draft;
      }
    }
  }
  return out;
}

/** True when two partial contents show the same text (to skip redundant UI updates). */
export function samePartial(a: PartialCardContent | undefined, b: PartialCardContent): boolean {
  return !!a && a.title === b.title && a.draft === b.draft && a.summary.length === b.summary.length && a.faq.length === b.faq.length;
}
