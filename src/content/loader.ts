/**
 * The gate: the content script the manifest runs on every Spiceworks page
 * (content.js), at document_start. Every page evaluates it, so it is small
 * and does next to nothing where there is no article: on a first load it
 * does not even read the URL, since the manifest already did (the pill's
 * script, content-pill.js, is injected only on URLs that look like articles
 * or threads); it follows the site's own page changes (no reload), from the
 * reader's first click or key on a listing, and, only where the reader has cards (the
 * background then registers the badges script, ./badges-api), has the
 * listing badged in idle time. A reader without cards never touches the
 * extension API here. On an article or a thread it hands the page to the
 * pill's script (./pill-loader), or imports that script when the site moved
 * to an article without a reload.
 */
import { recognisePage } from '../core/recognise';
import type { PageKind } from '../core/types';
import { benchInit, benchReport, countDomReads, timed, timedLate } from './bench-hook';
import { registeredBadges } from './badges-api';
import { PILL_FILE, registerGate, registeredPill, type PillApi } from './pill-api';
import { watchNavigation, watchNavigationFromFirstUse } from './watch-navigation';

benchInit('init');
registerGate({ recognise: recognisePage });

let run = 0;
/** The key of the page the gate last handled; null until it handled one (a listing at load: the watcher names the URL it left). */
let currentKey: string | null = null;
let pill: PillApi | null = null;
let pillLoad: Promise<PillApi | undefined> | null = null;

/** What identifies "the same article" across URL changes (post numbers and hashes do not). */
function pageKey(page: PageKind, url: URL): string {
  if (page.kind === 'article') return `a:${page.slug}`;
  if (page.kind === 'thread') return `t:${page.id}`;
  return `n:${url.host}${url.pathname}`;
}

function recognise(href: string): { page: PageKind; key: string } {
  const url = new URL(href);
  const page = recognisePage(url.href);
  return { page, key: pageKey(page, url) };
}

/** The pill's script: already evaluated (manifest), else imported once (its evaluation registers it). */
function withPill(use: (p: PillApi) => void): void {
  const now = registeredPill();
  if (now) return use(now);
  type Ext = { runtime: { getURL(path: string): string } };
  const ext = ((globalThis as { browser?: Ext }).browser ?? (globalThis as { chrome?: Ext }).chrome)!;
  pillLoad ??= import(ext.runtime.getURL(PILL_FILE)).then(registeredPill, () => ((pillLoad = null), undefined));
  void pillLoad.then((p) => p && use(p));
}

/**
 * The page at this URL is (now) the current one: leaves the last one, then badges a listing or enters an article.
 * `from`: the URL the site left, which stands for the last page when the gate has handled none yet.
 */
function onLocation(from: string | null = null): void {
  const { page, key } = timed('recognise', () => recognise(location.href));
  const lastKey = currentKey ?? (from === null ? null : recognise(from).key);
  currentKey = key;
  if (key === lastKey) return;
  const myRun = ++run;
  pill?.leave();
  if (page.kind === 'none') return void badgesWhenIdle();
  withPill((p) => {
    if (myRun !== run) return;
    pill = p;
    p.enter(page, () => myRun === run);
  });
}

/**
 * The badges, in idle time, where the badges script is there (the reader has cards): its one message is the
 * extension API's first use in this world, the dearest step on a listing. Without it, nothing to do.
 */
function badgesWhenIdle(): void {
  const badge = registeredBadges();
  if (!badge) return void benchReport('none');
  const ask = () => {
    timed('badges', () => badge(recognisePage));
    benchReport('none');
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(ask, { timeout: 2000 });
  else setTimeout(ask, 0);
}

function start(late = false): void {
  // No pill's script here: the manifest found no article-like URL, and nothing needs the URL, not even read, until it
  // changes (the watcher then names the URL it left). Started late (see below), the URL decides: the pill's script
  // may still be missing where it belongs.
  const listing = !(late || registeredPill());
  if (!listing) onLocation();
  // A listing waits for the reader's first click or key: until then the site has no reason to move.
  if (listing) timed('watch', () => watchNavigationFromFirstUse(window, onLocation, (watch) => timedLate('wake', watch)));
  else timed('watch', () => watchNavigation(window, onLocation));
  if (listing) badgesWhenIdle();
  if (pill) benchReport('started');
}

timed('init', () => {
  // A page that had loaded before the gate came (Firefox injects into open tabs when the extension is installed or
  // updated): the pill's script, next in the manifest, is not evaluated yet; start once it has had its turn.
  if (__NK_STARTS_LATE__ && document.readyState !== 'loading') return void setTimeout(() => start(true), 0);
  // On the window, not the document: a listing then never touches `document` in this world, whose first use costs
  // about 0.3 ms (Chromium sets up its bindings). In the capture phase, which reaches the window before the document, and
  // added at document_start, before any of the page's: the pill is mounted before the page's DOMContentLoaded handlers.
  window.addEventListener('DOMContentLoaded', () => start(), { once: true, capture: true });
});
countDomReads();
