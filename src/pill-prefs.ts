/**
 * The overlay switches the pill needs before it may show, as the background
 * mirrors them into storage.session for the content script (no valibot here:
 * the content script's loader imports this and must stay small).
 */
export const PILL_PREFS_KEY = 'overlay:pill';

export type PillPrefs = { mode: 'pill' | 'open' | 'off'; hiddenForSession: boolean };

export function isPillPrefs(v: unknown): v is PillPrefs {
  const o = v as Partial<PillPrefs> | null;
  return !!o && typeof o === 'object' && (o.mode === 'pill' || o.mode === 'open' || o.mode === 'off') && typeof o.hiddenForSession === 'boolean';
}
