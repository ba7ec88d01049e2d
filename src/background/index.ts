/**
 * Background glue: answers the content script's card requests and keeps each
 * tab's card state in storage.session, where popup and a restarted service
 * worker find it. No state lives in globals.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import templates from '../../assets/card-templates.json';
import { LIBRARY } from '../core/library-data';
import { resolveCard } from '../core/resolve';
import type { Article, CardState, TopicResult } from '../core/types';
import { parseMessage, tabStateKey, type Message, type OverlayPrefs } from '../protocol';
import { migrateSettings, SETTINGS_KEY } from '../settings';

const HIDDEN_KEY = 'overlay:hidden';

async function setTabState(tabId: number | undefined, state: CardState): Promise<void> {
  if (tabId === undefined) return;
  await browser.storage.session.set({ [tabStateKey(tabId)]: state });
}

async function requestCard(article: Article, topic: TopicResult, tabId: number | undefined): Promise<CardState> {
  let state: CardState;
  try {
    const { card } = resolveCard(article, topic, { library: LIBRARY });
    state = { status: 'ready', url: article.url, card };
  } catch (err) {
    console.error('Nynorsk-kort: resolve failed', err);
    state = { status: 'error', url: article.url, message: templates.errors.resolve };
  }
  await setTabState(tabId, state);
  return state;
}

async function overlayPrefs(): Promise<OverlayPrefs> {
  const [local, session] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), browser.storage.session.get(HIDDEN_KEY)]);
  return { mode: migrateSettings(local[SETTINGS_KEY]).overlay, hiddenForSession: session[HIDDEN_KEY] === true };
}

async function handle(msg: Message, sender: Runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (msg.type) {
    case 'card:request':
      return requestCard(msg.article, msg.topic, tabId);
    case 'card:clear':
      await setTabState(tabId, { status: 'none', url: msg.url });
      return { ok: true };
    case 'overlay:get':
      return overlayPrefs();
    case 'overlay:hide-for-session':
      await browser.storage.session.set({ [HIDDEN_KEY]: true });
      return { ok: true };
    case 'options:open':
      await browser.runtime.openOptionsPage();
      return { ok: true };
  }
}

// Answer only our own messages; returning undefined lets other listeners answer the rest.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const msg = parseMessage(raw);
  return msg ? handle(msg, sender) : undefined;
});

// A card never outlives its page: a tab that starts loading anything drops its state,
// and the content script (on Spiceworks) asks again once the new page is there.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void browser.storage.session.remove(tabStateKey(tabId));
});
browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove(tabStateKey(tabId));
});
