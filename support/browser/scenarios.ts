/**
 * The browser scenarios of issue 2, written once and run in Chromium and in
 * Firefox (see chromium.test.ts, firefox.test.ts). One browser launch per
 * file; the tests run in order and share it, so each test opens its own tabs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArticle, openPanel, QUIET_MS, readyCard, removerScript, scenarioSite, SPY_SCRIPT, withHeadScript } from './flow';
import type { Snapshot } from './in-page';
import { screenshotPath } from './paths';
import { OTHER_SITE_URL, SITE_CSS, withStyle, type Site } from './site';
import { NARROW, WIDE, type Harness, type Tab } from './types';
import {
  activeText,
  clickElement,
  computedStyle,
  focusElement,
  hitTest,
  overlaps,
  rect,
  sleep,
  snapshot,
  textColumn,
  waitFor,
  viewport,
  waitForSnapshot,
} from './wait';

/** The shared scenarios, registered inside the caller's describe. */
export function defineScenarios(label: string, launch: (site: Site) => Promise<Harness>): void {
  describe(`${label}: the card on Spiceworks pages`, () => {
    const { site, pages } = scenarioSite();
    let h: Harness;
    const shot = (name: string) => screenshotPath(`${h.name}-${name}`);

    beforeAll(async () => {
      h = await launch(site);
    }, 90_000);
    afterAll(async () => {
      await h?.close();
    });

    let metaOverlay: Snapshot;
    let metaTabId: number;
    let metaTab: Tab | undefined;
    let metaOverlayStyle: Record<string, string> | null = null;

    it('shows the curated library card on the Meta article, collapsed to a pill that names the topic', async () => {
      const { tab, tabId, card, pill } = await openArticle(h, pages.meta.url);
      metaTabId = tabId;
      expect(card.engine.kind).toBe('library');
      expect(card.topic.id).toBe('ai');
      expect(pill.open).toBe(false);
      expect(pill.card).toBeNull();
      await tab.screenshot(shot('overlay-collapsed-wide'));

      const open = await openPanel(tab);
      metaOverlay = open;
      expect(open.hosts).toBe(1);
      expect(open.card).toMatchObject({ engine: 'library', lang: 'nn', topic: 'ai', summaryParagraphs: 6, title: card.title });
      expect(open.card?.summaryText).toBe(card.summary.join(' ').replace(/\s+/g, ' ').trim());
      expect(open.card?.faq.map((f) => f.q)).toEqual(card.faq.map((f) => f.q));
      expect(open.card?.faq).toHaveLength(5);
      expect(open.card?.faq.every((f) => !f.expanded && !f.answerVisible)).toBe(true);
      expect(open.card?.source).toContain('Spiceworks');
      metaOverlayStyle = await computedStyle(tab, '[data-testid=summary] p', ['font-size']);
      await tab.screenshot(shot('overlay-open-wide'));
      metaTab = tab; // the popup test reads this tab's card; closing a tab drops its card
    });

    it('opens the FAQ accordion and the pill with the keyboard', async () => {
      const { tab } = await openArticle(h, pages.meta.url);
      // The pill opens with Enter and the panel closes with Escape, focus returning to the pill.
      expect(await focusElement(tab, '[data-testid=pill]')).toBe(true);
      await tab.press('Enter');
      const open = await waitForSnapshot(tab, 'the panel opened by Enter', (s) => s.open && s.card !== null);
      const faq = open.card?.faq ?? [];
      expect(faq.length).toBe(5);

      expect(await focusElement(tab, '[data-testid=faq-item] button', 0)).toBe(true);
      await tab.press('Enter');
      let s = await waitForSnapshot(tab, 'the first answer open', (x) => x.card?.faq[0]?.expanded === true);
      expect(s.card?.faq[0]?.answerVisible).toBe(true);
      expect(s.card?.faq[1]?.expanded).toBe(false);

      // Tab goes through the open answer's "Vis i teksten" buttons, then to the next question.
      const stops: (string | null)[] = [];
      for (let i = 0; i < 6; i++) {
        await tab.press('Tab');
        const t = await activeText(tab);
        if (t === faq[1]?.q) break;
        stops.push(t);
      }
      expect(await activeText(tab)).toBe(faq[1]?.q);
      expect(stops.length).toBeGreaterThan(0);
      for (const t of stops) expect(t).toMatch(/^Vis (i teksten|avsnitt \d+)$/);
      await tab.press(' ');
      s = await waitForSnapshot(tab, 'the second answer open', (x) => x.card?.faq[1]?.expanded === true);
      expect(s.card?.faq[1]?.answerVisible).toBe(true);

      await tab.press('Enter');
      s = await waitForSnapshot(tab, 'the second answer closed again', (x) => x.card?.faq[1]?.expanded === false);
      expect(s.card?.faq[1]?.answerVisible).toBe(false);
      await tab.screenshot(shot('overlay-faq-open-wide'));

      await tab.press('Escape');
      const closed = await waitForSnapshot(tab, 'the panel closed by Escape', (x) => !x.open && x.pill !== null);
      expect(closed.hosts).toBe(1);
      // Focus moves back to the pill in an effect after the render.
      await waitFor('focus back on the pill', () => activeText(tab), (t) => t === closed.pill);
      await tab.close();
    });

    it('shows the same card in the popup opened with ?tab= for that tab', async () => {
      expect(metaOverlay?.card, 'the first test must have read the overlay card').toBeTruthy();
      const popup = await h.openPopup(metaTabId);
      const inPopup = await waitForSnapshot(popup, 'the card in the popup', (s) => s.card !== null, 'page');
      const { text: _a, ...popupCard } = inPopup.card ?? ({} as NonNullable<Snapshot['card']>);
      const { text: _b, ...overlayCard } = metaOverlay.card ?? ({} as NonNullable<Snapshot['card']>);
      expect(popupCard).toEqual(overlayCard);
      // The popup's text is not smaller than the overlay's (e.g. shrunk by the browser's own styles for extension pages).
      const px = (st: Record<string, string> | null) => parseFloat(st?.['font-size'] ?? 'NaN');
      const popupSize = px(await computedStyle(popup, '[data-testid=summary] p', ['font-size'], 'page'));
      expect(popupSize).toBeGreaterThanOrEqual(px(metaOverlayStyle));
      await popup.setViewport(400, 600);
      await popup.screenshot(shot('popup-meta'), { fullPage: true });
      await popup.close();
      await metaTab?.close();
    });

    it('gives another Meta article an honest fact card, never the Meta card', async () => {
      const { tab, card } = await openArticle(h, pages.otherMeta.url);
      expect(card.engine.kind).toBe('digest');
      const open = await openPanel(tab);
      expect(open.card?.engine).toBe('digest');
      expect(open.card?.lang).toBe('nn');
      expect(open.card?.topic).toBe(card.topic.id);
      expect(open.card?.notice, 'the card says that no Nynorsk summary exists yet').toBeTruthy();
      expect(open.card?.title).not.toBe(metaOverlay.card?.title);
      expect(open.card?.text).not.toContain(metaOverlay.card?.summaryText.slice(0, 60));
      for (const q of metaOverlay.card?.faq ?? []) expect(open.card?.text).not.toContain(q.q);
      await tab.screenshot(shot('overlay-open-digest-wide'));
      await tab.close();
    });

    it('follows the site changing article without a reload (pushState): the old card goes, the new one comes', async () => {
      const { tab, card: first } = await openArticle(h, pages.meta.url);
      // The page swaps in the other article's content and URL itself, as a single-page site does.
      const otherHtml = await tab.evaluate<string>(`fetch(${JSON.stringify(pages.otherMeta.url)}).then((r) => r.text())`);
      await tab.evaluate(
        `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(otherHtml)}, 'text/html'); document.head.replaceWith(document.adoptNode(d.head)); document.body.replaceWith(document.adoptNode(d.body)); history.pushState({}, '', ${JSON.stringify(pages.otherMeta.url)}); })()`,
      );
      const { card: second } = await readyCard(h, pages.otherMeta.url);
      expect(second.title).not.toBe(first.title);
      const s = await waitForSnapshot(tab, 'one pill for the new article', (x) => x.hosts === 1 && !!x.pill && x.pill.toLowerCase().includes(second.topic.label.toLowerCase()));
      expect(s.hosts).toBe(1);
      const open = await openPanel(tab);
      expect(open.card?.title).toBe(second.title);
      await tab.close();
    });

    it('detects the topic of a security article', async () => {
      const { tab, card } = await openArticle(h, pages.security.url);
      expect(card.topic.id).toBe('security');
      expect(card.engine.kind).not.toBe('library');
      await tab.close();
    });

    for (const which of ['editorial', 'listing'] as const) {
      it(`puts no overlay on a non-article Spiceworks page (${which})`, async () => {
        // The same tab first shows an article, so the content script demonstrably runs in it.
        const { tab } = await openArticle(h, pages.security.url);
        await tab.goto(pages[which].url);
        await sleep(QUIET_MS);
        const s = await snapshot(tab);
        expect(s.hosts).toBe(0);
        expect(await tab.evaluate<number>(`document.querySelectorAll('[data-nynorsk-kort-overlay]').length`)).toBe(0);
        await tab.close();
      });
    }

    it('explains itself in the popup for a page outside Spiceworks', async () => {
      const before = new Set(await h.tabIds());
      const other = await h.open(OTHER_SITE_URL);
      const fresh = (await h.tabIds()).filter((id) => !before.has(id));
      expect(fresh).toHaveLength(1);
      const popup = await h.openPopup(fresh[0] ?? -1);
      const s = await waitForSnapshot(popup, 'the explanation', (x) => x.status !== null && x.status !== 'loading', 'page');
      expect(s.card).toBeNull();
      expect(s.status).toBe('none');
      expect(s.statusText).toContain('spiceworks.com');
      expect(await popup.evaluate<string>(`document.documentElement.lang`)).toBe('nn');
      await popup.setViewport(400, 600);
      await popup.screenshot(shot('popup-other-site'), { fullPage: true });
      await popup.close();
      await other.close();
    });

    it('keeps its own styles against hostile page CSS', async () => {
      const reference = await openArticle(h, pages.meta.url);
      await openPanel(reference.tab);
      const hostile = await openArticle(h, pages.hostile.url);
      await openPanel(hostile.tab);
      const props = ['color', 'font-size', 'font-family', 'line-height', 'background-color', 'padding-top', 'display'];
      for (const sel of ['[data-testid=card]', '[data-testid=summary] p', '[data-testid=faq-item] button', '[data-testid=topic]']) {
        const want = await computedStyle(reference.tab, sel, props);
        const got = await computedStyle(hostile.tab, sel, props);
        expect(want, sel).not.toBeNull();
        expect(got, sel).toEqual(want);
      }
      // The page's CSS itself is in force outside the overlay.
      expect((await computedStyle(hostile.tab, 'h1', ['color'], 'page'))?.color).toBe('rgb(255, 0, 0)');
      await hostile.tab.screenshot(shot('overlay-open-hostile-css'));
      await reference.tab.close();
      await hostile.tab.close();
    });

    it('stays visible when page CSS targets its host element', async () => {
      const url = `${pages.meta.url}?style=host`;
      site.add(url, withStyle(pages.meta.html, `${SITE_CSS} [data-nynorsk-kort-overlay], html > div, body > div { display: none !important; visibility: hidden !important; opacity: 0 !important; }`));
      const { tab } = await openArticle(h, url);
      const pill = await rect(tab, '[data-testid=pill]');
      expect(pill && pill.width > 0 && pill.height > 0, `pill box ${JSON.stringify(pill)}`).toBe(true);
      const st = await computedStyle(tab, '[data-testid=pill]', ['visibility', 'opacity']);
      expect(st).toEqual({ visibility: 'visible', opacity: '1' });
      await tab.close();
    });

    // Issue 12: pages that try to take over, spy on or hide the overlay. The page's scripts run in its <head>, before ours.
    it('keeps its overlay when the page defined a custom element named like the old host', async () => {
      const url = `${pages.meta.url}?hostile=define`;
      site.add(url, withHeadScript(pages.meta.html, `customElements.define('nynorsk-kort-overlay', class extends HTMLElement { constructor() { super(); window.__hostile = 'ran'; } });`));
      const { tab } = await openArticle(h, url);
      expect(await tab.evaluate(`window.__hostile === undefined`), 'the page constructor never ran').toBe(true);
      const open = await openPanel(tab);
      expect(open.hosts).toBe(1);
      expect(open.card?.engine).toBe('library');
      await tab.close();
    });

    it('gives a spying page no hook: its custom element, attachShadow and define patches are never called', async () => {
      const url = `${pages.meta.url}?hostile=spy`;
      site.add(url, withHeadScript(pages.meta.html, SPY_SCRIPT));
      const { tab } = await openArticle(h, url);
      const open = await openPanel(tab);
      expect(open.card?.engine).toBe('library');
      expect(await tab.evaluate(`JSON.stringify(window.__spyLog)`), 'nothing of ours went through the page').toBe('[]');
      expect(await tab.evaluate(`window.__spied`)).toBe('');
      // The host is not an element the page can define: a plain element, with the open shadow root of the contract.
      expect(await tab.evaluate(`(() => { const h = document.querySelector('[data-nynorsk-kort-overlay]'); return [h.localName.includes('-'), h.shadowRoot && h.shadowRoot.mode]; })()`)).toEqual([false, 'open']);
      await tab.close();
    });

    const HIDE_ALL = {
      star: '* { display: none !important; }',
      'html-children': 'html > *:not(body) { display: none !important; }',
      'body-and-html-children': 'body, html > *:not(body) { display: none !important; visibility: hidden !important; }',
    } as const;
    for (const [which, css] of Object.entries(HIDE_ALL)) {
      it(`keeps the pill visible and clickable when the page hides everything (${which})`, async () => {
        const url = `${pages.meta.url}?hide=${which}`;
        site.add(url, withStyle(pages.meta.html, `${SITE_CSS} ${css}`));
        const { tab } = await openArticle(h, url);
        const hit = await waitFor('the pill on top at its centre', () => hitTest(tab, '[data-testid=pill]'), (x) => !!x && x.host && x.element);
        expect(hit!.width > 0 && hit!.height > 0, JSON.stringify(hit)).toBe(true);
        if (hit!.visible !== null) expect(hit!.visible).toBe(true);
        if (which === 'star') await tab.screenshot(shot('overlay-collapsed-hide-all-css'));
        const open = await openPanel(tab);
        expect(open.card?.engine).toBe('library');
        await tab.close();
      });
    }

    it('comes back when a page script removes it, and stops re-mounting against a page that always does', async () => {
      const twice = `${pages.meta.url}?hostile=remove-twice`;
      site.add(twice, withHeadScript(pages.meta.html, removerScript(2)));
      const a = await openArticle(h, twice);
      expect(await a.tab.evaluate<number>(`window.__removed`)).toBe(2);
      await openPanel(a.tab);
      await a.tab.close();

      const always = `${pages.meta.url}?hostile=remove-always`;
      site.add(always, withHeadScript(pages.meta.html, removerScript(Infinity)));
      const tab = await h.open(always);
      await readyCard(h, always);
      await waitFor('the page to remove the overlay', () => tab.evaluate<number>(`window.__removed`), (n) => n > 0);
      await sleep(QUIET_MS);
      const settled = await tab.evaluate<number>(`window.__removed`);
      await sleep(QUIET_MS);
      expect(await tab.evaluate<number>(`window.__removed`), 'no more re-mounts once the overlay gave up').toBe(settled);
      expect(settled).toBeLessThanOrEqual(6);
      await tab.close();
    });

    for (const which of ['meta', 'otherMeta', 'security'] as const) {
      it(`does not cover the text column on a wide screen, pill or panel (${which})`, async () => {
        const { tab } = await openArticle(h, pages[which].url, WIDE);
        const column = await textColumn(tab);
        expect(column).not.toBeNull();
        const pill = await rect(tab, '[data-testid=pill]');
        expect(pill).not.toBeNull();
        expect(overlaps(pill!, column!), `pill ${JSON.stringify(pill)} vs text ${JSON.stringify(column)}`).toBe(false);
        await openPanel(tab);
        const panel = await rect(tab, '[role=dialog]');
        expect(panel).not.toBeNull();
        expect(overlaps(panel!, column!), `panel ${JSON.stringify(panel)} vs text ${JSON.stringify(column)}`).toBe(false);
        await tab.close();
      });
    }

    it('becomes a bottom sheet on a narrow screen', async () => {
      const { tab } = await openArticle(h, pages.meta.url, NARROW);
      await tab.screenshot(shot('overlay-collapsed-narrow'));
      const pill = await rect(tab, '[data-testid=pill]');
      const vp = await viewport(tab);
      expect(pill!.x + pill!.width).toBeLessThanOrEqual(vp.width);
      await openPanel(tab);
      const panel = await rect(tab, '[role=dialog]');
      expect(panel).not.toBeNull();
      expect(Math.abs(panel!.x + panel!.width - vp.width), 'flush with the right edge').toBeLessThanOrEqual(1);
      expect(Math.abs(panel!.x), 'flush with the left edge').toBeLessThanOrEqual(1);
      expect(Math.abs(panel!.y + panel!.height - vp.height), 'flush with the bottom').toBeLessThanOrEqual(1);
      expect(panel!.height).toBeLessThan(vp.height);
      await tab.screenshot(shot('overlay-open-narrow'));
      await tab.close();
    });

    // Last: hiding lasts for the rest of the session, so no later test could see an overlay.
    it('"hide for this session" removes the overlay, and it stays away on the next article', async () => {
      const { tab } = await openArticle(h, pages.meta.url);
      await openPanel(tab);
      await clickElement(tab, '[data-testid=hide-for-session]');
      await waitForSnapshot(tab, 'the overlay gone', (s) => s.hosts === 0);
      // Focus is not lost with the button: it lands on the page's main heading, and the page hears why.
      expect(await tab.evaluate<string>(`document.activeElement && document.activeElement.tagName`)).toBe('H1');
      await waitFor('the announcement', () => tab.evaluate<string>(`document.querySelector('[data-nynorsk-kort=announce]')?.textContent ?? ''`), (t) => t === 'Kortet er skjult resten av økta.');

      await tab.goto(pages.security.url);
      // The background still makes the card (the popup shows it); by then the overlay would be there.
      const { card } = await readyCard(h, pages.security.url);
      expect(card.topic.id).toBe('security');
      expect((await snapshot(tab)).hosts).toBe(0);

      const other = await h.open(pages.otherMeta.url);
      await readyCard(h, pages.otherMeta.url);
      await sleep(300);
      expect((await snapshot(other)).hosts).toBe(0);
      await other.close();
      await tab.close();
    });
  });
}
