// Every Nynorsk string the product ships goes through the Nynorsk checker:
// the JSON files under assets/ (library cards, taxonomy, terminology) and
// src/strings/ (the card's and the fact card's templates), found by glob so
// that new files are included, and the templates in src/strings/text.ts,
// options-text.ts, model-connection.ts and topic-reasons.ts.
// No Bokmål form may be flagged, and every word the Nynorsk dictionary does
// not know must be in assets/nynorsk/allow.json with a reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NynorskChecker } from '../src/core/nynorsk/checker';
import { isTopicId } from '../src/core/validate';
import { connectionText } from '../src/strings/model-connection';
import { optionsText } from '../src/strings/options-text';
import { text } from '../src/strings/text';
import { topicReasonText } from '../src/strings/topic-reasons';
import { loadNodeChecker, readAllowList } from '../src/node/nynorsk';

const ROOT = join(import.meta.dirname, '..');

/** Keys whose values are never Nynorsk prose (ids, URLs, English, source data). */
const SKIP_KEYS = new Set([
  'url', 'id', 'slugs', 'all', 'any', 'anchors', 'sourceTitle', 'createdAt',
  'en', 'aka', 'aliases', 'context', 'notNext', 'strength', 'securityRoot', 'version', 'match', 'notes',
]);
/** Keys that hold metadata in cards and taxonomy (objects, topic ids) but Nynorsk labels in templates: skipped unless Nynorsk text. */
const SKIP_OBJECT_KEYS = new Set(['source', 'engine', 'topic']);

type Shipped = { where: string; text: string };

function jsonTexts(v: unknown, where: string, out: Shipped[]): void {
  if (typeof v === 'string') out.push({ where, text: v });
  else if (Array.isArray(v)) v.forEach((x, i) => jsonTexts(x, `${where}[${i}]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (SKIP_KEYS.has(k) || (SKIP_OBJECT_KEYS.has(k) && (typeof x !== 'string' || isTopicId(x)))) continue;
      jsonTexts(x, `${where}.${k}`, out);
    }
  }
}

/** JSON files under assets/ and src/strings/, except the checker's own data. */
function shippedJsonFiles(): string[] {
  return [...jsonFilesUnder(join(ROOT, 'assets')), ...jsonFilesUnder(join(ROOT, 'src', 'strings'))];
}

function jsonFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && !f.startsWith('nynorsk'))
    .sort()
    .map((f) => join(dir, f));
}

function shippedTexts(): Shipped[] {
  const out: Shipped[] = [];
  for (const file of shippedJsonFiles()) {
    jsonTexts(JSON.parse(readFileSync(file, 'utf8')), relative(ROOT, file), out);
  }
  jsonTexts(text, 'src/strings/text.ts', out);
  jsonTexts(optionsText, 'src/strings/options-text.ts', out);
  jsonTexts(connectionText, 'src/strings/model-connection.ts', out);
  jsonTexts(topicReasonText, 'src/strings/topic-reasons.ts', out);
  return out;
}

let checker: NynorskChecker;
let texts: Shipped[];

beforeAll(() => {
  checker = loadNodeChecker({ root: ROOT, review: true });
  texts = shippedTexts();
}, 60_000);

describe('shipped Nynorsk text', () => {
  it('finds shipped text to check', () => {
    expect(texts.length, 'no shipped Nynorsk text found at all').toBeGreaterThan(0);
    for (const source of ['src/strings/text.ts', 'src/strings/options-text.ts', 'src/strings/model-connection.ts', 'src/strings/topic-reasons.ts', 'src/strings/card-templates.json', 'src/strings/digest-templates.json']) {
      expect(texts.some((t) => t.where.startsWith(`${source}.`)), `nothing read from ${source}`).toBe(true);
    }
    expect(texts.reduce((n, t) => n + checker.check(t.text).tokens, 0)).toBeGreaterThan(0);
  });

  it('has no Bokmål forms', () => {
    const flagged = texts.flatMap((t) =>
      checker.check(t.text).flagged.map((f) => `${t.where}: "${f.form}"${f.suggestion ? ` → ${f.suggestion}` : ''}`),
    );
    expect(flagged).toEqual([]);
  });

  it('has every word unknown to the Nynorsk dictionary in the reviewed allow-list', () => {
    const unknown = new Set<string>();
    const where = new Map<string, string>();
    for (const t of texts) {
      for (const f of checker.check(t.text).review) {
        const w = f.form.toLowerCase();
        unknown.add(w);
        if (!where.has(w)) where.set(w, t.where);
      }
    }
    expect([...unknown].sort().map((w) => `${w} (${where.get(w)})`)).toEqual([]);
  });

  it('keeps a reason for every allow-list entry', () => {
    const entries = readAllowList(ROOT);
    for (const e of entries) expect(e.reason.trim().length, e.word).toBeGreaterThan(3);
    expect(new Set(entries.map((e) => e.word)).size).toBe(entries.length);
  });
});
