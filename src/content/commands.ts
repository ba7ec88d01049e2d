/**
 * The keyboard shortcut "Opne eller lukk kortet på sida" on the page: the
 * background turns the browser command into a 'card:command' message to this
 * tab (see background/commands.ts). Part of the pill's script (content-pill.js),
 * heard once a page has an article: elsewhere the message finds no listener,
 * which the background takes as nothing done. No polyfill and only the
 * protocol's types here: the pill's script must stay small.
 */

/** What the shortcut needs of the overlay (content/overlay.ts's handle). */
export type CommandTarget = { open(by: 'reader'): Promise<void> | void; close(): void; isOpen(): boolean };

import type { Message, Replies } from '../protocol';
import { answerMessages, type MessageSource } from './ext';

type CardCommand = Extract<Message, { type: 'card:command' }>;

/** browser.runtime or chrome.runtime, reached directly (the same call in both browsers). */
const extensionRuntime = (): MessageSource | undefined =>
  ((globalThis as { browser?: { runtime: MessageSource } }).browser ?? (globalThis as { chrome?: { runtime: MessageSource } }).chrome)?.runtime;

/**
 * A hand guard for the 'card:command' message, not protocol.ts's parseMessage (the pill's script carries no valibot). It takes
 * exactly the card:command messages parseMessage takes (tests/content/loader-guards.test.ts).
 */
export function isCardCommand(msg: unknown): msg is CardCommand {
  const m = msg as Partial<CardCommand> | null;
  return !!m && typeof m === 'object' && m.type === 'card:command' && (m.action === 'toggle' || m.action === 'open');
}

/**
 * Answers 'card:command' with `{ done }`: false when there is no card on the
 * page (a listing, or the reader hid it). Other messages are left to the
 * other listeners (undefined).
 */
export function listenForCardCommands(overlay: () => CommandTarget | null, runtime: MessageSource | undefined = extensionRuntime()): void {
  if (!runtime) return;
  answerMessages(runtime, (msg) => {
    if (!isCardCommand(msg)) return undefined;
    return Promise.resolve({ done: runCardCommand(overlay(), msg.action) } satisfies Replies['card:command']);
  });
}

export function runCardCommand(target: CommandTarget | null, action: CardCommand['action']): boolean {
  if (!target) return false;
  // Opened "by the reader": focus moves into the card, so Tab and Escape work at once.
  if (!target.isOpen()) void target.open('reader');
  else if (action === 'toggle') target.close();
  return true;
}
