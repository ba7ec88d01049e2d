/**
 * popup.js's first import, so its first statement: starts the early read (early-read.ts) with the browser's own
 * API object, before the rest is evaluated. Chrome's MV3 `chrome.*` and Firefox's
 * `browser.*` both return promises.
 */
import { readEarly, type EarlyRead, type EarlyReadApi } from './early-read';

const api = (globalThis as { browser?: EarlyReadApi }).browser ?? (globalThis as { chrome?: EarlyReadApi }).chrome;

/** The read, started; rejects where there is no extension API (the popup then reads through its own path). */
export const earlyRead: Promise<EarlyRead> = api ? readEarly(api, location.search) : Promise.reject(new Error('no extension API'));
// Handled by whoever uses it; never an unhandled rejection on its own.
earlyRead.catch(() => undefined);
