/**
 * The two browsers of `npm run bench:local`, behind one small interface: Chromium through playwright-core, Firefox ESR through
 * puppeteer-core over WebDriver BiDi. Every page and browser opened is closed by `close()`.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { EngineChatRequest } from '../../src/engine/host';
import type { BenchChatResult, BenchEnv, BenchInit } from './page';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** One page with the bench script loaded. */
export type BenchPage = {
  init(cfg: BenchInit): Promise<BenchEnv>;
  chat(req: EngineChatRequest, timeoutMs: number): Promise<BenchChatResult>;
  /** Browser console lines, for the report of a failure. */
  console: string[];
  close(): Promise<void>;
};

export type BenchBrowser = { name: BrowserName; version: string; open(url: string): Promise<BenchPage>; close(): Promise<void> };

const READY_MS = 60_000;

export function browserPath(name: BrowserName): string {
  return name === 'chromium' ? CHROMIUM : FIREFOX;
}

export async function launch(name: BrowserName): Promise<BenchBrowser> {
  if (!existsSync(browserPath(name))) throw new Error(`${name} not found at ${browserPath(name)}`);
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

async function launchChromium(): Promise<BenchBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  return {
    name: 'chromium',
    version: browser.version(),
    async open(url) {
      const page = await browser.newPage();
      const lines: string[] = [];
      page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
      page.on('crash', () => lines.push('[crash] page crashed'));
      await page.goto(url);
      await page.waitForFunction(() => window.benchReady === true, null, { timeout: READY_MS });
      return {
        init: (cfg) => page.evaluate((c) => window.benchInit(c), cfg),
        chat: (req, timeoutMs) => page.evaluate(([r, t]) => window.benchChat(r, t), [req, timeoutMs] as const),
        console: lines,
        close: () => page.close().catch(() => undefined),
      };
    },
    close: () => browser.close().catch(() => undefined),
  };
}

async function launchFirefox(): Promise<BenchBrowser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocolTimeout: 3_600_000 });
  const version = await browser.version();
  return {
    name: 'firefox',
    version,
    async open(url) {
      const page = await browser.newPage();
      const lines: string[] = [];
      page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => lines.push(`[pageerror] ${(e as Error).message ?? String(e)}`));
      await page.goto(url);
      await page.waitForFunction(() => window.benchReady === true, { timeout: READY_MS });
      return {
        init: (cfg) => page.evaluate((c) => window.benchInit(c), cfg),
        chat: (req, timeoutMs) => page.evaluate((r, t) => window.benchChat(r, t), req, timeoutMs),
        console: lines,
        close: () => page.close().catch(() => undefined),
      };
    },
    close: () => browser.close().catch(() => undefined),
  };
}
