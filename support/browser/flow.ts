/**
 * The steps the browser tests and the demo share: the served pages, waiting
 * for a tab's card, opening an article and its panel. No test runner here,
 * so scripts/demo.ts can use it too.
 */
import type { Card, CardState } from '../../src/core/types';
import type { Snapshot } from './in-page';
import { Site, SITE_CSS, withStyle, type FixturePage } from './site';
import { WIDE, type Harness, type Tab } from './types';
import { clickElement, waitFor, waitForSnapshot } from './wait';

/** Page CSS that tries everything a careless or hostile site stylesheet does to injected UI. */
export const HOSTILE_CSS = `
  * { color: red !important; font-size: 40px !important; font-family: monospace !important; line-height: 3 !important; }
  button, p, section, article, div, ul, li, h2, h3, h4 { background: yellow !important; padding: 30px !important; margin: 30px !important; }
  [data-testid] { display: none !important; }
`;

/**
 * A page script (our own words) that spies: it patches attachShadow and customElements.define, defines the old
 * host tag with a constructor that attaches its own shadow root and copies whatever lands there to window.__spied.
 * Everything of ours that passes through it is logged in window.__spyLog.
 */
export const SPY_SCRIPT = `
  window.__spyLog = [];
  window.__spied = '';
  var realAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    window.__spyLog.push('attachShadow ' + this.localName);
    return realAttach.call(this, { mode: 'open', delegatesFocus: init && init.delegatesFocus });
  };
  var realDefine = customElements.define.bind(customElements);
  realDefine('nynorsk-kort-overlay', class extends HTMLElement {
    constructor() {
      super();
      window.__spyLog.push('constructor');
      var root = realAttach.call(this, { mode: 'closed' });
      new MutationObserver(function () { window.__spied = root.textContent; }).observe(root, { subtree: true, childList: true, characterData: true });
    }
  });
  customElements.define = function (name) {
    window.__spyLog.push('define ' + name);
    return realDefine.apply(null, arguments);
  };
`;

/** A page script that removes the overlay's host each time it appears, `times` times in all (window.__removed counts). */
export function removerScript(times: number): string {
  return `
    window.__removed = 0;
    new MutationObserver(function () {
      document.querySelectorAll('[data-nynorsk-kort-overlay], nynorsk-kort-overlay').forEach(function (el) {
        if (window.__removed < ${Number.isFinite(times) ? times : 'Infinity'}) { window.__removed++; el.remove(); }
      });
    }).observe(document, { childList: true, subtree: true });
  `;
}

/** Puts a page script first in the head, so that it runs before anything else on the page (and before ours). */
export function withHeadScript(html: string, js: string): string {
  const tag = `<script>${js}</script>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => m + tag) : tag + html;
}

/** How long a negative check ("no overlay appears") waits after the load event. The loader runs at document_start and mounts nothing before DOMContentLoaded. */
export const QUIET_MS = 1500;

/** The pages every scenario run serves. */
export function scenarioSite(): { site: Site; pages: Record<'meta' | 'otherMeta' | 'security' | 'hostile' | 'editorial' | 'listing', FixturePage> } {
  const site = new Site();
  const pages = {
    meta: site.addFixture('meta-ai-workforce'),
    // Each paragraph in a section of its own: no one container holds the article, so the content script loads
    // Readability (content-readability.js) for it, and the scenarios cover that path in both browsers.
    otherMeta: site.addFixture('meta-llama-government', (html) => html.replace(/<p>/g, '<section><p>').replace(/<\/p>/g, '</p></section>')),
    security: site.addFixture('ivanti-zero-days'),
    editorial: site.addFixture('editorial-standards'),
    listing: site.addFixture('section-listing-cloud'),
  };
  // The Meta article again, with hostile CSS, at a URL that differs only in its query (same slug, same card).
  const hostile = { ...pages.meta, name: 'meta-ai-workforce+hostile-css', url: `${pages.meta.url}?style=hostile` };
  site.add(hostile.url, withStyle(hostile.html, SITE_CSS + HOSTILE_CSS));
  return { site, pages: { ...pages, hostile } };
}

/** Waits until the background has stored a ready card for the tab showing `url`, and returns it. */
export async function readyCard(h: Harness, url: string): Promise<{ tabId: number; card: Card }> {
  const tabId = await waitFor(`a tab at ${url}`, () => h.tabIdOf(url), () => true);
  const state = await waitFor<CardState | null>(
    `a ready card for ${url}`,
    () => h.tabState(tabId),
    (s) => (s?.status === 'ready' || s?.status === 'error') && sameUrl(s.url, url),
  );
  if (state?.status !== 'ready') throw new Error(`card for ${url} is ${JSON.stringify(state)}`);
  return { tabId, card: state.card };
}

const sameUrl = (a: string | undefined, b: string) => (a ?? '').replace(/#.*$/, '') === b.replace(/#.*$/, '');

/** The pill's words for a card: the topic label, as the overlay shows it. */
const pillNamesTopic = (s: Snapshot, card: Card) => !!s.pill && s.pill.toLowerCase().includes(card.topic.label.toLowerCase());

/** Opens an article and waits for the collapsed overlay naming the card's topic. */
export async function openArticle(h: Harness, url: string, size = WIDE): Promise<{ tab: Tab; tabId: number; card: Card; pill: Snapshot }> {
  const tab = await h.open(url, size);
  const { tabId, card } = await readyCard(h, url);
  const pill = await waitForSnapshot(tab, 'the pill naming the topic', (s) => s.hosts === 1 && pillNamesTopic(s, card));
  return { tab, tabId, card, pill };
}

/** Opens the overlay's panel with a real click on the pill and waits for the card. */
export async function openPanel(tab: Tab): Promise<Snapshot> {
  await clickElement(tab, '[data-testid=pill]');
  return waitForSnapshot(tab, 'the open card', (s) => s.open && s.card !== null);
}

