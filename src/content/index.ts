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
import { topicOfCard } from '../core/card-topic';
import type { Article, CardState, PageKind, TopicResult } from '../core/types';
import { isCardState } from '../core/validate';
import { MODEL_PORT, parseMessage, type Message, type ModelJob, type OverlayPrefs } from '../protocol';
import type { ModelControls } from '../ui/ModelControls';
import { createModelRunner, type ClientPort } from './model-job';
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

/** The model engine on this page: the job shown in the overlay and the port that runs it. */
type ModelView = {
  article: Article;
  /** Known once the card has come (the background detects it). */
  topic: TopicResult | null;
  state: CardState;
  job: ModelJob | null;
  render(): void;
};
let modelView: ModelView | null = null;
const runner = createModelRunner({
  connect: () => browser.runtime.connect({ name: MODEL_PORT }) as unknown as ClientPort,
  onJob: (job) => {
    if (!modelView) return;
    modelView.job = job;
    modelView.render();
  },
  onDone: (state) => {
    if (!modelView) return;
    modelView.state = state;
    if (modelView.job) modelView.job = { status: 'idle', model: modelView.job.model };
    modelView.render();
  },
  reportFailure: (message) => void send({ type: 'model:failed', message }).catch(() => undefined),
});

/** "Lag nynorsk samandrag" / "Lag på nytt" (overlay button, popup message, or automatic). */
function generate(force: boolean): boolean {
  const v = modelView;
  if (!v || !v.job || !v.topic || runner.running) return false;
  v.job = { status: 'running', model: v.job.model, startedAt: new Date().toISOString(), partial: { summary: [], faq: [] } };
  v.render();
  runner.start(v.article, v.topic, force);
  return true;
}

const modelControls = (job: ModelJob): ModelControls => ({ job, onGenerate: (force) => void generate(force), onCancel: () => runner.cancel() });

function teardown() {
  runner.dispose();
  modelView = null;
  stopWatching?.();
  stopWatching = null;
  overlay?.destroy();
  overlay = null;
  setCurrentArticle(null);
}

/** Resolves in the browser's next idle period (or after `timeout` ms); a macrotask where requestIdleCallback is missing. */
function idle(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

async function showCard(page: PageKind, myRun: number): Promise<void> {
  const url = location.href;
  const prefsP = send({ type: 'overlay:get' }) as Promise<OverlayPrefs>;
  // Extraction waits for idle time (at most a second): the page's own work goes first. Its cost is bounded by extract's budget.
  await idle();
  if (myRun !== run) return;
  if (__NK_BENCH__) benchBegin();
  const article = extractArticle(document, url, page);
  if (__NK_BENCH__) benchEnd('extract');
  if (!article || article.paragraphs.length === 0) {
    if (__NK_BENCH__) benchReport('no-article');
    return;
  }
  setCurrentArticle(article);
  if (__NK_BENCH__) benchBegin();
  const prefs = await prefsP.catch((): OverlayPrefs => ({ mode: 'pill', hiddenForSession: false }));
  if (__NK_BENCH__) {
    benchEnd('waitPrefs');
    benchBegin();
  }
  if (myRun !== run) return;
  if (prefs.mode !== 'off' && !prefs.hiddenForSession) {
    // The linked sheets are the fallback where a page's CSP refuses adopted stylesheets.
    overlay = createOverlay(document, { stylesheetUrls: ['card.css', 'overlay.css', 'model.css'].map((f) => browser.runtime.getURL(f)) });
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
    // The background detects the topic: its lexicon stays off the page's main thread.
    const reply = await send({ type: 'card:request', article });
    state = isCardState(reply) ? reply : { status: 'error', url, message: templates.errors.noAnswer };
  } catch {
    state = { status: 'error', url, message: templates.errors.noAnswer };
  }
  if (__NK_BENCH__) {
    benchEnd('waitCard');
    benchBegin();
  }
  if (myRun !== run) return;
  const topic = state.status === 'ready' ? topicOfCard(state.card) : null;
  const offer = topic ? (prefs.model ?? null) : null;
  const view: ModelView = {
    article,
    topic,
    state,
    job: offer ? { status: 'idle', model: offer.model } : null,
    render: () => {
      if (modelView !== view || myRun !== run) return;
      const showModel = view.job && !(view.state.status === 'ready' && view.state.card.engine.kind === 'library');
      overlay?.render(view.state, { ...opts, ...(showModel && view.job ? { model: modelControls(view.job) } : {}) });
    },
  };
  modelView = view;
  view.render();
  // Automatic writing only where no library or cached model card answered.
  if (offer?.auto && state.status === 'ready' && state.card.engine.kind === 'digest') generate(false);
  if (__NK_BENCH__) {
    benchEnd('render');
    benchReport('answered');
  }
}

function start(page: PageKind): void {
  const myRun = ++run;
  teardown();
  // The last article's card must not stay in the popup while (or if) the new page has none.
  if (hadCard) void send({ type: 'card:clear', url: location.href });
  hadCard = false;
  if (page.kind === 'none') return;
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
// The popup's "Lag nynorsk samandrag", "Lag på nytt" and "Avbryt" run through this page's port.
browser.runtime.onMessage.addListener((raw: unknown) => {
  const msg = parseMessage(raw);
  if (msg?.type === 'model:generate') return Promise.resolve({ started: generate(msg.force) });
  if (msg?.type === 'model:cancel') {
    runner.cancel();
    return Promise.resolve({ ok: true });
  }
  return undefined;
});
onLocation();
if (__NK_BENCH__) benchBegin();
watchNavigation(window, onLocation);
if (__NK_BENCH__) {
  benchEnd('watch');
  // The same work as one page visit (recognise, confirm, extract), repeatable warm on request.
  benchOnRerun(() => {
    const page = recognisePage(location.href);
    if (confirmArticle(document, page)) extractArticle(document, location.href, page);
  });
  benchReport(recognisePage(location.href).kind === 'none' ? 'none' : 'started');
}
