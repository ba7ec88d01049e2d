/**
 * The listing badges' script as the background registers it and the content
 * script knows it (src/background/badges-script.ts, src/content/badges-api.ts):
 * shared by both contexts, so it lives outside either.
 */

/** The registered script's id with the browser. */
export const BADGES_SCRIPT_ID = 'nynorsk-kort-badges';
/** Its file in the build (build.mjs: the content-badges entry). */
export const BADGES_FILE = 'content-badges.js';
