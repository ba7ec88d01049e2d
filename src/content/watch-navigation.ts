/**
 * Calls `onChange` when the page's URL may have changed without a reload,
 * with the URL the page had before, where known. A content script cannot see
 * the page's own history.pushState calls, but the Navigation API tells every
 * world: `currententrychange` fires for pushState, replaceState, hash
 * changes and back/forward alike, and names the entry it came from. There the
 * watcher reads nothing at start, not even the URL: on a page that never
 * changes its URL, it costs one listener. Where the browser lacks the API
 * (Firefox ESR), popstate and a once-a-second URL check (a string comparison)
 * are the fallback, and the watcher keeps the last URL itself.
 */
type NavEvent = Event & { from?: { url?: string | null } | null };

export function watchNavigation(win: Window, onChange: (from: string | null) => void, pollMs = 1000): () => void {
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  if (nav) {
    const changed = (e: Event) => onChange((e as NavEvent).from?.url ?? null);
    nav.addEventListener('currententrychange', changed);
    return () => nav.removeEventListener('currententrychange', changed);
  }
  let last = win.location.href;
  const check = () => {
    const from = last;
    if (win.location.href !== from) {
      last = win.location.href;
      onChange(from);
    }
  };
  win.addEventListener('popstate', check);
  const timer = setInterval(check, pollMs);
  return () => {
    win.removeEventListener('popstate', check);
    clearInterval(timer);
  };
}
