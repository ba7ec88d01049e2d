/**
 * Keeps the badges script (content-badges.js, src/content/badges-api.ts)
 * registered exactly while the reader has cards of their own: the recent
 * list, kept only while the history setting is on. A reader without cards
 * then pays nothing for the badges on Spiceworks pages: no script, no
 * message. The library's cards alone do not count: they would make every
 * reader a reader with cards.
 *
 * Called whenever the worker starts (installs, updates and browser starts
 * included) and whenever the recent list or the settings change; calls run
 * one after another, so two changes at once cannot register the script twice.
 */
import { BADGES_FILE, BADGES_SCRIPT_ID } from '../badges-registration';
import { parseRecent, RECENT_KEY } from '../recent';
import { migrateSettings, SETTINGS_KEY } from '../settings';
import type { LocalArea } from './reader-store';

/** The pages the badges script runs on: the gate's own (manifest.json, content.js). */
export const BADGES_MATCHES = ['https://www.spiceworks.com/*', 'https://community.spiceworks.com/*'];

/** The part of the scripting API used here (test seam). */
export type ScriptingArea = {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: Array<{ id: string; js: string[]; matches: string[]; runAt: 'document_start'; persistAcrossSessions: boolean }>): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
};

/** Whether the reader has cards of their own: the listing badges' keys beyond the library's. */
export async function hasOwnCards(local: Pick<LocalArea, 'get'>): Promise<boolean> {
  const got = await local.get([SETTINGS_KEY, RECENT_KEY]);
  return migrateSettings(got[SETTINGS_KEY]).history && parseRecent(got[RECENT_KEY]).length > 0;
}

let chain: Promise<unknown> = Promise.resolve();

/** Registers or unregisters the badges script to match the reader's cards; resolves with whether it is registered. */
export function syncBadgesScript(scripting: ScriptingArea, local: Pick<LocalArea, 'get'>): Promise<boolean> {
  const job = async () => {
    const want = await hasOwnCards(local);
    const has = (await scripting.getRegisteredContentScripts({ ids: [BADGES_SCRIPT_ID] })).length > 0;
    if (want && !has) {
      // document_start: evaluated before the gate starts (DOMContentLoaded), so the gate finds it on the first load.
      await scripting.registerContentScripts([{ id: BADGES_SCRIPT_ID, js: [BADGES_FILE], matches: BADGES_MATCHES, runAt: 'document_start', persistAcrossSessions: true }]);
    } else if (!want && has) await scripting.unregisterContentScripts({ ids: [BADGES_SCRIPT_ID] });
    return want;
  };
  const run = chain.then(job, job);
  chain = run.catch(() => undefined);
  return run;
}
