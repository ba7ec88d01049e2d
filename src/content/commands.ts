/**
 * The keyboard shortcut "Opne eller lukk kortet på sida" on the page: the
 * background turns the browser command into a 'card:command' message to this
 * tab (see background/commands.ts). Loaded with the loader on article pages;
 * no polyfill and no protocol module here, the loader must stay small.
 */

/** What the shortcut needs of the overlay (content/overlay.ts's handle). */
export type CommandTarget = { open(by: 'reader'): Promise<void> | void; close(): void; isOpen(): boolean };

import { answerMessages, type MessageSource } from './ext';

/** browser.runtime or chrome.runtime, reached directly (the same call in both browsers). */
const extensionRuntime = (): MessageSource | undefined =>
  ((globalThis as { browser?: { runtime: MessageSource } }).browser ?? (globalThis as { chrome?: { runtime: MessageSource } }).chrome)?.runtime;

/**
 * Answers 'card:command' with `{ done }`: false when there is no card on the
 * page (a listing, or the reader hid it). Other messages are left to the
 * other listeners (undefined).
 */
export function listenForCardCommands(overlay: () => CommandTarget | null, runtime: MessageSource | undefined = extensionRuntime()): void {
  if (!runtime) return;
  answerMessages(runtime, (msg) => {
    const m = msg as { type?: unknown; action?: unknown } | null;
    if (!m || m.type !== 'card:command' || (m.action !== 'toggle' && m.action !== 'open')) return undefined;
    return Promise.resolve({ done: runCardCommand(overlay(), m.action) });
  });
}

export function runCardCommand(target: CommandTarget | null, action: 'toggle' | 'open'): boolean {
  if (!target) return false;
  // Opened "by the reader": focus moves into the card, so Tab and Escape work at once.
  if (!target.isOpen()) void target.open('reader');
  else if (action === 'toggle') target.close();
  return true;
}
