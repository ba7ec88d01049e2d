/**
 * The on-device model end to end in real Firefox (firefox-esr over WebDriver
 * BiDi), the scenarios of local-model.test.ts: a tiny random-weight GGUF that
 * this test writes (support/gguf.ts) is served from 127.0.0.1 with HTTP
 * Range. A wrong sha256 is refused; the right one installs with progress and
 * resumes a cut connection with a Range request; a trusted click on "Lag
 * nynorsk samandrag" streams the card from wllama running in the background
 * page (Firefox imports engine.js there) into the overlay; a reload shows the
 * cached card; delete leaves nothing in OPFS.
 *
 * The options page is reached from a web page, as in model-firefox.test.ts
 * (the test build lists options.html in web_accessible_resources). The
 * download runs in the options page, so the harness's request interception
 * must let 127.0.0.1 through (`passThrough`). Headless Firefox cannot answer
 * the permission prompt the install click raises: a temporary copy of the
 * test build holds `http://127.0.0.1/*` (Firefox match patterns have no port)
 * in host_permissions, so permissions.request resolves without asking.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGgufServer, type GgufServer } from '../support/gguf-server';
import { FirefoxHarness, firefoxPath } from '../../support/browser/firefox';
import { requireBrowser } from '../../support/browser/require-browser';
import { buildGrantingLoopback, CARD_VIEW, OPFS_MODEL_BYTES, PART, tinyModelOverOnePart, type LocalCardView } from '../../support/browser/local-model';
import { screenshotPath, TEST_BUILD } from '../../support/browser/paths';
import { Site, type FixturePage } from '../../support/browser/site';
import type { Tab } from '../../support/browser/types';
import { waitFor } from '../../support/browser/wait';

const exe = requireBrowser('Firefox', firefoxPath());

const HOST = '[data-nynorsk-kort-overlay]';

const overlayView = (tab: Tab) =>
  tab.evaluate<LocalCardView | null>(`(() => { const root = document.querySelector('${HOST}')?.shadowRoot; return root ? (${CARD_VIEW})(root) : null; })()`);

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

const opfsModelBytes = (tab: Tab) => tab.evaluate<number>(OPFS_MODEL_BYTES);

describe.skipIf(!exe)('On-device model in Firefox (tiny random-weight GGUF)', () => {
  let server: GgufServer;
  let harness: FirefoxHarness;
  let extDir: string;
  let article: FixturePage;
  let gguf: Uint8Array;
  let sha: string;
  const site = new Site();

  beforeAll(async () => {
    ({ gguf, sha } = tinyModelOverOnePart());
    server = await startGgufServer(gguf);
    article = site.addFixture('meta-llama-government');
    // Test-only grant of the file server's origin (see the module comment).
    extDir = buildGrantingLoopback(TEST_BUILD.firefox, 'nk-local-ff-ext-');
    // The options page's download is a page request: it must reach the file server.
    harness = await FirefoxHarness.launch({ extensionDir: extDir, site, passThrough: [server.url] });
  }, 90_000);

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

  type FirefoxTab = Awaited<ReturnType<FirefoxHarness['openOptions']>>;

  /** The options page with the engine "På maskinen din" (local) chosen by a trusted click. */
  const optionsPage = async (): Promise<FirefoxTab> => {
    const options = await harness.openOptions();
    await options.page.waitForSelector('#engine-local');
    await options.page.click('#engine-local');
    await options.page.waitForSelector('[data-testid=local-model-url]');
    return options;
  };
  /** Types the URL into the field with the keyboard; change fires on leaving it. */
  const setUrl = async (options: FirefoxTab, url: string) => {
    const sel = '[data-testid=local-model-url]';
    await options.page.click(sel);
    await options.page.$eval(sel, (el) => (el as HTMLInputElement).select());
    await options.page.keyboard.type(url);
    await options.page.keyboard.press('Tab');
    await waitFor('the URL in the field', () => options.evaluate<string>(`document.querySelector('${sel}').value`), (v) => v === url);
  };
  const stateOf = (options: FirefoxTab) =>
    options.evaluate<{ state: string | null; text: string; progress: number }>(`(() => {
      const s = document.querySelector('[data-testid=local-model-state]');
      return { state: s?.getAttribute('data-state') ?? null, text: s?.textContent ?? '', progress: document.querySelectorAll('[data-testid=local-model-progress]').length };
    })()`);
  const install = (options: FirefoxTab) => options.page.click('[data-testid=local-model-install]');

  it('refuses a file whose sha256 does not match, and keeps nothing of it', async () => {
    const options = await optionsPage();
    expect((await stateOf(options)).state).toBe('none');
    expect(server.requests).toHaveLength(0);
    await setUrl(options, `${server.fileUrl()}#sha256=${'0'.repeat(64)}`);
    await install(options);
    const s = await waitFor('the checksum error', () => stateOf(options), (v) => v.state === 'error', 30_000);
    expect(s.text).toContain('kontrollsummen');
    expect(await opfsModelBytes(options)).toBe(0);
    await options.close();
  }, 60_000);

  it('installs with progress, resumes a cut connection with a Range request, and stays installed after a reload', async () => {
    server.requests.length = 0;
    server.setChunkDelay(4, 64 * 1024);
    server.cutNextAfter(PART + 200_000);
    const options = await optionsPage();
    await setUrl(options, `${server.fileUrl()}#sha256=${sha}`);
    await install(options);
    const progress = await waitFor('a progress line', () => stateOf(options), (v) => /MB av .*%/.test(v.text), 20_000);
    expect(progress.text).toMatch(/\d+(,\d)? MB av \d+(,\d)? MB \(\d+ %\)/);
    expect(progress.state).toBe('downloading');
    expect(progress.progress).toBe(1);
    const done = await waitFor('the installed model', () => stateOf(options), (v) => v.state === 'installed' || v.state === 'error', 90_000);
    expect(done.state, done.text).toBe('installed');
    const gets = server.requests.filter((r) => r.path.endsWith('.gguf'));
    expect(gets.length).toBeGreaterThanOrEqual(2);
    expect(gets[0]!.range).toBeUndefined();
    // The second request asks only for the rest: at least the first whole part was kept. Firefox hands
    // the reader every byte that arrived before the cut, and the download keeps them all, so here it
    // resumes at the cut itself (bytes=16977216-); Chromium drops the tail in flight and resumes at the
    // part boundary (bytes=16777216-). Either way nothing that was stored is fetched again.
    const resumeAt = Number(/^bytes=(\d+)-$/.exec(gets[1]!.range ?? '')?.[1] ?? NaN);
    expect(resumeAt, `second GET's Range: ${gets[1]!.range}`).toBeGreaterThanOrEqual(PART);
    expect(resumeAt).toBeLessThanOrEqual(PART + 200_000);
    expect(gets[1]!.status).toBe(206);
    expect(gets[1]!.bytes).toBe(gguf.length - resumeAt);
    expect(await opfsModelBytes(options)).toBe(gguf.length);
    await options.screenshot(screenshotPath('firefox-local-options-installed'), { fullPage: true });
    const before = server.requests.length;
    // page.reload() waits forever on a moz-extension page over BiDi: reload from inside and poll.
    await options.evaluate(`void (window.__nkBeforeReload = true, setTimeout(() => location.reload(), 0))`);
    await waitFor(
      'the reloaded options page',
      () => options.evaluate<boolean>(`!window.__nkBeforeReload && document.readyState === 'complete' && !!document.querySelector('[data-testid=local-model-state]')`).catch(() => false),
      (v) => v,
    );
    await waitFor('still installed after a reload', () => stateOf(options), (v) => v.state === 'installed');
    expect(server.requests.length).toBe(before);
    server.setChunkDelay(0);
    await options.close();
  }, 150_000);

  type ArticleTab = Awaited<ReturnType<FirefoxHarness['open']>>;
  /** The article tab of the generating test, reloaded by the next one. */
  let first: ArticleTab | null = null;

  /** Opens the article in a new tab (or reloads `reload`) and opens the pill. */
  async function openArticle(reload?: ArticleTab): Promise<ArticleTab> {
    const tab = reload ?? (await harness.open(article.url));
    if (reload) await reload.page.reload({ waitUntil: 'load' });
    await waitFor('the overlay pill', () => tab.evaluate<boolean>(`!!document.querySelector('${HOST}')?.shadowRoot?.querySelector('[data-testid=pill]')`), (v) => v);
    await clickIn(tab, 'pill');
    return tab;
  }

  it('streams a card from wllama in the background page into the overlay, ending with data-engine="local"', async () => {
    const tab = await openArticle();
    const before = await waitFor('the fact card with the generate button', () => overlayView(tab), (v) => !!v?.buttons.includes('model-generate'));
    expect(before?.engine).toBe('digest');
    const requests = server.requests.length;
    await clickIn(tab, 'model-generate');
    await waitFor('streaming in the overlay', () => overlayView(tab), (v) => !!v?.streaming || !!v?.error, 60_000);
    const done = await waitFor('the on-device card', () => overlayView(tab), (v) => (v?.engine === 'local' && !v.streaming) || !!v?.error, 180_000);
    if (done?.error) throw new Error(`model error: ${done.error} (status: ${done.status})`);
    expect(done?.title.trim().length).toBeGreaterThan(0);
    expect(done?.summary.trim().length).toBeGreaterThan(0);
    expect(done?.faq).toBeGreaterThanOrEqual(3);
    expect(done?.buttons).toContain('model-regenerate');
    // The model came from OPFS: nothing was downloaded again.
    expect(server.requests.length).toBe(requests);
    await tab.screenshot(screenshotPath('firefox-local-card-overlay'));
    first = tab;
  }, 240_000);

  it('serves the cached card after a reload without generating again', async () => {
    expect(first, 'the generating test left its tab open').not.toBeNull();
    const tab = await openArticle(first!);
    const seen: boolean[] = [];
    const v = await waitFor(
      'the cached on-device card',
      async () => {
        const x = await overlayView(tab);
        seen.push(!!x?.streaming);
        return x;
      },
      (x) => x?.engine === 'local',
    );
    expect(v?.streaming).toBe(false);
    expect(seen.every((s) => !s)).toBe(true);
    expect(v?.faq).toBeGreaterThanOrEqual(3);
    await tab.close();
  });

  it('deletes the model and frees its space', async () => {
    const options = await optionsPage();
    await waitFor('installed', () => stateOf(options), (v) => v.state === 'installed');
    expect(await options.evaluate<string>(`document.querySelector('[data-testid=local-model-delete]').textContent`)).toMatch(/frigjer \d+(,\d)? MB/);
    await options.page.click('[data-testid=local-model-delete]');
    await waitFor('no model', () => stateOf(options), (v) => v.state === 'none');
    expect(await opfsModelBytes(options)).toBe(0);
    expect(await options.evaluate<string>(`document.querySelector('[data-testid=local-model-note]')?.textContent ?? ''`)).toMatch(/er sletta, og .* er frigjort/);
    await options.close();
  });
});
