/**
 * Instrumented tabs for the hostile-page test (issue 12), in Chromium and
 * Firefox: the payload binding `__nkPwned(id)` and the probe (hostile-probe.ts)
 * are installed before the page's first script, and errors are collected per
 * tab, split into the page's and the extension's by the script URL.
 *
 * Chromium: `context.exposeBinding` (once per context), `page.addInitScript`,
 * page 'pageerror', and a CDP session per page (Runtime.exceptionThrown and
 * console errors in every world, the content script's isolated world
 * included); the service worker's console errors through Playwright.
 * Firefox: puppeteer `page.exposeFunction`, `evaluateOnNewDocument`, page
 * 'pageerror' and 'console' (over BiDi only the page's realm is reported: the
 * content script's and the background's errors are out of reach).
 */
import type { Page as PwPage, Worker } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { ChromiumHarness } from './chromium';
import type { FirefoxHarness } from './firefox';
import { INIT_SCRIPT } from './hostile-probe';
import { isBrowserInternal, type Site } from './site';

export type Errors = {
  /** Uncaught errors and unhandled rejections of the page's own scripts. */
  page: string[];
  /** Uncaught errors from extension code (content script) seen in the tab. */
  extension: string[];
  /** console.error from extension code in the tab. */
  extensionConsole: string[];
  /** Errors of the background (Chromium service worker console), during this tab's time. */
  background: string[];
};

export type HostileTab = {
  readonly pwned: string[];
  readonly errors: Errors;
  evaluate<T>(expression: string): Promise<T>;
  clickAt(x: number, y: number): Promise<void>;
  /** A PNG of a viewport rectangle. */
  shot(clip: { x: number; y: number; width: number; height: number }): Promise<Uint8Array>;
  close(): Promise<void>;
};

const EXT_URL = /(chrome|moz)-extension:\/\//;
const short = (s: string) => s.replace(/\s+/g, ' ').slice(0, 300);

export type HostileOpener = {
  /** Errors the background reported since the last call (Chromium only). */
  takeBackgroundErrors(): string[];
  open(url: string, viewport: { width: number; height: number }): Promise<HostileTab>;
  /** What this browser can and cannot observe (for the report). */
  readonly notes: string;
};

/** Chromium: one binding for the whole context, dispatched to the tab that called it. */
export async function chromiumOpener(h: ChromiumHarness): Promise<HostileOpener> {
  const byPage = new Map<PwPage, string[]>();
  await h.context.exposeBinding('__nkPwned', (source, id: unknown) => {
    byPage.get(source.page as PwPage)?.push(String(id));
  });
  let background: string[] = [];
  const watchWorker = (w: Worker) => {
    if (!w.url().startsWith('chrome-extension://')) return;
    w.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'assert') background.push(short(m.text()));
    });
  };
  h.context.serviceWorkers().forEach(watchWorker);
  h.context.on('serviceworker', watchWorker);
  return {
    notes:
      'Chromium: payloads via context.exposeBinding; page errors via pageerror + CDP Runtime.exceptionThrown (all worlds, split by chrome-extension:// in the stack); content-script console.error via CDP; service-worker console errors via Playwright; longtask via PerformanceObserver.',
    takeBackgroundErrors() {
      const out = background;
      background = [];
      return out;
    },
    async open(url, viewport) {
      const page = await h.context.newPage();
      const pwned: string[] = [];
      byPage.set(page, pwned);
      const errors: Errors = { page: [], extension: [], extensionConsole: [], background: [] };
      const cdp = await h.context.newCDPSession(page);
      cdp.on('Runtime.exceptionThrown', (e) => {
        const d = e.exceptionDetails;
        const urls = [d.url ?? '', ...(d.stackTrace?.callFrames ?? []).map((f) => f.url)].join(' ');
        const text = short(`${d.exception?.description ?? d.text} @ ${urls.trim().split(' ')[0] ?? ''}`);
        (EXT_URL.test(urls) ? errors.extension : errors.page).push(text);
      });
      cdp.on('Runtime.consoleAPICalled', (e) => {
        if (e.type !== 'error' && e.type !== 'assert') return;
        const urls = (e.stackTrace?.callFrames ?? []).map((f) => f.url).join(' ');
        if (EXT_URL.test(urls)) errors.extensionConsole.push(short(e.args.map((a) => a.value ?? a.description ?? '').join(' ')));
      });
      await cdp.send('Runtime.enable');
      await page.addInitScript({ content: INIT_SCRIPT });
      await page.setViewportSize(viewport);
      await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
      return {
        pwned,
        errors,
        evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
        clickAt: (x, y) => page.mouse.click(x, y),
        shot: async (clip) => new Uint8Array(await page.screenshot({ clip, type: 'png', animations: 'disabled' })),
        close: async () => {
          byPage.delete(page);
          await cdp.detach().catch(() => undefined);
          await page.close();
        },
      };
    },
  };
}

/** Firefox: puppeteer over BiDi; requests answered from the Site as the Firefox harness does. */
export async function firefoxOpener(h: FirefoxHarness, site: Site): Promise<HostileOpener> {
  return {
    notes:
      "Firefox: payloads via page.exposeFunction; page errors via puppeteer 'pageerror' (BiDi reports the page's realm; content-script and background errors are not reported there); no longtask entries (Firefox has no 'longtask'): the event-loop gap meter stands in.",
    takeBackgroundErrors: () => [],
    async open(url, viewport) {
      const page: PpPage = await h.browser.newPage();
      await page.setRequestInterception(true);
      const gone = () => undefined;
      page.on('request', (req) => {
        if (req.isInterceptResolutionHandled()) return;
        const u = req.url();
        if (isBrowserInternal(u)) return void req.continue().catch(gone);
        const res = site.respond(u);
        if (!res) return void req.abort('blockedbyclient').catch(gone);
        void req.respond({ status: res.status, contentType: res.contentType, body: res.body }).catch(gone);
      });
      const pwned: string[] = [];
      const errors: Errors = { page: [], extension: [], extensionConsole: [], background: [] };
      page.on('pageerror', (err: unknown) => {
        const e = err as Error;
        const text = short(`${e?.message ?? String(err)} ${e?.stack ?? ''}`);
        (EXT_URL.test(text) ? errors.extension : errors.page).push(text);
      });
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const where = m.location()?.url ?? '';
        if (EXT_URL.test(where)) errors.extensionConsole.push(short(m.text()));
      });
      await page.exposeFunction('__nkPwned', (id: unknown) => {
        pwned.push(String(id));
      });
      await page.evaluateOnNewDocument(INIT_SCRIPT);
      await page.setViewport(viewport);
      await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
      return {
        pwned,
        errors,
        evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
        clickAt: (x, y) => page.mouse.click(x, y),
        shot: async (clip) => new Uint8Array(await page.screenshot({ clip, type: 'png' })),
        close: () => page.close(),
      };
    },
  };
}
