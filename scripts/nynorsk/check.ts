// npm run check:nynorsk -- [--strict] [--review] <file>...
// Checks .txt, .md and .json files (JSON: every string value) for Bokmål
// forms and agreement errors. Prints `form<TAB>count<TAB>suggestion` per
// flagged form (most frequent first), then `hint<TAB>form<TAB>count<TAB>suggestion`
// per hint (likely, less sure), then a summary line; with --review also the
// words the Nynorsk dictionary does not know, as `review<TAB>form<TAB>count`.
// Exit code 1 when anything was flagged (with --strict: or hinted), 2 on a
// usage error, else 0.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { NynorskFinding } from '../../src/core/nynorsk/checker';
import { loadNodeChecker } from '../../src/node/nynorsk';

/** Every string value in a parsed JSON document. */
export function jsonStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) jsonStrings(x, out);
  return out;
}

function textsOf(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return jsonStrings(JSON.parse(raw));
  if (ext === '.txt' || ext === '.md') return [raw];
  throw new Error(`${file}: only .txt, .md and .json are supported`);
}

type Count = { n: number; suggestion: string };

function tally(into: Map<string, Count>, findings: NynorskFinding[]): void {
  for (const f of findings) {
    const key = f.form.toLowerCase();
    const e = into.get(key) ?? { n: 0, suggestion: f.suggestion ?? '' };
    e.n++;
    into.set(key, e);
  }
}

const sorted = <T>(m: Map<string, T>, n: (x: T) => number) => [...m].sort((a, b) => n(b[1]) - n(a[1]) || (a[0] < b[0] ? -1 : 1));

function main(argv: string[]): number {
  const review = argv.includes('--review');
  const strict = argv.includes('--strict');
  const files = argv.filter((a) => a !== '--review' && a !== '--strict');
  if (files.length === 0) {
    console.error('usage: npm run check:nynorsk -- [--strict] [--review] <file.txt|file.md|file.json>...');
    return 2;
  }
  const checker = loadNodeChecker({ review });
  const counts = new Map<string, Count>();
  const hintCounts = new Map<string, Count>();
  const reviewCounts = new Map<string, number>();
  let tokens = 0;
  let flagged = 0;
  let hinted = 0;
  for (const file of files) {
    for (const text of textsOf(file)) {
      const r = checker.check(text);
      tokens += r.tokens;
      flagged += r.flagged.length;
      hinted += r.hints.length;
      tally(counts, r.flagged);
      tally(hintCounts, r.hints);
      for (const f of r.review) reviewCounts.set(f.form.toLowerCase(), (reviewCounts.get(f.form.toLowerCase()) ?? 0) + 1);
    }
  }
  // Phrases (agreement findings) keep their spaces; tabs and newlines would break the columns.
  const cell = (s: string) => s.replace(/\s+/gu, ' ');
  for (const [form, e] of sorted(counts, (x) => x.n)) console.log(`${cell(form)}\t${e.n}\t${cell(e.suggestion)}`);
  for (const [form, e] of sorted(hintCounts, (x) => x.n)) console.log(`hint\t${cell(form)}\t${e.n}\t${cell(e.suggestion)}`);
  if (review) for (const [form, n] of sorted(reviewCounts, (x) => x)) console.log(`review\t${form}\t${n}`);
  const rate = tokens === 0 ? 0 : (flagged / tokens) * 100;
  console.log(`tokens ${tokens}, flagged ${flagged}, hints ${hinted}, rate ${rate.toFixed(2)} %`);
  return flagged > 0 || (strict && hinted > 0) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
