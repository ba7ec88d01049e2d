/**
 * The model engine in the background: reads the user's model setup, finds a
 * cached model card (0 requests), and serves the long-lived port through
 * which the content script asks for a card to be written. The stream runs
 * here (the background holds the endpoint's host permission), each partial
 * goes straight back over the port and, throttled, into storage.session so
 * the popup and a restarted worker see it. Extension APIs are parameters
 * (test seam): tests drive it with a fake browser and the fake model server.
 */
import { modelCacheKey } from '../core/model/cache';
import { modelCache, type StorageArea } from '../model-cache';
import { ModelError } from '../core/model/errors';
import { generateModelCard, type GenerateStage } from '../core/model/generate';
import type { BokmalFinding, FetchLike, ModelConfig, PartialCardContent, Term } from '../core/model/types';
import { nynorskTextOf } from '../core/resolve';
import type { Article, Card, CardState, TopicResult } from '../core/types';
import { modelJobKey, parsePortRequest, tabStateKey, type ModelJob, type ModelOffer, type PortEvent } from '../protocol';
import { API_KEYS_KEY, apiKeysNeedMigration, endpointOrigin, migrateApiKeys, migrateSettings, modelConfigOf, originPattern, SETTINGS_KEY } from '../settings';
import { formatDuration } from '../core/local/format';
import { LOCAL_MODEL_KEY, parseLocalModelRecord } from '../core/local/models';
import { LOCAL_MAX_PROMPT_TOKENS } from '../core/model/providers/local';
import { fmt, text } from '../strings/text';
import { localEngineFetch, type EngineTransport, type LocalProgress, type LocalRate } from './local-engine';

/** What the model glue needs from the extension (test seam). */
export type ModelDeps = {
  storage: { local: StorageArea; session: StorageArea };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  fetch: FetchLike;
  /** The Nynorsk checker, loaded lazily (the data is large). */
  findBokmal?: () => Promise<(text: string) => readonly BokmalFinding[]>;
  terms?: readonly Term[];
  now?: () => Date;
  /** Minimum milliseconds between storage.session writes of a running job (default 150). */
  sessionWriteMs?: number;
  /** The way to the on-device model's engine host (offscreen document or this page). */
  localTransport?: EngineTransport;
};

/** The port as the background sees it (runtime.Port's shape). */
export type PortLike = {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
};

export { MODEL_CACHE_PREFIX, localStore, modelCache, type StorageArea } from '../model-cache';

/** The configured model (with its key) and whether cards are written automatically. */
export async function readModelSetup(local: StorageArea): Promise<{ config: ModelConfig | null; auto: boolean; maxPromptTokens: number }> {
  const got = await local.get([SETTINGS_KEY, API_KEYS_KEY, LOCAL_MODEL_KEY]);
  const settings = migrateSettings(got[SETTINGS_KEY]);
  // Keys stored the old way are bound to the endpoint read with them, and written back so.
  const keys = migrateApiKeys(got[API_KEYS_KEY], settings);
  if (apiKeysNeedMigration(got[API_KEYS_KEY])) await local.set({ [API_KEYS_KEY]: keys }).catch(() => undefined);
  const config = modelConfigOf(settings, keys, parseLocalModelRecord(got[LOCAL_MODEL_KEY]));
  // The on-device model's context is small: long articles go in parts sooner.
  const maxPromptTokens = config?.provider === 'local' ? Math.min(settings.maxPromptTokens, LOCAL_MAX_PROMPT_TOKENS) : settings.maxPromptTokens;
  return { config, auto: settings.autoGenerate, maxPromptTokens };
}

/** What the page may know of the setup: the model's name and the auto flag (never key or endpoint). */
export async function modelOffer(local: StorageArea): Promise<ModelOffer | null> {
  const { config, auto } = await readModelSetup(local);
  return config ? { model: config.model, auto } : null;
}

/** Adds the checker's Nynorsk suggestion for each form still flagged (the UI shows them). */
export function withSuggestions(card: Card, findBokmal?: (text: string) => readonly BokmalFinding[]): Card {
  if (!findBokmal || card.language.bokmalForms.length === 0) return card;
  const suggestions: Record<string, string> = { ...card.language.suggestions };
  const wanted = new Set(card.language.bokmalForms.map((f) => f.toLowerCase()));
  for (const f of findBokmal(nynorskTextOf(card))) {
    if (f.suggestion && wanted.has(f.form.toLowerCase())) suggestions[f.form.toLowerCase()] = f.suggestion;
  }
  return { ...card, language: { ...card.language, suggestions } };
}

/**
 * The cached model card of this article for the configured model and
 * preferences, or undefined. Never sends a request.
 */
export async function cachedModelCard(deps: Pick<ModelDeps, 'storage'>, article: Article, config: ModelConfig): Promise<Card | undefined> {
  return modelCache(deps.storage.local).get(await modelCacheKey(article, config), article.paragraphs.length);
}

/**
 * The model step of the background's resolution, after the library: a cached
 * model card replaces the fact card (instant, 0 requests), and the tab's job
 * state says whether the user can ask for one. Library cards are left alone.
 */
export async function applyModel(deps: Pick<ModelDeps, 'storage' | 'findBokmal'>, tabId: number | undefined, article: Article, state: CardState): Promise<CardState> {
  if (state.status !== 'ready' || state.card.engine.kind === 'library') {
    if (tabId !== undefined) await deps.storage.session.remove(modelJobKey(tabId));
    return state;
  }
  const { config } = await readModelSetup(deps.storage.local);
  if (!config) {
    if (tabId !== undefined) await deps.storage.session.remove(modelJobKey(tabId));
    return state;
  }
  // Warm the checker now, so that a click on "Lag nynorsk samandrag" does not wait for its data.
  void deps.findBokmal?.().catch(() => undefined);
  let next = state;
  try {
    const hit = await cachedModelCard(deps, article, config);
    if (hit) next = { status: 'ready', url: state.url, card: hit };
  } catch (e) {
    console.error('Nynorsk-kort: model cache read failed', e instanceof Error ? e.message : String(e));
  }
  if (tabId !== undefined) await deps.storage.session.set({ [modelJobKey(tabId)]: idleJob(config) });
  return next;
}

/** The job offered when nothing runs; an on-device model says so, so the page's help text can. */
function idleJob(config: ModelConfig): ModelJob {
  return { status: 'idle', model: config.model, ...(config.provider === 'local' ? { local: true as const } : {}) };
}

/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch whose response bodies end only once `ready` has settled: the text
 * streams at once, and whoever reads to the end finds `ready` done.
 */
export function endsAfter(fetchImpl: FetchLike, ready: Promise<unknown>): FetchLike {
  return async (input, init) => {
    const res = await fetchImpl(input, init);
    if (!res.body || NULL_BODY.has(res.status)) {
      await ready;
      return res;
    }
    const body = res.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ flush: () => ready.then(() => undefined, () => undefined) }));
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

/** Removes the key from a text before it reaches the console (a server may echo it). */
export function redact(said: string, key: string | undefined): string {
  return key && key.length >= 4 ? said.split(key).join('***') : said;
}

/** Tokens a whole card usually takes, for the time left (a guess; the line says "om lag"). */
const EXPECTED_TOKENS = { short: 450, full: 900 } as const;

/** "(12 ordbitar i sekundet, om lag 40 sekund att)" for the on-device model, once there is a rate. */
export function rateText(r: LocalRate, length: 'short' | 'full'): string | undefined {
  if (!r.tokensPerSecond) return undefined;
  const left = Math.max(0, EXPECTED_TOKENS[length] - r.tokens) / r.tokensPerSecond;
  return fmt(text.localRate, { rate: Math.max(1, Math.round(r.tokensPerSecond)), left: secondsLeftNn(left) });
}

/** "om lag fem sekund", "om lag 40 sekund", "om lag to minutt": seconds to five under a minute. */
export function secondsLeftNn(seconds: number): string {
  if (seconds >= 60) return formatDuration(seconds) ?? '';
  const s = Math.max(5, Math.round(seconds / 5) * 5);
  return `om lag ${s < 10 ? 'fem' : s} sekund`;
}

/** A short Nynorsk status line for a stage of the engine. */
export function stageText(stage: GenerateStage): string {
  switch (stage.stage) {
    case 'cache':
      return text.modelStageCache;
    case 'writing':
      return stage.parts ? fmt(text.modelStagePart, { part: stage.part ?? 1, parts: stage.parts }) : text.modelStageWriting;
    case 'combining':
      return text.modelStageCombining;
    case 'repairing':
      return text.modelStageRepairing;
  }
}

/**
 * Serves one model port for a tab: 'start' writes (or finds) the card,
 * 'cancel' or a disconnect aborts it. Every outcome ends in a 'done' event
 * or an error job, so the page never waits for ever.
 */
export function serveModelPort(port: PortLike, tabId: number | undefined, deps: ModelDeps): void {
  let controller: AbortController | null = null;
  let disconnected = false;
  const post = (e: PortEvent) => {
    if (disconnected) return;
    try {
      port.postMessage(e);
    } catch {
      disconnected = true;
    }
  };
  port.onDisconnect.addListener(() => {
    disconnected = true;
    controller?.abort();
  });
  port.onMessage.addListener((raw) => {
    const req = parsePortRequest(raw);
    if (!req) return;
    if (req.type === 'cancel') {
      controller?.abort();
      return;
    }
    if (controller) return; // one job per port
    controller = new AbortController();
    void runJob(req.article, req.topic, req.force, controller.signal, tabId, deps, post).finally(() => {
      controller = null;
    });
  });
}

/**
 * Runs one job so that every failure, a storage error before the first
 * write included, ends in an error job on the port: the page never waits
 * for its stall timer.
 */
async function runJob(
  article: Article,
  topic: TopicResult,
  force: boolean,
  signal: AbortSignal,
  tabId: number | undefined,
  deps: ModelDeps,
  post: (e: PortEvent) => void,
): Promise<void> {
  try {
    await runJobSteps(article, topic, force, signal, tabId, deps, post);
  } catch (e) {
    console.warn('Nynorsk-kort: model job failed', e instanceof Error ? e.message : String(e));
    const job: ModelJob = { status: 'error', model: '', message: text.modelUnknownError };
    post({ type: 'job', job });
    if (tabId !== undefined) await deps.storage.session.set({ [modelJobKey(tabId)]: job }).catch(() => undefined);
  }
}

async function runJobSteps(
  article: Article,
  topic: TopicResult,
  force: boolean,
  signal: AbortSignal,
  tabId: number | undefined,
  deps: ModelDeps,
  post: (e: PortEvent) => void,
): Promise<void> {
  const session = deps.storage.session;
  const now = deps.now ?? (() => new Date());
  const writeJob = (job: ModelJob) => (tabId === undefined ? Promise.resolve() : session.set({ [modelJobKey(tabId)]: job }));
  const { config, maxPromptTokens } = await readModelSetup(deps.storage.local);
  if (!config) {
    const job: ModelJob = { status: 'error', model: '', message: text.modelNotConfigured };
    await writeJob(job);
    post({ type: 'job', job });
    return;
  }
  const model = config.model;
  const fail = async (message: string) => {
    const job: ModelJob = { status: 'error', model, message };
    // The port first: a failing storage write must not hide the real message.
    post({ type: 'job', job });
    await writeJob(job);
  };
  const isLocal = config.provider === 'local';
  if (isLocal && !deps.localTransport) return fail(text.localEngineMissing);
  if (!isLocal) {
    const pattern = originPattern(config.endpoint);
    if (!pattern) return fail(fmt(text.modelBadEndpoint, { endpoint: config.endpoint }));
    // Nothing is sent before the user granted the endpoint's origin (from the options page).
    if (!(await deps.permissions.contains({ origins: [pattern] }).catch(() => false)))
      return fail(fmt(text.modelNoPermission, { origin: endpointOrigin(config.endpoint) }));
  }

  const startedAt = now().toISOString();
  let job: Extract<ModelJob, { status: 'running' }> = {
    status: 'running',
    model,
    startedAt,
    partial: { summary: [], faq: [] },
    stage: text.modelStageWriting,
    ...(isLocal ? { local: true as const } : {}),
  };
  post({ type: 'job', job });
  await writeJob(job);

  // Throttled session writes: the port gets every partial, storage at most every sessionWriteMs.
  const every = deps.sessionWriteMs ?? 150;
  let lastWrite = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let finished = false;
  const flush = () => {
    pending = null;
    lastWrite = Date.now();
    if (!finished) void writeJob(job);
  };
  const update = (next: typeof job) => {
    job = next;
    post({ type: 'job', job });
    if (pending) return;
    const wait = Math.max(0, lastWrite + every - Date.now());
    pending = setTimeout(flush, wait);
  };

  try {
    // The checker loads while the answer streams: the first text does not wait for its data,
    // and each answer's end waits for it, so the check and the repair round always have it.
    let findBokmal: ((text: string) => readonly BokmalFinding[]) | undefined;
    const checker = deps.findBokmal
      ? deps.findBokmal().then(
          (f) => void (findBokmal = f),
          () => undefined,
        )
      : Promise.resolve();
    // The on-device model says what it does before it writes (starts, reads the article), then how fast it writes.
    let stage: string = text.modelStageWriting;
    const showStage = (line: string) => {
      if (line !== job.stage) update({ ...job, stage: line });
    };
    const progress: LocalProgress = {
      onPhase: (p) => {
        if (p !== 'writing') showStage(p === 'loading' ? text.localStageLoading : text.localStageReading);
      },
      onRate: (r) => {
        const line = rateText(r, config.prefs.length);
        // While it simply writes, the status line already says so: the speed alone is enough.
        showStage(line ? (stage === text.modelStageWriting ? line : `${stage} ${line}`) : stage);
      },
    };
    const fetchImpl = isLocal ? localEngineFetch(deps.localTransport!, progress) : deps.fetch;
    const result = await generateModelCard(article, topic, config, {
      fetch: endsAfter(fetchImpl, checker),
      signal,
      cache: modelCache(deps.storage.local),
      force,
      maxPromptTokens,
      ...(deps.findBokmal ? { findBokmal: (t: string) => findBokmal?.(t) ?? [] } : {}),
      ...(deps.terms ? { terms: deps.terms } : {}),
      now,
      onPartial: (partial: PartialCardContent) => update({ ...job, partial }),
      onStage: (s) => {
        stage = stageText(s);
        update({ ...job, stage });
      },
    });
    finished = true;
    if (pending) clearTimeout(pending);
    const state: CardState = { status: 'ready', url: article.url, card: withSuggestions(result.card, findBokmal) };
    if (tabId !== undefined) await session.set({ [tabStateKey(tabId)]: state, [modelJobKey(tabId)]: idleJob(config) });
    post({ type: 'done', state, fromCache: result.fromCache, requests: result.requests });
  } catch (e) {
    finished = true;
    if (pending) clearTimeout(pending);
    if (e instanceof ModelError && e.kind === 'cancelled') {
      // "Avbryt" brings back the offer to write the card, not an error.
      const idle: ModelJob = idleJob(config);
      await writeJob(idle);
      post({ type: 'job', job: idle });
      return;
    }
    const message = e instanceof ModelError ? e.message : text.modelUnknownError;
    // The server's own words go to the console for the curious; never the key (ModelError.detail holds none).
    const said = e instanceof ModelError ? `${e.kind} ${e.status ?? ''} ${e.detail ?? ''}` : String(e);
    console.warn('Nynorsk-kort: model card failed', redact(said, config.apiKey));
    await fail(message);
  }
}
