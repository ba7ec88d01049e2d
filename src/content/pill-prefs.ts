/**
 * The two switches the pill needs before it may show (overlay mode, hidden
 * for this session), read without waking the background where the browser
 * allows: the background mirrors them into storage.session and opens that
 * area to content scripts (see background/pill-prefs-mirror.ts). Where the
 * mirror is missing or unreadable (a browser without
 * storage.session.setAccessLevel; the very first page after the browser starts), one message asks
 * the background instead.
 */
import { isPillPrefs, PILL_PREFS_KEY, type PillPrefs } from '../pill-prefs';
import type { Message, ModelOffer, OverlayPrefs } from '../protocol';

export type { PillPrefs };

const DEFAULT_PREFS: PillPrefs = { mode: 'pill', hiddenForSession: false };

/** The slice of the extension API this needs (chrome.* or browser.*: both return promises in MV3). */
export type PrefsApi = {
  storage?: { session?: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
};

/** Whether the pill may show at all. */
export const showsOverlay = (p: PillPrefs): boolean => p.mode !== 'off' && !p.hiddenForSession;

/**
 * The switches of an 'overlay:get' reply, or null when the reply is malformed.
 * A hand guard, not rpc.ts: the pill's script (content-pill.js) imports this, and its size
 * budget (issue 13) has no room for valibot and the protocol's schemas. It
 * takes exactly the replies REPLY_SCHEMAS['overlay:get'] takes, the model offer
 * included though only the switches are read, so it treats a broken
 * background as the checked senders do (tests/content/loader-guards.test.ts).
 */
export function overlayReplyPrefs(reply: unknown): PillPrefs | null {
  if (!isPillPrefs(reply)) return null;
  const offer = (reply as Partial<OverlayPrefs>).model as Partial<ModelOffer> | null | undefined;
  if (offer != null && (typeof offer !== 'object' || typeof offer.model !== 'string' || typeof offer.auto !== 'boolean')) return null;
  return { mode: reply.mode, hiddenForSession: reply.hiddenForSession };
}

export async function readPillPrefs(api: PrefsApi): Promise<PillPrefs> {
  try {
    const got = await api.storage?.session?.get(PILL_PREFS_KEY);
    const v = got?.[PILL_PREFS_KEY];
    if (isPillPrefs(v)) return v;
  } catch {
    // Not readable from here: ask the background.
  }
  try {
    const prefs = overlayReplyPrefs(await api.runtime.sendMessage({ type: 'overlay:get' } satisfies Message));
    if (prefs) return prefs;
  } catch {
    // No background (the extension was reloaded under the page): the defaults.
  }
  return DEFAULT_PREFS;
}
