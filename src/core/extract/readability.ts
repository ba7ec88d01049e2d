/**
 * Readability's reading of a page: @mozilla/readability on a clone of the page. A module of its own, with nothing
 * else in it, so that the content script loads it only for a page whose article body it cannot read directly (see
 * article.ts): Readability is about 40 % of the article code.
 */
import { Readability } from '@mozilla/readability';
import type { ReadabilityRead } from './article';

export const readabilityRead: ReadabilityRead = (doc) => {
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(doc.cloneNode(true) as Document, { keepClasses: true, disableJSONLD: true, serializer: (n) => n }).parse();
  } catch {
    // Broken markup can make Readability throw (an attribute named "<iframe" in a retagged node, found by the fuzzer):
    // the caller then reads the page's own containers, as when Readability finds nothing.
    return null;
  }
  const root = parsed?.content;
  if (!parsed || !root || root.nodeType !== 1) return null;
  return { root: root as Element, byline: parsed.byline, published: parsed.publishedTime };
};
