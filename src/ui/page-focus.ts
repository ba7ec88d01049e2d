/**
 * Where focus goes when the overlay removes itself ("Skjul kortet resten av
 * økta"): to the page's main heading, so keyboard and screen-reader users
 * are not left on nothing, and a short polite announcement in the page
 * saying what happened.
 */

/** How long the page's announcement stays before it is removed (ms). */
const ANNOUNCE_FOR_MS = 8000;

/** The page's main heading, made focusable by script only (tabindex -1, removed again on blur); else the body. */
export function focusMainHeading(doc: Document): HTMLElement | null {
  const heading = doc.querySelector<HTMLElement>('main h1, [role=main] h1, article h1, h1');
  if (!heading) {
    (doc.activeElement as HTMLElement | null)?.blur?.();
    return null;
  }
  if (!heading.hasAttribute('tabindex')) {
    heading.setAttribute('tabindex', '-1');
    heading.addEventListener('blur', () => heading.removeAttribute('tabindex'), { once: true });
  }
  heading.focus({ preventScroll: true });
  return heading;
}

/**
 * A polite, visually hidden live region in the page: inserted empty and
 * filled a moment later (a region that appears with its text is rarely read),
 * then removed. Styled through CSSOM, which a page's CSP allows.
 */
export function announceInPage(doc: Document, message: string): HTMLElement {
  const el = doc.createElement('div');
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  el.setAttribute('lang', 'nn');
  el.setAttribute('data-nynorsk-kort', 'announce');
  Object.assign(el.style, { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: '0' });
  (doc.body ?? doc.documentElement).appendChild(el);
  const win = doc.defaultView ?? globalThis;
  win.setTimeout(() => {
    el.textContent = message;
    win.setTimeout(() => el.remove(), ANNOUNCE_FOR_MS);
  }, 100);
  return el;
}
