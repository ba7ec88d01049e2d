/**
 * Background glue: answers the content script's card requests and keeps each
 * tab's card state in storage.session, where popup and a restarted service
 * worker find it. No state lives in globals.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import templates from '../strings/card-templates.json';
import { LIBRARY } from '../core/library-data';
import { resolveCard } from '../core/resolve';
import { detectTopic } from '../core/topic';
import type { Article, CardState } from '../core/types';
import { loadChecker } from '../core/nynorsk';
import { TERMS } from '../core/digest';
import { MODEL_PORT, modelJobKey, parseMessage, parseModelJob, tabStateKey, type Message, type MessageType, type ModelJob, type OverlayPrefs, type Replies } from '../protocol';
import { SETTINGS_KEY } from '../settings';
import { applyModel } from './model/cached-card';
import type { ModelDeps } from './model/deps';
import { serveModelPort } from './model/port-server';
import { modelOffer } from './model/setup';
import { modelCache } from '../model-cache';
import { offscreenTransport, type EngineTransport } from './local-engine';
import { samePage } from './same-page';
import { runCommand } from './commands';
import { badgeKeys, recordRecent, saveFeedback } from './reader-store';
import { currentPillPrefs, HIDDEN_KEY, mirrorPillPrefs, openSessionToContentScripts } from './pill-prefs-mirror';
import { restrictStorageAccess } from './storage-access';
import { syncBadgesScript, type ScriptingArea } from './badges-script';
import { RECENT_KEY } from '../recent';

// First thing: storage.local (settings, API keys) for the extension's own pages and this worker only, never content scripts.
void restrictStorageAccess();
// The pill's two switches go where the content script can read them without waking this worker.
void openSessionToContentScripts().then(() => mirrorPillPrefs(browser.storage));
// A listener wakes the worker when the browser starts, so the mirror is there before the first page.
browser.runtime.onStartup.addListener(() => void mirrorPillPrefs(browser.storage));
browser.storage.onChanged.addListener((changes, area) => {
  if ((area === 'local' && SETTINGS_KEY in changes) || (area === 'session' && HIDDEN_KEY in changes)) void mirrorPillPrefs(browser.storage);
  if (area === 'local' && (SETTINGS_KEY in changes || RECENT_KEY in changes)) syncBadges();
});
// The listing badges' script, registered only while the reader has cards: checked whenever the worker starts
// (install, update and browser start wake it), and whenever the recent list or the settings change.
function syncBadges(): void {
  void syncBadgesScript(browser.scripting as unknown as ScriptingArea, browser.storage.local).catch(() => undefined);
}
syncBadges();

async function setTabState(tabId: number | undefined, state: CardState): Promise<void> {
  if (tabId === undefined) return;
  await browser.storage.session.set({ [tabStateKey(tabId)]: state });
}

// The checker's data is large: fetched once, when a model card first needs it.
let checker: ReturnType<typeof loadChecker> | null = null;
const modelDeps: ModelDeps = {
  storage: browser.storage,
  permissions: browser.permissions,
  fetch: (input, init) => fetch(input, init),
  findBokmal: async () => {
    checker ??= loadChecker((p) => fetch(browser.runtime.getURL(p)).then((r) => r.json() as Promise<unknown>));
    const c = await checker.catch((e: unknown) => {
      checker = null;
      throw e;
    });
    return (text: string) => c.check(text).flagged;
  },
  terms: TERMS,
  localTransport: engineTransport(),
};

/**
 * Where the on-device model runs: Chrome's service worker cannot start
 * workers, so an offscreen document hosts it; Firefox's background page can,
 * so the engine bundle is imported here.
 */
function engineTransport(): EngineTransport {
  type Offscreen = { createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void> };
  type Contexts = { getContexts?(f: { contextTypes: string[] }): Promise<unknown[]> };
  const chromeApi = (globalThis as { chrome?: { offscreen?: Offscreen; runtime?: Contexts } }).chrome;
  const offscreen = chromeApi?.offscreen;
  if (offscreen) {
    return offscreenTransport({
      hasDocument: async () => ((await chromeApi.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? []).length > 0,
      createDocument: () =>
        offscreen.createDocument({ url: 'engine.html', reasons: ['WORKERS'], justification: 'Runs the on-device language model (WebAssembly workers).' }),
      connect: (name) => browser.runtime.connect({ name }),
    });
  }
  type EngineModule = typeof import('../engine/main');
  let mod: Promise<EngineModule> | null = null;
  return async (req, emit, signal) => {
    mod ??= import(/* @vite-ignore */ browser.runtime.getURL('engine.js')) as Promise<EngineModule>;
    const m = await mod.catch((e: unknown) => {
      mod = null;
      throw e;
    });
    await m.runEngineChat(browser, req, emit, signal);
  };
}

async function requestCard(article: Article, tabId: number | undefined): Promise<CardState> {
  let state: CardState;
  try {
    const { card } = resolveCard(article, detectTopic(article), { library: LIBRARY });
    state = { status: 'ready', url: article.url, card };
    // Library first (always); then a cached model card, and the offer to write one.
    state = await applyModel(modelDeps, tabId, article, state);
  } catch (err) {
    console.error('Nynorsk-kort: resolve failed', err);
    state = { status: 'error', url: article.url, message: templates.errors.resolve };
  }
  if (tabId !== undefined && !samePage(await browser.tabs.get(tabId).then((t) => t.url, () => undefined), article.url)) return state;
  await setTabState(tabId, state);
  if (state.status === 'ready' && tabId !== undefined) void recordRecent(browser.storage.local, state.card).catch(() => undefined);
  return state;
}

async function overlayPrefs(): Promise<OverlayPrefs> {
  const [prefs, model] = await Promise.all([currentPillPrefs(browser.storage), modelOffer(browser.storage.local).catch(() => null)]);
  return { ...prefs, model };
}

/** Each message, by its type. */
type MessageOf = { [T in MessageType]: Extract<Message, { type: T }> };

/**
 * The background's answer to each message it takes, by type: TypeScript checks
 * every answer against its message's reply schema (Replies), as the sender
 * will at run time (rpc.ts). The types missing here (model:generate,
 * model:cancel, card:command) go to the content script, not here.
 */
type Handlers = { [T in MessageType]?: (msg: MessageOf[T], sender: Runtime.MessageSender) => Promise<Replies[T]> };

const handlers: Handlers = {
  'card:request': (msg, sender) => requestCard(msg.article, sender.tab?.id),
  'card:clear': async (msg, sender) => {
    await setTabState(sender.tab?.id, { status: 'none', url: msg.url });
    return { ok: true };
  },
  'overlay:get': overlayPrefs,
  'overlay:hide-for-session': async () => {
    await browser.storage.session.set({ [HIDDEN_KEY]: true });
    return { ok: true };
  },
  'model:failed': async (msg, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: true };
    const key = modelJobKey(tabId);
    const model = parseModelJob((await browser.storage.session.get(key))[key])?.model ?? '';
    await browser.storage.session.set({ [key]: { status: 'error', model, message: msg.message } satisfies ModelJob });
    return { ok: true };
  },
  'options:open': async () => {
    await browser.runtime.openOptionsPage();
    return { ok: true };
  },
  'feedback:add': async (msg) => {
    await saveFeedback(browser.storage.local, { kind: msg.kind, note: msg.note, url: msg.url, card: msg.card, createdAt: new Date().toISOString() });
    return { ok: true };
  },
  'badges:get': () => badgeKeys(browser.storage.local),
  'model-cache:clear': async (_msg, sender) => {
    // The options page asks; a content script never may.
    if (!sender.url?.startsWith(browser.runtime.getURL(''))) throw new Error('model-cache:clear is for extension pages');
    await modelCache(browser.storage.local).clear();
    return { ok: true };
  },
};

/** The answer to `msg` (of type `type`), or undefined when the message is not the background's. */
function handle<T extends MessageType>(type: T, msg: MessageOf[T], sender: Runtime.MessageSender): Promise<Replies[T]> | undefined {
  return handlers[type]?.(msg, sender);
}

// Answer only our own messages; returning undefined lets other listeners answer the rest.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const msg = parseMessage(raw);
  return msg ? handle(msg.type, msg, sender) : undefined;
});

// A model card is written through a port from the tab's content script: the open port keeps
// the service worker alive while the answer streams, and a dropped port aborts the request.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== MODEL_PORT || port.sender?.id !== browser.runtime.id) return;
  serveModelPort(port, port.sender?.tab?.id, modelDeps);
});

// A card never outlives its page: a tab that starts loading anything drops its state,
// and the content script (on Spiceworks) asks again once the new page is there.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void browser.storage.session.remove([tabStateKey(tabId), modelJobKey(tabId)]);
});
// Keyboard shortcuts for the card on the page (manifest `commands`; _execute_action needs no listener).
browser.commands?.onCommand.addListener((command, tab) => {
  void runCommand(command, tab, {
    sendToTab: (id, m) => browser.tabs.sendMessage(id, m),
    activeTabId: () => browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id),
  });
});
browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove([tabStateKey(tabId), modelJobKey(tabId)]);
});
