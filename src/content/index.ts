/**
 * The article code (content-main.js), loaded by the pill's script (./pill-loader) once a
 * page holds an article or a thread and the pill shows: extracts the article
 * in the browser's idle time, asks the background for the card, and draws
 * the answer into the overlay; runs the model job when the reader asks for
 * one; answers the popup's evidence and model messages for this tab.
 */
import templates from '../strings/card-templates.json';
import { confirmArticle } from '../core/confirm';
import { extractArticleWith, NEEDS_READABILITY, type ReadabilityRead } from '../core/extract/article';
import { recognisePage } from '../core/recognise';
import { topicOfCard } from '../core/card-topic';
import type { Article, CardState, PageKind, TopicResult } from '../core/types';
import type { Message, ModelJob, Replies } from '../protocol';
import { MODEL_PORT } from '../storage-keys';
import type { PillPrefs } from '../pill-prefs';
import type { ModelControls } from '../ui/ModelControls';
import { benchInit, benchOnRerun, benchReport, timed, timedWait } from './bench-hook';
import { listenForEvidenceRequests, setCurrentArticle, showEvidence } from './evidence';
import { cardStateShape, overlayReplyOffer } from './card-state-shape';
import { answerMessages, runtime, sendSafely } from './ext';
import { createModelRunner } from './model-job';
import type { CardCheck, OverlayHandle, OverlayOptions } from './overlay';
import { parsePageMessage } from './page-messages';

benchInit('initMain');

/** The overlay actions the pill's script owns (hide for the session, open the options). */
export type BaseOptions = Pick<OverlayOptions, 'onHideForSession' | 'onOpenOptions' | 'onFeedback'>;

/** One page with an article, as the pill's script hands it over. */
export type PageContext = {
  page: PageKind;
  /** The overlay with its pill, or null when the settings keep it out of the page. */
  overlay: OverlayHandle | null;
  prefs: PillPrefs;
  baseOptions: BaseOptions;
  /** False once the reader has moved on to another page. */
  isCurrent(): boolean;
};

/** What content-main.js exports to the pill's script. */
export type ArticleMain = { showPage(ctx: PageContext): void; leavePage(): void };

/** Tells the background (card:clear, model:failed); their answers carry nothing the page reads. */
const tell = (msg: Message) => void sendSafely(runtime(), msg).catch(() => undefined);

/** What content-check.js exports (./check-chunk). */
type CheckModule = typeof import('./check-chunk');
let checks: Promise<CheckModule> | null = null;
/**
 * The full schema checks (content-check.js: valibot and the card's schemas), imported the first time the panel draws
 * a card or a model card is written; a page that shows only the pill never evaluates them.
 */
const loadChecks = (): Promise<CheckModule> =>
  (checks ??= (import(runtime().getURL('content-check.js')) as Promise<CheckModule>).catch((e: unknown) => {
    checks = null;
    throw e;
  }));

let hadCard = false;

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
  connect: () => runtime().connect({ name: MODEL_PORT }),
  loadParser: () => loadChecks().then((c) => c.parsePortEvent),
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
  reportFailure: (message) => tell({ type: 'model:failed', message }),
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

let readability: ReadabilityRead | null = null;
/** Readability (content-readability.js), imported the first time a page needs it; most articles never do. */
const loadReadability = async (): Promise<ReadabilityRead> =>
  (readability ??= ((await import(runtime().getURL('content-readability.js'))) as { readabilityRead: ReadabilityRead }).readabilityRead);

/**
 * The page's article: read directly where its body allows, else with Readability, loaded first. Null when there is
 * none, undefined when the page changed meanwhile; rejects when Readability could not be loaded.
 */
async function extract(url: string, page: PageKind, isCurrent: () => boolean): Promise<Article | null | undefined> {
  const got = timed('extract', () => extractArticleWith(readability, document, url, page));
  if (got !== NEEDS_READABILITY) return got;
  const read = await timedWait('waitReadability', loadReadability());
  if (!isCurrent()) return undefined;
  const again = timed('extract', () => extractArticleWith(read, document, url, page));
  return again === NEEDS_READABILITY ? null : again;
}

/** Resolves in the browser's next idle period (or after `timeout` ms); a macrotask where requestIdleCallback is missing. */
function idle(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/** Extracts the article, asks for its card and shows it; the pill's script calls this once the page is confirmed. */
export function showPage(ctx: PageContext): void {
  void show(ctx);
}

async function show({ page, overlay, baseOptions, isCurrent }: PageContext): Promise<void> {
  const url = location.href;
  // Extraction waits for idle time (at most a second): the page's own work goes first. Its cost is bounded by extract's budget.
  await idle();
  if (!isCurrent()) return;
  // Asked for after the idle period, not as the pill is mounted: a stopped worker that the message wakes takes a core
  // the pill's first frame needs on a small machine. The model offer is read while the page is extracted.
  // Its answer is checked by hand, as the card's is below (./card-state-shape).
  const offerP = sendSafely(runtime(), { type: 'overlay:get' } satisfies Message)
    .then((r) => timed('check', () => overlayReplyOffer(r)), () => null);
  let article: Article | null | undefined;
  try {
    article = await extract(url, page, isCurrent);
  } catch {
    // Readability could not be loaded (the extension was updated under the page, say): a reload helps.
    overlay?.render({ status: 'error', url, message: templates.errors.resolve }, baseOptions);
    benchReport('no-article');
    return;
  }
  if (article === undefined) return;
  if (!article || article.paragraphs.length === 0) {
    // The pill promised a card: say plainly that this page has none.
    overlay?.render({ status: 'none', url }, baseOptions);
    benchReport('no-article');
    return;
  }
  setCurrentArticle(article);
  // The whole card is checked against its schema when the panel first draws it; a card that fails shows the error.
  const loadCardCheck = (): Promise<CardCheck> =>
    loadChecks().then((c) => (s: CardState) => (s.status !== 'ready' || c.isCardState(s) ? s : { status: 'error', url, message: templates.errors.noAnswer }));
  const opts: OverlayOptions = { ...baseOptions, onShowEvidence: showEvidence, loadCardCheck };
  overlay?.render({ status: 'loading', url, title: article.title }, opts);
  hadCard = true;
  let state: CardState;
  try {
    // The background detects the topic: its lexicon stays off the page's main thread.
    const request = { type: 'card:request', article } as const;
    const raw = await timedWait('waitCard', runtime().sendMessage(request));
    const shaped = timed('check', () => cardStateShape(raw));
    if (!shaped) throw new Error('card:request: malformed reply');
    state = shaped;
  } catch {
    // No background, or an answer that is no card state.
    state = { status: 'error', url, message: templates.errors.noAnswer };
  }
  const offer = await offerP;
  if (!isCurrent()) return;
  const topic = state.status === 'ready' ? topicOfCard(state.card) : null;
  const modelOffer = topic ? offer : null;
  const view: ModelView = {
    article,
    topic,
    state,
    job: modelOffer ? { status: 'idle', model: modelOffer.model } : null,
    render: () => {
      if (modelView !== view || !isCurrent()) return;
      const showModel = view.job && !(view.state.status === 'ready' && view.state.card.engine.kind === 'library');
      overlay?.render(view.state, { ...opts, ...(showModel && view.job ? { model: modelControls(view.job) } : {}) });
    },
  };
  modelView = view;
  timed('render', () => view.render());
  // Automatic writing only where no library or cached model card answered.
  if (modelOffer?.auto && state.status === 'ready' && state.card.engine.kind === 'digest') generate(false);
  benchReport('answered');
}

/** Stops this page's work (the model job, evidence) and clears its card in the popup. */
export function leavePage(): void {
  runner.dispose();
  modelView = null;
  setCurrentArticle(null);
  // The last article's card must not stay in the popup while (or if) the new page has none.
  if (hadCard) tell({ type: 'card:clear', url: location.href });
  hadCard = false;
}

listenForEvidenceRequests(runtime());
// The popup's "Lag nynorsk samandrag", "Lag på nytt" and "Avbryt" run through this page's port.
answerMessages(runtime(), (raw: unknown) => {
  const msg = parsePageMessage(raw);
  if (msg?.type === 'model:generate') return Promise.resolve<Replies['model:generate']>({ started: generate(msg.force) });
  if (msg?.type === 'model:cancel') {
    runner.cancel();
    return Promise.resolve<Replies['model:cancel']>({ ok: true });
  }
  return undefined;
});
// Bench builds only: the same work as one page visit (recognise, confirm, extract), repeatable warm on request.
if (__NK_BENCH__) {
  benchOnRerun(() => {
    const page = recognisePage(location.href);
    if (confirmArticle(document, page)) extractArticleWith(readability, document, location.href, page);
  });
}
