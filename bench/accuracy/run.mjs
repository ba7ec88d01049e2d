// Bundles bench/accuracy/report.ts with esbuild (Node has no TypeScript
// loader here) and runs it. Usage: npm run report:accuracy
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'accuracy');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'report.mjs');
await build({
  entryPoints: [join(root, 'bench/accuracy/report.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  external: ['jsdom', '@mozilla/readability'],
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
main(root);
