/**
 * The overlay switches the pill needs before it may show, as the background
 * mirrors them into storage.session for the content script (no valibot here:
 * the pill's script (content-pill.js) imports this and must stay small).
 */
export const PILL_PREFS_KEY = 'overlay:pill';

/** How the overlay starts on an article: collapsed pill, open card, or not at all. The one list: settings.ts and protocol.ts take it from here, as this file must stay free of valibot. */
export const OVERLAY_MODES = ['pill', 'open', 'off'] as const;
export type OverlayMode = (typeof OVERLAY_MODES)[number];

export type PillPrefs = { mode: OverlayMode; hiddenForSession: boolean };

export const isOverlayMode = (v: unknown): v is OverlayMode => (OVERLAY_MODES as readonly unknown[]).includes(v);

export function isPillPrefs(v: unknown): v is PillPrefs {
  const o = v as Partial<PillPrefs> | null;
  return !!o && typeof o === 'object' && isOverlayMode(o.mode) && typeof o.hiddenForSession === 'boolean';
}
