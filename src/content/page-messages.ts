/**
 * The popup's messages to the article code, checked by hand: 'evidence:show', 'model:generate' and 'model:cancel'.
 * Not protocol.ts's parseMessage: the article code (content-main.js) carries no valibot, whose schemas a page would
 * build as the code is evaluated (issue 13). Each guard takes the messages of its type that parseMessage takes, and
 * gives what it gives (tests/content/page-messages.test.ts), with one difference no sender reaches: an array that
 * carries a `type` property, which valibot's object schema lets through, is refused here.
 */
import type { Message } from '../protocol';

type Of<T extends Message['type']> = Extract<Message, { type: T }>;
export type PageMessage = Of<'evidence:show'> | Of<'model:generate'> | Of<'model:cancel'>;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The message as parseMessage gives it (unknown keys dropped, `force` false when absent), or null. */
export function parsePageMessage(raw: unknown): PageMessage | null {
  if (!isObj(raw)) return null;
  switch (raw.type) {
    case 'evidence:show':
      return Number.isSafeInteger(raw.index) && (raw.index as number) >= 0 ? { type: 'evidence:show', index: raw.index as number } : null;
    case 'model:generate':
      if (raw.force === undefined) return { type: 'model:generate', force: false };
      return typeof raw.force === 'boolean' ? { type: 'model:generate', force: raw.force } : null;
    case 'model:cancel':
      return { type: 'model:cancel' };
    default:
      return null;
  }
}
