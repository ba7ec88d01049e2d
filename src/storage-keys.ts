/**
 * Names the contexts share: storage.session keys of a tab's state, and the model port's name. A module of its own,
 * with no imports: the popup's first statement (popup/early-read.ts) needs a key before the schemas of protocol.ts
 * are evaluated, and the article code (content-main.js) carries none of those schemas.
 */

/** storage.session key of a tab's card state. */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;

/** storage.session key of a tab's model job (the card being written, or the offer to write one). */
export const modelJobKey = (tabId: number) => `model:${tabId}`;

/** The long-lived port the content script opens to the background while a model card is written. */
export const MODEL_PORT = 'nk-model';
