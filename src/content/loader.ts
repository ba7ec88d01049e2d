/**
 * The content script the manifest runs on every Spiceworks page (content.js),
 * at document_start. Listings, author pages and static pages cost a URL test,
 * event listeners and one message for the listing badges. On an article or a
 * thread it reads the overlay switches and fetches the article code while
 * the page parses; at DOMContentLoaded it confirms the page with a few DOM
 * queries, reads the overlay's two switches, and shows the pill at once,
 * with the topic the URL names where it names one. Then it loads the article
 * code (content-main.js: extraction, the card, the model), which fills the
 * pill in; the card's panel code (content-card.js) loads only when the
 * reader opens the card. Follows the site's own page changes (no reload).
 */
import { confirmArticle } from '../core/confirm';
import { recognisePage } from '../core/recognise';
import { topicFromUrl } from '../core/topic/url-topic';
import type { PageKind } from '../core/types';
import { benchInit, benchReport, countDomReads, timed, timedWait } from './bench-hook';
import type { ArticleMain, BaseOptions } from './index';
import { createOverlay, type OverlayHandle, type PanelModule } from './overlay';
import { readPillPrefs, showsOverlay, type PillPrefs, type PrefsApi } from './pill-prefs';
import { watchArticle } from './watch-article';
import { watchNavigation } from './watch-navigation';
import { listenForCardCommands } from './commands';
import { badgeListingPage } from './listing-badges';

benchInit('init');
countDomReads();

// The polyfill is not loaded here: the extension API is reached directly (the same calls in both browsers, promises in MV3).
type ExtApi = PrefsApi & { runtime: { getURL(path: string): string } };
const ext = ((globalThis as { browser?: ExtApi }).browser ?? (globalThis as { chrome?: ExtApi }).chrome)!;
const send = (msg: unknown) => ext.runtime.sendMessage(msg).catch(() => undefined);

let mainLoad: Promise<ArticleMain> | null = null;
let main: ArticleMain | null = null;
const loadMain = () => (mainLoad ??= import(ext.runtime.getURL('content-main.js')) as Promise<ArticleMain>);
const loadPanel = () => import(ext.runtime.getURL('content-card.js')) as Promise<PanelModule>;

let run = 0;
let currentKey = '';
let overlay: OverlayHandle | null = null;
let stopWatching: (() => void) | null = null;

/** What identifies "the same article" across URL changes (post numbers and hashes do not). */
function pageKey(page: PageKind, url: URL): string {
  if (page.kind === 'article') return `a:${page.slug}`;
  if (page.kind === 'thread') return `t:${page.id}`;
  return `n:${url.host}${url.pathname}`;
}

/** Leaves the current page's card behind: the pill, the article code's work, any watcher. */
function leave(): void {
  stopWatching?.();
  stopWatching = null;
  main?.leavePage();
  overlay?.destroy();
  overlay = null;
}

/** The overlay's own actions, the same before and after the article code has loaded. */
const baseOptions: BaseOptions = {
  onHideForSession: () => {
    leave();
    void send({ type: 'overlay:hide-for-session' });
  },
  onOpenOptions: () => void send({ type: 'options:open' }),
  onFeedback: (f) => send({ type: 'feedback:add', ...f }).then((r) => !!r),
};

async function enter(page: PageKind, myRun: number): Promise<void> {
  const prefs = await timedWait('waitPrefs', prefsAhead ?? readPillPrefs(ext));
  prefsAhead = null;
  if (myRun !== run) return;
  if (showsOverlay(prefs)) {
    const o = timed('pill', () => {
      const created = createOverlay(document, { loadPanel, fileUrl: (f) => ext.runtime.getURL(f), urlTopic: topicFromUrl(location.href)?.label ?? null });
      created.render({ status: 'loading', url: location.href }, baseOptions);
      return created;
    });
    overlay = o;
    if (prefs.mode === 'open') void o.open('setting');
    benchReport('mounted');
  }
  const m = await timedWait('waitMain', loadMain());
  if (myRun !== run) return;
  main = m;
  m.showPage({ page, overlay, prefs, baseOptions, isCurrent: () => myRun === run });
}

function onLocation(): PageKind['kind'] {
  const url = new URL(location.href);
  const page = timed('recognise', () => recognisePage(url.href));
  const key = pageKey(page, url);
  if (key === currentKey) return page.kind;
  currentKey = key;
  const myRun = ++run;
  leave();
  if (page.kind === 'none') return badgeListingPage(), page.kind;
  // An article URL may still hold an empty shell or an error page: wait for the content.
  stopWatching = watchArticle(
    document,
    () => timed('confirm', () => confirmArticle(document, page)),
    () => {
      stopWatching = null;
      if (myRun === run) void enter(page, myRun);
    },
  );
  return page.kind;
}

// The manifest runs this at document_start, while the page is still parsing: on an article URL, what needs no DOM starts
// now (the overlay switches, fetching and evaluating the article code); the DOM work waits for DOMContentLoaded, whose
// listeners run in the order they were added, so the pill is mounted before the page's own handlers run.
let prefsAhead: Promise<PillPrefs> | null = null;
if (recognisePage(location.href).kind !== 'none') {
  prefsAhead = readPillPrefs(ext);
  loadMain().catch(() => (mainLoad = null));
}

function start(): void {
  listenForCardCommands(() => overlay);
  const firstKind = onLocation();
  timed('watch', () => watchNavigation(window, onLocation));
  benchReport(firstKind === 'none' ? 'none' : 'started');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
