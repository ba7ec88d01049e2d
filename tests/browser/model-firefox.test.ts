/**
 * The core of the model engine in real Firefox (firefox-esr over WebDriver
 * BiDi): an OpenAI-compatible endpoint on the fake model server, then on a
 * fact-card article a trusted click on "Lag nynorsk samandrag" streams the
 * summary into the overlay and ends in the model card; after a reload the
 * cached card shows with 0 requests to the server; a wrong key (401) shows a
 * Nynorsk error with "Prøv igjen". model.test.ts covers the rest in Chromium.
 *
 * The endpoint is set on the real options page (reached from a web page like
 * the popup: the test build lists options.html in web_accessible_resources),
 * and "Test tilkoplinga" must find the model; the host permission comes from a temporary copy of the test build with `http://127.0.0.1/*`
 * (Firefox match patterns have no port) in host_permissions, as in the
 * Chromium test. The background's fetches are no page requests, so the
 * harness's request interception (which refuses everything but the served
 * hosts) does not see them: they reach the fake server on 127.0.0.1.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/settings';
import { startModelServer, type ModelServer } from '../../support/model-server';
import { FirefoxHarness, firefoxPath } from '../../support/browser/firefox';
import { requireBrowser } from '../../support/browser/require-browser';
import { screenshotPath, TEST_BUILD } from '../../support/browser/paths';
import { Site, type FixturePage } from '../../support/browser/site';
import type { Tab } from '../../support/browser/types';
import { waitFor } from '../../support/browser/wait';

const HOST = '[data-nynorsk-kort-overlay]';
const MODEL = 'nn-writer';

type CardView = { engine: string | null; streaming: boolean; summary: string; buttons: string[]; error: string | null; written: string | null };
const VIEW = `(() => {
  const root = document.querySelector('${HOST}')?.shadowRoot;
  if (!root) return null;
  const card = root.querySelector('[data-testid=card]');
  return {
    engine: card?.getAttribute('data-engine') ?? null,
    streaming: card?.getAttribute('data-streaming') === 'true',
    summary: root.querySelector('[data-testid=summary]')?.textContent ?? '',
    buttons: [...root.querySelectorAll('[data-testid^=model-]')].filter((b) => b.tagName === 'BUTTON').map((b) => b.getAttribute('data-testid')),
    error: root.querySelector('[data-testid=model-error]')?.textContent ?? null,
    written: root.querySelector('[data-testid=model-written]')?.textContent ?? null,
  };
})()`;
const overlayView = (tab: Tab) => tab.evaluate<CardView | null>(VIEW);

/** A real (trusted) mouse click on the middle of an element in the overlay's shadow root. */
async function clickIn(tab: Tab, testId: string): Promise<void> {
  const at = await waitFor(
    `[data-testid=${testId}] in the overlay`,
    () =>
      tab.evaluate<{ x: number; y: number } | null>(`(() => {
        const el = document.querySelector('${HOST}')?.shadowRoot?.querySelector('[data-testid=${testId}]');
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      })()`),
    (v) => v !== null,
  );
  await tab.clickAt(at!.x, at!.y);
}

const exe = requireBrowser('Firefox', firefoxPath());

describe.skipIf(!exe)('Model engine in Firefox (fake OpenAI-compatible server)', () => {
  let server: ModelServer;
  let harness: FirefoxHarness;
  let extDir: string;
  let article: FixturePage;
  const site = new Site();
  const chatRequests = () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'));

  beforeAll(async () => {
    server = await startModelServer({ chunkSize: 12, chunkDelayMs: 15 });
    article = site.addFixture('meta-llama-government');
    extDir = mkdtempSync(join(tmpdir(), 'nk-model-ff-ext-'));
    cpSync(TEST_BUILD.firefox, extDir, { recursive: true });
    // Test-only grant of the fake server's origin (see the module comment).
    const m = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
    m.host_permissions.push('http://127.0.0.1/*');
    writeFileSync(join(extDir, 'manifest.json'), JSON.stringify(m, null, 2));
    // The harness refuses page requests outside the served hosts; the options page's own
    // "Test tilkoplinga" fetch must reach the fake server.
    harness = await FirefoxHarness.launch({ extensionDir: extDir, site, passThrough: [server.url] });

    // Configure the engine on the real options page, with trusted clicks and typing.
    const options = await harness.openOptions();
    const page = options.page;
    await page.waitForSelector('#engine-openai');
    await page.click('#engine-openai');
    const fill = async (testId: string, value: string) => {
      const sel = `[data-testid=${testId}]`;
      await page.waitForSelector(sel);
      await page.click(sel);
      await page.$eval(sel, (el) => (el as HTMLInputElement).select());
      await page.keyboard.type(value);
      await page.keyboard.press('Tab'); // change fires on leaving the field
    };
    await fill('endpoint', server.endpoints.openai);
    await fill('model', MODEL);
    await fill('api-key', server.apiKey);
    // permissions.request runs from this click; the test copy already holds the origin, so no prompt shows.
    await page.click('[data-testid=test-connection]');
    const verdict = await waitFor(
      'a verdict from Test tilkoplinga',
      () => options.evaluate<{ ok: string | null; text: string }>(`(() => { const v = document.querySelector('[data-testid=test-verdict]'); return { ok: v?.getAttribute('data-ok') ?? null, text: v?.textContent ?? '' }; })()`),
      (v) => v.ok === 'true' || v.ok === 'false',
      10_000,
    );
    expect(verdict.text).toContain(`«${MODEL}» finst`);
    expect(verdict.ok).toBe('true');
    // Stored as src/settings.ts and src/api-keys.ts say: the engine and endpoint in settings, the key apart and bound to its origin.
    const stored = await options.evaluate<{ settings: Settings; apiKeys: unknown }>(`browser.storage.local.get(null)`);
    expect(stored.settings.engine).toBe('openai');
    expect(stored.settings.providers.openai).toEqual({ endpoint: server.endpoints.openai, model: MODEL });
    expect(JSON.stringify(stored.settings)).not.toContain(server.apiKey);
    expect(stored.apiKeys).toEqual({ openai: { key: server.apiKey, origin: new URL(server.endpoints.openai).origin } });
    await options.screenshot(screenshotPath('firefox-model-options'));
    await options.close();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

  type FirefoxTab = Awaited<ReturnType<FirefoxHarness['open']>>;
  /** The article tab of the first test, reloaded by the second. */
  let first: FirefoxTab | null = null;

  /** Opens the article in a new tab (or reloads `reload`) and opens the pill. */
  async function openArticle(reload?: FirefoxTab): Promise<FirefoxTab> {
    const tab = reload ?? (await harness.open(article.url));
    if (reload) await reload.page.reload({ waitUntil: 'load' });
    await waitFor('the overlay pill', () => tab.evaluate<boolean>(`!!document.querySelector('${HOST}')?.shadowRoot?.querySelector('[data-testid=pill]')`), (v) => v);
    await clickIn(tab, 'pill');
    return tab;
  }

  it('streams the summary into the overlay on a trusted click on "Lag nynorsk samandrag" and ends in the model card', async () => {
    server.reset();
    const tab = await openArticle();
    const before = await waitFor('the fact card with the generate button', () => overlayView(tab), (v) => !!v?.buttons.includes('model-generate'));
    expect(before?.engine).toBe('digest');
    // A script on the page clicking the button (untrusted) starts nothing; the user's click does (1 request below).
    await tab.evaluate(`document.querySelector('${HOST}').shadowRoot.querySelector('[data-testid=model-generate]').click()`);
    await clickIn(tab, 'model-generate');
    const streaming = await waitFor('partial summary in the overlay', () => overlayView(tab), (v) => !!v?.streaming && v.summary.length > 0, 10_000);
    expect(streaming?.buttons).toContain('model-cancel');
    const done = await waitFor('the model card', () => overlayView(tab), (v) => v?.engine === 'model' && !v.streaming, 20_000);
    expect(done?.summary).toContain('Ohio');
    expect(done?.written).toContain(MODEL);
    expect(done?.buttons).toContain('model-regenerate');
    const chat = chatRequests();
    expect(chat).toHaveLength(1);
    expect(chat[0]!.headers['authorization']).toBe(`Bearer ${server.apiKey}`);
    expect((JSON.parse(chat[0]!.body) as { stream: boolean }).stream).toBe(true);
    await tab.screenshot(screenshotPath('firefox-model-card-overlay'));
    first = tab;
  });

  it('opens the cached model card after a reload with 0 requests to the server', async () => {
    server.reset();
    expect(first, 'the first test left its tab open').not.toBeNull();
    const tab = await openArticle(first!);
    const v = await waitFor('the cached model card', () => overlayView(tab), (x) => x?.engine === 'model' && !x.streaming);
    expect(v?.summary).toContain('Ohio');
    expect(server.requests).toHaveLength(0);
    await tab.close();
  });

  it('shows a wrong key (401) as a Nynorsk error with "Prøv igjen"', async () => {
    server.reset();
    server.setOptions({ apiKey: 'sk-another-key' });
    try {
      const tab = await openArticle();
      await waitFor('the model card', () => overlayView(tab), (x) => x?.buttons.includes('model-regenerate') === true);
      await clickIn(tab, 'model-regenerate');
      const v = await waitFor('the error', () => overlayView(tab), (x) => !!x?.error, 10_000);
      expect(v?.error).toContain('avviste API-nøkkelen');
      expect(v?.buttons).toContain('model-retry');
      expect(chatRequests()).toHaveLength(1);
      await tab.screenshot(screenshotPath('firefox-model-error-401'));
      await tab.close();
    } finally {
      server.setOptions({ apiKey: 'sk-test-nynorsk' });
    }
  });
});
