/**
 * The pill's script (content-pill.js). The manifest runs it at
 * document_start only on URLs that look like an article or a thread (see
 * manifest.json's include_globs), so that listings and other pages never
 * evaluate it; the gate (./loader) imports it when the site moves to an
 * article without a reload. While the page parses it reads the overlay
 * switches and fetches the article code; when the gate hands it the page, it
 * confirms the page with a few DOM queries and shows the pill at once, with
 * the topic the URL names where it names one. Then the article code
 * (content-main.js: extraction, the card, the model) fills the pill in; the
 * card's panel code (content-card.js) loads only when the reader opens the card.
 */
import { confirmArticle } from '../core/confirm';
import { topicFromUrl } from '../core/topic/url-topic';
import type { PageKind } from '../core/types';
import { benchInit, benchReport, timed, timedWait } from './bench-hook';
import { listenForCardCommands } from './commands';
import { sendSafely } from './ext';
import type { ArticleMain, BaseOptions } from './index';
import { createOverlay, type OverlayHandle, type PanelModule } from './overlay';
import { registeredGate, registerPill } from './pill-api';
import { readPillPrefs, showsOverlay, type PillPrefs, type PrefsApi } from './pill-prefs';
import { watchArticle } from './watch-article';

benchInit('initPill');

// The polyfill is not loaded here: the extension API is reached directly (the same calls in both browsers, promises in MV3).
type ExtApi = PrefsApi & { runtime: { getURL(path: string): string } };
const ext = ((globalThis as { browser?: ExtApi }).browser ?? (globalThis as { chrome?: ExtApi }).chrome)!;
const send = (msg: unknown) => sendSafely(ext.runtime, msg).catch(() => undefined);

let mainLoad: Promise<ArticleMain> | null = null;
let main: ArticleMain | null = null;
const loadMain = () => (mainLoad ??= import(ext.runtime.getURL('content-main.js')) as Promise<ArticleMain>);
const loadPanel = () => import(ext.runtime.getURL('content-card.js')) as Promise<PanelModule>;

let overlay: OverlayHandle | null = null;
let stopWatching: (() => void) | null = null;
let commandsHeard = false;

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

async function show(page: PageKind, isCurrent: () => boolean): Promise<void> {
  const prefs = await timedWait('waitPrefs', prefsAhead ?? readPillPrefs(ext));
  prefsAhead = null;
  if (!isCurrent()) return;
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
  if (!isCurrent()) return;
  main = m;
  m.showPage({ page, overlay, prefs, baseOptions, isCurrent });
}

function enter(page: PageKind, isCurrent: () => boolean): void {
  // The shortcut "Opne eller lukk kortet" needs a card: pages without one leave the message unanswered, which the background takes as "nothing done".
  if (!commandsHeard) timed('commands', () => listenForCardCommands(() => overlay));
  commandsHeard = true;
  // An article URL may still hold an empty shell or an error page: wait for the content.
  stopWatching = watchArticle(
    document,
    () => timed('confirm', () => confirmArticle(document, page)),
    () => {
      stopWatching = null;
      if (isCurrent()) void show(page, isCurrent);
    },
  );
}

// At document_start the page is still parsing: what needs no DOM starts now (the overlay switches, fetching and
// evaluating the article code); the DOM work waits until the gate hands over the page at DOMContentLoaded.
let prefsAhead: Promise<PillPrefs> | null = null;
// The gate, which ran first in this world, recognises the URL (the manifest's globs are looser than recognisePage).
if (registeredGate()?.recognise(location.href).kind !== 'none') {
  prefsAhead = readPillPrefs(ext);
  loadMain().catch(() => (mainLoad = null));
}

registerPill({ enter, leave });
