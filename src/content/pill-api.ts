/**
 * What the pill's script (content-pill.js, ./pill-loader) gives the gate
 * (content.js, ./loader). They are two bundles in one isolated world: the
 * manifest injects content-pill.js at document_start on URLs that look like
 * articles or threads, so it is there, evaluated, when the gate decides at
 * DOMContentLoaded; on a page the site reached without a reload, the gate
 * imports the same file. A global of the content script's world, not an
 * export: the manifest runs the file as a classic script. Pages cannot see
 * that world's globals.
 */
import type { PageKind } from '../core/types';

export type PillApi = {
  /** Waits for the article (a shell may fill in later), then shows the pill and loads the article code. */
  enter(page: PageKind, isCurrent: () => boolean): void;
  /** Leaves the current page's card behind: the pill, the article code's work, any watcher. */
  leave(): void;
};

/** The file, for the gate's import after a move without a reload. */
export const PILL_FILE = 'content-pill.js';

const KEY = '__nynorskKortPill';
type PillGlobal = { [KEY]?: PillApi };

export const registerPill = (api: PillApi): void => void ((globalThis as PillGlobal)[KEY] = api);
export const registeredPill = (): PillApi | undefined => (globalThis as PillGlobal)[KEY];

/**
 * What the gate gives the pill's script: its URL recognition, so that the pill's script, which runs after it in the
 * same world, does not carry a second copy of it.
 */
export type GateApi = { recognise(href: string): PageKind };

const GATE_KEY = '__nynorskKortGate';
type GateGlobal = { [GATE_KEY]?: GateApi };

export const registerGate = (api: GateApi): void => void ((globalThis as GateGlobal)[GATE_KEY] = api);
export const registeredGate = (): GateApi | undefined => (globalThis as GateGlobal)[GATE_KEY];
