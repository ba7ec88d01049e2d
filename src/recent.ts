/**
 * The list of recently opened cards ("Sist opna kort"): kept in
 * storage.local under RECENT_KEY, newest first, one entry per article, at
 * most RECENT_LIMIT entries; never in storage.sync. Only what the popup
 * lists and the listing badges match on is kept, not the card itself.
 */
import * as v from 'valibot';
import { pageKeyOf } from './core/page-key';
import { parser, validItems, withoutUndefined } from './core/schema/common';
import type { Card } from './core/types';
import { webUrl } from './core/url-origin';

export const RECENT_KEY = 'recent';
export const RECENT_LIMIT = 200;

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** One stored entry; unknown keys are dropped. */
const RecentEntrySchema = v.pipe(
  v.object({
    /** The article's URL (the card's source). */
    url: v.pipe(str(2000), v.check((u) => webUrl(u) !== null, 'not an http(s) URL')),
    /** pageKeyOf(url): what the listing badges match links on. */
    key: str(300),
    title: str(500),
    topic: v.object({ id: str(40), label: str(200) }),
    /** ISO time the card was last opened. */
    openedAt: v.pipe(str(40), v.check((s) => !Number.isNaN(Date.parse(s)))),
    /** The title is the article's own, in English (a fact card keeps it). Anything but true is left out, not the entry. */
    english: v.fallback(v.optional(v.literal(true)), undefined),
  }),
  v.transform(withoutUndefined),
);

export type RecentEntry = v.InferOutput<typeof RecentEntrySchema>;

/** The stored list: malformed entries dropped, the rest kept in order, at most RECENT_LIMIT. */
const RecentSchema = v.pipe(validItems(RecentEntrySchema), v.transform((list) => list.slice(0, RECENT_LIMIT)));

const parseList = parser(RecentSchema);

/** Whatever storage held, as a valid list (malformed entries dropped, at most RECENT_LIMIT). */
export function parseRecent(raw: unknown): RecentEntry[] {
  return parseList(raw) ?? [];
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
