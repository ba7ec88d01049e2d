/**
 * Where the content script's time goes, by source module: a V8 CPU profile
 * (Chrome DevTools Protocol, 25 µs sampling) of one load per page, taken with
 * an unminified bench build so that each sample's line maps to the module
 * esbuild marked with a `// path` comment. Also sums the trace's compile
 * events for content.js (compile happens before the script's first
 * statement, so the timing hook cannot see it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumHarness } from '../../support/browser/chromium';

type ProfileNode = {
  id: number;
  callFrame: { url: string; lineNumber: number; functionName: string };
  children?: number[];
  /** Samples per source line (1-based) while this node was on top: splits top-level code by module. */
  positionTicks?: { line: number; ticks: number }[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
type TraceEvent = { name: string; cat: string; ph: string; dur?: number; args?: { data?: { url?: string }; fileName?: string } };

/** The content-script bundles of a build: content.js (the manifest's) and every content-*.js it may load. */
export function contentBundles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^content(-[\w-]+)?\.js$/.test(f))
    .sort((a, b) => (a === 'content.js' ? -1 : b === 'content.js' ? 1 : a.localeCompare(b)));
}

/** Module maps of every content-script bundle of an unminified build, by file name. */
export function moduleMaps(dir: string): Map<string, [number, string][]> {
  return new Map(contentBundles(dir).map((f) => [f, moduleMap(join(dir, f))]));
}

/** Module boundaries of an unminified esbuild bundle (IIFE or ES module): [first line (0-based), module path]. */
export function moduleMap(bundleFile: string): [number, string][] {
  const lines = readFileSync(bundleFile, 'utf8').split('\n');
  const out: [number, string][] = [];
  lines.forEach((l, i) => {
    // esbuild marks each module with a `// path` line: indented by two in an IIFE bundle, at column 0 in an ES module.
    const m = /^(?: {2})?\/\/ ((?:src|assets|node_modules)\/\S+)$/.exec(l);
    if (m) out.push([i, m[1]!.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1')]);
  });
  return out;
}

function moduleAt(map: [number, string][], line: number): string {
  let name = '(bundle prologue)';
  for (const [start, mod] of map) {
    if (start > line) break;
    name = mod;
  }
  return name;
}

/** Self time (ms) per content-script module, plus compile time, for one page load. */
export type PageProfile = { byModule: Map<string, number>; compileMs: number; gcMs: number };

async function collectTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/**
 * Profiles one load of `url` in `page` (already on a page of the same site, so
 * the navigation stays in one renderer and the session keeps profiling).
 * `waitDone` resolves when the content script has finished.
 */
export async function profileLoad(
  h: ChromiumHarness,
  page: Page,
  url: string,
  maps: Map<string, [number, string][]>,
  waitDone: () => Promise<void>,
): Promise<PageProfile> {
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
  await cdp.send('Tracing.start', { categories: 'v8,disabled-by-default-v8.compile,devtools.timeline', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load' });
  await waitDone();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const trace = await collectTrace(cdp);
  await cdp.detach();

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Every content-script bundle counts (the loader and what it imports); samples go to their bundle's modules.
  const fileOf = (n: ProfileNode) => /\/(content(?:-[\w-]+)?\.js)$/.exec(n.callFrame.url)?.[1];
  const isOurs = (n: ProfileNode) => fileOf(n) !== undefined && maps.has(fileOf(n)!);
  // Time per content-script node: its own samples plus those of builtins and DOM calls it made
  // (regex execution, cloneNode, ...), which count for the module that called them.
  const perNode = new Map<ProfileNode, number>();
  let gcMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    let node = byId.get(profile.samples[i]!);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node) continue;
    if (node.callFrame.functionName === '(garbage collector)') gcMs += dt;
    while (node && !isOurs(node)) node = byId.get(parent.get(node.id) ?? -1);
    if (node) perNode.set(node, (perNode.get(node) ?? 0) + dt);
  }
  // A node's time goes to the modules of the lines it was sampled on: the bundle's top-level
  // function holds every module's top-level code, so its start line alone would say nothing.
  const byModule = new Map<string, number>();
  const credit = (mod: string, v: number) => byModule.set(mod, (byModule.get(mod) ?? 0) + v);
  for (const [node, t] of perNode) {
    const ticks = node.positionTicks ?? [];
    const n = ticks.reduce((a, p) => a + p.ticks, 0);
    const map = maps.get(fileOf(node)!)!;
    if (n === 0) credit(moduleAt(map, node.callFrame.lineNumber), t);
    else for (const p of ticks) credit(moduleAt(map, p.line - 1), (t * p.ticks) / n);
  }
  const compileMs =
    trace
      .filter((e) => /compile/i.test(e.name) && e.ph === 'X' && /content(-[\w-]+)?\.js/.test(JSON.stringify(e.args ?? {})))
      .reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  return { byModule, compileMs, gcMs };
}
