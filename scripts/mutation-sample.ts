/**
 * A sampled mutation score of src/core and src/protocol.ts (npm run test:mutation:sample).
 *
 * The full run (npm run test:mutation, 12,500 mutants) takes hours on a 2-core
 * machine. This draws code lines at random (seeded), lets Stryker mutate only
 * those lines with the same settings as the full run, and estimates the score
 * with a 95 % interval from resampling the lines (each line's mutants stay
 * together, since they share their tests). Mutants that span several lines
 * (a removed block) are not drawn; they are the easiest to kill, so the
 * estimate probably leans low rather than high.
 *
 *   npm run test:mutation:sample -- --lines 300 --seed 20261202
 *
 * --under <folder> draws only from the files under that folder (for example
 * --under src/core/digest), to look for survivors where the score is weakest;
 * the score it prints is then that folder's, not the core's. Without it the
 * lines are drawn from all of src/core and src/protocol.ts.
 *
 *   npm run test:mutation:sample -- --lines 60 --seed 700001 --under src/core/digest
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mulberry32 } from '../support/random';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LINES = arg('lines', 300);
const SEED = arg('seed', 20261202);
const underAt = process.argv.indexOf('--under');
const UNDER = underAt > 0 ? process.argv[underAt + 1]?.replace(/\/+$/, '') : undefined;
const OUT = 'reports/mutation-sample';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Lines that can hold a mutant: not blank, not a comment, not an import or a type. */
function codeLines(file: string): number[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: number[] = [];
  let inComment = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (inComment) {
      if (line.includes('*/')) inComment = false;
      return;
    }
    if (line.startsWith('/*')) {
      inComment = !line.includes('*/');
      return;
    }
    if (!line || line.startsWith('//') || /^(import |export type |type |interface |export interface |export \{)/.test(line) || /^[\])}]+[;,]?$/.test(line)) return;
    out.push(i + 1);
  });
  return out;
}

const allFiles = [...sourceFiles('src/core'), 'src/protocol.ts'].sort();
const files = UNDER === undefined ? allFiles : allFiles.filter((file) => file.startsWith(`${UNDER}/`));
if (files.length === 0) {
  console.error(`No source files under ${UNDER} (the sample draws from src/core and src/protocol.ts).`);
  process.exit(1);
}
const population = files.flatMap((file) => codeLines(file).map((line) => ({ file, line })));
const random = mulberry32(SEED);
// A partial Fisher–Yates shuffle: the first LINES entries are the sample.
const pool = [...population];
for (let i = 0; i < Math.min(LINES, pool.length); i++) {
  const j = i + Math.floor(random() * (pool.length - i));
  [pool[i], pool[j]] = [pool[j]!, pool[i]!];
}
const sample = pool.slice(0, LINES);
console.log(`${population.length} code lines in ${files.length} files${UNDER === undefined ? '' : ` under ${UNDER}`}; ${sample.length} drawn with seed ${SEED}.`);

mkdirSync(OUT, { recursive: true });
const config = join(OUT, 'stryker.sample.config.mjs');
writeFileSync(
  config,
  `import base from '../../stryker.config.mjs';
export default {
  ...base,
  mutate: ${JSON.stringify(sample.map((s) => `${s.file}:${s.line}-${s.line}`))},
  incremental: false,
  reporters: ['progress', 'json'],
  jsonReporter: { fileName: '${OUT}/mutation.json' },
};
`,
);
const started = Date.now();
const run = spawnSync('npx', ['stryker', 'run', config], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
const minutes = (Date.now() - started) / 60_000;

type Mutant = { status: string; static?: boolean; location: { start: { line: number } } };
const report = JSON.parse(readFileSync(join(OUT, 'mutation.json'), 'utf8')) as { files: Record<string, { mutants: Mutant[] }> };
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Detected and undetected mutants per sampled line (lines without a valid mutant drop out). */
const clusters: { file: string; detected: number; total: number }[] = [];
const survivors: string[] = [];
const staticScored: Mutant[] = [];
for (const { file, line } of sample) {
  const key = Object.keys(report.files).find((f) => relative(process.cwd(), f) === file || f === file);
  const mutants = (key ? report.files[key]!.mutants : []).filter((m) => m.location.start.line === line);
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const total = detected + mutants.filter((m) => UNDETECTED.has(m.status)).length;
  if (total > 0) clusters.push({ file, detected, total });
  staticScored.push(...mutants.filter((m) => m.static && (DETECTED.has(m.status) || UNDETECTED.has(m.status))));
  if (detected < total) survivors.push(`${file}:${line}`);
}

const score = (cs: typeof clusters) => cs.reduce((s, c) => s + c.detected, 0) / Math.max(1, cs.reduce((s, c) => s + c.total, 0));
const resample = mulberry32(SEED + 1);
const scores = Array.from({ length: 2000 }, () => score(clusters.map(() => clusters[Math.floor(resample() * clusters.length)]!))).sort((a, b) => a - b);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const mutants = clusters.reduce((s, c) => s + c.total, 0);

const byFolder = new Map<string, typeof clusters>();
for (const c of clusters) {
  const folder = c.file.split('/').slice(0, 3).join('/').replace(/\.ts$/, '');
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), c]);
}
// Static mutants (code that runs while a module loads or a suite is collected) run every related test file (stryker.config.mjs).
const staticDetected = staticScored.filter((m) => DETECTED.has(m.status)).length;
const ignored = Object.values(report.files).flatMap((f) => f.mutants).filter((m) => m.status === 'Ignored').length;
const lines = [
  `Sampled mutation score (seed ${SEED}${UNDER === undefined ? '' : `, under ${UNDER}`}, ${sample.length} lines drawn, ${clusters.length} with mutants, ${mutants} mutants, ${minutes.toFixed(0)} min)`,
  `score ${pct(score(clusters))}, 95 % interval ${pct(scores[50]!)}–${pct(scores[1949]!)}`,
  `${staticScored.length} of the mutants are static (reached while a module loads or a suite is collected; run with every related test file): ${pct(staticDetected / Math.max(1, staticScored.length))} of them killed`,
  ...(ignored > 0 ? [`${ignored} mutants ignored, not in the score`] : []),
  '',
  ...[...byFolder].sort(([a], [b]) => a.localeCompare(b)).map(([folder, cs]) => `${folder}: ${pct(score(cs))} of ${cs.reduce((s, c) => s + c.total, 0)}`),
  '',
  'Lines with a surviving mutant:',
  ...survivors.sort(),
];
writeFileSync(join(OUT, 'summary.txt'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
