/**
 * Firefox (Debian `firefox-esr`) driven by puppeteer-core over WebDriver
 * BiDi, with the test build installed as a temporary add-on. The
 * moz-extension UUID is fixed by the `extensions.webextensions.uuids` pref.
 *
 * BiDi refuses to navigate straight to moz-extension:// URLs, so the harness
 * opens https://example.org/ (served by interception) and sets
 * `location.href` to the extension page from there; the test build lists
 * popup.html and options.html in web_accessible_resources, which allows that. Script
 * evaluation then works inside the extension page, with the `browser` API.
 * Tab ids are read with browser.tabs.query from such a page (host
 * permissions reveal the URLs of Spiceworks tabs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { CardState } from '../../src/core/types';
import { tabStateKey } from '../../src/protocol';
import { isBrowserInternal, OTHER_SITE_URL, type Site } from './site';
import type { Harness, Tab } from './types';

/** A fixed moz-extension UUID for the test add-on. */
export const FIREFOX_EXTENSION_UUID = '6b0a8a4e-6a4c-4c8e-9a59-6f6c5b0f2a11';

/** Where Firefox lives: $FIREFOX_PATH when set (null when it does not exist), else Debian's firefox-esr. */
export function firefoxPath(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : null;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p)) ?? null;
}

// Over BiDi, puppeteer knows the space bar as ' ' (not 'Space').
const KEYS: Record<string, string> = {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class FirefoxTab implements Tab {
  constructor(readonly page: Page) {}
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }
  clickAt(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press((KEYS[key] ?? key) as Parameters<Page['keyboard']['press']>[0]);
  }
  setViewport(width: number, height: number) {
    return this.page.setViewport({ width, height });
  }
  async screenshot(path: string, opts: { fullPage?: boolean } = {}) {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: opts.fullPage ?? false });
  }
  close() {
    return this.page.close();
  }
}

export type FirefoxOptions = {
  extensionDir: string;
  site: Site;
  headless?: boolean;
  executablePath?: string;
  /** Origins (e.g. a local fake server) whose page requests go through untouched instead of being refused. */
  passThrough?: string[];
  /** A profile folder to reuse (a browser restart); the caller removes it. Default: puppeteer's own, removed on close. */
  profileDir?: string;
  /** The browser's environment (DISPLAY for a headed run on a virtual display, see ./x-keys). */
  env?: NodeJS.ProcessEnv;
};

export class FirefoxHarness implements Harness {
  readonly name = 'firefox' as const;
  private helper: FirefoxTab | null = null;

  private constructor(
    readonly browser: Browser,
    private readonly site: Site,
    private readonly passThrough: string[] = [],
  ) {}

  static async launch(opts: FirefoxOptions): Promise<FirefoxHarness> {
    const executablePath = opts.executablePath ?? firefoxPath();
    if (!executablePath) throw new Error('Firefox not found: install it (sudo apt-get install firefox-esr) or set FIREFOX_PATH');
    const manifest = JSON.parse(readFileSync(join(opts.extensionDir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    const geckoId = manifest.browser_specific_settings?.gecko?.id;
    if (!geckoId) throw new Error('the Firefox build has no gecko id');
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: opts.headless ?? true,
      defaultViewport: { width: 1400, height: 900 },
      ...(opts.profileDir ? { userDataDir: opts.profileDir } : {}),
      ...(opts.env ? { env: opts.env } : {}),
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
        // A temporary add-on is removed when Firefox closes: keep its storage for the next start of a reused profile.
        ...(opts.profileDir ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true } : {}),
      },
    });
    try {
      await browser.installExtension(opts.extensionDir);
    } catch (err) {
      await browser.close();
      throw err;
    }
    return new FirefoxHarness(browser, opts.site, opts.passThrough);
  }

  private async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    // A request can be gone by the time it is answered (e.g. example.org's favicon when the tab has
    // already moved on to an extension page): BiDi then says "no such request", which is no failure.
    const gone = () => undefined;
    page.on('request', (req) => {
      if (req.isInterceptResolutionHandled()) return;
      const url = req.url();
      if (isBrowserInternal(url) || this.passThrough.some((o) => url.startsWith(`${o}/`))) return void req.continue().catch(gone);
      const res = this.site.respond(url);
      if (!res) return void req.abort('blockedbyclient').catch(gone);
      void req.respond({ status: res.status, contentType: res.contentType, body: res.body }).catch(gone);
    });
    return page;
  }

  async open(url: string, viewport?: { width: number; height: number }): Promise<FirefoxTab> {
    const page = await this.newPage();
    if (viewport) await page.setViewport(viewport);
    await page.goto(url, { waitUntil: 'load' });
    return new FirefoxTab(page);
  }

  /** Opens an extension page by way of a web page (see the module comment). */
  private async openExtensionPage(path: string): Promise<FirefoxTab> {
    const tab = new FirefoxTab(await this.newPage());
    await tab.goto(OTHER_SITE_URL);
    const target = `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
    await tab.evaluate(`void (location.href = ${JSON.stringify(target)})`);
    const deadline = Date.now() + 15_000;
    for (;;) {
      // The old document's context is destroyed mid-navigation: errors here just mean "not yet".
      const ready = await tab
        .evaluate<boolean>(`location.href === ${JSON.stringify(target)} && document.readyState === 'complete'`)
        .catch(() => false);
      if (ready) return tab;
      if (Date.now() > deadline) throw new Error(`could not open ${target}`);
      await sleep(100);
    }
  }

  private async extensionPage(): Promise<FirefoxTab> {
    if (this.helper && !this.helper.page.isClosed()) return this.helper;
    this.helper = await this.openExtensionPage('popup.html?helper');
    return this.helper;
  }

  async tabIdOf(url: string): Promise<number> {
    const page = await this.extensionPage();
    const want = url.replace(/#.*$/, '');
    const id = await page.evaluate(
      `browser.tabs.query({}).then(ts => Math.max(-1, ...ts.filter(t => (t.url || '').replace(/#.*$/, '') === ${JSON.stringify(want)}).map(t => t.id)))`,
    );
    if (typeof id !== 'number' || id < 0) throw new Error(`no tab shows ${url}`);
    return id;
  }

  async tabIds(): Promise<number[]> {
    const page = await this.extensionPage();
    return (await page.evaluate(`browser.tabs.query({}).then(ts => ts.map(t => t.id))`)) as number[];
  }

  async tabState(tabId: number): Promise<CardState | null> {
    const page = await this.extensionPage();
    const key = JSON.stringify(tabStateKey(tabId));
    return page.evaluate<CardState | null>(`browser.storage.session.get(${key}).then(r => r[${key}] ?? null)`);
  }

  openPopup(tabId: number | null): Promise<FirefoxTab> {
    return this.openExtensionPage(`popup.html${tabId === null ? '' : `?tab=${tabId}`}`);
  }

  /** The options page, reached the same way (the test build lists options.html too). */
  openOptions(): Promise<FirefoxTab> {
    return this.openExtensionPage('options.html');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}
