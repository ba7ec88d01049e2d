// Writes wllama's worker as a file of the package (wllama-worker.js).
// wllama builds this script at run time and starts it from a blob: URL, which
// Firefox's extension pages refuse; src/engine/packaged-worker.ts starts this
// file instead. The pieces are read from the pinned @wllama/wllama package, so
// the file is the same code wllama would have run, with RUN_OPTIONS taken from
// the worker's name instead of being inlined.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@wllama/wllama/package.json'));

/** The string value of `export const NAME = "...";` in wllama's generated sources. */
function generatedString(source, name) {
  const m = new RegExp(`^export const ${name} = ("(?:[^"\\\\]|\\\\.)*");$`, 'm').exec(source);
  if (!m) throw new Error(`wllama: ${name} not found in generated.ts (package layout changed?)`);
  return JSON.parse(m[1]);
}

/** The text of wllama's worker script, as ProxyToWorker.moduleInit assembles it. */
export function wllamaWorkerSource() {
  const generated = readFileSync(join(pkgDir, 'src/workers-code/generated.ts'), 'utf8');
  const workerTs = readFileSync(join(pkgDir, 'src/worker.ts'), 'utf8');
  const stub = /const JSPI_STUB = `([\s\S]*?)`;/.exec(workerTs)?.[1];
  if (stub === undefined) throw new Error('wllama: JSPI_STUB not found in worker.ts (package layout changed?)');
  const emscripten = generatedString(generated, 'WLLAMA_EMSCRIPTEN_CODE');
  const worker = generatedString(generated, 'LLAMA_CPP_WORKER_CODE');
  const mainModuleCode = (stub + emscripten).replace('var Module', 'var ___Module');
  return [
    '// wllama ' + JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version + ' worker (MIT licence), written into the package by build.mjs.',
    'const RUN_OPTIONS = JSON.parse(self.name);',
    `function wModuleInit() { ${mainModuleCode}; return Module; }`,
    worker,
  ].join(';\n\n');
}

export const WLLAMA_WASM = join(pkgDir, 'esm/wasm/wllama.wasm');
