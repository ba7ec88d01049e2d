/**
 * The outside view: what the user sees, measured in the page, with the normal
 * (shipped) build of the extension and no bench hook.
 *
 * Chromium (playwright-core):
 * - DOMContentLoaded → pill painted (observe.ts: PILL_OBSERVER) on every load of
 *   every article page, in a shuffled order over all pages and loads; before half
 *   of each page's loads the extension's service worker is stopped with CDP
 *   `ServiceWorker.stopAllWorkers` (sent from a session on an extension tab) and
 *   the bench waits for the worker's `runningStatus` to read "stopped"
 *   (`ServiceWorker.workerVersionUpdated`); it records the status at the start of
 *   each load and whether the worker was started again during it. Before the
 *   other loads it makes sure the worker is running (waking it with a message if
 *   it went idle).
 * - Popup open → cached card painted: once the tab's card is in storage.session,
 *   `popup.html?tab=<id>` is opened in a new tab with POPUP_OBSERVER; time from
 *   the popup page's navigation start to its `[data-testid=card]` painted.
 * - The floor under that figure: beside each popup open (before it in every other pair), a static page of
 *   the same extension (FLOOR_PAGE: one `[data-testid=card]` element, no style,
 *   no script; written into the bench's copy of the build only) is opened the
 *   same way and timed by the same observer. What a browser spends opening any
 *   extension page in a tab is in both; the difference is the popup's own cost.
 * - Which extension scripts each page loads (request events for the extension's
 *   origin), before any click and after a click on the pill (once per run): what
 *   loads automatically on an article page and what only when the card opens.
 *
 * Firefox (puppeteer-core over WebDriver BiDi): DOMContentLoaded → pill with the
 * same observer, warm background only (see firefoxPass).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { ChromiumHarness } from '../../support/browser/chromium';
import { FirefoxHarness } from '../../support/browser/firefox';
import { isBrowserInternal, type Site } from '../../support/browser/site';
import { tabStateKey } from '../../src/protocol';
import { CARD_SELECTOR, PILL_OBSERVER, PILL_SELECTOR, POPUP_OBSERVER, type PillTimes, type PopupTimes } from './observe';

export type OutPage = { name: string; url: string; article: boolean };

export type PillLoad = {
  page: string;
  sw: 'cold' | 'warm';
  /** The worker's runningStatus when the load started (CDP), and whether it was started during the load. */
  swAtStart: string;
  swStarted: boolean;
  times: PillTimes | null;
  /** Extension scripts this load requested before any click (file names). */
  scripts: string[];
  error?: string;
};
export type PopupLoad = { page: string; times: PopupTimes | null; error?: string };

/**
 * An extension page opened in a new tab of `context` and timed by POPUP_OBSERVER until its card is painted (5 s at most);
 * `after` reads more from the page before it is closed (the popup A/B's resource and paint entries).
 */
export async function openTimedPage<T>(context: BrowserContext, url: string, after?: (page: Page) => Promise<T>): Promise<{ times: PopupTimes | null; extra?: T }> {
  const pop = await context.newPage();
  try {
    await pop.addInitScript({ content: POPUP_OBSERVER });
    await pop.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + 5000;
    for (;;) {
      const times = JSON.parse((await pop.evaluate('JSON.stringify(window.__nkPopup || null)')) as string) as PopupTimes | null;
      if (times?.painted != null || Date.now() > deadline) return { times, extra: after ? await after(pop) : undefined };
      await sleep(20);
    }
  } finally {
    await pop.close();
  }
}

/** A static extension page for the popup's floor; never in the shipped build. */
export const FLOOR_PAGE = 'bench-floor.html';
export const writeFloorPage = (dir: string) =>
  writeFileSync(join(dir, FLOOR_PAGE), '<!doctype html><html lang="nn"><meta charset="utf-8"><title>golv</title><div data-testid="card">Golv</div></html>\n');

export type OutsideResult = {
  loads: PillLoad[];
  popups: PopupLoad[];
  /** The static page opened beside each popup (after it, or before it in every other pair), the same way (the floor). */
  floors: PopupLoad[];
  /** Extension scripts requested on non-article pages, by page. */
  noneScripts: Map<string, string[]>;
  /** Scripts requested after a click on the pill (beyond those loaded automatically), and the page clicked. */
  onOpen: { page: string; scripts: string[]; cardMs: number | null } | null;
  swStopVerified: number;
  swStopFailed: number;
};

export type Settle = () => Promise<void>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pill observer's record once it has painted, or null after `timeout` ms. */
async function pillTimes(page: { evaluate(e: string): Promise<unknown> }, timeout: number): Promise<PillTimes | null> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const t = (await page.evaluate('JSON.stringify(window.__nkOut || null)').catch(() => 'null')) as string;
    const times = JSON.parse(t) as PillTimes | null;
    if (times && times.painted !== null && times.onscreen !== null && times.dcl >= 0) return times;
    if (Date.now() > deadline) return times;
    await sleep(25);
  }
}

/** Tracks the extension worker's running status through CDP events on one session. */
class WorkerWatch {
  status = 'unknown';
  starts = 0;
  private constructor(private readonly cdp: CDPSession) {}
  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<WorkerWatch> {
    const cdp = await context.newCDPSession(page);
    const w = new WorkerWatch(cdp);
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) {
        if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
        if (v.runningStatus === 'starting' && w.status !== 'starting') w.starts++;
        w.status = v.runningStatus;
      }
    });
    await cdp.send('ServiceWorker.enable');
    return w;
  }
  async waitFor(status: string, timeout = 5000): Promise<boolean> {
    const deadline = Date.now() + timeout;
    while (this.status !== status) {
      if (Date.now() > deadline) return false;
      await sleep(10);
    }
    return true;
  }
  /** Stops the worker and waits until it reads "stopped" (a second try if the first times out, e.g. on a busy machine). */
  async stop(): Promise<boolean> {
    for (let i = 0; i < 2; i++) {
      await this.cdp.send('ServiceWorker.stopAllWorkers');
      if (await this.waitFor('stopped', 8000)) return true;
    }
    return false;
  }
}

/** Serves the page cross-origin isolated, so that performance.now() is precise to microseconds. */
export async function isolate(context: BrowserContext, site: Site): Promise<void> {
  await context.route(/^https:\/\/(www|community)\.spiceworks\.com\//, async (route) => {
    const res = site.respond(route.request().url());
    if (!res) return route.abort('blockedbyclient');
    const headers: Record<string, string> = res.contentType.startsWith('text/html')
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' }
      : { 'Cross-Origin-Resource-Policy': 'cross-origin' };
    return route.fulfill({ status: res.status, contentType: res.contentType, body: res.body, headers });
  });
}

export type ChromiumOutsideOpts = {
  extensionDir: string;
  site: Site;
  /** Loads in the order to run them: page and whether the worker is stopped first. */
  order: { page: OutPage; sw: 'cold' | 'warm' }[];
  /** Non-article pages: one load each, to see which scripts they load. */
  none: OutPage[];
  /** Popup opens per article page (after warm loads). */
  popups: number;
  settle: Settle;
  progress: (c: string) => void;
};

export async function chromiumOutside(o: ChromiumOutsideOpts): Promise<OutsideResult> {
  const h = await ChromiumHarness.launch({ extensionDir: o.extensionDir, site: o.site, headless: true });
  const ext = `chrome-extension://${h.extensionId}`;
  const res: OutsideResult = { loads: [], popups: [], floors: [], noneScripts: new Map(), onOpen: null, swStopVerified: 0, swStopFailed: 0 };
  try {
    await isolate(h.context, o.site);
    // A quiet extension page (an icon: no script of ours runs in it) to reach tabs/storage and hold the CDP session.
    const helper = await h.context.newPage();
    await helper.goto(`${ext}/icons/icon-16.png`);
    const watch = await WorkerWatch.attach(h.context, helper, h.extensionId);
    const wake = async () => {
      if (watch.status === 'running') return;
      await helper.evaluate(`chrome.runtime.sendMessage({ type: 'nk-bench-wake' }).catch(() => 0)`).catch(() => 0);
      await watch.waitFor('running');
    };
    const tabIdOf = async (url: string) =>
      (await helper.evaluate(`chrome.tabs.query({}).then(ts => Math.max(-1, ...ts.filter(t => (t.url || '').replace(/#.*$/, '') === ${JSON.stringify(url.replace(/#.*$/, ''))}).map(t => t.id)))`)) as number;
    const cachedCard = async (tabId: number) => {
      const key = JSON.stringify(tabStateKey(tabId));
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const st = (await helper.evaluate(`chrome.storage.session.get(${key}).then(r => (r[${key}] || {}).status || null)`)) as string | null;
        if (st === 'ready') return true;
        await sleep(25);
      }
      return false;
    };
    const scriptsOf = (page: Page) => {
      const seen: string[] = [];
      page.on('request', (r) => {
        const u = r.url();
        if (u.startsWith(`${ext}/`) && /\.m?js$/.test(new URL(u).pathname)) seen.push(new URL(u).pathname.slice(1));
      });
      return seen;
    };

    const openTimed = async (url: string): Promise<PopupTimes | null> => (await openTimedPage(h.context, url)).times;

    // Warm-up: the first load of a fresh browser also pays for the disk cache and the first renderer.
    if (o.order[0]) {
      const p = await h.context.newPage();
      await p.goto(o.order[0].page.url, { waitUntil: 'load' });
      await sleep(500);
      await p.close();
    }
    const popupsDone = new Map<string, number>();
    for (const { page: pg, sw } of o.order) {
      await o.settle();
      let verified = true;
      if (sw === 'cold') {
        verified = await watch.stop();
        if (verified) res.swStopVerified++;
        else res.swStopFailed++;
      } else await wake();
      const swAtStart = watch.status;
      const startsBefore = watch.starts;
      const page = await h.context.newPage();
      const scripts = scriptsOf(page);
      await page.addInitScript({ content: PILL_OBSERVER });
      const load: PillLoad = { page: pg.name, sw, swAtStart: verified ? swAtStart : `${swAtStart} (stop not verified)`, swStarted: false, times: null, scripts };
      try {
        await page.goto(pg.url, { waitUntil: 'load' });
        load.times = await pillTimes(page, 10_000);
        if (!load.times?.painted) load.error = 'no pill within 10 s';
      } catch (err) {
        load.error = String(err).slice(0, 200);
      }
      load.swStarted = watch.starts > startsBefore;
      // What loaded by itself: taken again as the page closes (scripts that load in idle time, such as
      // content-readability.js, come after the pill), but before any click below adds the card's scripts.
      load.scripts = [...scripts];
      let byItself: number | null = null;
      res.loads.push(load);
      // Popup open → cached card, after warm loads (the popup reads storage.session; the worker's state does not enter).
      if (sw === 'warm' && (popupsDone.get(pg.name) ?? 0) < o.popups && load.times?.painted) {
        popupsDone.set(pg.name, (popupsDone.get(pg.name) ?? 0) + 1);
        const popup: PopupLoad = { page: pg.name, times: null };
        const floor: PopupLoad = { page: pg.name, times: null };
        const openPopup = async () => {
          try {
            const tabId = await tabIdOf(pg.url);
            if (!(await cachedCard(tabId))) throw new Error('no cached card within 10 s');
            await o.settle();
            popup.times = await openTimed(`${ext}/popup.html?tab=${tabId}`);
            if (popup.times?.painted == null) popup.error = 'no card painted within 5 s';
          } catch (err) {
            popup.error = String(err).slice(0, 200);
          }
        };
        const openFloor = async () => {
          try {
            await o.settle();
            floor.times = await openTimed(`${ext}/${FLOOR_PAGE}`);
            if (floor.times?.painted == null) floor.error = 'nothing painted within 5 s';
          } catch (err) {
            floor.error = String(err).slice(0, 200);
          }
        };
        // Every other pair opens the floor first: the second page opened may find the extension's renderer warmer.
        if (res.popups.length % 2 === 0) {
          await openPopup();
          await openFloor();
        } else {
          await openFloor();
          await openPopup();
        }
        res.popups.push(popup);
        res.floors.push(floor);
      }
      // Once per run: open the card, to see which scripts load only then.
      if (!res.onOpen && load.times?.painted) {
        // The page's own work first (its card answered), so that what it loads by itself is not taken for the card's.
        await cachedCard(await tabIdOf(pg.url)).catch(() => false);
        const before = (byItself = scripts.length);
        try {
          const t0 = Date.now();
          await page.locator(PILL_SELECTOR).first().click({ timeout: 5000 });
          await page.locator(CARD_SELECTOR).first().waitFor({ state: 'visible', timeout: 10_000 });
          const cardMs = Date.now() - t0;
          await sleep(200);
          res.onOpen = { page: pg.name, scripts: scripts.slice(before), cardMs };
        } catch (err) {
          res.onOpen = { page: pg.name, scripts: scripts.slice(before), cardMs: null };
          load.error = `opening the card: ${String(err).slice(0, 150)}`;
        }
      }
      load.scripts = scripts.slice(0, byItself ?? scripts.length);
      await page.close();
      o.progress(sw === 'cold' ? 'c' : 'w');
    }
    for (const pg of o.none) {
      await o.settle();
      const page = await h.context.newPage();
      const scripts = scriptsOf(page);
      await page.goto(pg.url, { waitUntil: 'load' });
      await sleep(300);
      res.noneScripts.set(pg.name, [...scripts]);
      await page.close();
      o.progress('n');
    }
  } finally {
    await h.close();
  }
  return res;
}

export type FirefoxOutsideResult = { loads: PillLoad[]; version: string; note: string } | { skipped: string };

/**
 * Firefox: DOMContentLoaded → pill, same observer (a BiDi preload script), warm background only. Firefox MV3 runs the
 * background as an event page; neither WebDriver BiDi nor puppeteer offers a way to suspend it on demand, and the
 * normal build exposes no extension page to a web page from which its state could be checked, so the cold case is
 * not measured here (it would take a pref such as `extensions.background.idle.timeout` plus a way to verify the
 * suspension).
 */
export async function firefoxOutside(o: { extensionDir: string; site: Site; order: OutPage[]; settle: Settle; progress: (c: string) => void }): Promise<FirefoxOutsideResult> {
  let h: FirefoxHarness;
  try {
    h = await FirefoxHarness.launch({ extensionDir: o.extensionDir, site: o.site, headless: true });
  } catch (err) {
    return { skipped: `Firefox could not be started: ${String(err).split('\n')[0]}` };
  }
  const loads: PillLoad[] = [];
  let version = 'unknown';
  try {
    version = await h.browser.version();
    const newPage = async () => {
      const page = await h.browser.newPage();
      await page.setRequestInterception(true);
      const gone = () => undefined;
      page.on('request', (req) => {
        if (req.isInterceptResolutionHandled()) return;
        const url = req.url();
        if (isBrowserInternal(url)) return void req.continue().catch(gone);
        const r = o.site.respond(url);
        if (!r) return void req.abort('blockedbyclient').catch(gone);
        void req.respond({ status: r.status, contentType: r.contentType, body: r.body }).catch(gone);
      });
      return page;
    };
    // Warm-up load (first renderer, the add-on's background starting).
    if (o.order[0]) {
      const p = await newPage();
      await p.goto(o.order[0].url, { waitUntil: 'load' });
      await sleep(1000);
      await p.close();
    }
    for (const pg of o.order) {
      await o.settle();
      const page = await newPage();
      await page.evaluateOnNewDocument(PILL_OBSERVER);
      const load: PillLoad = { page: pg.name, sw: 'warm', swAtStart: 'not observable', swStarted: false, times: null, scripts: [] };
      try {
        await page.goto(pg.url, { waitUntil: 'load' });
        load.times = await pillTimes(page, 10_000);
        if (!load.times?.painted) load.error = 'no pill within 10 s';
      } catch (err) {
        load.error = String(err).slice(0, 200);
      }
      loads.push(load);
      await page.close();
      o.progress('f');
    }
  } finally {
    await h.close();
  }
  return {
    loads,
    version,
    note: 'warm background only: Firefox runs the MV3 background as an event page, and neither WebDriver BiDi nor puppeteer-core can suspend it on demand or show whether it is running',
  };
}
