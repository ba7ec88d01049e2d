/**
 * The feedback list's names and limits, apart from its schema (src/feedback.ts):
 * the card's feedback form needs only these, and importing the schema's module
 * would bring valibot and the card's schemas into the card's panel bundle.
 */
export const FEEDBACK_KEY = 'feedback';
/** The oldest go first past this many: each entry holds a whole card. */
export const FEEDBACK_LIMIT = 300;
export const FEEDBACK_NOTE_MAX = 2000;
/** Longest page URL an entry keeps. */
export const FEEDBACK_URL_MAX = 2000;

export const FEEDBACK_KINDS = ['fact', 'nynorsk', 'other'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
