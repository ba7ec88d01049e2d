/**
 * Per-card feedback ("Noko gale i kortet?"): a local list in storage.local
 * under FEEDBACK_KEY that the options page exports as JSON for whoever
 * improves the curated library and the checker. Nothing is sent anywhere.
 */
import type { Card } from './core/types';
import { validateCard } from './core/validate';

export const FEEDBACK_KEY = 'feedback';
/** The oldest go first past this many: each entry holds a whole card. */
export const FEEDBACK_LIMIT = 300;
export const FEEDBACK_NOTE_MAX = 2000;

export const FEEDBACK_KINDS = ['fact', 'nynorsk', 'other'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** What the reader gives in the form. */
export type FeedbackInput = { kind: FeedbackKind; note: string };

export type FeedbackEntry = FeedbackInput & {
  /** The page the card was shown for. */
  url: string;
  card: Card;
  createdAt: string;
};

export const isFeedbackKind = (v: unknown): v is FeedbackKind => typeof v === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(v);

const isWebUrl = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length > 2000) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/** One entry checked field by field (the card with the card validator); null when anything is off. */
export function parseFeedbackEntry(v: unknown): FeedbackEntry | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  if (!isFeedbackKind(e.kind) || typeof e.note !== 'string' || e.note.length > FEEDBACK_NOTE_MAX || !isWebUrl(e.url)) return null;
  if (typeof e.createdAt !== 'string' || Number.isNaN(Date.parse(e.createdAt))) return null;
  const card = validateCard(e.card);
  if (!card.ok) return null;
  return { kind: e.kind, note: e.note, url: e.url, card: card.card, createdAt: e.createdAt };
}

/** Whatever storage held, as a valid list, oldest first. */
export function parseFeedback(raw: unknown): FeedbackEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.map(parseFeedbackEntry).filter((e): e is FeedbackEntry => e !== null).slice(-FEEDBACK_LIMIT);
}

/** The list with `entry` last, the oldest dropped past FEEDBACK_LIMIT. */
export function addFeedback(list: readonly FeedbackEntry[], entry: FeedbackEntry, limit = FEEDBACK_LIMIT): FeedbackEntry[] {
  return [...list, entry].slice(-limit);
}

/** The export file: a versioned object, so a maintainer's script can tell what it reads. */
export function feedbackExport(list: readonly FeedbackEntry[], now: Date): string {
  return JSON.stringify({ format: 'nynorsk-kort-feedback', version: 1, exportedAt: now.toISOString(), entries: list }, null, 2);
}
