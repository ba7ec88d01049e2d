/**
 * Chromium-only scenarios: single-page navigation (history.pushState), the
 * real toolbar popup (chrome.action.openPopup) and dark mode. Firefox runs
 * the shared scenarios in firefox.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumHarness } from '../../support/browser/chromium';
import { screenshotPath, TEST_BUILD } from '../../support/browser/paths';
import { openArticle, openPanel, readyCard, scenarioSite } from '../../support/browser/flow';
import { NARROW, WIDE } from '../../support/browser/types';
import { computedStyle, snapshot, waitFor, waitForSnapshot } from '../../support/browser/wait';

/** Replaces the document with the page at `url` (fetched through the harness) and pushes `url`, as a SPA does. */
const spaNavigate = (page: Page, url: string) =>
  page.evaluate(async (to) => {
    const html = await (await fetch(to)).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.head.innerHTML = next.head.innerHTML;
    document.body.innerHTML = next.body.innerHTML;
    history.pushState({}, '', to);
  }, url);

/**
 * The same, started as a reader starts it: a click on a link whose handler swaps the page (a real click, through the
 * browser's input: on a listing the gate starts following the URL at the reader's first press).
 */
async function spaNavigateByClick(page: Page, url: string): Promise<void> {
  await page.evaluate((to) => {
    const a = Object.assign(document.createElement('a'), { href: to, id: 'nk-test-spa-link', textContent: 'Neste side' });
    a.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;padding:8px;background:#fff';
    a.addEventListener('click', (e) => {
      e.preventDefault();
      void (async () => {
        const html = await (await fetch(to)).text();
        const next = new DOMParser().parseFromString(html, 'text/html');
        document.head.innerHTML = next.head.innerHTML;
        document.body.innerHTML = next.body.innerHTML;
        history.pushState({}, '', to);
      })();
    });
    document.body.append(a);
  }, url);
  await page.click('#nk-test-spa-link');
}

/** Relative luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white). */
function luminance(css: string | undefined): number {
  const [r = 0, g = 0, b = 0] = (css?.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('Chromium only', () => {
  const { site, pages } = scenarioSite();
  let h: ChromiumHarness;
  beforeAll(async () => {
    h = await ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site });
  }, 90_000);
  afterAll(async () => {
    await h?.close();
  });

  it('replaces the card when the site changes article with history.pushState, and removes it on a listing', async () => {
    const { tab, tabId, card: metaCard } = await openArticle(h, pages.meta.url);
    expect(metaCard.engine.kind).toBe('library');
    const page = (tab as unknown as { page: Page }).page;

    await spaNavigate(page, pages.otherMeta.url);
    const { tabId: sameTab, card } = await readyCard(h, pages.otherMeta.url);
    expect(sameTab).toBe(tabId);
    expect(card.engine.kind).toBe('digest');
    expect(card.title).not.toBe(metaCard.title);
    const open = await openPanel(tab);
    expect(open.hosts).toBe(1);
    expect(open.card?.engine).toBe('digest');
    expect(open.card?.title).toBe(card.title);

    await spaNavigate(page, pages.listing.url);
    await waitForSnapshot(tab, 'the overlay gone after pushState to a listing', (s) => s.hosts === 0);
    const state = await waitFor('the tab state cleared', () => h.tabState(tabId), (s) => s === null || s.status === 'none');
    expect(state?.status ?? 'none').toBe('none');
    await tab.close();
  });

  it('loads the article code when the reader clicks from a listing to an article the site shows without reloading', async () => {
    // The page starts as a listing: only the URL loader runs, and nothing is shown.
    const tab = await h.open(pages.listing.url);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await snapshot(tab)).hosts).toBe(0);
    const page = (tab as unknown as { page: Page }).page;
    await spaNavigateByClick(page, pages.meta.url);
    const { card } = await readyCard(h, pages.meta.url);
    expect(card.engine.kind).toBe('library');
    await waitForSnapshot(tab, 'the pill after pushState to an article', (s) => s.hosts === 1);
    await tab.close();
  });

  it('shows the card in the real toolbar popup for the active tab', async () => {
    const { tab } = await openArticle(h, pages.meta.url);
    const { card } = await readyCard(h, pages.meta.url);
    // An extension page to look into the popup from; opened first, since a new tab would close the popup.
    const helper = await h.openPopup(null);
    await (tab as unknown as { page: Page }).page.bringToFront();
    const sw = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
    await sw.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
    const seen = await waitFor(
      'the toolbar popup with a card',
      () =>
        helper.evaluate<{ engine: string | null; title: string } | null>(`(function () {
          var v = chrome.extension.getViews({ type: 'popup' })[0];
          var c = v && v.document.querySelector('[data-testid=card]');
          return c ? { engine: c.getAttribute('data-engine'), title: (c.querySelector('h2') || {}).textContent || '' } : null;
        })()`),
      (v) => v !== null,
    );
    expect(seen).toEqual({ engine: 'library', title: card.title });
    await helper.close();
    await tab.close();
  });

  it('cannot be found by a page at its fixed extension URL, and still loads its own code (use_dynamic_url)', async () => {
    // The pill, the card and the open panel: content-main.js, content-card.js and their CSS came in through runtime.getURL.
    const { tab } = await openArticle(h, pages.meta.url);
    const open = await openPanel(tab);
    expect(open.card?.engine).toBe('library');
    // What a Spiceworks page script can try: each web-accessible file at chrome-extension://<id>/.
    const probe = await (tab as unknown as { page: Page }).page.evaluate(async (base) => {
      const css = (file: string) =>
        new Promise<string>((resolve) => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = base + file;
          link.onload = () => resolve(`${file} loaded`);
          link.onerror = () => resolve(`${file} refused`);
          document.head.append(link);
        });
      const js = (file: string) => fetch(base + file).then((r) => `${file} ${r.ok ? 'loaded' : 'refused'}`, () => `${file} refused`);
      return Promise.all([css('pill.css'), css('card.css'), js('content-main.js'), js('content-card.js')]);
    }, `chrome-extension://${h.extensionId}/`);
    expect(probe).toEqual(['pill.css refused', 'card.css refused', 'content-main.js refused', 'content-card.js refused']);
    await tab.close();
  });

  it('follows the dark colour scheme (screenshots in artifacts/screenshots)', async () => {
    const shot = (name: string) => screenshotPath(`chromium-dark-${name}`);
    const light = await openArticle(h, pages.meta.url, WIDE);
    await openPanel(light.tab);
    const lightBg = (await computedStyle(light.tab, '[role=dialog]', ['background-color']))?.['background-color'];
    await light.tab.close();

    for (const [size, label] of [
      [WIDE, 'wide'],
      [NARROW, 'narrow'],
    ] as const) {
      const { tab } = await openArticle(h, pages.meta.url, size);
      const page = (tab as unknown as { page: Page }).page;
      await page.emulateMedia({ colorScheme: 'dark' });
      await tab.screenshot(shot(`overlay-collapsed-${label}`));
      await openPanel(tab);
      const darkBg = (await computedStyle(tab, '[role=dialog]', ['background-color']))?.['background-color'];
      expect(luminance(darkBg), `dark ${darkBg} vs light ${lightBg}`).toBeLessThan(0.2);
      expect(luminance(lightBg)).toBeGreaterThan(0.6);
      await tab.screenshot(shot(`overlay-open-${label}`));
      if (label === 'wide') {
        const popup = await h.openPopup(await h.tabIdOf(pages.meta.url));
        const pp = (popup as unknown as { page: Page }).page;
        await pp.emulateMedia({ colorScheme: 'dark' });
        await pp.setViewportSize({ width: 400, height: 600 });
        await waitForSnapshot(popup, 'the popup card', (s) => s.card !== null, 'page');
        await popup.screenshot(shot('popup'), { fullPage: false });
        await popup.close();
      }
      await tab.close();
    }
  });
});
