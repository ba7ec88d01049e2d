// npm run check:nynorsk -- [--review] <file>...
// Checks .txt, .md and .json files (JSON: every string value) for Bokmål
// forms. Prints `form<TAB>count<TAB>suggestion` per flagged form (most
// frequent first), then a summary line; with --review also the words the
// Nynorsk dictionary does not know, as `review<TAB>form<TAB>count`.
// Exit code 1 when anything was flagged, 2 on a usage error, else 0.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { loadNodeChecker } from '../../src/core/nynorsk/node';

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

function main(argv: string[]): number {
  const review = argv.includes('--review');
  const files = argv.filter((a) => a !== '--review');
  if (files.length === 0) {
    console.error('usage: npm run check:nynorsk -- [--review] <file.txt|file.md|file.json>...');
    return 2;
  }
  const checker = loadNodeChecker({ review });
  const counts = new Map<string, { n: number; suggestion: string }>();
  const reviewCounts = new Map<string, number>();
  let tokens = 0;
  let flagged = 0;
  for (const file of files) {
    for (const text of textsOf(file)) {
      const r = checker.check(text);
      tokens += r.tokens;
      flagged += r.flagged.length;
      for (const f of r.flagged) {
        const key = f.form.toLowerCase();
        const e = counts.get(key) ?? { n: 0, suggestion: f.suggestion ?? '' };
        e.n++;
        counts.set(key, e);
      }
      for (const f of r.review) reviewCounts.set(f.form.toLowerCase(), (reviewCounts.get(f.form.toLowerCase()) ?? 0) + 1);
    }
  }
  const sorted = [...counts].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  for (const [form, e] of sorted) console.log(`${form}\t${e.n}\t${e.suggestion}`);
  if (review) {
    const rs = [...reviewCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [form, n] of rs) console.log(`review\t${form}\t${n}`);
  }
  const rate = tokens === 0 ? 0 : (flagged / tokens) * 100;
  console.log(`tokens ${tokens}, flagged ${flagged}, rate ${rate.toFixed(2)} %`);
  return flagged > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
