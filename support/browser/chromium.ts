/**
 * Chromium (Debian `chromium`) driven by playwright-core, with the unpacked
 * test build loaded through --load-extension. Pages are served by
 * context.route; the extension id comes from the service worker's URL (the
 * test manifest's fixed key makes it stable). Tab ids are read with
 * chrome.tabs.query in an extension page (host permissions reveal the URLs of
 * Spiceworks tabs, no `tabs` permission needed).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CardState } from '../../src/core/types';
import { tabStateKey } from '../../src/protocol';
import { isBrowserInternal, type Site } from './site';
import type { Harness, Tab } from './types';

/** Where Chromium usually lives on Debian/Ubuntu (the binary, not the /usr/bin wrapper, comes first). */
export const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to use: $CHROMIUM_PATH when set (null when it does not exist), else the first usual path found. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CHROMIUM_CANDIDATES): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return candidates.find((p) => existsSync(p)) ?? null;
}

export type ChromiumOptions = {
  extensionDir: string;
  site: Site;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  executablePath?: string;
  /** A profile to reuse (a browser restart); the caller removes it. Default: a fresh one, removed on close. */
  profileDir?: string;
  /** The browser's environment (DISPLAY for a headed run on a virtual display, see ./x-keys). */
  env?: NodeJS.ProcessEnv;
};

class ChromiumTab implements Tab {
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
    return this.page.keyboard.press(key === ' ' ? 'Space' : key);
  }
  setViewport(width: number, height: number) {
    return this.page.setViewportSize({ width, height });
  }
  async screenshot(path: string, opts: { fullPage?: boolean } = {}) {
    await this.page.screenshot({ path, fullPage: opts.fullPage ?? false });
  }
  close() {
    return this.page.close();
  }
}

/** The Chromium harness; `context` is exposed for Chromium-only scenarios. */
export class ChromiumHarness implements Harness {
  readonly name = 'chromium' as const;
  private helper: Page | null = null;

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly profileDir: string,
    private readonly ownsProfile = true,
  ) {}

  static async launch(opts: ChromiumOptions): Promise<ChromiumHarness> {
    const executablePath = opts.executablePath ?? chromiumPath();
    if (!executablePath) throw new Error('Chromium not found: install it (sudo apt-get install chromium) or set CHROMIUM_PATH');
    const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'nk-chromium-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: opts.headless ?? true,
      ...(opts.env ? { env: opts.env } : {}),
      colorScheme: opts.colorScheme ?? 'light',
      viewport: { width: 1400, height: 900 },
      args: [
        `--disable-extensions-except=${opts.extensionDir}`,
        `--load-extension=${opts.extensionDir}`,
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isBrowserInternal(url)) return route.continue();
      const res = opts.site.respond(url);
      if (!res) return route.abort('blockedbyclient');
      return route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
    });
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(sw.url()).host;
    // The persistent context opens with one blank tab: keep it out of the way.
    return new ChromiumHarness(context, extensionId, profileDir, !opts.profileDir);
  }

  async open(url: string, viewport?: { width: number; height: number }): Promise<ChromiumTab> {
    const page = await this.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(url, { waitUntil: 'load' });
    return new ChromiumTab(page);
  }

  /** An extension page kept open to call extension APIs (tabs, storage) from. */
  private async extensionPage(): Promise<Page> {
    if (this.helper && !this.helper.isClosed()) return this.helper;
    this.helper = await this.context.newPage();
    await this.helper.goto(`chrome-extension://${this.extensionId}/options.html`);
    return this.helper;
  }

  async tabIdOf(url: string): Promise<number> {
    const page = await this.extensionPage();
    const want = url.replace(/#.*$/, '');
    const id = await page.evaluate(
      `chrome.tabs.query({}).then(ts => Math.max(-1, ...ts.filter(t => (t.url || '').replace(/#.*$/, '') === ${JSON.stringify(want)}).map(t => t.id)))`,
    );
    if (typeof id !== 'number' || id < 0) throw new Error(`no tab shows ${url}`);
    return id;
  }

  async tabIds(): Promise<number[]> {
    const page = await this.extensionPage();
    return (await page.evaluate(`chrome.tabs.query({}).then(ts => ts.map(t => t.id))`)) as number[];
  }

  async tabState(tabId: number): Promise<CardState | null> {
    const page = await this.extensionPage();
    const key = tabStateKey(tabId);
    return (await page.evaluate(`chrome.storage.session.get(${JSON.stringify(key)}).then(r => r[${JSON.stringify(key)}] ?? null)`)) as CardState | null;
  }

  async openPopup(tabId: number | null): Promise<ChromiumTab> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/popup.html${tabId === null ? '' : `?tab=${tabId}`}`);
    return new ChromiumTab(page);
  }

  /** The options page as a tab. */
  async openOptions(): Promise<ChromiumTab> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/options.html`);
    return new ChromiumTab(page);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    if (this.ownsProfile) rmSync(this.profileDir, { recursive: true, force: true });
  }
}
