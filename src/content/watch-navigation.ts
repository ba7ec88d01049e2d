/**
 * Calls `onChange` when the page's URL may have changed without a reload.
 * A content script cannot see the page's own history.pushState calls, but
 * the Navigation API tells every world: `currententrychange` fires for
 * pushState, replaceState and back/forward alike. Where the browser lacks
 * the API, popstate and a once-a-second URL check (a string comparison) are
 * the fallback.
 */
export function watchNavigation(win: Window, onChange: () => void, pollMs = 1000): () => void {
  let last = win.location.href;
  const check = () => {
    if (win.location.href !== last) {
      last = win.location.href;
      onChange();
    }
  };
  win.addEventListener('popstate', check);
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', check);
  nav?.addEventListener('navigatesuccess', check);
  const timer = nav ? undefined : setInterval(check, pollMs);
  return () => {
    win.removeEventListener('popstate', check);
    nav?.removeEventListener('currententrychange', check);
    nav?.removeEventListener('navigatesuccess', check);
    if (timer !== undefined) clearInterval(timer);
  };
}
