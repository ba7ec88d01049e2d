/**
 * One small interface over Playwright (Chromium) and Puppeteer (Firefox), so
 * that every scenario is written once and runs in both browsers.
 */
import type { CardState } from '../../src/core/types';

/** A browser tab the test drives. */
export interface Tab {
  /** Navigates this tab (a full load) and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Evaluates a JavaScript expression in the page (promises are awaited). */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** A real mouse click at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** A real key press (e.g. 'Enter', ' ', 'Tab', 'Escape'). */
  press(key: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string, opts?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export type BrowserName = 'chromium' | 'firefox';

/** A launched browser with the test build of the extension installed. */
export interface Harness {
  readonly name: BrowserName;
  /** Opens a new tab at `url` (served by the harness's Site). */
  open(url: string, viewport?: { width: number; height: number }): Promise<Tab>;
  /** The browser's tab id of the open tab showing `url` (its hash ignored; the newest such tab). */
  tabIdOf(url: string): Promise<number>;
  /** Ids of all open tabs (to find a tab whose URL the extension may not read). */
  tabIds(): Promise<number[]>;
  /** The card state the background stored for a tab (storage.session). */
  tabState(tabId: number): Promise<CardState | null>;
  /** Opens popup.html as a tab: `?tab=<id>` when given, bare otherwise. */
  openPopup(tabId: number | null): Promise<Tab>;
  close(): Promise<void>;
}

/** Sizes used across the scenarios. */
export const WIDE = { width: 1400, height: 900 };
export const NARROW = { width: 400, height: 800 };
