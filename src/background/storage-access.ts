/**
 * Keeps storage.local (settings, API keys, cached cards) from content
 * scripts: Chrome lets every extension context read storage.local unless the
 * extension asks for TRUSTED_CONTEXTS (storage.session is restricted by
 * default). Our content script reads only storage.session, where the
 * background mirrors the overlay's two switches (./pill-prefs-mirror).
 * Firefox has setAccessLevel for storage.session only, so there the call is
 * skipped and storage.local stays readable by the content script.
 */

type AccessLevelArea = { setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void> | void };
export type ChromeLike = { storage?: { local?: AccessLevelArea } } | undefined;

export type AccessOutcome = 'restricted' | 'unsupported' | 'failed';

/**
 * Restricts storage.local to trusted contexts where the browser can. Uses
 * `chrome` directly (webextension-polyfill has no typing for setAccessLevel).
 * Never throws: a refusal is logged and the start-up goes on.
 */
export async function restrictStorageAccess(chromeApi: ChromeLike = (globalThis as { chrome?: ChromeLike }).chrome): Promise<AccessOutcome> {
  const local = chromeApi?.storage?.local;
  if (typeof local?.setAccessLevel !== 'function') return 'unsupported';
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return 'restricted';
  } catch (e) {
    console.error('Nynorsk-kort: could not restrict storage.local to trusted contexts', e instanceof Error ? e.message : String(e));
    return 'failed';
  }
}
