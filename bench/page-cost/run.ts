/**
 * Cost on the page (issues 4 and 13): what the content script costs a page
 * load in real Chromium, cold, beside a cold Readability parse of the same
 * page; what the user sees (DOMContentLoaded → pill, popup → cached card) with
 * the shipped build, in Chromium and Firefox; and the size of each bundle.
 *
 *   npm run bench                        the full run (README.md: what each figure is, exactly)
 *   npm run bench -- --pages 4 --loads 2 a small run (see --help)
 *
 * Writes bench/page-cost/RESULTS.md and prints it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { contentBundles, moduleMaps, profileLoad, type PageProfile } from './profile';
import { anchorScript, type AnchorTimes } from './observe';
import { chromiumOutside, firefoxOutside, isolate, writeFloorPage, type FirefoxOutsideResult, type OutPage, type OutsideResult } from './outside';
import { report, type BenchPage, type InsideLoad, type AnchorLoad, type ManifestScript, type ModuleBytes, type Sizes } from './report';
import { ChromiumHarness, chromiumPath } from '../../support/browser/chromium';
import { firefoxPath } from '../../support/browser/firefox';
import { fixturePageNames, isBrowserInternal, loadFixturePage, REPO_ROOT, SITE_CSS, Site, withStyle } from '../../support/browser/site';
import { loadSharedPages } from '../../support/shared-pages';
import { mulberry32 } from '../../support/random';

/** build.mjs (plain JavaScript, no declarations): the one build the extension ships with. */
const { buildTarget } = (await import(pathToFileURL(join(REPO_ROOT, 'build.mjs')).href)) as {
  buildTarget(target: 'chrome' | 'firefox', outDir: string, opts?: { test?: boolean; bench?: boolean; metafile?: string }): Promise<string>;
};

const HELP = `npm run bench -- [options]
  --pages N | --pages REGEX  N pages (articles, non-articles and article URLs without an article, in turn) or the pages whose name matches
  --loads N                  inside view and anchor: loads per page (default 5)
  --outside-loads N          Chromium DCL → pill: loads per article page, half with the worker stopped first (default 8)
  --firefox-loads N          Firefox DCL → pill: loads per article page, warm (default 3; 0 = no Firefox)
  --popups N                 popup opens per article page (default 1)
  --settle MS                pause before every measured load, after the last tab closed (default 100)
  --seed N                   shuffle seed (default: the clock; printed in RESULTS.md)
  --no-shared --no-profile --no-outside --no-firefox
  --out FILE                 write the report there instead of bench/page-cost/RESULTS.md`;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const num = (name: string, dflt: number): number => {
  const v = Number(opt(name));
  return opt(name) !== undefined && Number.isFinite(v) && v >= 0 ? v : dflt;
};
const LOADS = Math.max(1, num('--loads', 5));
const OUTSIDE_LOADS = num('--outside-loads', 8);
const FIREFOX_LOADS = args.includes('--no-firefox') ? 0 : num('--firefox-loads', 3);
const POPUPS = num('--popups', 1);
const SETTLE_MS = num('--settle', 100);
const SEED = num('--seed', Date.now() % 1_000_000);
const WITH_SHARED = !args.includes('--no-shared');
const WITH_PROFILE = !args.includes('--no-profile');
const WITH_OUTSIDE = !args.includes('--no-outside') && OUTSIDE_LOADS > 0;
const PAGES = opt('--pages');
const CACHE = join(REPO_ROOT, 'node_modules/.cache/nk-bench');
const PROD_DIR = join(CACHE, 'chrome');
const PROD_META = join(CACHE, 'chrome-classic-meta.json');
const FIREFOX_DIR = join(CACHE, 'firefox');
const BENCH_DIR = join(CACHE, 'chrome-bench');
const PROFILE_DIR = join(CACHE, 'chrome-bench-unminified');
const OUT = opt('--out') ?? join(REPO_ROOT, 'bench/page-cost/RESULTS.md');

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const settle = () => sleep(SETTLE_MS);
const progress = (c: string) => process.stderr.write(c);
const T0 = performance.now();
const elapsed = () => `${Math.round((performance.now() - T0) / 1000)} s`;

// A seeded generator, so that an order can be repeated with --seed.
const random = mulberry32(SEED);
function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** @mozilla/readability as a classic script defining `__nkReadability` (minified, as our bundles are). */
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

/** Main-world script of the inside view: collects the content script's `nk-bench` records. */
const COLLECTOR = `window.__nkBench = [];
document.addEventListener('nk-bench', (e) => { try { window.__nkBench.push(JSON.parse(e.detail)); } catch (_) {} });`;

/**
 * The cookie that asks the content script to count its DOM reads (countDomReads): a cookie is there when the
 * content script starts at document_start, where an attribute set by an init script may come after it.
 */
const COUNT_DOM_COOKIE = 'nk-bench-count-dom';

/** The outcomes after which the content script does nothing more on this load, by page kind. */
const terminal = (p: BenchPage) => (p.kind === 'none' ? ['none'] : p.confirmed ? ['answered', 'no-article'] : ['no-article']);

/**
 * The content script's last record on this load: its terminal outcome, or, where none comes (an article URL that
 * never confirms), the last record once no new one has come for a while.
 */
async function lastRecord(page: Page, p: BenchPage): Promise<InsideLoad['rec'] | null> {
  const want = terminal(p);
  const quiet = p.kind !== 'none' && p.confirmed ? 3000 : 400;
  const deadline = Date.now() + 15_000;
  let n = 0;
  let changed = Date.now();
  for (;;) {
    const recs = (await page.evaluate('window.__nkBench')) as InsideLoad['rec'][];
    if (recs.length !== n) {
      n = recs.length;
      changed = Date.now();
    }
    const last = recs[recs.length - 1];
    if (last && want.includes(last.outcome)) return last;
    if (last && Date.now() - changed > quiet) return last;
    if (Date.now() > deadline) return last ?? null;
    await sleep(20);
  }
}

/** The content script's work at the reader's first key on a listing (the `wake` phase of the record it sends again), in ms. */
async function firstKeyCost(page: Page): Promise<number | undefined> {
  const before = ((await page.evaluate('window.__nkBench.length')) as number) || 0;
  await page.keyboard.press('Shift');
  for (let i = 0; i < 50; i++) {
    const recs = (await page.evaluate('window.__nkBench')) as InsideLoad['rec'][];
    const wake = recs.slice(before).find((r) => r.ms.wake !== undefined)?.ms.wake;
    if (wake !== undefined) return wake;
    await sleep(20);
  }
  return undefined;
}

/** The scripts the manifest injects by itself (requests never show them): on every Spiceworks page, or only where globs narrow the URLs. */
function manifestScripts(dir: string): ManifestScript[] {
  type Entry = { js?: string[]; include_globs?: string[]; exclude_globs?: string[] };
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: Entry[] };
  return (m.content_scripts ?? []).flatMap((e) => (e.js ?? []).map((file) => ({ file, everyPage: !e.include_globs?.length && !e.exclude_globs?.length })));
}

/** Bytes each module adds to each classic script of the normal build, largest first (esbuild's metafile). */
function modulesOf(metaPath: string): Record<string, ModuleBytes[]> {
  type Meta = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
  const out: Record<string, ModuleBytes[]> = {};
  for (const [file, o] of Object.entries(meta.outputs)) {
    if (!file.endsWith('.js')) continue;
    out[basename(file)] = Object.entries(o.inputs)
      .map(([path, i]) => ({ path: relative(REPO_ROOT, resolve(process.cwd(), path)), bytes: i.bytesInOutput }))
      .filter((m) => m.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
  }
  return out;
}

function sizes(dir: string): Sizes {
  const files = readdirSync(dir).filter((f) => /\.js$/.test(f));
  return files.map((file) => {
    const buf = readFileSync(join(dir, file));
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
  if (PAGES === undefined) return { list, site, sharedNote };
  if (/^\d+$/.test(PAGES)) {
    // N pages, taken in turn from each group so that a small run still fills every table: article, non-article, article, other.
    const groups = [
      list.filter((p) => p.kind !== 'none' && p.confirmed),
      list.filter((p) => p.kind === 'none'),
      list.filter((p) => p.kind !== 'none' && p.confirmed).reverse(),
      list.filter((p) => p.kind !== 'none' && !p.confirmed),
    ];
    const picked: BenchPage[] = [];
    for (let i = 0; picked.length < Math.min(Number(PAGES), list.length); i++) {
      const g = groups[i % groups.length]!;
      const next = g.find((p) => !picked.includes(p));
      if (next) picked.push(next);
      if (i > 4 * list.length) break;
    }
    return { list: picked, site, sharedNote };
  }
  const re = new RegExp(PAGES);
  return { list: list.filter((p) => re.test(p.name)), site, sharedNote };
}

function version(exe: string | null): string {
  if (!exe) return 'absent';
  try {
    return execFileSync(exe, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** One recent card in storage.local: what makes the reader one "with cards" (the background then registers the badges script). */
const BENCH_RECENT = [
  { url: 'https://www.spiceworks.com/tech/cloud/news/nk-bench-card/', key: 'a:nk-bench-card', title: 'Eit kort for målinga', topic: { id: 'cloud', label: 'Sky' }, openedAt: '2026-01-01T00:00:00.000Z' },
];

/**
 * The reader's cards, set from an extension page: the default reader has none (the recent list removed); `true`
 * stores one recent card. Waits until the background has the badges script registered (or unregistered) to match.
 */
async function readerCards(ext: Page, cards: boolean): Promise<void> {
  await ext.evaluate(`chrome.storage.local.${cards ? `set({ recent: ${JSON.stringify(BENCH_RECENT)} })` : "remove('recent')"}`);
  for (let i = 0; i < 250; i++) {
    const ids = (await ext.evaluate('chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id))')) as string[];
    if (ids.length > 0 === cards) return;
    await sleep(20);
  }
  throw new Error(`the badges script did not follow the reader's cards (${cards})`);
}

/**
 * The inside view and the anchor, interleaved in one shuffled order: every load of every page in the bench build
 * (the content script's own record of its first run on that load), one more load per page with DOM reads counted,
 * and every anchor load of every article page in a second Chromium without the extension. Non-article pages are
 * loaded as often again by a reader with cards (one recent card: the badges script registered), interleaved with the
 * rest; every other load is the default reader's, without cards.
 */
async function insidePass(list: BenchPage[], site: Site, readability: string): Promise<{ inside: InsideLoad[]; anchors: AnchorLoad[]; isolated: boolean }> {
  const exe = chromiumPath()!;
  const h = await ChromiumHarness.launch({ extensionDir: BENCH_DIR, site, headless: true });
  const plain = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  const bare = await plain.newContext({ viewport: { width: 1400, height: 900 } });
  const inside: InsideLoad[] = [];
  const anchors: AnchorLoad[] = [];
  let isolated = false;
  try {
    await bare.route('**/*', async (route) => {
      const url = route.request().url();
      if (isBrowserInternal(url)) return route.continue();
      const res = site.respond(url);
      if (!res) return route.abort('blockedbyclient');
      return route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
    });
    await isolate(bare, site);
    await isolate(h.context, site);
    type Task = { kind: 'inside' | 'dom' | 'anchor'; page: BenchPage; cards?: boolean };
    const tasks: Task[] = [];
    for (const p of list) {
      for (let i = 0; i < LOADS; i++) tasks.push({ kind: 'inside', page: p });
      if (p.kind === 'none') for (let i = 0; i < LOADS; i++) tasks.push({ kind: 'inside', page: p, cards: true });
      tasks.push({ kind: 'dom', page: p });
      if (p.kind !== 'none' && p.confirmed) for (let i = 0; i < LOADS; i++) tasks.push({ kind: 'anchor', page: p });
    }
    // Warm-up of both browsers: the first load of a fresh browser also pays for its disk cache, first renderer and the worker's start.
    const first = list.find((p) => p.kind !== 'none' && p.confirmed) ?? list[0]!;
    for (const ctx of [h.context, bare]) {
      const pg = await ctx.newPage();
      await pg.goto(first.url, { waitUntil: 'load' });
      isolated ||= (await pg.evaluate('self.crossOriginIsolated')) === true;
      await sleep(1000);
      await pg.close();
    }
    // An extension page kept open throughout (for every load alike), to set the reader's cards between loads.
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/options.html`);
    for (const t of shuffle(tasks)) {
      // Before every load in the extension's browser, not only when the wanted state changes: an article load stores
      // its card in the recent list, which makes the default reader one with cards.
      if (t.kind !== 'anchor') await readerCards(ext, t.cards ?? false);
      await settle();
      if (t.kind === 'anchor') {
        const page = await bare.newPage();
        await page.addInitScript({ content: anchorScript(readability) });
        await page.goto(t.page.url, { waitUntil: 'load' });
        let a: AnchorTimes | null = null;
        for (let i = 0; i < 500 && !(a && a.parsed > 0); i++) {
          a = (await page.evaluate('window.__nkAnchor')) as AnchorTimes;
          if (!(a && a.parsed > 0)) await sleep(20);
        }
        if (a && a.parsed > 0) anchors.push({ page: t.page.name, times: a });
        await page.close();
        progress('r');
      } else {
        if (t.kind === 'dom') await h.context.addCookies([{ name: COUNT_DOM_COOKIE, value: '1', url: t.page.url }]);
        const page = await h.context.newPage();
        await page.addInitScript({ content: COLLECTOR });
        await page.goto(t.page.url, { waitUntil: 'load' });
        if (t.kind === 'dom') await h.context.clearCookies({ name: COUNT_DOM_COOKIE });
        const rec = await lastRecord(page, t.page);
        // On a listing the gate starts following the URL at the reader's first click or key, after the load: a Shift
        // (which does nothing on the page) is that first key; its cost is kept apart from the load's.
        const wake = rec && t.page.kind === 'none' && t.kind === 'inside' ? await firstKeyCost(page) : undefined;
        if (rec) inside.push({ page: t.page.name, rec, dom: t.kind === 'dom', cards: t.cards ?? false, wake });
        await page.close();
        progress(t.kind === 'dom' ? 'd' : t.cards ? 'c' : '.');
      }
    }
  } finally {
    await h.close();
    await plain.close().catch(() => undefined);
  }
  progress('\n');
  return { inside, anchors, isolated };
}

/** One profiled load per page with an unminified bench build (timings inflated by the profiler: shares only). */
async function profilePass(list: BenchPage[], site: Site): Promise<Map<string, PageProfile>> {
  await buildTarget('chrome', PROFILE_DIR, { test: true, bench: true });
  const maps = moduleMaps(PROFILE_DIR);
  const h = await ChromiumHarness.launch({ extensionDir: PROFILE_DIR, site, headless: true });
  const out = new Map<string, PageProfile>();
  try {
    for (const p of list) {
      await settle();
      const page = await h.context.newPage();
      await page.addInitScript({ content: COLLECTOR });
      // Start on the same site so that the measured navigation stays in this renderer (and in the profile).
      await page.goto(new URL('/nk-bench-start/', p.url).href);
      out.set(p.name, await profileLoad(h, page, p.url, maps, async () => void (await lastRecord(page, p))));
      await page.close();
      progress('p');
    }
  } finally {
    await h.close();
  }
  progress('\n');
  return out;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const loadStart = loadavg();
  const exe = chromiumPath();
  if (!exe) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  await buildTarget('chrome', PROD_DIR, { metafile: PROD_META });
  writeFloorPage(PROD_DIR);
  await buildTarget('chrome', BENCH_DIR, { bench: true });
  // The bench hook must not ship: any of its names in a shipped content bundle is reported with its context.
  const hookLeak = contentBundles(PROD_DIR).flatMap((f) =>
    [...readFileSync(join(PROD_DIR, f), 'utf8').matchAll(/.{0,30}(nk-bench|__nkBench\w*|benchAdd|benchReport).{0,30}/g)].slice(0, 2).map((m) => `${f}: ${m[0]}`),
  );
  const readability = await readabilityScript();
  const { list, site, sharedNote } = pages();
  if (list.length === 0) throw new Error('no pages selected');
  const articles = list.filter((p) => p.kind !== 'none' && p.confirmed);

  progress(`[${elapsed()}] inside view and anchor (${list.length} pages, ${LOADS} loads each, seed ${SEED}): `);
  const { inside, anchors, isolated } = await insidePass(list, site, readability);

  let outside: OutsideResult | null = null;
  if (WITH_OUTSIDE && articles.length > 0) {
    progress(`[${elapsed()}] Chromium outside view (${articles.length} article pages × ${OUTSIDE_LOADS} loads): `);
    // Per page exactly half the loads (rounded up) start with a stopped worker; then all loads of all pages are shuffled together.
    const order = shuffle(
      articles.flatMap((p) =>
        shuffle(Array.from({ length: OUTSIDE_LOADS }, (_, i) => (i < Math.ceil(OUTSIDE_LOADS / 2) ? 'cold' : 'warm') as 'cold' | 'warm')).map((sw) => ({
          page: { name: p.name, url: p.url, article: true } as OutPage,
          sw,
        })),
      ),
    );
    const none = list.filter((p) => p.kind === 'none').map((p) => ({ name: p.name, url: p.url, article: false }));
    outside = await chromiumOutside({ extensionDir: PROD_DIR, site, order, none, popups: POPUPS, settle, progress });
    progress('\n');
  }

  let firefox: FirefoxOutsideResult | null = null;
  const ffExe = firefoxPath();
  if (FIREFOX_LOADS > 0 && articles.length > 0) {
    if (!ffExe) firefox = { skipped: 'Firefox not found (apt-get install firefox-esr, or set FIREFOX_PATH)' };
    else {
      progress(`[${elapsed()}] Firefox outside view (${articles.length} article pages × ${FIREFOX_LOADS} loads): `);
      await buildTarget('firefox', FIREFOX_DIR);
      const order = shuffle(articles.flatMap((p) => Array.from({ length: FIREFOX_LOADS }, () => ({ name: p.name, url: p.url, article: true }))));
      firefox = await firefoxOutside({ extensionDir: FIREFOX_DIR, site, order, settle, progress });
      progress('\n');
    }
  }

  if (WITH_PROFILE) progress(`[${elapsed()}] CPU profiles (${list.length} pages): `);
  const profiles = WITH_PROFILE ? await profilePass(list, site) : null;
  progress(`[${elapsed()}] done\n`);
  const md = report({
    list,
    inside,
    anchors,
    outside,
    firefox,
    profiles,
    sizes: sizes(PROD_DIR),
    modules: modulesOf(PROD_META),
    contentFiles: contentBundles(PROD_DIR),
    manifestScripts: manifestScripts(PROD_DIR),
    hookLeak,
    isolated,
    sharedNote,
    chromium: version(exe),
    firefoxVersion: firefox && 'version' in firefox ? firefox.version : version(ffExe),
    seconds: (performance.now() - t0) / 1000,
    loadStart,
    loadEnd: loadavg(),
    cpus: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`,
    opts: { loads: LOADS, outsideLoads: WITH_OUTSIDE ? OUTSIDE_LOADS : 0, firefoxLoads: FIREFOX_LOADS, popups: POPUPS, settle: SETTLE_MS, seed: SEED, argv: args.join(' ') },
  });
  writeFileSync(OUT, md);
  console.log(md);
}

await main();
