/**
 * Calls `onChange` when the page's URL may have changed without a reload.
 * A content script cannot see the page's own history.pushState calls, so it
 * listens to popstate, to the Navigation API where the browser has it, and
 * checks the URL once a second as a safety net (a string comparison).
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
  nav?.addEventListener('navigatesuccess', check);
  const timer = setInterval(check, pollMs);
  return () => {
    win.removeEventListener('popstate', check);
    nav?.removeEventListener('navigatesuccess', check);
    clearInterval(timer);
  };
}
