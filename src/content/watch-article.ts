/**
 * Calls `onReady` once `isReady()` holds: at once, or when the page's content
 * arrives (an article URL may first serve an empty shell). Gives up quietly
 * after `timeoutMs`: a page that never gets an article gets no card.
 * Returns a function that stops watching.
 */
export function watchArticle(doc: Document, isReady: () => boolean, onReady: () => void, timeoutMs = 30_000): () => void {
  if (isReady()) {
    onReady();
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    // Debounced: a page that is being filled in mutates many times in a row.
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (isReady()) {
        stop();
        onReady();
      }
    }, 200);
  });
  const giveUp = setTimeout(() => stop(), timeoutMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(giveUp);
  }
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return stop;
}
