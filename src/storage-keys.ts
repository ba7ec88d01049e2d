/**
 * storage.session keys of a tab's state. A module of its own, with no imports: the popup's first statement
 * (popup/early-read.ts) needs the key before the schemas of protocol.ts are evaluated.
 */

/** storage.session key of a tab's card state. */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;

/** storage.session key of a tab's model job (the card being written, or the offer to write one). */
export const modelJobKey = (tabId: number) => `model:${tabId}`;
