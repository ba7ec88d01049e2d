/**
 * The one message protocol between content script, background and popup.
 * Every message that arrives is checked with `parseMessage` before it is trusted:
 * a page can't send these, but a stale or buggy context can.
 */
import type { PartialCardContent } from './core/model/types';
import type { Article, Card, CardState, TopicResult } from './core/types';
import { isArticle, isCardState, isTopicResult, validateCard } from './core/validate';
import { FEEDBACK_NOTE_MAX, isFeedbackKind, type FeedbackKind } from './feedback';

export type Message =
  /** content → background: the page holds this article; resolve its card. */
  /** The topic is detected in the background unless given: it keeps the page's main thread free. */
  | { type: 'card:request'; article: Article; topic?: TopicResult }
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
  | { type: 'evidence:show'; index: number }
  /**
   * popup → content script (browser.tabs.sendMessage): write a model card for
   * the article in this tab ("Lag nynorsk samandrag"; `force`: "Lag på nytt").
   * The content script runs it through its own port, which lives as long as the page.
   */
  | { type: 'model:generate'; force: boolean }
  /** popup → content script: stop the model card being written ("Avbryt"). */
  | { type: 'model:cancel' }
  /** content → background: the port broke mid-stream; record the error in this tab's job state. */
  | { type: 'model:failed'; message: string }
  /** options page → background: "Slett alle lagra samandrag"; the background's one cache instance clears, after any card being written. */
  | { type: 'model-cache:clear' }
  /** popup/overlay → background: "Noko gale i kortet?" saved to the local feedback list (never sent anywhere). */
  | { type: 'feedback:add'; kind: FeedbackKind; note: string; url: string; card: Card }
  /** content (listing pages) → background: which articles have a card, for the links' badges (BadgeReply). */
  | { type: 'badges:get' }
  /** background → content script: a keyboard shortcut for the card on the page (manifest `commands`). */
  | { type: 'card:command'; action: 'toggle' | 'open' };

/** The background's answer to 'badges:get': page keys (see core/page-key) and the badge's accessible name. */
export type BadgeReply = { keys: string[]; label: string };

/** The content script's answer to 'evidence:show': whether the paragraph was found on the page. */
export type EvidenceReply = { found: boolean };

/** The model the user configured, as the page needs to know it (never the key or the endpoint). */
export type ModelOffer = { model: string; auto: boolean };

export type OverlayPrefs = { mode: 'pill' | 'open' | 'off'; hiddenForSession: boolean; model?: ModelOffer | null };

/** Replies, by message type. */
export type Reply<M extends Message> = M extends { type: 'card:request' }
  ? CardState
  : M extends { type: 'overlay:get' }
    ? OverlayPrefs
    : M extends { type: 'evidence:show' }
      ? EvidenceReply
      : M extends { type: 'badges:get' }
        ? BadgeReply
        : { ok: true };

const TYPES = new Set([
  'card:request',
  'card:clear',
  'overlay:get',
  'overlay:hide-for-session',
  'options:open',
  'evidence:show',
  'model:generate',
  'model:cancel',
  'model:failed',
  'model-cache:clear',
  'feedback:add',
  'badges:get',
  'card:command',
]);

/** Returns the message if it is one of ours and well formed, else null. */
export function parseMessage(value: unknown): Message | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return null;
  switch (m.type) {
    case 'card:request':
      return isArticle(m.article) && (m.topic === undefined || isTopicResult(m.topic)) ? (m as Message) : null;
    case 'card:clear':
      return typeof m.url === 'string' ? (m as Message) : null;
    case 'evidence:show':
      return typeof m.index === 'number' && Number.isSafeInteger(m.index) && m.index >= 0 ? { type: 'evidence:show', index: m.index } : null;
    case 'model:generate':
      return { type: 'model:generate', force: m.force === true };
    case 'model:failed':
      return typeof m.message === 'string' && m.message.length <= 2000 ? { type: 'model:failed', message: m.message } : null;
    case 'feedback:add': {
      if (!isFeedbackKind(m.kind) || typeof m.note !== 'string' || m.note.length > FEEDBACK_NOTE_MAX || typeof m.url !== 'string' || m.url.length > 2000) return null;
      const card = validateCard(m.card);
      return card.ok ? { type: 'feedback:add', kind: m.kind, note: m.note, url: m.url, card: card.card } : null;
    }
    case 'card:command':
      return m.action === 'toggle' || m.action === 'open' ? { type: 'card:command', action: m.action } : null;
    default:
      return { type: m.type } as Message;
  }
}

/** storage.session key of a tab's card state. */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;

/** storage.session key of a tab's model job (the card being written, or the offer to write one). */
export const modelJobKey = (tabId: number) => `model:${tabId}`;

/**
 * A tab's model job, kept in storage.session so the popup shows what the
 * overlay shows: `idle` (a model is configured and can write the card),
 * `running` (the answer so far), or `error` (a Nynorsk message with what to do).
 */
export type ModelJob =
  /** `local`: the model runs on this machine, so nothing is sent anywhere (the help text says so). */
  | { status: 'idle'; model: string; local?: true }
  | { status: 'running'; model: string; startedAt: string; partial: PartialCardContent; stage?: string; local?: true }
  | { status: 'error'; model: string; message: string };

/** The long-lived port the content script opens to the background while a model card is written. */
export const MODEL_PORT = 'nk-model';

/** content → background over the model port. */
export type PortRequest = { type: 'start'; article: Article; topic: TopicResult; force: boolean } | { type: 'cancel' };

/** background → content over the model port. */
export type PortEvent =
  | { type: 'job'; job: ModelJob }
  | { type: 'done'; state: CardState; fromCache: boolean; requests: number };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Checks partial card content as it travels between contexts. */
export function isPartialContent(v: unknown): v is PartialCardContent {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return (
    (p.title === undefined || typeof p.title === 'string') &&
    isStrings(p.summary) &&
    Array.isArray(p.faq) &&
    p.faq.every((f) => !!f && typeof f === 'object' && typeof (f as Record<string, unknown>).q === 'string' && typeof (f as Record<string, unknown>).a === 'string' && Array.isArray((f as Record<string, unknown>).evidence)) &&
    (p.draft === undefined || typeof p.draft === 'string')
  );
}

/** Returns the job if well formed, else null. */
export function parseModelJob(v: unknown): ModelJob | null {
  if (!v || typeof v !== 'object') return null;
  const j = v as Record<string, unknown>;
  if (typeof j.model !== 'string') return null;
  if (j.status === 'idle') return { status: 'idle', model: j.model, ...(j.local === true ? { local: true as const } : {}) };
  if (j.status === 'error') return typeof j.message === 'string' ? { status: 'error', model: j.model, message: j.message } : null;
  if (j.status === 'running' && typeof j.startedAt === 'string' && isPartialContent(j.partial) && (j.stage === undefined || typeof j.stage === 'string'))
    return {
      status: 'running',
      model: j.model,
      startedAt: j.startedAt,
      partial: j.partial,
      ...(typeof j.stage === 'string' ? { stage: j.stage } : {}),
      ...(j.local === true ? { local: true as const } : {}),
    };
  return null;
}

/** Checks a port request from the content script. */
export function parsePortRequest(v: unknown): PortRequest | null {
  if (!v || typeof v !== 'object') return null;
  const m = v as Record<string, unknown>;
  if (m.type === 'cancel') return { type: 'cancel' };
  if (m.type === 'start' && isArticle(m.article) && isTopicResult(m.topic)) return { type: 'start', article: m.article, topic: m.topic, force: m.force === true };
  return null;
}

/** Checks a port event from the background. */
export function parsePortEvent(v: unknown): PortEvent | null {
  if (!v || typeof v !== 'object') return null;
  const m = v as Record<string, unknown>;
  if (m.type === 'job') {
    const job = parseModelJob(m.job);
    return job ? { type: 'job', job } : null;
  }
  if (m.type === 'done' && isCardState(m.state) && typeof m.fromCache === 'boolean' && typeof m.requests === 'number')
    return { type: 'done', state: m.state, fromCache: m.fromCache, requests: m.requests };
  return null;
}
