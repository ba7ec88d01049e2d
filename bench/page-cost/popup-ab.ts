/**
 * Popup open → cached card, two builds side by side in one Chromium (issue 13): an A/B of the popup alone, so that
 * a change to it is compared within one run, interleaved, and not across two runs on a machine whose load moves.
 *
 *   npx tsx bench/page-cost/popup-ab.ts [--base REF] [--opens N] [--settle MS] [--seed N]
 *
 * A is the popup built from the git commit REF (default HEAD), B the one built from the working tree. Both
 * extensions are loaded into one headless Chromium; each is given the same ready card (the card of a fixture
 * article, made by src/cli/card.ts) in storage.session for a tab id no real tab has, and `popup.html?tab=<that id>` is
 * opened in a new tab and timed by the bench's POPUP_OBSERVER (navigation start → `[data-testid=card]` painted), as
 * in run.ts. Every round opens A's popup, B's popup and each one's floor (bench-floor.html, a static page of the same
 * extension), in an order shuffled per round; one quiet page of each extension stays open throughout, as in run.ts. Builds go to a temporary folder, removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../../support/browser/chromium';
import { REPO_ROOT } from '../../support/browser/site';
import { mulberry32 } from '../../support/random';
import type { PopupTimes } from './observe';
import { FLOOR_PAGE, openTimedPage, writeFloorPage } from './outside';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const BASE = opt('--base') ?? 'HEAD';
const OPENS = Math.max(1, Number(opt('--opens') ?? 20));
const SETTLE = Number(opt('--settle') ?? 100);
const SEED = Number(opt('--seed') ?? Date.now() % 1_000_000);
const FIXTURE = join(REPO_ROOT, 'tests/fixtures/pages/help-desk-to-cloud-engineer/source.html');
/** No real tab has this id, so nothing in the extension writes or removes its state while we measure. */
const TAB = 987_654;

type BuildTarget = (target: 'chrome', outDir: string, opts?: { test?: boolean }) => Promise<string>;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function build(tree: string, out: string): Promise<string> {
  const { buildTarget } = (await import(pathToFileURL(join(tree, 'build.mjs')).href)) as { buildTarget: BuildTarget };
  await buildTarget('chrome', out);
  writeFloorPage(out);
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'nk-popup-ab-'));
try {
  // A: the base commit's tree, with this tree's node_modules.
  const treeA = join(tmp, 'tree-a');
  mkdirSync(treeA);
  execFileSync('sh', ['-c', `git -C "${REPO_ROOT}" archive "${BASE}" | tar -x -C "${treeA}"`]);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(treeA, 'node_modules'));
  const dirA = await build(treeA, join(tmp, 'a'));
  const dirB = await build(REPO_ROOT, join(tmp, 'b'));
  writeFileSync(join(dirA, 'ab.txt'), 'a');
  writeFileSync(join(dirB, 'ab.txt'), 'b');
  const card = JSON.parse(execFileSync('npx', ['tsx', join(REPO_ROOT, 'src/cli/card.ts'), FIXTURE, '--json'], { cwd: REPO_ROOT, encoding: 'utf8' })) as { url: string };
  const state = { status: 'ready', url: card.url, card };

  const context: BrowserContext = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: chromiumPath() ?? undefined,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [`--disable-extensions-except=${dirA},${dirB}`, `--load-extension=${dirA},${dirB}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const ids: Record<string, string> = {};
    for (const sw of context.serviceWorkers()) {
      const id = new URL(sw.url()).host;
      // One quiet page of each extension stays open (as run.ts's helper does): both keep their renderer alive.
      const helper = await context.newPage();
      await helper.goto(`chrome-extension://${id}/icons/icon-16.png`);
      const which = (await helper.evaluate(`fetch('/ab.txt').then(r => r.text())`)) as string;
      ids[which] = id;
      await helper.evaluate(`chrome.storage.session.set(${JSON.stringify({ [`tab:${TAB}`]: state })})`);
    }
    const urls: Record<string, string> = {
      A: `chrome-extension://${ids.a}/popup.html?tab=${TAB}`,
      B: `chrome-extension://${ids.b}/popup.html?tab=${TAB}`,
      'A floor': `chrome-extension://${ids.a}/${FLOOR_PAGE}`,
      'B floor': `chrome-extension://${ids.b}/${FLOOR_PAGE}`,
    };
    // Where the popup's time went: its two files, its paints and any marks it set.
    const readMarks = async (page: Page): Promise<Record<string, number>> => {
      const marks = (await page.evaluate(
              `JSON.stringify([...performance.getEntriesByType('resource').filter(e => /(popup\\.js|pages\\.css)$/.test(e.name)).map(e => [e.name.split('/').pop() + ' start', e.startTime, e.name.split('/').pop() + ' end', e.responseEnd]).flat(), ...performance.getEntriesByType('paint').map(m => [m.name, m.startTime]).flat(), ...performance.getEntriesByType('mark').map(m => [m.name, m.startTime]).flat()])`,
            )) as string;
      const flat = JSON.parse(marks) as Array<string | number>;
      const out: Record<string, number> = {};
      for (let j = 0; j < flat.length; j += 2) out[flat[j] as string] = flat[j + 1] as number;
      return out;
    };
    const openTimed = async (url: string): Promise<(PopupTimes & { marks?: Record<string, number> }) | null> => {
      const { times, extra } = await openTimedPage(context, url, readMarks);
      return times ? { ...times, marks: extra } : times;
    };
    // Warm-up: one of each, not counted.
    for (const u of Object.values(urls)) await openTimed(u);
    const random = mulberry32(SEED);
    const got: Record<string, Array<(PopupTimes & { marks?: Record<string, number> }) | null>> = { A: [], B: [], 'A floor': [], 'B floor': [] };
    for (let i = 0; i < OPENS; i++) {
      const order = Object.keys(urls).sort(() => random() - 0.5);
      for (const k of order) {
        await sleep(SETTLE);
        got[k]!.push(await openTimed(urls[k]!));
      }
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    const q = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]! : NaN;
    };
    const row = (name: string, xs: number[]) => `| ${name} | ${xs.length} | ${Math.round(q(xs, 0.5))} | ${Math.round(q(xs, 0.95))} |`;
    const painted = (k: string) => got[k]!.map((t) => t?.painted).filter((x): x is number => typeof x === 'number');
    const dcl = (k: string) => got[k]!.map((t) => t?.dcl).filter((x): x is number => typeof x === 'number' && x >= 0);
    const minusFloor = (k: string) => got[k]!.flatMap((t, i) => (t?.painted != null && got[`${k} floor`]![i]?.painted != null ? [t.painted - got[`${k} floor`]![i]!.painted!] : []));
    console.log(`A = ${BASE}, B = working tree; ${OPENS} rounds, settle ${SETTLE} ms, seed ${SEED}`);
    console.log('| ms | n | p50 | p95 |\n|---|---|---|---|');
    for (const k of ['A', 'B']) {
      console.log(row(`${k}: open → card painted`, painted(k)));
      console.log(row(`${k}: open → DOMContentLoaded`, dcl(k)));
      console.log(row(`${k}: open → card in DOM with a box`, got[k]!.map((t) => t?.seen).filter((x): x is number => typeof x === 'number')));
      console.log(row(`${k} floor: open → painted`, painted(`${k} floor`)));
      console.log(row(`${k} − its floor (same round)`, minusFloor(k)));
    }
    for (const k of ['A', 'B']) {
      const names = [...new Set(got[k]!.flatMap((t) => Object.keys(t?.marks ?? {})))];
      for (const n of names) console.log(row(`${k}: open → ${n}`, got[k]!.map((t) => t?.marks?.[n]).filter((x): x is number => typeof x === 'number')));
    }
    const failed = Object.entries(got).map(([k, ts]) => `${k} ${ts.filter((t) => t?.painted == null).length}`);
    console.log(`not painted within 5 s: ${failed.join(', ')}`);
  } finally {
    await context.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
