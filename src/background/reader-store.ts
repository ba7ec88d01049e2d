/**
 * What the background keeps for the reader in storage.local (issue 15): the
 * recently opened cards and the feedback list, and the listing badges'
 * answer. Writes go one after another (a chain in this module), so two tabs
 * that answer at once cannot drop each other's entry.
 */
import { LIBRARY } from '../core/library-data';
import type { Card } from '../core/types';
import { addFeedback, FEEDBACK_KEY, parseFeedback, type FeedbackEntry } from '../feedback';
import type { BadgeReply } from '../protocol';
import { addRecent, parseRecent, RECENT_KEY, recentEntryOf } from '../recent';
import { migrateSettings, SETTINGS_KEY } from '../settings';
import { text } from '../strings/text';

/** The part of storage.local used here (test seam). */
export type LocalArea = {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

let chain: Promise<unknown> = Promise.resolve();
/** Runs `job` after every write queued before it; a failed job does not stop the next. */
function queued<T>(job: () => Promise<T>): Promise<T> {
  const run = chain.then(job, job);
  chain = run.catch(() => undefined);
  return run;
}

/** Puts a card that was just shown first in the recent list, unless the reader turned the list off. */
export function recordRecent(local: LocalArea, card: Card, now = new Date()): Promise<boolean> {
  return queued(async () => {
    const got = await local.get([SETTINGS_KEY, RECENT_KEY]);
    if (!migrateSettings(got[SETTINGS_KEY]).history) return false;
    const entry = recentEntryOf(card, now);
    if (!entry) return false;
    await local.set({ [RECENT_KEY]: addRecent(parseRecent(got[RECENT_KEY]), entry) });
    return true;
  });
}

/** Appends feedback to the local list. */
export function saveFeedback(local: LocalArea, entry: FeedbackEntry): Promise<void> {
  return queued(async () => {
    const got = await local.get(FEEDBACK_KEY);
    await local.set({ [FEEDBACK_KEY]: addFeedback(parseFeedback(got[FEEDBACK_KEY]), entry) });
  });
}

/** Keys of the curated library's articles: they always have a card. */
const LIBRARY_KEYS = LIBRARY.flatMap((e) => e.match.slugs.map((s) => `a:${s.toLowerCase()}`));

/** The articles that have a card, for listing pages' badges: one storage read. */
export async function badgeKeys(local: LocalArea): Promise<BadgeReply> {
  const got = await local.get([SETTINGS_KEY, RECENT_KEY]);
  const recent = migrateSettings(got[SETTINGS_KEY]).history ? parseRecent(got[RECENT_KEY]).map((e) => e.key) : [];
  return { keys: [...new Set([...recent, ...LIBRARY_KEYS])], label: text.listingBadge };
}
