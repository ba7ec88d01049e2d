/**
 * One typed call between the extension's contexts: sends a message and
 * resolves with the reply, checked against the schema protocol.ts gives for
 * that message type (REPLY_SCHEMAS), so the caller gets the reply's type
 * without a cast and never a reply it did not expect.
 *
 * A malformed or missing reply rejects with ReplyError, just as a message
 * that does not arrive rejects with the transport's own error: callers have
 * one failure path (a catch), and every reply they read is well formed.
 *
 * The transport is a parameter because the contexts send differently:
 * `runtime.sendMessage` (popup, options), `(m) => tabs.sendMessage(tabId, m)`
 * (popup → its tab). The content script does not use this: the gate, the pill's script and the article code carry no
 * valibot (issue 13), so the few replies they read have hand guards (content/card-state-shape.ts, content/pill-prefs.ts);
 * only content-check.js, loaded when a card is drawn or a model card written, has the schemas, for the card and the port.
 */
import * as v from 'valibot';
import { REPLY_SCHEMAS, type Message, type MessageType, type Reply } from './protocol';

/** Sends one message and resolves with whatever the other side answered. */
export type Transport = (message: Message) => Promise<unknown>;

/** The reply to a message did not match its schema (or there was none). */
export class ReplyError extends Error {
  readonly messageType: MessageType;
  constructor(messageType: MessageType, problem: string) {
    super(`${messageType}: malformed reply (${problem})`);
    this.name = 'ReplyError';
    this.messageType = messageType;
  }
}

/** Sends `message` over `transport`; resolves with its checked reply, rejects on a failed send or a malformed reply. */
export async function send<M extends Message>(transport: Transport, message: M): Promise<Reply<M>> {
  const raw = await transport(message);
  // TypeScript cannot tie the schema picked by `message.type` to M's reply type; REPLY_SCHEMAS' `satisfies` and Replies do.
  const schema: v.GenericSchema = REPLY_SCHEMAS[message.type];
  const r = v.safeParse(schema, raw, { abortEarly: true });
  if (!r.success) throw new ReplyError(message.type, r.issues[0].message);
  return r.output as Reply<M>;
}
