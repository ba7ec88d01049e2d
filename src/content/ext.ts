/**
 * The extension API as content scripts use it, without webextension-polyfill
 * (3 KB gzip the article code need not carry): in MV3 both browsers' own
 * namespace (`browser` in Firefox, `chrome` in Chrome) return promises from
 * sendMessage. Answers to messages go through `sendResponse`, which both
 * browsers honour, rather than a returned promise.
 */
import type { ClientPort } from './model-job';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

export type ContentRuntime = {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): ClientPort;
  getURL(path: string): string;
  onMessage: { addListener(fn: Listener): void };
};

/** browser.runtime in Firefox, chrome.runtime in Chrome. */
export const runtime = (): ContentRuntime =>
  ((globalThis as { browser?: { runtime: ContentRuntime } }).browser ?? (globalThis as { chrome?: { runtime: ContentRuntime } }).chrome)!.runtime;

/**
 * Sends a message with `rt.sendMessage`; a failure is a rejection, never a throw: Chrome throws at once ("Extension
 * context invalidated") in a page whose extension was updated or reloaded under it.
 */
export const sendSafely = (rt: { sendMessage(message: unknown): Promise<unknown> }, message: unknown): Promise<unknown> =>
  new Promise((resolve) => resolve(rt.sendMessage(message)));

/** Where message handlers are registered (a runtime, or a test's stand-in). */
export type MessageSource = { onMessage: { addListener(fn: Listener): void } };

/**
 * Registers a handler for messages to this tab: it returns a promise for the
 * messages it answers and undefined for the rest, which other listeners (or
 * nobody) answer.
 */
export function answerMessages(source: MessageSource, handle: (message: unknown) => Promise<unknown> | undefined): void {
  source.onMessage.addListener((message, _sender, sendResponse) => {
    const reply = handle(message);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    // Keeps the channel open until sendResponse is called.
    return true;
  });
}
