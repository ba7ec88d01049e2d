/**
 * Cost on the page (issue 4): what the content script costs the page's main
 * thread in real Chromium, beside a bare Readability parse of the same page in
 * the same page load, and the size of each shipped script.
 *
 *   npm run bench            (npx tsx bench/page-cost/run.ts [--loads N] [--no-shared])
 *
 * - Builds the Chrome extension twice into node_modules/.cache/nk-bench/: the
 *   normal build (`buildTarget('chrome', dir)`, what dist/chrome holds) for the
 *   sizes, and a bench build (`{ bench: true }`) whose content script reports
 *   per-phase main-thread times (src/content/bench-hook.ts).
 * - Serves each page of tests/fixtures/pages at its URL (tests/browser harness),
 *   plus the three longest shared texts placed in the `gauge` template when
 *   /work/shared/fixtures exists; loads each page N times (default 5) and takes
 *   medians.
 * - Bare Readability: @mozilla/readability bundled and injected into the page's
 *   main world; `new Readability(document.cloneNode(true)).parse()` once per load,
 *   before the content script on odd loads (at DOMContentLoaded) and after it on
 *   even loads, so neither side always pays for the other's garbage.
 * - Pages are served cross-origin isolated (COOP/COEP) so performance.now() is
 *   precise to microseconds rather than 0.1 ms.
 * - A separate pass counts the content script's DOM reads on every page.
 * Prints Markdown and writes bench/page-cost/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { contentScript, moduleMap, profileLoad, type PageProfile } from './profile';
import type { BenchPhase, BenchRecord } from '../../src/content/bench-hook';
import { ChromiumHarness, chromiumPath } from '../../tests/browser/harness/chromium';
import { fixturePageNames, loadFixturePage, REPO_ROOT, SITE_CSS, Site, withStyle } from '../../tests/browser/harness/site';
import { loadSharedPages } from '../../tests/support/shared-pages';

/** build.mjs (plain JavaScript, no declarations): the one build the extension ships with. */
const { buildTarget } = (await import(pathToFileURL(join(REPO_ROOT, 'build.mjs')).href)) as {
  buildTarget(target: 'chrome' | 'firefox', outDir: string, opts?: { test?: boolean; bench?: boolean }): Promise<string>;
};

const args = process.argv.slice(2);
const LOADS = Number(args[args.indexOf('--loads') + 1]) > 0 && args.includes('--loads') ? Number(args[args.indexOf('--loads') + 1]) : 8;
const WITH_SHARED = !args.includes('--no-shared');
const WITH_PROFILE = !args.includes('--no-profile');
/** `--pages REGEX`: only the pages whose name matches. */
const ONLY = args.includes('--pages') ? new RegExp(args[args.indexOf('--pages') + 1] ?? '') : null;
const CACHE = join(REPO_ROOT, 'node_modules/.cache/nk-bench');
const PROD_DIR = join(CACHE, 'chrome');
const BENCH_DIR = join(CACHE, 'chrome-bench');
const PROFILE_DIR = join(CACHE, 'chrome-bench-unminified');
const OUT = join(REPO_ROOT, 'bench/page-cost/RESULTS.md');
const GOAL_RATIO = 1.2;
const GOAL_NONE_MS = 0.5;
const GOAL_CONTENT_GZIP_KB = 60;

/** Synchronous main-thread phases, in the order the content script runs them. */
const SYNC_PHASES: BenchPhase[] = ['init', 'recognise', 'confirm', 'extract', 'topic', 'overlay', 'render', 'watch'];

type BenchPage = { name: string; set: 'fixture' | 'shared'; url: string; kind: 'article' | 'thread' | 'none'; confirmed: boolean; bytes: number };
type Load = { rec: BenchRecord; bare: number; order: 'bare first' | 'bare after'; warm?: { ours: number; bare: number } };
type Row = { page: BenchPage; loads: Load[] };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const syncTotal = (r: BenchRecord, phases = SYNC_PHASES) => phases.reduce((s, p) => s + (r.ms[p] ?? 0), 0);

/** @mozilla/readability as a classic script defining `__nkReadability`. */
async function readabilityScript(): Promise<string> {
  const r = await esbuild.build({
    stdin: { contents: "export { Readability } from '@mozilla/readability';", resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: '__nkReadability',
    write: false,
    target: ['chrome120'],
    legalComments: 'none',
  });
  return r.outputFiles[0]!.text;
}

/**
 * Main-world script added before the page's own: collects the content
 * script's `nk-bench` events, and on "bare first" loads times the bare parse
 * at DOMContentLoaded (before the content script, which runs at document_idle).
 */
function initScript(readability: string, opts: { bareFirst: boolean; countDom: boolean }): string {
  return `${readability}
window.__nkBench = [];
document.addEventListener('nk-bench', (e) => window.__nkBench.push(JSON.parse(e.detail)));
window.__nkWarm = (n) => {
  let ours = [];
  document.addEventListener('nk-bench-warm', (e) => { ours = JSON.parse(e.detail); }, { once: true });
  document.dispatchEvent(new CustomEvent('nk-bench-rerun', { detail: String(n) }));
  const bare = []; for (let i = 0; i < n; i++) bare.push(window.__nkBare());
  return { ours, bare };
};
window.__nkBare = () => { const t0 = performance.now(); new __nkReadability.Readability(document.cloneNode(true)).parse(); return performance.now() - t0; };
${opts.countDom ? "document.addEventListener('DOMContentLoaded', () => document.documentElement.setAttribute('data-nk-bench-count-dom', ''), { once: true });" : ''}
${opts.bareFirst ? "document.addEventListener('DOMContentLoaded', () => { window.__nkBareMs = window.__nkBare(); }, { once: true });" : ''}`;
}

/** Waits for the content script's last record on this load: the answered card, or the end of its start for others. */
async function lastRecord(page: Page, p: BenchPage): Promise<BenchRecord> {
  const want = p.kind === 'none' ? ['none'] : p.confirmed ? ['answered', 'no-article'] : ['started'];
  await page.waitForFunction(
    `(() => { const r = window.__nkBench; return r.length > 0 && ${JSON.stringify(want)}.includes(r[r.length - 1].outcome); })()`,
    undefined,
    { timeout: 15_000, polling: 20 },
  );
  // An unconfirmed page keeps watching for content: give it a moment in case it confirms after all.
  if (!p.confirmed && p.kind !== 'none') await page.waitForTimeout(50);
  const recs = (await page.evaluate('window.__nkBench')) as BenchRecord[];
  return recs[recs.length - 1]!;
}

async function measure(h: ChromiumHarness, p: BenchPage, readability: string, loads: number, countDom: boolean): Promise<Load[]> {
  const out: Load[] = [];
  for (let i = 0; i < loads; i++) {
    // Alternate the order on article pages (see `ours`/`bare` in report); elsewhere the bare parse is only a reference.
    const bareFirst = !countDom && p.kind !== 'none' && p.confirmed && i % 2 === 0;
    // A fresh tab per load: the init script differs with the order, and no state carries over.
    const page = await h.context.newPage();
    await page.addInitScript({ content: initScript(readability, { bareFirst, countDom }) });
    await page.goto(p.url, { waitUntil: 'load' });
    const rec = await lastRecord(page, p);
    const bare = bareFirst ? ((await page.evaluate('window.__nkBareMs')) as number) : ((await page.evaluate('window.__nkBare()')) as number);
    const load: Load = { rec, bare, order: bareFirst ? 'bare first' : 'bare after' };
    if (!countDom && i >= loads - 2 && p.kind !== 'none' && p.confirmed) {
      // Warm: the same work again with compiled code, 2 warm-up runs then the median of 7, both sides (last two loads).
      const w = (await page.evaluate('window.__nkWarm(9)')) as { ours: number[]; bare: number[] };
      if (w.ours.length === 9) load.warm = { ours: median(w.ours.slice(2)), bare: median(w.bare.slice(2)) };
    }
    out.push(load);
    await page.close();
  }
  return out;
}

/** Serves the page cross-origin isolated, so that performance.now() is not coarsened to 0.1 ms. */
async function isolate(h: ChromiumHarness, site: Site): Promise<void> {
  await h.context.route(/^https:\/\/(www|community)\.spiceworks\.com\//, async (route) => {
    const res = site.respond(route.request().url());
    if (!res) return route.abort('blockedbyclient');
    const headers: Record<string, string> = res.contentType.startsWith('text/html')
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' }
      : { 'Cross-Origin-Resource-Policy': 'cross-origin' };
    return route.fulfill({ status: res.status, contentType: res.contentType, body: res.body, headers });
  });
}

function sizes(): { file: string; raw: number; gzip: number }[] {
  return ['content.js', 'content-main.js', 'background.js', 'popup.js', 'options.js'].map((file) => {
    const buf = readFileSync(join(PROD_DIR, file));
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}

function pages(): { list: BenchPage[]; site: Site; sharedNote: string } {
  const site = new Site();
  const list: BenchPage[] = [];
  for (const name of fixturePageNames()) {
    const f = loadFixturePage(name);
    site.addFixture(name);
    const exp = (f.meta.expected ?? {}) as { kind?: BenchPage['kind']; confirmed?: boolean };
    list.push({ name, set: 'fixture', url: f.url, kind: exp.kind ?? 'none', confirmed: exp.confirmed !== false, bytes: Buffer.byteLength(f.html) });
  }
  let sharedNote = 'Shared texts: not used (--no-shared).';
  if (WITH_SHARED) {
    const shared = loadSharedPages();
    if (shared.skipped) sharedNote = `Shared texts: **${shared.skipped}** (long-page rows absent).`;
    else {
      // The three longest texts in the richest template: the nearest thing here to a real, long Spiceworks page.
      const longest = shared.pages
        .filter((p) => p.template === 'gauge' && p.expected.kind === 'article')
        .sort((a, b) => b.html.length - a.html.length)
        .slice(0, 3);
      for (const p of longest) {
        const html = withStyle(p.html, SITE_CSS);
        site.add(p.url, html);
        list.push({ name: p.name, set: 'shared', url: p.url, kind: 'article', confirmed: true, bytes: Buffer.byteLength(html) });
      }
      sharedNote = `Shared texts: the ${longest.length} longest of /work/shared/fixtures/texts placed in the \`gauge\` template at run time (never written to the repo).`;
    }
  }
  return { list: ONLY ? list.filter((p) => ONLY.test(p.name)) : list, site, sharedNote };
}

function chromiumVersion(exe: string): string {
  try {
    return execFileSync(exe, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  await buildTarget('chrome', PROD_DIR);
  await buildTarget('chrome', BENCH_DIR, { bench: true });
  const prodContent = ['content.js', 'content-main.js'].map((f) => readFileSync(join(PROD_DIR, f), 'utf8')).join('\n');
  const hookLeak = /nk-bench|__nkBenchT0|benchAdd/.test(prodContent);
  const readability = await readabilityScript();
  const { list, site, sharedNote } = pages();
  const exe = chromiumPath();
  if (!exe) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');

  const h = await ChromiumHarness.launch({ extensionDir: BENCH_DIR, site, headless: true });
  const rows: Row[] = [];
  const domReads = new Map<string, BenchRecord>();
  let isolated = false;
  try {
    await isolate(h, site);
    // Warm-up: the first page of a fresh browser also pays for the service worker's start and the disk cache.
    await measure(h, list.find((p) => p.confirmed && p.kind === 'article') ?? list[0]!, readability, 1, false);
    {
      const probe = await h.context.newPage();
      await probe.goto(list[0]!.url);
      isolated = (await probe.evaluate('self.crossOriginIsolated')) === true;
      await probe.close();
    }
    for (const p of list) {
      rows.push({ page: p, loads: await measure(h, p, readability, LOADS, false) });
      process.stderr.write('.');
    }
    for (const p of list) domReads.set(p.name, (await measure(h, p, readability, 1, true))[0]!.rec);
    process.stderr.write('\n');
  } finally {
    await h.close();
  }

  const profiles = WITH_PROFILE ? await profilePass(list, site) : null;
  const md = report({ rows, domReads, profiles, sizes: sizes(), hookLeak, isolated, sharedNote, exe, seconds: (performance.now() - t0) / 1000 });
  writeFileSync(OUT, md);
  console.log(md);
}

/** One profiled load per page with an unminified bench build (timings inflated by the profiler: shares only). */
async function profilePass(list: BenchPage[], site: Site): Promise<Map<string, PageProfile>> {
  await buildTarget('chrome', PROFILE_DIR, { test: true, bench: true });
  const map = moduleMap(contentScript(PROFILE_DIR));
  const h = await ChromiumHarness.launch({ extensionDir: PROFILE_DIR, site, headless: true });
  const out = new Map<string, PageProfile>();
  try {
    for (const p of list) {
      const page = await h.context.newPage();
      await page.addInitScript({ content: initScript('', { bareFirst: false, countDom: false }).replace(/window.__nkBare = .*\n/, '') });
      // Start on the same site so that the measured navigation stays in this renderer (and in the profile).
      await page.goto(new URL('/nk-bench-start/', p.url).href);
      out.set(p.name, await profileLoad(h, page, p.url, map, async () => void (await lastRecord(page, p))));
      await page.close();
      process.stderr.write('p');
    }
  } finally {
    await h.close();
  }
  process.stderr.write('\n');
  return out;
}

type ReportInput = {
  profiles: Map<string, PageProfile> | null;
  rows: Row[];
  domReads: Map<string, BenchRecord>;
  sizes: { file: string; raw: number; gzip: number }[];
  hookLeak: boolean;
  isolated: boolean;
  sharedNote: string;
  exe: string;
  seconds: number;
};

function report(r: ReportInput): string {
  /**
   * Cold against cold: the content script's figures come from the loads where it ran first, the bare
   * parse's from the loads where it ran first. V8 shares compiled regular expressions across the worlds
   * of one page, so whichever parses second gets Readability's regexes for free.
   */
  const med = (row: Row, f: (l: Load) => number) => {
    const first = row.loads.filter((l) => l.order === 'bare after');
    return median((first.length > 0 ? first : row.loads).map(f));
  };
  const bareMed = (row: Row) => {
    const first = row.loads.filter((l) => l.order === 'bare first');
    return median((first.length > 0 ? first : row.loads).map((l) => l.bare));
  };
  const phase = (p: BenchPhase) => (l: Load) => l.rec.ms[p] ?? 0;
  const confirmedRows = r.rows.filter((x) => x.page.kind !== 'none' && x.page.confirmed);
  const noneRows = r.rows.filter((x) => x.page.kind === 'none');
  const otherRows = r.rows.filter((x) => x.page.kind !== 'none' && !x.page.confirmed);
  const lines: string[] = [];
  const now = new Date().toISOString().replace('T', ' ').slice(0, 16);
  lines.push(
    '# Cost on the page',
    '',
    `Generated by \`npm run bench\` (bench/page-cost/run.ts) on ${now} UTC; ${Math.round(r.seconds)} s.`,
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (other work was running: expect noise), Node ${process.version}, ${chromiumVersion(r.exe)} headless, playwright-core.`,
    `Each page loaded ${LOADS} times, each time in a fresh tab; figures are medians in milliseconds of main-thread time measured with performance.now()` +
      ` (${r.isolated ? 'pages served cross-origin isolated: microsecond timer' : '**timer coarsened to 0.1 ms**: pages were not cross-origin isolated'}).`,
    `Build: the normal minified Chrome build plus the bench hook (\`buildTarget('chrome', dir, { bench: true })\`; production bundles hold none of it: ${r.hookLeak ? '**hook code FOUND in production content.js**' : 'checked, absent'}).`,
    r.sharedNote,
    '',
    '**Content script** = its synchronous work in this page load: `init` (script start → its first statement: evaluating the bundled modules),',
    '`recognise` (URL), `confirm` (DOM check), `extract` (Readability on a clone + metadata + boilerplate removal), `topic`, `overlay`',
    "(createOverlay + first render: the overlay is mounted), `render` (the background's answer rendered), `watch` (navigation listeners).",
    "Waiting for the background (`wait`: overlay preferences + the card) is asynchronous and not in the total.",
    '**Bare Readability** = `new Readability(document.cloneNode(true)).parse()` in the same page load (main world, injected bundle), once per load:',
    'at DOMContentLoaded, before the content script, on every other load, and after the content script on the others. Both sides are compared cold:',
    'the content script\'s figures are medians over the loads where it ran first, the bare parse\'s over the loads where it ran first (V8 shares compiled',
    'regular expressions between the page\'s worlds, so the second Readability of a load starts warmer).',
    '',
    '## Articles and threads',
    '',
    '| page | set | HTML | init | recognise | confirm | extract | topic | overlay | render | **content script** | **bare Readability** | **ratio** | to mounted | ratio w/o init | extract / bare | wait | warm: ours / bare |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const ratios: number[] = [];
  const ratiosNoInit: number[] = [];
  const warmRatios: number[] = [];
  if (confirmedRows.length === 0) ratios.push(NaN);
  let sumOurs = 0;
  let sumBare = 0;
  for (const row of confirmedRows) {
    const total = med(row, (l) => syncTotal(l.rec));
    const bare = bareMed(row);
    const toMounted = med(row, (l) => syncTotal(l.rec, ['init', 'recognise', 'confirm', 'extract', 'topic', 'overlay', 'watch']));
    const noInit = med(row, (l) => syncTotal(l.rec) - (l.rec.ms.init ?? 0));
    const wait = med(row, (l) => (l.rec.ms.waitPrefs ?? 0) + (l.rec.ms.waitCard ?? 0));
    ratios.push(total / bare);
    ratiosNoInit.push(noInit / bare);
    sumOurs += total;
    sumBare += bare;
    const p = (ph: BenchPhase) => ms(med(row, phase(ph)));
    // The quieter of the two warm samples (least disturbed by the other processes on the machine).
    const warm = row.loads
      .map((l) => l.warm)
      .filter((w): w is { ours: number; bare: number } => !!w)
      .reduce<{ ours: number; bare: number } | undefined>((a, w) => (a ? { ours: Math.min(a.ours, w.ours), bare: Math.min(a.bare, w.bare) } : w), undefined);
    if (warm) warmRatios.push(warm.ours / warm.bare);
    const warmCell = warm ? `${ms(warm.ours)} / ${ms(warm.bare)} = ${(warm.ours / warm.bare).toFixed(2)}x` : '–';
    lines.push(
      `| ${row.page.name} | ${row.page.set} | ${kb(row.page.bytes)} | ${p('init')} | ${p('recognise')} | ${p('confirm')} | ${p('extract')} | ${p('topic')} | ${p('overlay')} | ${p('render')} | **${ms(total)}** | **${ms(bare)}** | **${(total / bare).toFixed(2)}x** | ${ms(toMounted)} | ${(noInit / bare).toFixed(2)}x | ${(med(row, phase('extract')) / bare).toFixed(2)}x | ${ms(wait, 1)} | ${warmCell} |`,
    );
  }
  const medRatio = median(ratios);
  lines.push(
    '',
    '`to mounted` = everything up to the mounted overlay (without the answer\'s render). `warm` = recognise + confirm + extract + topic re-run in the same tab once the code is compiled (median of 7 after 2 warm-ups, the lower of two loads), beside bare Readability re-run likewise: the work itself, without start-up costs.',
    '',
    `Ratio content script / bare Readability: median over pages **${medRatio.toFixed(2)}x**, worst ${Math.max(...ratios).toFixed(2)}x, sum over pages ${(sumOurs / sumBare).toFixed(2)}x; without \`init\`: median ${median(ratiosNoInit).toFixed(2)}x, worst ${Math.max(...ratiosNoInit).toFixed(2)}x. Goal ≤ ${GOAL_RATIO}x: **${Math.max(...ratios) <= GOAL_RATIO ? 'met on every page' : medRatio <= GOAL_RATIO ? 'met at the median, not on every page' : 'missed'}**. Warm (the work alone, no overlay): median ${median(warmRatios).toFixed(2)}x, worst ${Math.max(...warmRatios).toFixed(2)}x.`,
    `Bare Readability by order in the load (all pages, median): ${ms(median(confirmedRows.flatMap((x) => x.loads.filter((l) => l.order === 'bare first').map((l) => l.bare))))} ms before the content script, ${ms(median(confirmedRows.flatMap((x) => x.loads.filter((l) => l.order === 'bare after').map((l) => l.bare))))} ms after it.`,
    '',
  );

  // Phase shares: where the time goes.
  const shareOf = (ph: BenchPhase) => confirmedRows.reduce((s, row) => s + med(row, phase(ph)), 0);
  const allPhases = SYNC_PHASES.reduce((s, ph) => s + shareOf(ph), 0);
  lines.push('Where the time goes (sum of the per-page medians over these pages):', '', '| phase | ms | share |', '|---|---:|---:|');
  for (const ph of SYNC_PHASES) lines.push(`| ${ph} | ${ms(shareOf(ph))} | ${((100 * shareOf(ph)) / allPhases).toFixed(0)} % |`);
  lines.push('');

  if (r.profiles) {
    const confirmedNames = new Set(confirmedRows.map((x) => x.page.name));
    const noneNames = new Set(noneRows.map((x) => x.page.name));
    const sum = (names: Set<string>) => {
      const m = new Map<string, number>();
      let compile = 0;
      for (const [name, pr] of r.profiles!) {
        if (!names.has(name)) continue;
        // The hook's own reporting (JSON and the page's listener) is outside every timed phase: leave it out here too.
        for (const [mod, v] of pr.byModule) if (!mod.endsWith('bench-hook.ts')) m.set(mod, (m.get(mod) ?? 0) + v);
        compile += pr.compileMs;
      }
      return { m, compile, n: [...r.profiles!.keys()].filter((k) => names.has(k)).length };
    };
    const arts = sum(confirmedNames);
    const nones = sum(noneNames);
    const total = [...arts.m.values()].reduce((a, b) => a + b, 0);
    lines.push(
      '### By module (CPU profile)',
      '',
      `One profiled load per page with an unminified bench build; V8 sampling every 25 µs; each sample goes to the content-script module on top of the stack (builtins, regex and DOM calls count for their caller). Profiling inflates times: read the shares. Mean per article/thread page over ${arts.n} pages:`,
      '',
      '| module | ms per page | share |',
      '|---|---:|---:|',
    );
    for (const [mod, v] of [...arts.m].sort((a, b) => b[1] - a[1]).slice(0, 16)) lines.push(`| ${mod} | ${ms(v / arts.n)} | ${((100 * v) / total).toFixed(0)} % |`);
    lines.push(
      '',
      `Script compile (trace events for content.js, before its first statement, not in the table above): ${ms(arts.compile / Math.max(1, arts.n))} ms per article page, ${ms(nones.compile / Math.max(1, nones.n))} ms per non-article page.`,
      '',
    );
    if (nones.n > 0) {
      const nTotal = [...nones.m.values()].reduce((a, b) => a + b, 0);
      lines.push(`Non-article pages (mean over ${nones.n}): ${ms(nTotal / nones.n)} ms sampled in content.js: ` + [...nones.m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([mod, v]) => `${mod} ${ms(v / nones.n)}`).join(', ') + '.', '');
    }
  }

  lines.push(
    '## Non-article pages',
    '',
    'The content script recognises the URL and stops: the figure that counts is everything it does on the page, script start included. DOM reads are counted in a separate load with every query method and text getter of the content script\'s world wrapped (`data-nk-bench-count-dom`).',
    '',
    '| page | init (module evaluation) | recognise + watch | **total** | confirm / extract / topic / overlay calls | DOM reads |',
    '|---|---:|---:|---:|---|---:|',
  );
  const noneTotals: number[] = [];
  const noneAfterInit: number[] = [];
  for (const row of noneRows) {
    const total = med(row, (l) => syncTotal(l.rec));
    const after = med(row, (l) => syncTotal(l.rec) - (l.rec.ms.init ?? 0));
    noneTotals.push(total);
    noneAfterInit.push(after);
    const calls = (['confirm', 'extract', 'topic', 'overlay'] as BenchPhase[]).map((ph) => row.loads[0]!.rec.calls[ph] ?? 0).join(' / ');
    const dom = r.domReads.get(row.page.name)?.domReads;
    const domN = dom ? Object.values(dom).reduce((s, n) => s + n, 0) : NaN;
    lines.push(`| ${row.page.name} | ${ms(med(row, phase('init')), 3)} | ${ms(after, 3)} | **${ms(total, 3)}** | ${calls} | ${Number.isFinite(domN) ? domN : '–'} |`);
  }
  const worstNone = Math.max(...noneTotals);
  lines.push(
    '',
    `Worst non-article page: **${ms(worstNone, 3)} ms** in all (of which ${ms(Math.max(...noneAfterInit), 3)} ms after module evaluation). Goal < ${GOAL_NONE_MS} ms: **${worstNone < GOAL_NONE_MS ? 'met' : Math.max(...noneAfterInit) < GOAL_NONE_MS ? 'met for the work after start-up, missed with module evaluation counted' : 'missed'}**.`,
    '',
  );

  if (otherRows.length > 0) {
    lines.push(
      '## Article URLs without an article (empty shell, error page)',
      '',
      '| page | init | recognise | confirm | total | extract calls | DOM reads |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of otherRows) {
      const dom = r.domReads.get(row.page.name)?.domReads;
      const domN = dom ? Object.values(dom).reduce((s, n) => s + n, 0) : NaN;
      lines.push(
        `| ${row.page.name} | ${ms(med(row, phase('init')), 3)} | ${ms(med(row, phase('recognise')), 3)} | ${ms(med(row, phase('confirm')), 3)} | ${ms(med(row, (l) => syncTotal(l.rec)), 3)} | ${row.loads[0]!.rec.calls.extract ?? 0} | ${Number.isFinite(domN) ? domN : '–'} |`,
      );
    }
    lines.push('');
  }

  lines.push('## DOM reads on article pages (for contrast)', '', '| page | DOM reads by the content script (its own Readability clone included) |', '|---|---:|');
  for (const row of confirmedRows.slice(0, 4)) {
    const dom = r.domReads.get(row.page.name)?.domReads;
    lines.push(`| ${row.page.name} | ${dom ? Object.values(dom).reduce((s, n) => s + n, 0) : '–'} |`);
  }
  lines.push('');

  lines.push('## Bundle size', '', 'The normal Chrome build (`buildTarget(\'chrome\', …)`, as in dist/chrome); gzip level 9.', '', '| script | raw | gzip |', '|---|---:|---:|');
  for (const s of r.sizes) lines.push(`| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} |`);
  // The content script is two files: the loader every Spiceworks page runs, and the article code it loads where an article may be.
  const loader = r.sizes.find((s) => s.file === 'content.js')!;
  const main = r.sizes.find((s) => s.file === 'content-main.js')!;
  const both = loader.gzip + main.gzip;
  lines.push(
    '',
    `Content script: loader **${kb(loader.gzip)} gzip** on every Spiceworks page, plus the article code **${kb(main.gzip)} gzip** on article and thread pages: **${kb(both)} gzip** in all; goal ≤ ${GOAL_CONTENT_GZIP_KB} KB: **${both / 1024 <= GOAL_CONTENT_GZIP_KB ? 'met' : 'missed'}**.`,
    '',
  );
  lines.push('Reproduce: `npm run bench` (options: `-- --loads N`, `-- --no-shared`, `-- --no-profile`, `-- --pages REGEX`; `CHROMIUM_PATH` to pick the browser).', '');
  return lines.join('\n');
}

await main();
