/**
 * Loads the checker from wherever the data can be fetched. The extension's
 * background calls this lazily with a fetch of the packaged file, e.g.
 *   loadChecker((p) => fetch(browser.runtime.getURL(p)).then((r) => r.json()))
 * so the content script never carries the data.
 */
import { createChecker, type CheckerOptions, type NynorskChecker } from './checker';
import { isNynorskData } from './data';

/**
 * Path of the shipped data inside the built extension (build.mjs copies
 * assets/nynorsk/ to nynorsk/). In the repository it is assets/nynorsk/bokmal.json.
 */
export const NYNORSK_DATA_PATH = 'nynorsk/bokmal.json';

/** Fetches the data via `fetchJson(NYNORSK_DATA_PATH)`, validates it, builds a checker. */
export async function loadChecker(
  fetchJson: (path: string) => Promise<unknown>,
  options: CheckerOptions = {},
): Promise<NynorskChecker> {
  const data = await fetchJson(NYNORSK_DATA_PATH);
  if (!isNynorskData(data)) throw new Error(`${NYNORSK_DATA_PATH}: not Nynorsk checker data`);
  return createChecker(data, options);
}
