/**
 * The background's answers as the article code reads them while the page loads, checked by hand: the card state's
 * fields that the pill and the model offer read (status, url, title, message; for a ready card its topic and
 * engine), and the overlay switches' model offer. The whole card is checked against its schema (isCardState, in
 * content-check.js) when the panel opens and draws it (the overlay's `loadCardCheck`), so no card text reaches the card
 * view unchecked. Why not
 * at once: valibot's first run on a cold page, the card's schema built and a deep copy of the card in NFC cost
 * 1.5–5 ms of the page's main thread (issue 13), for a card that most readers never open, from our own background,
 * which checked it when it made or cached it.
 */
import type { CardState } from '../core/types';
import type { ModelOffer } from '../protocol';
import { overlayReplyPrefs } from './pill-prefs';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const optArray = (v: unknown) => v === undefined || Array.isArray(v);

/** The card state, or null when a field the page reads before the panel opens is missing or of the wrong type. */
export function cardStateShape(x: unknown): CardState | null {
  if (!isObj(x)) return null;
  switch (x.status) {
    case 'loading':
      return typeof x.url === 'string' && optString(x.title) ? (x as CardState) : null;
    case 'none':
      return optString(x.url) ? (x as CardState) : null;
    case 'error':
      return optString(x.url) && typeof x.message === 'string' ? (x as CardState) : null;
    case 'ready': {
      const card = x.card;
      if (typeof x.url !== 'string' || !isObj(card) || !isObj(card.topic) || !isObj(card.engine)) return null;
      const t = card.topic;
      const ok = typeof t.id === 'string' && typeof t.label === 'string' && typeof t.confidence === 'number' && optArray(t.secondary) && optArray(t.reasons) && typeof card.engine.kind === 'string';
      return ok ? (x as CardState) : null;
    }
    default:
      return null;
  }
}

/** The model offer of an 'overlay:get' answer (null: none, or a malformed answer). */
export function overlayReplyOffer(reply: unknown): ModelOffer | null {
  if (!overlayReplyPrefs(reply)) return null;
  const offer = (reply as { model?: ModelOffer | null }).model;
  return offer ? { model: offer.model, auto: offer.auto } : null;
}
