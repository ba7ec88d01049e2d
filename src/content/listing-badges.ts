/**
 * On Spiceworks pages that hold no article (section and type listings, the
 * community's topic lists), marks links to articles that already have a card
 * with a small "nn" badge. Costs one message, which the background answers
 * with one storage read, and, only when some articles have cards, one pass
 * over the page's links in idle time: no extraction, no Preact, none of the
 * article code. The badge is a <span> with its own shadow root, so the page's
 * CSS cannot restyle it; its text ("nn") is the mark, its name says what it means.
 */
import { pageKeyFrom } from '../core/page-key';
import type { PageKind } from '../core/types';
import type { BadgeReply, Message } from '../protocol';
import type { Badge } from './badges-api';
import { sendSafely } from './ext';

export const BADGE_ATTR = 'data-nynorsk-kort-badge';
const HOSTS = new Set(['www.spiceworks.com', 'spiceworks.com', 'community.spiceworks.com']);

type SendMessage = (msg: unknown) => Promise<unknown>;

/**
 * A hand guard for REPLY_SCHEMAS['badges:get'], not rpc.ts: this runs in content-badges.js on every Spiceworks page of
 * a reader with cards, whose size budget (issue 13) has no room for valibot. It takes exactly the replies the schema takes (tests/content/loader-guards.test.ts).
 */
export function parseBadgeReply(v: unknown): BadgeReply | null {
  const r = v as Partial<BadgeReply> | null;
  if (!r || typeof r !== 'object' || !Array.isArray(r.keys) || !r.keys.every((k) => typeof k === 'string') || typeof r.label !== 'string') return null;
  return { keys: r.keys, label: r.label };
}

function idle(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0)));
}

/** One badge: the visible "nn" inside a shadow root, the meaning as the element's name. */
function badge(doc: Document, label: string): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(BADGE_ATTR, '');
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', label);
  host.setAttribute('lang', 'nn');
  host.title = label;
  // CSSOM, not a <style>: no page CSP forbids it.
  for (const [p, v] of [['display', 'inline-block'], ['margin', '0 0 0 0.4em'], ['vertical-align', 'middle'], ['line-height', '1']]) host.style.setProperty(p!, v!, 'important');
  const inner = doc.createElement('span');
  inner.textContent = 'nn';
  for (const [p, v] of [
    ['display', 'inline-block'],
    ['padding', '2px 5px'],
    ['border-radius', '999px'],
    ['background', '#1d5f8a'],
    ['color', '#ffffff'],
    ['font', '700 10px/1.1 system-ui, sans-serif'],
    ['letter-spacing', '0.02em'],
    ['text-decoration', 'none'],
  ])
    inner.style.setProperty(p!, v!);
  host.attachShadow({ mode: 'open' }).appendChild(inner);
  return host;
}

/**
 * Badges the links on `doc` whose article has a card; resolves with how many
 * links it marked. Links without text (pictures) get none, and a link is
 * marked once however often this runs.
 */
export async function markListing(doc: Document, send: SendMessage, recognise: (url: string) => PageKind): Promise<number> {
  const reply = parseBadgeReply(await send({ type: 'badges:get' } satisfies Message).catch(() => null));
  if (!reply || reply.keys.length === 0) return 0;
  const keys = new Set(reply.keys);
  await idle();
  let marked = 0;
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    if (!HOSTS.has(a.hostname) || a.querySelector(`[${BADGE_ATTR}]`)) continue;
    const key = pageKeyFrom(recognise(a.href));
    if (!key || !keys.has(key) || !a.textContent?.trim()) continue;
    a.appendChild(badge(doc, reply.label));
    marked++;
  }
  return marked;
}

type ExtApi = { runtime: { sendMessage(msg: unknown): Promise<unknown> } };

/** What content-badges.js leaves for the gate: badges this page, with the extension API reached directly (no polyfill on listings). */
export const badgeListingPage: Badge = (recognise) => {
  const ext = (globalThis as { browser?: ExtApi }).browser ?? (globalThis as { chrome?: ExtApi }).chrome;
  // No extension API (the extension was removed under the page): nothing to ask.
  if (!ext?.runtime) return;
  void markListing(document, (m) => sendSafely(ext.runtime, m), recognise);
};
