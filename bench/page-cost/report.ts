/**
 * RESULTS.md for bench/page-cost: goals first, then every figure per page.
 * Generic over the content script's bench records: whatever phases they carry
 * become columns; a phase whose name starts with `wait` is a wait on the
 * background (asynchronous, not main-thread work) and stays out of totals.
 */
import type { PageProfile } from './profile';
import type { AnchorTimes, PopupTimes } from './observe';
import type { FirefoxOutsideResult, OutsideResult, PillLoad } from './outside';

export type BenchPage = { name: string; set: 'fixture' | 'shared'; url: string; kind: 'article' | 'thread' | 'none'; confirmed: boolean; bytes: number };
/** The record format of src/content/bench-hook.ts, read generically (the interface between the hook and this bench). */
export type BenchRecord = { outcome: string; ms: Record<string, number>; calls: Record<string, number>; domReads?: Record<string, number> };
/** `cards`: a load by a reader with cards (non-article pages only; every other load is the default reader's, without). */
/** `wake`: on a listing, the content script's work at the reader's first key after the load (ms), apart from the load's record. */
export type InsideLoad = { page: string; rec: BenchRecord; dom: boolean; cards?: boolean; wake?: number };
export type AnchorLoad = { page: string; times: AnchorTimes };
export type Sizes = { file: string; raw: number; gzip: number }[];
/** What one module adds to a minified script, in bytes. */
export type ModuleBytes = { path: string; bytes: number };
/** A content script of the manifest: `everyPage` when it runs on every Spiceworks page, else on the URLs its globs pick (article-like ones). */
export type ManifestScript = { file: string; everyPage: boolean };

export type ReportInput = {
  list: BenchPage[];
  inside: InsideLoad[];
  anchors: AnchorLoad[];
  outside: OutsideResult | null;
  firefox: FirefoxOutsideResult | null;
  profiles: Map<string, PageProfile> | null;
  sizes: Sizes;
  /** Per classic script of the normal build, the bytes each module adds (esbuild's metafile), largest first. */
  modules?: Record<string, ModuleBytes[]>;
  contentFiles: string[];
  manifestScripts: ManifestScript[];
  /** Bench-hook code found in the shipped content bundles: `file: snippet`, empty when none. */
  hookLeak: string[];
  isolated: boolean;
  sharedNote: string;
  chromium: string;
  firefoxVersion: string;
  seconds: number;
  loadStart: number[];
  loadEnd: number[];
  cpus: string;
  opts: { loads: number; outsideLoads: number; firefoxLoads: number; popups: number; settle: number; seed: number; argv: string };
};

export const GOALS = { ratio: 1.2, noneMs: 0.5, pillP95: 150, popupMs: 50, contentGzipKB: 60, pillGzipKB: 5 };

/** The phases in the order the content script runs them (as far as known); others follow in order of appearance. */
const KNOWN_ORDER = ['init', 'recognise', 'prefs', 'pill', 'confirm', 'extract', 'topic', 'overlay', 'render', 'watch'];
const isWait = (phase: string) => phase.startsWith('wait');

export const median = (xs: number[]): number => percentile(xs, 50);
/** Nearest-rank percentile: with fewer than 20 values, p95 is the largest. */
export function percentile(xs: number[], p: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  if (p === 50) {
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  }
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}
const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mark = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? '**PASS**' : '**MISS**');
const work = (r: BenchRecord) => Object.entries(r.ms).reduce((s, [p, v]) => s + (isWait(p) ? 0 : v), 0);

function phasesOf(recs: BenchRecord[]): string[] {
  const seen: string[] = [];
  for (const r of recs) for (const p of Object.keys(r.ms)) if (!seen.includes(p)) seen.push(p);
  const known = KNOWN_ORDER.filter((p) => seen.includes(p));
  return [...known, ...seen.filter((p) => !KNOWN_ORDER.includes(p))];
}

const popSplit = (ts: PopupTimes[]) =>
  ts.length ? `${f(percentile(ts.map((t) => t.dcl), 50), 1)} / ${f(percentile(ts.map((t) => t.painted! - t.dcl), 50), 1)}` : '–';
const dclToPill = (l: PillLoad) => (l.times?.painted != null && l.times.dcl >= 0 ? l.times.painted - l.times.dcl : NaN);
const dclToSeen = (l: PillLoad) => (l.times?.seen != null && l.times.dcl >= 0 ? l.times.seen - l.times.dcl : NaN);

export function report(r: ReportInput): string {
  const L: string[] = [];
  const now = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const byPage = <T extends { page: string }>(xs: T[], name: string) => xs.filter((x) => x.page === name);
  // The default reader (no cards) everywhere; a reader with cards on non-article pages apart.
  const timed = r.inside.filter((l) => !l.dom && !l.cards);
  const withCards = r.inside.filter((l) => !l.dom && l.cards);
  const articles = r.list.filter((p) => p.kind !== 'none' && p.confirmed);
  const nones = r.list.filter((p) => p.kind === 'none');
  const others = r.list.filter((p) => p.kind !== 'none' && !p.confirmed);

  // --- per-page inside figures
  const anchorSpan = (a: AnchorTimes) => a.parsed - a.first;
  const art = articles.map((p) => {
    const loads = byPage(timed, p.name);
    const anc = byPage(r.anchors, p.name).map((a) => a.times);
    const ours = median(loads.map((l) => work(l.rec)));
    const bare = median(anc.map(anchorSpan));
    return { p, loads, anc, ours, bare, ratio: ours / bare };
  });
  const noneOf = (from: InsideLoad[]) =>
    nones.map((p) => {
      const loads = byPage(from, p.name);
      return { p, loads, total: median(loads.map((l) => work(l.rec))), p95: percentile(loads.map((l) => work(l.rec)), 95) };
    });
  const none = noneOf(timed);
  const noneCards = noneOf(withCards).filter((n) => n.loads.length > 0);

  // --- outside figures
  const out = r.outside;
  const okLoads = (out?.loads ?? []).filter((l) => Number.isFinite(dclToPill(l)));
  // A load counts as cold only if the worker read "stopped" when it began, as warm only if it read "running".
  const isCold = (l: PillLoad) => l.sw === 'cold' && l.swAtStart === 'stopped';
  const isWarm = (l: PillLoad) => l.sw === 'warm' && l.swAtStart === 'running';
  const cold = okLoads.filter(isCold);
  const warm = okLoads.filter(isWarm);
  const unclear = okLoads.filter((l) => !isCold(l) && !isWarm(l));
  const popupMs = (out?.popups ?? []).map((x) => x.times?.painted ?? NaN).filter(Number.isFinite);
  const floorMs = (out?.floors ?? []).map((x) => x.times?.painted ?? NaN).filter(Number.isFinite);
  // Each popup open paired with the floor opened beside it: what the popup adds to opening any extension page.
  const overFloor = (out?.popups ?? []).flatMap((p, i) => {
    const a = p.times?.painted;
    const b = out?.floors[i]?.times?.painted;
    return a != null && b != null ? [a - b] : [];
  });
  const ff = r.firefox && 'loads' in r.firefox ? r.firefox : null;
  const ffOk = (ff?.loads ?? []).filter((l) => Number.isFinite(dclToPill(l)));

  // --- bundles
  const size = (file: string) => r.sizes.find((s) => s.file === file);
  const autoOnArticle = new Set<string>((out?.loads ?? []).flatMap((l) => l.scripts));
  const onNone = new Set<string>([...(out?.noneScripts.values() ?? [])].flat());
  const onOpen = new Set<string>((out?.onOpen?.scripts ?? []).filter((s) => !autoOnArticle.has(s)));
  // The manifest's scripts are injected, not requested: the requests never show them. Every one of them runs on an article.
  const everyPage = new Set(r.manifestScripts.filter((m) => m.everyPage).map((m) => m.file));
  const articleUrls = new Set(r.manifestScripts.filter((m) => !m.everyPage).map((m) => m.file));
  for (const m of r.manifestScripts) autoOnArticle.add(m.file);
  const contentAll = [...new Set([...r.contentFiles, ...autoOnArticle, ...onOpen])].filter((f) => size(f));
  const gz = (files: Iterable<string>) => [...files].reduce((s, f) => s + (size(f)?.gzip ?? 0), 0);
  const autoGz = gz([...autoOnArticle].filter((f) => size(f)));
  const openGz = gz(onOpen);
  const allGz = gz(contentAll);
  // The pill's code on an article page is every script the manifest injects there (the gate and the pill's own script); the gate alone is what every other page runs.
  const gateGz = gz([...everyPage]);
  const pillOwn = [...articleUrls].filter((f) => size(f));
  const pillCodeGz = gateGz + gz(pillOwn);

  // --- goals
  const worstRatio = Math.max(...art.map((a) => a.ratio).filter(Number.isFinite));
  const worstNone = Math.max(...none.map((n) => n.total).filter(Number.isFinite));
  const worstNoneCards = Math.max(...noneCards.map((n) => n.total).filter(Number.isFinite));
  const p95Cold = percentile(cold.map(dclToPill), 95);
  const p95Warm = percentile(warm.map(dclToPill), 95);
  const popupP95 = percentile(popupMs, 95);
  const has = (x: number) => Number.isFinite(x);
  L.push(
    '# Cost on the page',
    '',
    `Generated by \`npm run bench\` (bench/page-cost/run.ts${r.opts.argv ? ` ${r.opts.argv}` : ''}) on ${now} UTC; ${Math.round(r.seconds)} s.`,
    `Machine: ${r.cpus}, load average ${r.loadStart.map((x) => x.toFixed(1)).join(' / ')} at the start and ${r.loadEnd.map((x) => x.toFixed(1)).join(' / ')} at the end (1/5/15 min)${r.loadEnd[0]! > 1 ? '; other work was running: expect noise' : ''}. Node ${process.version}, ${r.chromium} headless (playwright-core), ${r.firefoxVersion} headless (puppeteer-core, WebDriver BiDi).`,
    `Loads: inside view and anchor ${r.opts.loads} per page; Chromium outside view ${r.opts.outsideLoads} per article page (half with the worker stopped first); Firefox ${r.opts.firefoxLoads} per article page; popup ${r.opts.popups} per article page; ${r.opts.settle} ms pause before every load; order shuffled with seed ${r.opts.seed}.`,
    `Timer: ${r.isolated ? 'pages served cross-origin isolated (COOP/COEP), performance.now() precise to 5 µs in Chromium' : '**coarsened to 0.1 ms**: pages were not cross-origin isolated'}. Bench hook in the shipped content bundles: ${r.hookLeak.length ? `**found**: ${r.hookLeak.map((x) => `\`${x}\``).join(', ')}` : 'absent (checked)'}.`,
    r.sharedNote,
    'What each figure is, exactly: bench/page-cost/README.md.',
    '',
    '## Goals',
    '',
    '| goal | measured | |',
    '|---|---|---|',
    `| article pages: content script's cold main-thread cost ≤ ${GOALS.ratio}× a cold Readability parse (every page) | median ${f(median(art.map((a) => a.ratio)))}×, worst ${f(worstRatio)}× over ${art.length} pages; ${art.filter((a) => a.ratio > GOALS.ratio).length} over | ${mark(art.length ? worstRatio <= GOALS.ratio : null)} |`,
    `| non-article pages: < ${GOALS.noneMs} ms cold, everything the content script does (the default reader: no cards) | worst page ${f(worstNone, 3)} ms (median of its loads) over ${none.length} pages | ${mark(none.length ? worstNone < GOALS.noneMs : null)} |`,
    `| (context) non-article pages for a reader with cards: the same, the listing badges' script and message included (a feature's cost) | ${noneCards.length ? `worst page ${f(worstNoneCards, 3)} ms over ${noneCards.length} pages` : 'not measured'} | |`,
    `| DOMContentLoaded → pill painted, p95 ≤ ${GOALS.pillP95} ms, worker stopped before the load | p95 ${f(p95Cold, 1)} ms, p50 ${f(percentile(cold.map(dclToPill), 50), 1)} ms over ${cold.length} loads | ${mark(has(p95Cold) ? p95Cold <= GOALS.pillP95 : null)} |`,
    `| DOMContentLoaded → pill painted, p95 ≤ ${GOALS.pillP95} ms, worker running | p95 ${f(p95Warm, 1)} ms, p50 ${f(percentile(warm.map(dclToPill), 50), 1)} ms over ${warm.length} loads | ${mark(has(p95Warm) ? p95Warm <= GOALS.pillP95 : null)} |`,
    `| Firefox: DOMContentLoaded → pill painted, p95 ≤ ${GOALS.pillP95} ms (background warm only) | ${ff ? `p95 ${f(percentile(ffOk.map(dclToPill), 95), 1)} ms, p50 ${f(percentile(ffOk.map(dclToPill), 50), 1)} ms over ${ffOk.length} loads` : r.firefox && 'skipped' in r.firefox ? r.firefox.skipped : 'not run'} | ${mark(ff && ffOk.length ? percentile(ffOk.map(dclToPill), 95) <= GOALS.pillP95 : null)} |`,
    `| popup open → cached card painted ≤ ${GOALS.popupMs} ms (p95) | p95 ${f(popupP95, 1)} ms, p50 ${f(percentile(popupMs, 50), 1)} ms over ${popupMs.length} opens | ${mark(has(popupP95) ? popupP95 <= GOALS.popupMs : null)} |`,
    `| (context) the floor: a static extension page with no style or script, opened the same way | p95 ${f(percentile(floorMs, 95), 1)} ms, p50 ${f(percentile(floorMs, 50), 1)} ms over ${floorMs.length} opens | ${has(percentile(floorMs, 95)) && percentile(floorMs, 95) > GOALS.popupMs ? `its p95 alone is over the goal: the goal is below what the browser takes to open any extension page this way${percentile(floorMs, 50) > GOALS.popupMs ? ' (its p50 too)' : ''}` : ''} |`,
    `| (context) popup − floor, each open paired with the floor opened beside it (after it, or before it in every other pair), ≤ ${GOALS.popupMs} ms (p95) | p95 ${f(percentile(overFloor, 95), 1)} ms, p50 ${f(percentile(overFloor, 50), 1)} ms over ${overFloor.length} pairs | ${mark(has(percentile(overFloor, 95)) ? percentile(overFloor, 95) <= GOALS.popupMs : null)} |`,
    `| content script ≤ ${GOALS.contentGzipKB} KB gzip in all | ${kb(allGz)}: ${kb(autoGz)} loaded by itself on an article page + ${kb(openGz)} only when the card opens | ${mark(allGz / 1024 <= GOALS.contentGzipKB)} |`,
    `| the pill's code on article pages a few KB (read here as ≤ ${GOALS.pillGzipKB} KB gzip: every script the manifest injects on an article, ${[...everyPage, ...pillOwn].join(' + ')}) | ${kb(pillCodeGz)} gzip; of it the gate every Spiceworks page runs (${[...everyPage].join(' + ')}): ${kb(gateGz)} | ${mark(everyPage.size ? pillCodeGz / 1024 <= GOALS.pillGzipKB : null)} |`,
    '',
    'Times are per page medians of first runs (every load is a fresh tab: the content script, its world and its code are cold);',
    'p50/p95 of the outside view are over loads. With fewer than 20 values p95 is the largest (nearest rank).',
    '',
  );

  // --- articles: inside view against the anchor
  const artRecs = art.flatMap((a) => a.loads.map((l) => l.rec));
  const phases = phasesOf(artRecs);
  const workPhases = phases.filter((p) => !isWait(p));
  const waitPhases = phases.filter(isWait);
  L.push(
    '## Article and thread pages: the content script cold, against a cold Readability parse',
    '',
    '**content script** = the sum of its main-thread phases in the bench record of each load (`nk-bench` events of the bench build): from its first statement (the build banner) through evaluating its bundles and every phase it times; its waits on the background (`wait*`) are listed apart and not summed. ' +
      '**cold Readability** = in a separate load of the same page in a Chromium without the extension, at DOMContentLoaded: from the first statement of a freshly evaluated Readability bundle, through its evaluation, `document.cloneNode(true)` and `new Readability(clone).parse()`. `compile` = the anchor script\'s top-level compile before its first statement, which is outside both spans.',
    '',
    `| page | set | HTML | ${workPhases.join(' | ')} | **content script** | ${waitPhases.join(' | ')}${waitPhases.length ? ' | ' : ''}evaluate | clone | parse | **cold Readability** | compile | **ratio** |`,
    `|---|---|---:|${workPhases.map(() => '---:|').join('')}---:|${waitPhases.map(() => '---:|').join('')}---:|---:|---:|---:|---:|---:|`,
  );
  for (const a of art) {
    const ph = (p: string) => f(median(a.loads.map((l) => l.rec.ms[p] ?? 0)));
    const an = (g: (t: AnchorTimes) => number) => f(median(a.anc.map(g)));
    L.push(
      `| ${a.p.name} | ${a.p.set} | ${kb(a.p.bytes)} | ${workPhases.map(ph).join(' | ')} | **${f(a.ours)}** | ${waitPhases.map(ph).join(' | ')}${waitPhases.length ? ' | ' : ''}${an((t) => t.evaluated - t.first)} | ${an((t) => t.cloned - t.evaluated)} | ${an((t) => t.parsed - t.cloned)} | **${f(a.bare)}** | ${an((t) => t.first - t.before)} | **${f(a.ratio)}×** |`,
    );
  }
  const outcomes = new Map<string, number>();
  for (const l of art.flatMap((a) => a.loads)) outcomes.set(l.rec.outcome, (outcomes.get(l.rec.outcome) ?? 0) + 1);
  L.push(
    '',
    `Loads: ${art.reduce((s, a) => s + a.loads.length, 0)} of the content script (last outcome: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}), ${art.reduce((s, a) => s + a.anc.length, 0)} of the anchor (parse returned an article in ${r.anchors.filter((a) => a.times.ok).length}). Ratio: median ${f(median(art.map((a) => a.ratio)))}×, worst ${f(worstRatio)}×, sum over pages ${f(art.reduce((s, a) => s + a.ours, 0) / art.reduce((s, a) => s + a.bare, 0))}×.`,
    '',
  );
  if (workPhases.length) {
    const sumOf = (p: string) => art.reduce((s, a) => s + median(a.loads.map((l) => l.rec.ms[p] ?? 0)), 0);
    const total = workPhases.reduce((s, p) => s + sumOf(p), 0);
    L.push('Where the time goes (sum of the per-page medians):', '', '| phase | ms | share |', '|---|---:|---:|');
    for (const p of workPhases) L.push(`| ${p} | ${f(sumOf(p))} | ${((100 * sumOf(p)) / total).toFixed(0)} % |`);
    L.push('');
  }

  // --- outside view
  L.push('## Outside view: DOMContentLoaded → pill painted, popup → cached card', '');
  if (!out) L.push('Not run (`--no-outside`).', '');
  else {
    L.push(
      'The shipped build (no bench hook). Measured in the page\'s main world (bench/page-cost/observe.ts): from `domContentLoadedEventStart` (Navigation Timing) to the pill painted: the host `[data-nynorsk-kort-overlay]` found by a MutationObserver, `[data-testid=pill]` in its open shadow root with a non-zero box (checked on each mutation of the shadow root and each animation frame), then the frame that paints it and one task after that frame. ' +
        '`in DOM` = DCL → first seen with a box. **cold** = the extension\'s service worker stopped (CDP `ServiceWorker.stopAllWorkers`, then its `runningStatus` read "stopped") before the load; **warm** = running when the load started. ' +
        '**popup** = `popup.html?tab=<id>` opened in a new tab once the tab\'s card is in `storage.session`: from the popup page\'s navigation start to `[data-testid=card]` painted.',
      '',
      `Worker stops: ${out.swStopVerified} verified, ${out.swStopFailed} not verified. Cold loads whose worker was started again during the load (by the content script's first message): ${out.loads.filter((l) => l.sw === 'cold' && l.swStarted).length} of ${out.loads.filter((l) => l.sw === 'cold').length}; warm loads that did not find it running: ${out.loads.filter((l) => l.sw === 'warm' && l.swAtStart !== 'running').length}. Loads left out of both columns because the worker's state at their start was not the intended one: ${unclear.length}${unclear.length ? ` (${unclear.map((l) => `${l.page}: ${l.sw}, ${l.swAtStart}`).join('; ')})` : ''}.`,
      '',
      '| page | cold p50 | cold p95 | warm p50 | warm p95 | in DOM p50 (all) | loads cold / warm | popup p50 | popup p95 | popup: to its DCL / DCL → card (p50) | opens |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const a of art) {
      const ls = byPage(okLoads, a.p.name);
      const c = ls.filter(isCold).map(dclToPill);
      const w = ls.filter(isWarm).map(dclToPill);
      const popT = byPage(out.popups, a.p.name).map((x) => x.times).filter((t): t is PopupTimes => t?.painted != null);
      const pops = popT.map((t) => t.painted!);
      L.push(
        `| ${a.p.name} | ${f(percentile(c, 50), 1)} | ${f(percentile(c, 95), 1)} | ${f(percentile(w, 50), 1)} | ${f(percentile(w, 95), 1)} | ${f(percentile(ls.map(dclToSeen), 50), 1)} | ${c.length} / ${w.length} | ${f(percentile(pops, 50), 1)} | ${f(percentile(pops, 95), 1)} | ${popSplit(popT)} | ${pops.length} |`,
      );
    }
    const allPop = out.popups.map((x) => x.times).filter((t): t is PopupTimes => t?.painted != null);
    L.push(
      `| **all** | **${f(percentile(cold.map(dclToPill), 50), 1)}** | **${f(p95Cold, 1)}** | **${f(percentile(warm.map(dclToPill), 50), 1)}** | **${f(p95Warm, 1)}** | ${f(percentile(okLoads.map(dclToSeen), 50), 1)} | ${cold.length} / ${warm.length} | **${f(percentile(popupMs, 50), 1)}** | **${f(popupP95, 1)}** | ${popSplit(allPop)} | ${popupMs.length} |`,
      '',
      'The popup\'s time splits into the page\'s own load up to its DOMContentLoaded (a new extension renderer, popup.html and popup.js) and DCL → card painted (reading the card from storage and rendering it).',
      '',
      `The floor (\`bench-floor.html\`, one static \`[data-testid=card]\` element, written into the bench's copy of the build only), opened in a new tab beside each popup (after it, or before it in every other pair, since the second page may find the extension's renderer warmer) and timed by the same observer: p50 ${f(percentile(floorMs, 50), 1)} ms, p95 ${f(percentile(floorMs, 95), 1)} ms over ${floorMs.length} opens. Popup − floor per pair: p50 ${f(percentile(overFloor, 50), 1)} ms, p95 ${f(percentile(overFloor, 95), 1)} ms.`,
      '',
    );
    const offscreen = okLoads.filter((l) => l.times?.onscreen === -1).length;
    const late = okLoads.filter((l) => l.times?.onscreen != null && l.times.onscreen > 0 && l.times.seen != null && l.times.onscreen - l.times.seen > 1).length;
    const failed = out.loads.filter((l) => l.error);
    const popFailed = out.popups.filter((x) => x.error);
    L.push(
      `Pill box on screen when first seen: ${okLoads.length - offscreen - late} of ${okLoads.length} loads${late ? `; ${late} came on screen more than 1 ms later` : ''}${offscreen ? `; **${offscreen} never on screen within 3 s**` : ''}.` +
        (failed.length ? ` Loads with a problem: ${failed.map((l) => `${l.page} (${l.sw}): ${l.error}`).join('; ')}.` : '') +
        (popFailed.length ? ` Popup opens with a problem: ${popFailed.map((x) => `${x.page}: ${x.error}`).join('; ')}.` : ''),
      '',
    );
  }
  if (r.firefox) {
    L.push('### Firefox', '');
    if ('skipped' in r.firefox) L.push(`Not measured: ${r.firefox.skipped}.`, '');
    else {
      L.push(`${r.firefox.version}, the normal Firefox build installed as a temporary add-on, the same observer as a BiDi preload script; ${r.firefox.note}. Timer: Firefox's default precision (pages not isolated here).`, '', '| page | p50 | p95 | loads |', '|---|---:|---:|---:|');
      for (const a of art) {
        const xs = byPage(ffOk, a.p.name).map(dclToPill);
        L.push(`| ${a.p.name} | ${f(percentile(xs, 50), 1)} | ${f(percentile(xs, 95), 1)} | ${xs.length} |`);
      }
      L.push(`| **all** | **${f(percentile(ffOk.map(dclToPill), 50), 1)}** | **${f(percentile(ffOk.map(dclToPill), 95), 1)}** | ${ffOk.length} |`, '');
      const bad = r.firefox.loads.filter((l) => l.error);
      if (bad.length) L.push(`Loads with a problem: ${bad.map((l) => `${l.page}: ${l.error}`).join('; ')}.`, '');
    }
  }

  // --- profile
  if (r.profiles) {
    const sum = (names: Set<string>) => {
      const m = new Map<string, number>();
      let compile = 0;
      let n = 0;
      for (const [name, pr] of r.profiles!) {
        if (!names.has(name)) continue;
        n++;
        for (const [mod, v] of pr.byModule) if (!mod.endsWith('bench-hook.ts')) m.set(mod, (m.get(mod) ?? 0) + v);
        compile += pr.compileMs;
      }
      return { m, compile, n };
    };
    const a = sum(new Set(articles.map((p) => p.name)));
    const nn = sum(new Set(nones.map((p) => p.name)));
    const total = [...a.m.values()].reduce((x, y) => x + y, 0);
    L.push(
      '## Where the time goes, by module (CPU profile)',
      '',
      `One profiled load per page with an unminified bench build; V8 sampling every 25 µs; each sample goes to the module (of any content-script bundle) on top of the stack (builtins, regex and DOM calls count for their caller). Profiling inflates times: read the shares. Mean per article/thread page over ${a.n} pages:`,
      '',
      '| module | ms per page | share |',
      '|---|---:|---:|',
    );
    for (const [mod, v] of [...a.m].sort((x, y) => y[1] - x[1]).slice(0, 16)) L.push(`| ${mod} | ${f(v / Math.max(1, a.n))} | ${((100 * v) / total).toFixed(0)} % |`);
    L.push('', `Script compile (trace events for the content bundles, not in the table): ${f(a.compile / Math.max(1, a.n))} ms per article page, ${f(nn.compile / Math.max(1, nn.n))} ms per non-article page.`, '');
    if (nn.n > 0) {
      const t = [...nn.m.values()].reduce((x, y) => x + y, 0);
      L.push(`Non-article pages (mean over ${nn.n}): ${f(t / nn.n)} ms sampled in the content bundles: ` + [...nn.m].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([mod, v]) => `${mod} ${f(v / nn.n)}`).join(', ') + '.', '');
    }
  }

  // --- non-article pages
  const domOf = (name: string) => {
    const d = r.inside.find((l) => l.dom && l.page === name)?.rec.domReads;
    return d ? Object.values(d).reduce((s, n) => s + n, 0) : NaN;
  };
  // The gate's work at the reader's first key after the load (it starts following the URL then): apart from the total.
  const wakeOf = (loads: InsideLoad[]) => {
    const w = loads.map((l) => l.wake).filter((x): x is number => x !== undefined);
    return w.length ? f(median(w), 3) : '–';
  };
  const noneTable = (rows: typeof none) => {
    const ph = phasesOf(rows.flatMap((n) => n.loads.map((l) => l.rec))).filter((p) => !isWait(p));
    L.push(`| page | ${ph.join(' | ')} | **total** | p95 | calls | DOM reads | scripts loaded | first key |`, `|---|${ph.map(() => '---:|').join('')}---:|---:|---|---:|---|---:|`);
    for (const n of rows) {
      const calls = n.loads[0] ? Object.entries(n.loads[0].rec.calls).map(([k, v]) => `${k} ${v}`).join(', ') : '–';
      L.push(
        `| ${n.p.name} | ${ph.map((p) => f(median(n.loads.map((l) => l.rec.ms[p] ?? 0)), 3)).join(' | ')} | **${f(n.total, 3)}** | ${f(n.p95, 3)} | ${calls} | ${rows === none ? f(domOf(n.p.name), 0) : '–'} | ${rows === none && out?.noneScripts.has(n.p.name) ? [...[...everyPage].map((f) => `${f} (manifest)`), ...out.noneScripts.get(n.p.name)!].join(', ') : '–'} | ${wakeOf(n.loads)} |`,
      );
    }
  };
  L.push(
    '## Non-article pages',
    '',
    'Everything the content script does on the page, its first statement included (cold: every load a fresh tab). Phases that ran show their time; `calls` lists every phase the record counted. `first key`: after the load\'s record, the bench presses Shift (the reader\'s first key, which does nothing on the page); on a listing the gate starts following the site\'s URL changes then (the Navigation API\'s first use), and that work (`wake`) is shown here, not in the total: a reader who only reads never pays it. DOM reads: a separate load with the query methods and text getters of the content script\'s world wrapped (cookie `nk-bench-count-dom`). Scripts: the extension scripts the page requested (outside view, shipped build).',
    '',
    '### The default reader: no cards (the goal line)',
    '',
    'A reader who has no cards of their own (a new install, or the recent list emptied or turned off): the background has not registered the badges script, so the gate sends no message and touches no extension API.',
    '',
  );
  noneTable(none);
  L.push('', `Worst non-article page: **${f(worstNone, 3)} ms** (median of its loads). Goal < ${GOALS.noneMs} ms: ${mark(none.length ? worstNone < GOALS.noneMs : null)}.`, '');
  L.push(
    '### A reader with cards (the listing badges: a feature\'s cost)',
    '',
    'The same pages, loaded as often, interleaved with the loads above, by a reader with one recent card: the badges script (content-badges.js, registered by the background) is evaluated (`initBadges`), and the gate sends its one message in idle time (`badges`: the synchronous part, the extension API\'s first use in this world; the pass over the links after the answer is not timed).',
    '',
  );
  if (noneCards.length) {
    noneTable(noneCards);
    L.push('', `Worst non-article page for a reader with cards: **${f(worstNoneCards, 3)} ms** (median of its loads).`, '');
  } else L.push('Not measured.', '');

  if (others.length) {
    const recs = others.flatMap((p) => byPage(timed, p.name).map((l) => l.rec));
    const ph = phasesOf(recs).filter((p) => !isWait(p));
    L.push('## Article URLs without an article (empty shell, error page)', '', `| page | ${ph.join(' | ')} | total | last outcome | DOM reads |`, `|---|${ph.map(() => '---:|').join('')}---:|---|---:|`);
    for (const p of others) {
      const ls = byPage(timed, p.name);
      L.push(`| ${p.name} | ${ph.map((x) => f(median(ls.map((l) => l.rec.ms[x] ?? 0)), 3)).join(' | ')} | ${f(median(ls.map((l) => work(l.rec))), 3)} | ${ls[0]?.rec.outcome ?? '–'} | ${f(domOf(p.name), 0)} |`);
    }
    L.push('');
  }

  L.push('## DOM reads on article pages (for contrast)', '', '| page | DOM reads by the content script (its own Readability clone included) |', '|---|---:|');
  for (const a of art.slice(0, 4)) L.push(`| ${a.p.name} | ${f(domOf(a.p.name), 0)} |`);
  L.push('');

  // --- bundles
  L.push(
    '## Bundle size',
    '',
    "The normal Chrome build (`buildTarget('chrome', …)`, as in dist/chrome); gzip level 9. When each content bundle loads was observed, not assumed: the extension-origin script requests of every outside-view load before any click (article pages) and of one load per non-article page, then of one click on the pill that opened the card.",
    '',
    '| script | raw | gzip | loads |',
    '|---|---:|---:|---|',
  );
  const when = (file: string) => {
    const w: string[] = [];
    if (onNone.has(file)) w.push('every Spiceworks page');
    else if (everyPage.has(file)) w.push('every Spiceworks page (manifest)');
    else if (articleUrls.has(file)) w.push('article-like URLs (manifest)');
    if (autoOnArticle.has(file) && !onNone.has(file) && !everyPage.has(file) && !articleUrls.has(file)) w.push('article pages, by itself');
    if (onOpen.has(file)) w.push('when the card opens');
    if (w.length === 0 && r.contentFiles.includes(file)) w.push(out ? 'not seen loading' : 'not observed (--no-outside)');
    return w.join('; ');
  };
  const rest = r.sizes.filter((s) => !contentAll.includes(s.file) && !/^(wllama-worker)\.js$/.test(s.file)).sort((x, y) => x.file.localeCompare(y.file));
  for (const s of [...contentAll.map((c) => size(c)!), ...rest]) L.push(`| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${contentAll.includes(s.file) ? when(s.file) : ''} |`);
  L.push(
    '',
    `Content script: **${kb(autoGz)} gzip** loaded by itself on an article page (${[...autoOnArticle].filter((x) => size(x)).join(' + ') || '–'}), **${kb(openGz)}** only when the card opens (${[...onOpen].join(' + ') || 'none seen'}${out?.onOpen ? `; card shown ${out.onOpen.cardMs ?? '–'} ms after the click on ${out.onOpen.page}, driver time` : ''}): **${kb(allGz)} gzip** in all; goal ≤ ${GOALS.contentGzipKB} KB: ${mark(allGz / 1024 <= GOALS.contentGzipKB)}.`,
    '',
    ...pillModules(r.modules, [...everyPage, ...pillOwn]),
    `Reproduce: \`npm run bench\` (small run: \`npm run bench -- --pages 4 --loads 2 --outside-loads 2 --firefox-loads 1 --no-profile\`; all options: \`npm run bench -- --help\`; \`CHROMIUM_PATH\`, \`FIREFOX_PATH\` pick the browsers).`,
    '',
  );
  return L.join('\n');
}

/** What each module of the pill's code is for: the breakdown's last column. */
const PILL_ROLES: Record<string, string> = {
  'src/content/loader.ts': 'the gate: which page this is, when to hand it to the pill',
  'src/core/recognise.ts': 'the gate: article, thread or neither, from the URL',
  'src/content/watch-navigation.ts': 'the gate: the site moving to another page without a reload',
  'src/content/overlay-host.ts': 'the host in the page and its guards against hostile pages (issue 12)',
  'src/ui/pill.css': "the pill's look, and the host's `:host` guards",
  'src/ui/theme.css': 'colours and type, light and dark',
  'src/core/confirm.ts': 'the page really holds an article (no pill on an empty shell or an error page)',
  'src/content/overlay.ts': 'the pill ↔ card controller (opens the card, loads its code and check)',
  'assets/url-topics.json': "the topic the URL names, shown before the card (this issue's design)",
  'src/content/pill.ts': 'the pill itself, plain DOM',
  'src/content/pill-loader.ts': "the pill's script: settings, when to show, loading the article code",
  'src/core/extract/jsonld-blocks.ts': 'confirmation: an article in the JSON-LD',
  'src/content/pill-prefs.ts': 'the overlay settings, read from storage',
  'src/content/commands.ts': 'the keyboard shortcut that opens the card',
  'src/core/topic/url-topic.ts': 'the topic the URL names',
  'src/content/watch-article.ts': 'waiting for the article to fill an empty shell',
  'src/strings/content-strings.ts': "the pill's Nynorsk",
  'src/pill-prefs.ts': 'the overlay settings: their shape and defaults',
  'src/content/ext.ts': 'messages to the background that survive an extension update',
  'src/content/pill-api.ts': 'the hand-over between the gate and the pill',
  'src/content/badges-api.ts': "the gate: the listing badges' hand-over",
  'src/content/bench-hook.ts': 'the bench hook, folded to plain calls',
};

/** The pill's code by module: what each part costs, so the size goal can be argued from it. */
function pillModules(modules: Record<string, ModuleBytes[]> | undefined, files: string[]): string[] {
  const rows = files.flatMap((file) => (modules?.[file] ?? []).map((m) => ({ file, ...m })));
  if (rows.length === 0) return [];
  const total = rows.reduce((s, m) => s + m.bytes, 0);
  return [
    `### The pill's code by module`,
    '',
    `Bytes each module adds to the minified scripts the manifest injects on an article (${files.join(' + ')}), from esbuild's metafile of the normal build. gzip works on each file whole, so a module's share of the gzip size is roughly its share of these bytes.`,
    '',
    '| script | module | bytes | share | what it is for |',
    '|---|---|---:|---:|---|',
    ...rows.sort((a, b) => b.bytes - a.bytes).map((m) => `| ${m.file} | ${m.path} | ${m.bytes} | ${f((100 * m.bytes) / total, 0)} % | ${PILL_ROLES[m.path] ?? ''} |`),
    `| | **all** | **${total}** | | |`,
    '',
  ];
}

