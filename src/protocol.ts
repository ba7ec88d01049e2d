/**
 * The one message protocol between content script, background and popup.
 * Every message that arrives is checked with `parseMessage` before it is trusted:
 * a page can't send these, but a stale or buggy context can.
 */
import type { Article, CardState, TopicResult } from './core/types';
import { isArticle, isTopicResult } from './core/validate';

export type Message =
  /** content → background: the page holds this article; resolve its card. */
  | { type: 'card:request'; article: Article; topic: TopicResult }
  /** content → background: this tab no longer shows an article (SPA navigation, no article). */
  | { type: 'card:clear'; url: string }
  /** content → background: overlay visibility for this tab's session. */
  | { type: 'overlay:get' }
  | { type: 'overlay:hide-for-session' }
  /** popup/overlay → background: open the options page. */
  | { type: 'options:open' }
  /**
   * popup → content script (browser.tabs.sendMessage): scroll to paragraph
   * `index` of the extracted article (Article.paragraphs) and highlight it.
   */
  | { type: 'evidence:show'; index: number };

/** The content script's answer to 'evidence:show': whether the paragraph was found on the page. */
export type EvidenceReply = { found: boolean };

export type OverlayPrefs = { mode: 'pill' | 'open' | 'off'; hiddenForSession: boolean };

/** Replies, by message type. */
export type Reply<M extends Message> = M extends { type: 'card:request' }
  ? CardState
  : M extends { type: 'overlay:get' }
    ? OverlayPrefs
    : M extends { type: 'evidence:show' }
      ? EvidenceReply
      : { ok: true };

const TYPES = new Set(['card:request', 'card:clear', 'overlay:get', 'overlay:hide-for-session', 'options:open', 'evidence:show']);

/** Returns the message if it is one of ours and well formed, else null. */
export function parseMessage(value: unknown): Message | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return null;
  switch (m.type) {
    case 'card:request':
      return isArticle(m.article) && isTopicResult(m.topic) ? (m as Message) : null;
    case 'card:clear':
      return typeof m.url === 'string' ? (m as Message) : null;
    case 'evidence:show':
      return typeof m.index === 'number' && Number.isSafeInteger(m.index) && m.index >= 0 ? { type: 'evidence:show', index: m.index } : null;
    default:
      return { type: m.type } as Message;
  }
}

/** storage.session key of a tab's card state. */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;
