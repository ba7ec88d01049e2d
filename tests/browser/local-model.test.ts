/**
 * The on-device model end to end in Chromium, through the real options page
 * and the real card: a tiny random-weight GGUF that this test writes
 * (support/gguf.ts) is served from 127.0.0.1 with HTTP Range. The
 * download, the checksum, OPFS, the offscreen document, wllama and the
 * grammar-constrained generation are all the real code; only the weights are
 * noise, so the card is gibberish words in the right shape.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGgufServer, type GgufServer } from '../support/gguf-server';
import { chromiumPath } from '../../support/browser/chromium';
import { requireBrowser } from '../../support/browser/require-browser';
import { buildGrantingLoopback, CARD_VIEW, OPFS_MODEL_BYTES, PART, tinyModelOverOnePart, type LocalCardView } from '../../support/browser/local-model';
import { screenshotPath, TEST_BUILD } from '../../support/browser/paths';
import { isBrowserInternal, Site, type FixturePage } from '../../support/browser/site';
import { waitFor } from '../../support/browser/wait';

const { chromium } = await import('playwright-core');
type BrowserContext = import('playwright-core').BrowserContext;
type Page = import('playwright-core').Page;

const exe = requireBrowser('Chromium', chromiumPath());
const HOST = '[data-nynorsk-kort-overlay]';

const inOverlay = <T>(page: Page, fn: string): Promise<T> =>
  page.evaluate(`(() => { const root = document.querySelector('${HOST}')?.shadowRoot; if (!root) return null; return (${fn})(root); })()`) as Promise<T>;
const overlayView = (page: Page) => inOverlay<LocalCardView | null>(page, CARD_VIEW);
const popupView = (page: Page) => page.evaluate(`(${CARD_VIEW})(document)`) as Promise<LocalCardView>;
const clickIn = (page: Page, testId: string) => page.locator(`:is(${HOST}) [data-testid=${testId}]`).first().click();
const opfsModelBytes = (page: Page) => page.evaluate(OPFS_MODEL_BYTES) as Promise<number>;

describe.skipIf(!exe)('On-device model in Chromium (tiny random-weight GGUF)', () => {
  let server: GgufServer;
  let context: BrowserContext;
  let profile: string;
  let extDir: string;
  let extensionId: string;
  let article: FixturePage;
  let gguf: Uint8Array;
  let sha: string;
  const site = new Site();

  beforeAll(async () => {
    ({ gguf, sha } = tinyModelOverOnePart());
    server = await startGgufServer(gguf);
    article = site.addFixture('meta-llama-government');
    profile = mkdtempSync(join(tmpdir(), 'nk-local-'));
    extDir = buildGrantingLoopback(TEST_BUILD.chrome, 'nk-local-ext-');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: exe!,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    await context.route(/^https?:\/\/(www|community)\.spiceworks\.com\//, (route) => {
      const res = site.respond(route.request().url());
      return res ? route.fulfill({ status: res.status, contentType: res.contentType, body: res.body }) : route.abort('blockedbyclient');
    });
    await context.route((url) => !isBrowserInternal(url.href) && !url.href.startsWith(server.url) && !/spiceworks\.com$/.test(url.hostname), (route) => route.abort('blockedbyclient'));
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(sw.url()).host;
  }, 90_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(extDir, { recursive: true, force: true });
  });

  const optionsPage = async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('[data-testid=engine] input[value=local]').check();
    await options.getByTestId('local-model-url').waitFor();
    return options;
  };
  const setUrl = async (options: Page, url: string) => {
    await options.getByTestId('local-model-url').fill(url);
    await options.getByTestId('local-model-url').blur();
  };
  const state = (options: Page) => options.getByTestId('local-model-state').getAttribute('data-state');

  it('offers the model with size, free space and licence, and downloads nothing before the click', async () => {
    const options = await optionsPage();
    expect(await options.getByTestId('local-model-url').inputValue()).toContain('nb-llama-3.2-1b-instruct-q4_k_m.gguf');
    expect(await options.getByTestId('local-model-size').textContent()).toBe('om lag 808 MB');
    await waitFor('the free space', () => options.getByTestId('local-model-free').textContent(), (t) => !!t && /\d/.test(t));
    expect(await options.getByTestId('local-model').textContent()).toContain('Llama 3.2 Community License');
    expect(await state(options)).toBe('none');
    expect(server.requests).toHaveLength(0);
    await options.screenshot({ path: screenshotPath('local-options-before'), fullPage: true });
    await options.close();
  });

  it('refuses a file whose sha256 does not match, and keeps nothing of it', async () => {
    const options = await optionsPage();
    await setUrl(options, `${server.fileUrl()}#sha256=${'0'.repeat(64)}`);
    await options.getByTestId('local-model-install').click();
    await waitFor('the checksum error', () => state(options), (s) => s === 'error', 30_000);
    expect(await options.getByTestId('local-model-state').textContent()).toContain('kontrollsummen');
    expect(await opfsModelBytes(options)).toBe(0);
    await options.close();
  });

  it('installs with progress, resumes a cut connection with a Range request, and stays installed after a reload', async () => {
    server.requests.length = 0;
    server.setChunkDelay(4, 64 * 1024);
    server.cutNextAfter(PART + 200_000);
    const options = await optionsPage();
    await setUrl(options, `${server.fileUrl()}#sha256=${sha}`);
    await options.getByTestId('local-model-install').click();
    const progress = await waitFor('a progress line', () => options.getByTestId('local-model-state').textContent(), (t) => !!t && /MB av .*%/.test(t), 20_000);
    expect(progress).toMatch(/\d+(,\d)? MB av \d+(,\d)? MB \(\d+ %\)/);
    expect(await options.getByTestId('local-model-progress').count()).toBe(1);
    await waitFor('the installed model', () => state(options), (s) => s === 'installed', 60_000);
    const gets = server.requests.filter((r) => r.path.endsWith('.gguf'));
    expect(gets.length).toBeGreaterThanOrEqual(2);
    expect(gets[0]!.range).toBeUndefined();
    // The first part was kept; the second request asks only for the rest.
    expect(gets[1]!.range).toBe(`bytes=${PART}-`);
    expect(await opfsModelBytes(options)).toBe(gguf.length);
    await options.screenshot({ path: screenshotPath('local-options-installed'), fullPage: true });
    const before = server.requests.length;
    await options.reload();
    await waitFor('still installed after a reload', () => state(options), (s) => s === 'installed');
    expect(server.requests.length).toBe(before);
    server.setChunkDelay(0);
    await options.close();
  });

  async function openArticle(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(article.url, { waitUntil: 'load' });
    await waitFor('the overlay pill', () => inOverlay<boolean>(page, `(root) => !!root.querySelector('[data-testid=pill]')`), (v) => v === true);
    await clickIn(page, 'pill');
    return page;
  }
  async function tabIdOf(url: string): Promise<number> {
    const helper = await context.newPage();
    await helper.goto(`chrome-extension://${extensionId}/popup.html`);
    const id = (await helper.evaluate(`chrome.tabs.query({}).then(ts => ts.filter(t => t.url === ${JSON.stringify(url)}).map(t => t.id).pop())`)) as number;
    await helper.close();
    return id;
  }

  it('streams a schema-valid card from the model into overlay and popup, with data-engine="local"', async () => {
    const page = await openArticle();
    const before = await waitFor('the fact card with the generate button', () => overlayView(page), (v) => !!v?.buttons.includes('model-generate'));
    expect(before?.engine).toBe('digest');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(page.url())}`);
    await waitFor('the popup generate button', () => popupView(popup), (v) => v.buttons.includes('model-generate'));
    // Every status line the overlay shows while the model works, as it changes.
    await page.evaluate(`(() => {
      const root = document.querySelector('${HOST}').shadowRoot;
      window.__nkStatus = [];
      new MutationObserver(() => {
        const t = root.querySelector('[data-testid=model-status]')?.textContent;
        if (t && window.__nkStatus.at(-1) !== t) window.__nkStatus.push(t);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    })()`);
    await clickIn(page, 'model-generate');
    await waitFor('streaming in the overlay', () => overlayView(page), (v) => !!v?.streaming, 30_000);
    await waitFor('streaming in the popup', () => popupView(popup), (v) => v.streaming, 30_000);
    const done = await waitFor('the on-device card', () => overlayView(page), (v) => v?.engine === 'local' && !v.streaming, 120_000);
    if (done?.error) throw new Error(`model error: ${done.error}`);
    expect(done?.title.trim().length).toBeGreaterThan(0);
    expect(done?.summary.trim().length).toBeGreaterThan(0);
    expect(done?.faq).toBeGreaterThanOrEqual(3);
    // The status line said what the engine did before it wrote, then how fast it wrote.
    const statuses = (await page.evaluate('window.__nkStatus')) as string[];
    expect(statuses.some((t) => t.includes('Startar språkmodellen på maskinen din') || t.includes('Modellen les teksten'))).toBe(true);
    expect(statuses.some((t) => /(?:\d[\d\u00a0]*|[a-zæøåé]+) ordbit(?:ar)? i sekundet, om lag .+ att/.test(t)), statuses.join(' | ')).toBe(true);
    const popupDone = await waitFor('the on-device card in the popup', () => popupView(popup), (v) => v.engine === 'local' && !v.streaming, 20_000);
    expect(popupDone.summary).toBe(done?.summary);
    const card = (await popup.evaluate(`document.querySelector('[data-testid=card]').getAttribute('lang')`)) as string;
    expect(card).toBe('nn');
    await page.screenshot({ path: screenshotPath('local-card-overlay') });
    await popup.screenshot({ path: screenshotPath('local-card-popup'), fullPage: true });
    await popup.close();
    await page.close();
  }, 180_000);

  it('serves the cached card after a reload without generating again', async () => {
    const page = await openArticle();
    const seen: boolean[] = [];
    const v = await waitFor(
      'the cached on-device card',
      async () => {
        const x = await overlayView(page);
        seen.push(!!x?.streaming);
        return x;
      },
      (x) => x?.engine === 'local',
    );
    expect(v?.streaming).toBe(false);
    expect(seen.every((s) => !s)).toBe(true);
    await page.close();
  });

  it('stops on "Avbryt" and keeps the card it had', async () => {
    const page = await openArticle();
    await waitFor('the card', () => overlayView(page), (x) => x?.buttons.includes('model-regenerate') === true);
    await clickIn(page, 'model-regenerate');
    await waitFor('streaming', () => overlayView(page), (x) => !!x?.streaming && x.buttons.includes('model-cancel'), 30_000);
    await clickIn(page, 'model-cancel');
    const after = await waitFor('back to the card', () => overlayView(page), (x) => !!x && !x.streaming, 10_000);
    expect(after?.error).toBeNull();
    expect(after?.engine).toBe('local');
    await page.close();
  });

  it('ends in "Prøv igjen" when the offscreen document closes mid-answer, and the retry writes the card', async () => {
    const page = await openArticle();
    await waitFor('the card', () => overlayView(page), (x) => x?.buttons.includes('model-regenerate') === true);
    await clickIn(page, 'model-regenerate');
    await waitFor('streaming', () => overlayView(page), (x) => !!x?.streaming, 30_000);
    // Close the engine's document, as Chrome may when it needs the memory.
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const engine = targetInfos.find((t) => t.url === `chrome-extension://${extensionId}/engine.html`);
    expect(engine).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: engine!.targetId });
    const broken = await waitFor('the error after the engine closed', () => overlayView(page), (x) => !!x?.error, 20_000);
    expect(broken?.buttons).toContain('model-retry');
    await clickIn(page, 'model-retry');
    const done = await waitFor('the card written again', () => overlayView(page), (x) => x?.engine === 'local' && !x.streaming && !x.error, 120_000);
    expect(done?.faq).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 180_000);

  it('deletes the model and frees its space', async () => {
    const options = await optionsPage();
    await waitFor('installed', () => state(options), (s) => s === 'installed');
    expect(await options.getByTestId('local-model-delete').textContent()).toMatch(/frigjer \d+(,\d)? MB/);
    await options.getByTestId('local-model-delete').click();
    await waitFor('no model', () => state(options), (s) => s === 'none');
    expect(await opfsModelBytes(options)).toBe(0);
    expect(await options.getByTestId('local-model-note').textContent()).toMatch(/er sletta, og .* er frigjort/);
    await options.close();
  });
});
