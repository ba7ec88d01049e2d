/**
 * Per-card feedback ("Noko gale i kortet?"): a local list in storage.local
 * under FEEDBACK_KEY that the options page exports as JSON for whoever
 * improves the curated library and the checker. Nothing is sent anywhere.
 *
 * One schema for an entry: the 'feedback:add' message (protocol.ts) is built
 * from the same fields, so the background never answers {ok: true} for a
 * report that the next read of the list would drop.
 */
import * as v from 'valibot';
import { parser, validItems } from './core/schema/common';
import type { Card } from './core/types';
import { webUrl } from './core/url-origin';
import { validateCard } from './core/validate';

import { FEEDBACK_KINDS, FEEDBACK_LIMIT, FEEDBACK_NOTE_MAX, FEEDBACK_URL_MAX } from './feedback-limits';

export { FEEDBACK_KEY, FEEDBACK_KINDS, FEEDBACK_LIMIT, FEEDBACK_NOTE_MAX, FEEDBACK_URL_MAX, type FeedbackKind } from './feedback-limits';

/** A card as validateCard accepts it, passed on as validateCard returns it (in NFC). */
const CheckedCardSchema = v.pipe(
  v.unknown(),
  v.rawTransform<unknown, Card>(({ dataset, addIssue, NEVER }) => {
    const check = validateCard(dataset.value);
    if (check.ok) return check.card;
    addIssue({ message: `bad card: ${check.errors.join(', ')}` });
    return NEVER;
  }),
);

/** What a report carries from the card to the background (the message's fields besides its type). */
export const FeedbackReportSchema = v.object({
  kind: v.picklist(FEEDBACK_KINDS),
  note: v.pipe(v.string(), v.maxLength(FEEDBACK_NOTE_MAX)),
  /** The page the card was shown for; the length bound goes first, so no long text reaches the URL parser. */
  url: v.pipe(
    v.string(),
    v.maxLength(FEEDBACK_URL_MAX),
    v.check((url) => webUrl(url) !== null, 'not an http(s) URL'),
  ),
  card: CheckedCardSchema,
});

/** A stored entry: the report and when the background saved it. */
const FeedbackEntrySchema = v.object({
  ...FeedbackReportSchema.entries,
  createdAt: v.pipe(
    v.string(),
    v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  ),
});

export type FeedbackEntry = v.InferOutput<typeof FeedbackEntrySchema>;

/** What the reader gives in the form. */
export type FeedbackInput = Pick<FeedbackEntry, 'kind' | 'note'>;

/** One entry checked field by field (the card with the card validator); null when anything is off. */
export const parseFeedbackEntry = parser(FeedbackEntrySchema);

/** The stored list: malformed entries dropped, the newest FEEDBACK_LIMIT kept, oldest first. */
const parseList = parser(v.pipe(validItems(FeedbackEntrySchema), v.transform((list) => list.slice(-FEEDBACK_LIMIT))));

/** Whatever storage held, as a valid list, oldest first. */
export function parseFeedback(raw: unknown): FeedbackEntry[] {
  return parseList(raw) ?? [];
}

/** The list with `entry` last, the oldest dropped past FEEDBACK_LIMIT. */
export function addFeedback(list: readonly FeedbackEntry[], entry: FeedbackEntry, limit = FEEDBACK_LIMIT): FeedbackEntry[] {
  return [...list, entry].slice(-limit);
}

/** The export file: a versioned object, so a maintainer's script can tell what it reads. */
export function feedbackExport(list: readonly FeedbackEntry[], now: Date): string {
  return JSON.stringify({ format: 'nynorsk-kort-feedback', version: 1, exportedAt: now.toISOString(), entries: list }, null, 2);
}
