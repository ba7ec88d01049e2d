/**
 * The list of recently opened cards ("Sist opna kort"): kept in
 * storage.local under RECENT_KEY, newest first, one entry per article, at
 * most RECENT_LIMIT entries; never in storage.sync. Only what the popup
 * lists and the listing badges match on is kept, not the card itself.
 */
import { pageKeyOf } from './core/page-key';
import type { Card } from './core/types';

export const RECENT_KEY = 'recent';
export const RECENT_LIMIT = 200;

export type RecentEntry = {
  /** The article's URL (the card's source). */
  url: string;
  /** pageKeyOf(url): what the listing badges match links on. */
  key: string;
  title: string;
  topic: { id: string; label: string };
  /** ISO time the card was last opened. */
  openedAt: string;
  /** The title is the article's own, in English (a fact card keeps it). */
  english?: true;
};

const isStr = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;

function parseEntry(v: unknown): RecentEntry | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  const t = e.topic as Record<string, unknown> | undefined;
  if (!isStr(e.url) || !isStr(e.key, 300) || !isStr(e.title, 500) || !isStr(e.openedAt, 40) || !t || !isStr(t.id, 40) || !isStr(t.label, 200)) return null;
  if (!/^https?:\/\//.test(e.url) || Number.isNaN(Date.parse(e.openedAt))) return null;
  return { url: e.url, key: e.key, title: e.title, topic: { id: t.id, label: t.label }, openedAt: e.openedAt, ...(e.english === true ? { english: true as const } : {}) };
}

/** Whatever storage held, as a valid list (malformed entries dropped, at most RECENT_LIMIT). */
export function parseRecent(raw: unknown): RecentEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: RecentEntry[] = [];
  for (const v of raw) {
    const e = parseEntry(v);
    if (e) out.push(e);
    if (out.length >= RECENT_LIMIT) break;
  }
  return out;
}

/** The entry for a card opened at `now`; null for a card whose URL names no article or thread. */
export function recentEntryOf(card: Card, now: Date): RecentEntry | null {
  const url = card.source.url || card.url;
  const key = pageKeyOf(url) ?? pageKeyOf(card.url);
  if (!key) return null;
  const english = card.title.trim() === card.sourceTitle.trim();
  return { url, key, title: card.title, topic: { id: card.topic.id, label: card.topic.label }, openedAt: now.toISOString(), ...(english ? { english: true as const } : {}) };
}

/** The list with `entry` first: the article's older entry goes, and the oldest fall off past RECENT_LIMIT. */
export function addRecent(list: readonly RecentEntry[], entry: RecentEntry, limit = RECENT_LIMIT): RecentEntry[] {
  return [entry, ...list.filter((e) => e.key !== entry.key)].slice(0, limit);
}
