/**
 * "Vis i teksten", written once and run in Chromium and Firefox
 * (evidence-chromium.test.ts, evidence-firefox.test.ts): from the overlay and from the popup (opened
 * as a tab with ?tab=), the page scrolls to the evidence paragraph, a
 * highlight box lies over exactly that paragraph, and the box goes away.
 * Screenshots of the highlighted paragraph land in artifacts/screenshots/.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index';
import { recognisePage } from '../../src/core/recognise';
import type { Card } from '../../src/core/types';
import { openArticle, openPanel } from '../../support/browser/flow';
import { screenshotPath } from '../../support/browser/paths';
import { Site } from '../../support/browser/site';
import { NARROW, WIDE, type Harness, type Tab } from '../../support/browser/types';
import { clickElement, rect, waitFor, waitForSnapshot } from '../../support/browser/wait';

/** What the page shows of the highlight: the box, the paragraph under it, the scroll position. */
type Seen = {
  boxes: number;
  scrollY: number;
  viewHeight: number;
  /** The text of the block the box covers (6 px around it), or null. */
  covered: string | null;
  /** That block's box in the viewport. */
  top: number | null;
  bottom: number | null;
};

/** Plain JavaScript run in the page (see harness/in-page.ts for why not a function). */
const SEEN = String.raw`(function () {
  var hosts = document.querySelectorAll('[data-nynorsk-kort-highlight]');
  var out = { boxes: hosts.length, scrollY: window.scrollY, viewHeight: document.documentElement.clientHeight, covered: null, top: null, bottom: null };
  if (!hosts.length) return out;
  var h = hosts[0].getBoundingClientRect();
  var blocks = document.querySelectorAll('p, li, blockquote');
  for (var i = 0; i < blocks.length; i++) {
    var r = blocks[i].getBoundingClientRect();
    if (Math.abs(r.top - 6 - h.top) < 1.5 && Math.abs(r.left - 6 - h.left) < 1.5 && Math.abs(r.height + 12 - h.height) < 1.5) {
      out.covered = (blocks[i].textContent || '').replace(/\s+/g, ' ').trim();
      out.top = r.top;
      out.bottom = r.bottom;
      break;
    }
  }
  return out;
})()`;

const seen = (tab: Tab) => tab.evaluate<Seen>(SEEN);

/** Scrolls an element of the overlay (or the popup page) into view, then clicks it with the real mouse. */
async function reveal(tab: Tab, selector: string, where: 'overlay' | 'page' = 'overlay'): Promise<void> {
  const root = where === 'page' ? 'document' : `document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot`;
  await tab.evaluate(`${root}.querySelector(${JSON.stringify(selector)}).scrollIntoView({ block: 'center' })`);
  await clickElement(tab, selector, where);
}
/** Both harnesses' tabs wrap a Playwright or Puppeteer page, and both can bring it to the front. */
const pageOf = (tab: Tab) => (tab as unknown as { page: { bringToFront(): Promise<void> } }).page;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The FAQ item whose first evidence paragraph lies furthest down the article (so that showing it must scroll). */
function furthestFaq(card: Card): { item: number; index: number } {
  let best = { item: -1, index: -1 };
  card.faq.forEach((f, item) => {
    const index = f.evidence[0];
    if (index !== undefined && index > best.index) best = { item, index };
  });
  return best;
}

/** The scenarios, registered for the browser that `launch` starts. */
export function defineEvidenceScenarios(label: string, launch: (site: Site) => Promise<Harness>): void {
  describe(`${label}: "Vis i teksten" scrolls to and highlights the evidence paragraph`, () => {
    const site = new Site();
    const meta = site.addFixture('meta-ai-workforce');
    // The paragraphs as the content script extracts them (the same core code, on the same HTML).
    const paragraphs = extractArticle(new JSDOM(meta.html, { url: meta.url }).window.document, meta.url, recognisePage(meta.url))?.paragraphs ?? [];
    let h: Harness;
    let tabId = -1;
    let articleTab: Tab | undefined;
    let target = { item: -1, index: -1 };

    beforeAll(async () => {
      h = await launch(site);
    }, 90_000);
    afterAll(async () => {
      await h?.close();
    });

    /** Waits until the box covers the expected paragraph, scrolled into view, and returns what was seen. */
    async function expectHighlighted(tab: Tab, scrollBefore: number): Promise<Seen> {
      const want = norm(paragraphs[target.index] ?? '');
      // Scrolled, settled (a smooth scroll has ended: the same position twice in a row) and in view.
      let lastY = NaN;
      const s = await waitFor(
        `paragraph ${target.index + 1} highlighted and in view`,
        () => seen(tab),
        (x) => {
          const settled = x.scrollY === lastY;
          lastY = x.scrollY;
          return settled && x.boxes === 1 && x.covered !== null && x.scrollY !== scrollBefore && x.top !== null && x.top >= 0 && (x.bottom ?? Infinity) <= x.viewHeight;
        },
        2000,
      );
      expect(s.covered).toBe(want);
      return s;
    }

    it('from the overlay: open the pill, open an answer, click the button', async () => {
      expect(paragraphs.length).toBe(9);
      const opened = await openArticle(h, meta.url, WIDE);
      articleTab = opened.tab;
      tabId = opened.tabId;
      target = furthestFaq(opened.card);
      expect(target.index, 'an FAQ answer rests on a paragraph far enough down to need a scroll').toBeGreaterThanOrEqual(5);
      await openPanel(opened.tab);
      const item = `[data-testid=faq-item]:nth-child(${target.item + 1})`;
      await reveal(opened.tab, `${item} .nk-faq__button`);
      await waitForSnapshot(opened.tab, 'the answer open', (s) => s.card?.faq[target.item]?.answerVisible === true);

      const button = `${item} [data-testid=show-evidence][data-index="${target.index}"]`;
      await opened.tab.evaluate(
        `document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.querySelector(${JSON.stringify(button)}).scrollIntoView({ block: 'center' })`,
      );
      const before = await seen(opened.tab);
      expect(before.scrollY).toBe(0);
      expect(before.boxes).toBe(0);
      // The accessible name starts with the visible text (WCAG 2.5.3) and names the paragraph.
      const [label, shown] = JSON.parse(await opened.tab.evaluate<string>(
        `(() => { const b = document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.querySelector(${JSON.stringify(button)}); return JSON.stringify([b.getAttribute('aria-label'), b.textContent.trim()]); })()`,
      )) as [string, string];
      expect(label.startsWith(shown), `${label} starts with ${shown}`).toBe(true);
      expect(label).toMatch(new RegExp(`avsnitt ${target.index + 1}\\b`));
      // Keyboard activation: whether a mouse click focuses a button is the
      // platform's choice, so "focus stays on the button" is checked where it is ours.
      await pageOf(opened.tab).bringToFront();
      await opened.tab.evaluate(`document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.querySelector(${JSON.stringify(button)}).focus()`);
      // Under load the tab may take a moment to come to the front: Enter goes where the focus is, so wait until it is there.
      await waitFor(
        'the focus on the button, in the focused tab',
        () => opened.tab.evaluate<boolean>(`document.hasFocus() && document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.activeElement === document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.querySelector(${JSON.stringify(button)})`),
        (ok) => ok,
      );
      await opened.tab.press('Enter');

      const s = await expectHighlighted(opened.tab, before.scrollY);
      await opened.tab.screenshot(screenshotPath(`${h.name}-evidence-overlay`));
      expect(s.scrollY).toBeGreaterThan(0);
      // The live region says what happened (focus stays on the button).
      const status = await opened.tab.evaluate<string>(
        `document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.querySelector('[data-testid=evidence-status]').textContent`,
      );
      expect(status).toBe(`Avsnitt ${target.index + 1} er markert i teksten.`);
      const focused = await opened.tab.evaluate<string | null>(
        `(document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.activeElement || {}).getAttribute ? document.querySelector('[data-nynorsk-kort-overlay]').shadowRoot.activeElement.getAttribute('data-testid') : null`,
      );
      expect(focused).toBe('show-evidence');

      // The highlight goes away by itself, and the page's own markup was never changed.
      await waitFor('the highlight gone', () => seen(opened.tab), (x) => x.boxes === 0, 6000);
      expect(await opened.tab.evaluate<number>(`document.querySelectorAll('[style*="outline"]').length`)).toBe(0);
    });

    it('from the popup opened with ?tab=: the same paragraph in the tab', async () => {
      expect(articleTab, 'the first test opened the article').toBeTruthy();
      const tab = articleTab!;
      await tab.evaluate('window.scrollTo(0, 0)');
      await waitFor('back at the top', () => seen(tab), (x) => x.scrollY === 0);

      const popup = await h.openPopup(tabId);
      await waitForSnapshot(popup, 'the card in the popup', (s) => s.card !== null, 'page');
      const item = `[data-testid=faq-item]:nth-child(${target.item + 1})`;
      await reveal(popup, `${item} .nk-faq__button`, 'page');
      await reveal(popup, `${item} [data-testid=show-evidence][data-index="${target.index}"]`, 'page');
      await waitFor(
        'the popup told that the paragraph is shown',
        () => popup.evaluate<string>(`document.querySelector('[data-testid=evidence-status]').textContent`),
        (t) => t === `Avsnitt ${target.index + 1} er markert i teksten.`,
      );
      // The article's tab is behind the popup tab: bring it forward to look at it.
      await pageOf(tab).bringToFront();
      await expectHighlighted(tab, 0);
      await tab.screenshot(screenshotPath(`${h.name}-evidence-popup`));
      await waitFor('the highlight gone', () => seen(tab), (x) => x.boxes === 0, 6000);
      await popup.close();
    });

    it('on a narrow screen: the paragraph lands above the bottom sheet, not under it', async () => {
      const opened = await openArticle(h, meta.url, NARROW);
      await openPanel(opened.tab);
      const item = `[data-testid=faq-item]:nth-child(${target.item + 1})`;
      await reveal(opened.tab, `${item} .nk-faq__button`);
      await waitForSnapshot(opened.tab, 'the answer open', (s) => s.card?.faq[target.item]?.answerVisible === true);
      await reveal(opened.tab, `${item} [data-testid=show-evidence][data-index="${target.index}"]`);
      const s = await expectHighlighted(opened.tab, 0);
      const sheet = await rect(opened.tab, '[role=dialog]');
      expect(sheet).not.toBeNull();
      const top = s.top ?? -1;
      const bottom = s.bottom ?? Infinity;
      const where = `paragraph ${top}–${bottom} vs sheet top ${sheet!.y}`;
      // Its start is visible above the sheet; all of it when it fits there.
      expect(top, where).toBeGreaterThanOrEqual(0);
      expect(top + 40, where).toBeLessThanOrEqual(sheet!.y);
      if (bottom - top <= sheet!.y) expect(bottom, where).toBeLessThanOrEqual(sheet!.y);
      await opened.tab.screenshot(screenshotPath(`${h.name}-evidence-overlay-narrow`));
      await opened.tab.close();
    });

    it('from the popup: a paragraph the page does not have is reported, nothing is drawn', async () => {
      const tab = articleTab!;
      const reply = await h.openPopup(tabId);
      // Ask the content script directly, as the popup does, for an index past the article.
      const answer = await reply.evaluate<unknown>(`(globalThis.browser || globalThis.chrome).tabs.sendMessage(${tabId}, { type: 'evidence:show', index: ${paragraphs.length + 3} })`);
      expect(answer).toEqual({ found: false });
      expect((await seen(tab)).boxes).toBe(0);
      await reply.close();
      await tab.close();
    });
  });
}
