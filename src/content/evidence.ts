/**
 * "Vis i teksten" in the content script: remembers the article this page
 * was extracted into, maps a paragraph index back to the live page, and
 * scrolls to and highlights it. Called by the overlay directly and by the
 * popup through an 'evidence:show' message to this tab.
 */
import type { Article } from '../core/types';
import type { EvidenceReply } from '../protocol';
import { createParagraphLocator, type ParagraphLocator } from './find-paragraph';
import { revealElement } from './highlight';
import { answerMessages, type MessageSource } from './ext';
import { OVERLAY_SELECTOR } from './overlay-host';
import { parsePageMessage } from './page-messages';

let locator: ParagraphLocator | null = null;
let doc: Document | null = null;

/**
 * Tells the evidence module which article the page holds (null when none).
 * The content script calls it right after extraction, whatever the overlay
 * settings, so that the popup can show evidence even with the overlay off.
 */
export function setCurrentArticle(article: Pick<Article, 'paragraphs'> | null, document_: Document = document): void {
  locator = article ? createParagraphLocator(document_, article.paragraphs) : null;
  doc = article ? document_ : null;
}

/**
 * Scrolls to paragraph `index` of the current article and highlights it for
 * a moment. Returns false when there is no article or the paragraph is not
 * on the page (any more).
 */
export function showEvidence(index: number): boolean {
  const el = locator?.find(index);
  if (!el || !doc) return false;
  revealElement(el, { covered: coveredByOverlay(doc) });
  return true;
}

/** The open overlay panel's box: the page under it is hidden from the reader. */
function coveredByOverlay(d: Document): DOMRectReadOnly[] {
  const panel = d.querySelector(OVERLAY_SELECTOR)?.shadowRoot?.querySelector('[role=dialog]');
  return panel ? [panel.getBoundingClientRect()] : [];
}

export type { MessageSource };

/**
 * Answers the popup's 'evidence:show' messages (sent with tabs.sendMessage).
 * Returns undefined for every other message, so other listeners can answer them.
 */
export function listenForEvidenceRequests(source: MessageSource): void {
  answerMessages(source, (raw): Promise<EvidenceReply> | undefined => {
    const msg = parsePageMessage(raw);
    if (msg?.type !== 'evidence:show') return undefined;
    return Promise.resolve({ found: showEvidence(msg.index) });
  });
}
