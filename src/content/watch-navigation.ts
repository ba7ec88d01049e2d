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

/**
 * What wakes the watcher: the reader clicks (a tap and Enter on a link are clicks too) or presses a key, or goes back
 * or forward (which may come before either). Not pointerdown: a pointer listener costs more to add, and a click
 * reaches the window's capture phase before the page's own click handler can move the site.
 */
const FIRST_USE = ['click', 'keydown', 'popstate'] as const;

/**
 * watchNavigation, started only at the reader's first click or key in the page, or first step back or forward.
 * A site changes its URL without a reload at the reader's bidding (a click, a key, history); until then the
 * page stays as it loaded, and a page the reader only reads never pays the watcher's start (the Navigation
 * API's first use in this world, about 0.2 ms) at load. Listeners on the window, in the capture phase: the
 * window is already in use here, and the capture phase hears the event before any of the page's handlers,
 * which may move the site or stop the event. `start` wraps the watcher's start (the bench times it).
 */
export function watchNavigationFromFirstUse(
  win: Window,
  onChange: (from: string | null) => void,
  start: (watch: () => () => void) => () => void = (watch) => watch(),
): () => void {
  let stopWatch: (() => void) | null = null;
  const unlisten = () => {
    for (const type of FIRST_USE) win.removeEventListener(type, wake, true);
  };
  function wake(e: Event): void {
    unlisten();
    stopWatch = start(() => watchNavigation(win, onChange));
    // A step back or forward has already changed the URL, before the watcher was there to hear it.
    if (e.type === 'popstate') onChange(null);
  }
  for (const type of FIRST_USE) win.addEventListener(type, wake, { capture: true, passive: true });
  return () => {
    unlisten();
    stopWatch?.();
  };
}
