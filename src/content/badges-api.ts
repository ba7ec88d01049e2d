/**
 * What the badges script (content-badges.js, ./badges-script) gives the gate
 * (content.js, ./loader). The background registers that script, with
 * scripting.registerContentScripts, only while the reader has cards of their
 * own (src/background/badges-script.ts): a reader without cards runs none of
 * the badges' code and sends no message. It runs at document_start, in the
 * gate's isolated world, and leaves a function on that world's global; the
 * gate calls it, in idle time, for every page that holds no article. Pages
 * cannot see that world's globals.
 */

import type { PageKind } from '../core/types';

const KEY = '__nynorskKortBadges';
/** Badges the page; `recognise` is the gate's own (core/recognise), so the badges script does not ship a second copy. */
export type Badge = (recognise: (url: string) => PageKind) => void;
type BadgesGlobal = { [KEY]?: Badge };

export const registerBadges = (badge: Badge): void => void ((globalThis as BadgesGlobal)[KEY] = badge);
export const registeredBadges = (): Badge | undefined => (globalThis as BadgesGlobal)[KEY];
