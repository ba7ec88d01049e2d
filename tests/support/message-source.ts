/**
 * A stand-in for runtime.onMessage as content scripts see it: `ask` delivers
 * a message the way the browser does (listener(message, sender,
 * sendResponse)) and gives the answer as a promise when the listener kept
 * the channel open (returned true), or undefined when it left the message
 * to others.
 */
import type { MessageSource } from '../../src/content/ext';

type Listener = Parameters<MessageSource['onMessage']['addListener']>[0];

export function messageSource(): { source: MessageSource; ask(message: unknown): Promise<unknown> | undefined } {
  const listeners: Listener[] = [];
  return {
    source: { onMessage: { addListener: (fn) => void listeners.push(fn) } },
    ask(message) {
      for (const fn of listeners) {
        let reply: (v: unknown) => void = () => {};
        const answer = new Promise<unknown>((resolve) => (reply = resolve));
        if (fn(message, {}, reply) === true) return answer;
      }
      return undefined;
    },
  };
}
