// Builds the extension for Chrome and Firefox from one manifest source.
//   node build.mjs            dist/chrome, dist/firefox and store-ready zips
//   node build.mjs --test     dist-test/chrome, dist-test/firefox with a fixed
//                             Chrome key and the popup and options page
//                             reachable from pages
//                             (what the browser tests need; never shipped)
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory } from './scripts/zip.mjs';
import { WLLAMA_WASM, wllamaWorkerSource } from './scripts/build/wllama-worker.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/** Fixed public key for test builds only, so that the Chrome extension id is stable. */
export const TEST_CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAszAXXMa7NYpLvUsJGULDPmQv4HFVJSYpVUdHspWRBWxZoB7sKAaSn5TsrGKmAOxwxKIiw+eoL5IyDoUzCPFENiz/MQ98InmV5fv+vSuqQZfsGShwA7z4mx+z8R1IPE3z2+gBHQTwKF135Cf/slRCGtdTgaztUfH+kqp/cIw4nH5UZpV4ItdYquDJ8KXhqpWRErAvvymsRJThQAzBfvaNPMXQswKItr7EzhtDV6cNJdwtBalX3HyW7ONggun8NmhV29o6syymuyqVL0c3mWpeF2ZhCCj4kNcASXYF9KySMy2u218hjkmmQZKIT9lmgLaICkZR4r8XsbpkOrN9epyi/wIDAQAB';
export const TEST_CHROME_ID = 'lidnclfchgohphnnnemoaaoicfkdpffl';
export const GECKO_ID = 'nynorsk-kort@nynorsk-kort.no';

const entries = {
  background: 'src/background/index.ts',
  content: 'src/content/loader.ts',
  // The pill's script: the manifest runs it on article-like URLs; the gate (content.js) imports it after a move without a reload.
  'content-pill': 'src/content/pill-loader.ts',
  // The listing badges: the background registers this script only while the reader has cards (src/content/badges-api.ts).
  'content-badges': 'src/content/badges-script.ts',
  popup: 'src/popup/main.tsx',
  options: 'src/options/main.tsx',
};

const esmEntries = () =>
  Object.fromEntries(
    Object.entries({ engine: 'src/engine/main.ts', 'content-main': 'src/content/index.ts', 'content-readability': 'src/content/readability-chunk.ts', 'content-check': 'src/content/check-chunk.ts', 'content-card': 'src/content/panel.tsx' }).map(([k, v]) => [k, join(root, v)]),
  );

/** Writes each browser's manifest from the one source in manifest.json. */
function manifestFor(target, { test }) {
  const m = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  m.version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (target === 'chrome') {
    m.background = { service_worker: m.background.service_worker };
    delete m.browser_specific_settings;
    // Chromium keeps Alt+Shift+N for itself and leaves a suggested key it refuses unset: Chrome gets Alt+Shift+U.
    m.commands._execute_action.suggested_key = { default: 'Alt+Shift+U' };
    // The on-device model: an offscreen document hosts it, and cross-origin
    // isolated extension pages give it threads (SharedArrayBuffer).
    m.permissions = [...m.permissions, 'offscreen'];
    m.cross_origin_embedder_policy = { value: 'require-corp' };
    m.cross_origin_opener_policy = { value: 'same-origin' };
    if (test) m.key = TEST_CHROME_KEY;
  } else {
    // Firefox runs the model in its background page, single-threaded: extension pages cannot be cross-origin isolated there.
    m.background = { scripts: m.background.scripts };
  }
  if (test) {
    // Firefox refuses direct navigation to moz-extension:// over BiDi: tests reach the popup and options page from a page.
    m.web_accessible_resources = [
      ...(m.web_accessible_resources ?? []),
      { resources: ['popup.html', 'popup.js', 'options.html', 'options.js', '*.css'], matches: ['<all_urls>'] },
    ];
    // Lets the tests read back what "Kopier kortet" wrote, from an extension page, in both browsers.
    m.permissions = [...m.permissions, 'clipboardRead'];
  }
  if (target === 'chrome') {
    // Chrome: every web-accessible file (the content script's lazy code and CSS) is reachable only at this session's
    // dynamic URL, which runtime.getURL gives, so a page cannot learn that the extension is installed by probing
    // chrome-extension://<its fixed id>/. Firefox has no use_dynamic_url: its moz-extension:// UUID is random per install.
    m.web_accessible_resources = m.web_accessible_resources.map((r) => ({ ...r, use_dynamic_url: true }));
  }
  return m;
}

/** CSS imported by code (the shadow root's sheets) arrives as minified text: smaller content-script bundles. */
const minifiedCssText = {
  name: 'minified-css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

async function bundle(outDir, { target, test, bench, metafile }) {
  const common = {
    bundle: true,
    minify: !test,
    sourcemap: false,
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
    // __NK_BENCH__: the content script's timing hook (src/content/bench-hook.ts), true only in bench builds.
    // __NK_STARTS_LATE__: whether the browser runs the manifest's content scripts in tabs already loaded (src/content/build-flags.d.ts).
    define: { 'process.env.NODE_ENV': '"production"', __NK_BENCH__: bench ? 'true' : 'false', __NK_STARTS_LATE__: target === 'firefox' ? 'true' : 'false' },
    // Bench builds stamp the content script's start, before any bundled module runs.
    ...(bench ? { banner: { js: 'globalThis.__nkBenchT0 = performance.now();' } } : {}),
    plugins: [minifiedCssText],
  };
  // Content scripts are classic scripts; the background runs as a classic script in Firefox too.
  const classic = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
    outdir: outDir,
    format: 'iife',
    metafile: !!metafile,
  });
  // What each module adds to each classic script (the bench's breakdown of the pill's code); never inside outDir.
  if (metafile) {
    if (!relative(resolve(outDir), resolve(metafile)).startsWith('..')) throw new Error(`metafile ${metafile} would ship inside ${outDir}`);
    writeFileSync(metafile, JSON.stringify(classic.metafile));
  }
  // ES modules: the engine (the offscreen page loads it, Firefox's background page imports it), and the content
  // script's lazy parts, which the loader and the article code import by URL: the article code, Readability, the
  // full checks and the open card's panel.
  await esbuild.build({ ...common, entryPoints: esmEntries(), outdir: outDir, format: 'esm' });
  writeFileSync(join(outDir, 'wllama-worker.js'), wllamaWorkerSource());
}

/** The sheets of the popup and the options page, in cascade order, joined into pages.css. */
const PAGE_SHEETS = ['theme.css', 'card.css', 'model.css', 'page.css'];

/** Replaces the page's `<link rel="stylesheet" href="{href}" />` with the sheet itself in a `<style>`. */
function inlineSheet(htmlPath, href, css) {
  const link = `<link rel="stylesheet" href="${href}" />`;
  const html = readFileSync(htmlPath, 'utf8');
  if (!html.includes(link)) throw new Error(`${htmlPath}: no ${link} to inline`);
  if (/<\/style/i.test(css)) throw new Error(`${href}: holds </style, cannot be inlined`);
  writeFileSync(htmlPath, html.replace(link, () => `<style>${css.trim()}</style>`));
}

function copyStatic(outDir) {
  cpSync(join(root, 'assets/icons'), join(outDir, 'icons'), { recursive: true });
  cpSync(WLLAMA_WASM, join(outDir, 'wllama.wasm'));
  for (const page of ['src/popup/popup.html', 'src/options/options.html', 'src/engine/engine.html']) {
    if (existsSync(join(root, page))) cpSync(join(root, page), join(outDir, page.split('/').pop()));
  }
  for (const f of existsSync(join(root, 'src/ui')) ? readdirSync(join(root, 'src/ui')) : []) {
    if (f.endsWith('.css')) cpSync(join(root, 'src/ui', f), join(outDir, f));
  }
  // The popup and the options page use one minified sheet: each extra file is a request the page's script waits for
  // before it may run. The options page links it (pages.css); the popup carries it inline, so popup.js is its only
  // request (the extension pages' CSP restricts scripts, not styles).
  const pageCss = esbuild.transformSync(PAGE_SHEETS.map((f) => readFileSync(join(root, 'src/ui', f), 'utf8')).join('\n'), { loader: 'css', minify: true }).code;
  writeFileSync(join(outDir, 'pages.css'), pageCss);
  inlineSheet(join(outDir, 'popup.html'), 'pages.css', pageCss);
  // Nynorsk word data is fetched by the background when it is needed, never bundled into the content script.
  const nn = join(root, 'assets/nynorsk');
  if (existsSync(nn)) {
    mkdirSync(join(outDir, 'nynorsk'), { recursive: true });
    for (const f of readdirSync(nn)) {
      if (!statSync(join(nn, f)).isDirectory() && !f.startsWith('.')) cpSync(join(nn, f), join(outDir, 'nynorsk', f));
    }
  }
  cpSync(join(root, 'LICENSE'), join(outDir, 'LICENSE'));
}

/**
 * Builds one browser's unpacked extension into `outDir`. `bench: true` (npm run bench
 * only) adds the content script's timing hook to an otherwise normal build; `metafile`
 * (a path outside `outDir`) gets esbuild's metafile of the classic scripts.
 */
export async function buildTarget(target, outDir, { test = false, bench = false, metafile } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await bundle(outDir, { target, test, bench, metafile });
  copyStatic(outDir);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifestFor(target, { test }), null, 2));
  return outDir;
}

/** Builds both browsers; returns the unpacked folders (and zips unless test). */
export async function buildAll({ test = false } = {}) {
  const base = join(root, test ? 'dist-test' : 'dist');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const out = {};
  for (const target of ['chrome', 'firefox']) {
    const dir = await buildTarget(target, join(base, target), { test });
    out[target] = { dir };
    if (!test) {
      const zip = join(base, `nynorsk-kort-${target}-${version}.zip`);
      zipDirectory(dir, zip);
      out[target].zip = zip;
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const test = process.argv.includes('--test');
  const t0 = performance.now();
  const out = await buildAll({ test });
  for (const [target, { dir, zip }] of Object.entries(out)) {
    console.log(`${target}: ${relative(root, dir)}/${zip ? `  ${relative(root, zip)}` : ''}`);
  }
  console.log(`bygd på ${Math.round(performance.now() - t0)} ms`);
}
