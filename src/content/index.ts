/**
 * Content script on spiceworks.com: recognise the page from its URL (free),
 * confirm it with the DOM, extract the article, detect its topic, ask the
 * background for the card, and show it in the overlay. Runs again when the
 * site changes page without reloading; a card never outlives its article.
 */
import browser from 'webextension-polyfill';
import templates from '../../assets/card-templates.json';
import { confirmArticle } from '../core/confirm';
import { extractArticle } from '../core/extract';
import { recognisePage } from '../core/recognise';
import { detectTopic } from '../core/topic';
import type { CardState, PageKind } from '../core/types';
import { isCardState } from '../core/validate';
import type { Message, OverlayPrefs } from '../protocol';
import { listenForEvidenceRequests, setCurrentArticle, showEvidence } from './evidence';
import { createOverlay } from './overlay';
import { watchArticle } from './watch-article';
import { watchNavigation } from './watch-navigation';
// Bench-only timing (npm run bench): every use is behind `if (__NK_BENCH__)`, false outside bench builds, so dropped.
import { benchAdd, benchBegin, benchEnd, benchInit, benchOnRerun, benchReport, countDomReads } from './bench-hook';

if (__NK_BENCH__) {
  benchInit();
  countDomReads();
}

type Overlay = ReturnType<typeof createOverlay>;

const send = (msg: Message) => browser.runtime.sendMessage(msg) as Promise<unknown>;

/** What identifies "the same article" across URL changes (post numbers and hashes do not). */
function pageKey(page: PageKind, url: URL): string {
  if (page.kind === 'article') return `a:${page.slug}`;
  if (page.kind === 'thread') return `t:${page.id}`;
  return `n:${url.host}${url.pathname}`;
}

let overlay: Overlay | null = null;
let stopWatching: (() => void) | null = null;
let hadCard = false;
let run = 0;

function teardown() {
  stopWatching?.();
  stopWatching = null;
  overlay?.destroy();
  overlay = null;
  setCurrentArticle(null);
}

async function showCard(page: PageKind, myRun: number): Promise<void> {
  const url = location.href;
  const prefsP = send({ type: 'overlay:get' }) as Promise<OverlayPrefs>;
  if (__NK_BENCH__) benchBegin();
  const article = extractArticle(document, url, page);
  if (__NK_BENCH__) benchEnd('extract');
  if (!article || article.paragraphs.length === 0) {
    if (__NK_BENCH__) benchReport('no-article');
    return;
  }
  setCurrentArticle(article);
  if (__NK_BENCH__) benchBegin();
  const topic = detectTopic(article);
  if (__NK_BENCH__) {
    benchEnd('topic');
    benchBegin();
  }
  const prefs = await prefsP.catch((): OverlayPrefs => ({ mode: 'pill', hiddenForSession: false }));
  if (__NK_BENCH__) {
    benchEnd('waitPrefs');
    benchBegin();
  }
  if (myRun !== run) return;
  if (prefs.mode !== 'off' && !prefs.hiddenForSession) {
    // The linked sheets are the fallback where a page's CSP refuses adopted stylesheets.
    overlay = createOverlay(document, { stylesheetUrls: ['card.css', 'overlay.css'].map((f) => browser.runtime.getURL(f)) });
  }
  const opts = {
    startOpen: prefs.mode === 'open',
    onHideForSession: () => {
      teardown();
      void send({ type: 'overlay:hide-for-session' });
    },
    onOpenOptions: () => void send({ type: 'options:open' }),
    onShowEvidence: showEvidence,
  };
  overlay?.render({ status: 'loading', url, title: article.title }, opts);
  hadCard = true;
  if (__NK_BENCH__) {
    benchEnd('overlay');
    benchReport('mounted');
    benchBegin();
  }
  let state: CardState;
  try {
    const reply = await send({ type: 'card:request', article, topic });
    state = isCardState(reply) ? reply : { status: 'error', url, message: templates.errors.noAnswer };
  } catch {
    state = { status: 'error', url, message: templates.errors.noAnswer };
  }
  if (__NK_BENCH__) {
    benchEnd('waitCard');
    benchBegin();
  }
  if (myRun === run) overlay?.render(state, opts);
  if (__NK_BENCH__) {
    benchEnd('render');
    benchReport('answered');
  }
}

function start(page: PageKind): void {
  const myRun = ++run;
  teardown();
  if (page.kind === 'none') {
    if (hadCard) void send({ type: 'card:clear', url: location.href });
    hadCard = false;
    return;
  }
  // An article URL may still hold an empty shell or an error page: wait for the content.
  stopWatching = watchArticle(document, () => (__NK_BENCH__ ? benchConfirm : confirmArticle)(document, page), () => {
    stopWatching = null;
    if (myRun === run) void showCard(page, myRun);
  });
}

/** Bench builds only: confirmArticle, timed. */
function benchConfirm(doc: Document, page: PageKind): boolean {
  const tb = performance.now();
  const ok = confirmArticle(doc, page);
  benchAdd('confirm', tb);
  return ok;
}

let currentKey = '';
function onLocation(): void {
  if (__NK_BENCH__) benchBegin();
  const url = new URL(location.href);
  const page = recognisePage(url.href);
  const key = pageKey(page, url);
  if (__NK_BENCH__) benchEnd('recognise');
  if (key === currentKey) return;
  currentKey = key;
  start(page);
}

listenForEvidenceRequests(browser.runtime);
onLocation();
if (__NK_BENCH__) benchBegin();
watchNavigation(window, onLocation);
if (__NK_BENCH__) {
  benchEnd('watch');
  // The same work as one page visit (recognise, confirm, extract, topic), repeatable warm on request.
  benchOnRerun(() => {
    const page = recognisePage(location.href);
    const article = confirmArticle(document, page) ? extractArticle(document, location.href, page) : null;
    if (article) detectTopic(article);
  });
  benchReport(recognisePage(location.href).kind === 'none' ? 'none' : 'started');
}
