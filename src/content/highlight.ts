/**
 * Shows the reader one paragraph of the page: scrolls it into the part of the
 * window our overlay does not cover and lays a highlight box over it for a
 * moment. The box is our own element (a `<div data-nynorsk-kort-highlight>` with a
 * shadow root, so page CSS cannot reach it, styled through the CSSOM so no
 * page CSP can refuse it); the page's own elements are
 * never changed, and the box is removed after `durationMs`.
 */

/** The highlight box's host: a plain div with this attribute (a page can define a custom element's name, never a div's). */
export const HIGHLIGHT_ATTR = 'data-nynorsk-kort-highlight';
/** How long the highlight stays, in ms. */
export const HIGHLIGHT_MS = 2500;

/** The box's look, set through the CSSOM (never blocked by a page's CSP, unlike a <style>). */
const BOX_STYLE: Record<string, string> = {
  position: 'absolute',
  inset: '0',
  'box-sizing': 'border-box',
  'border-radius': '6px',
  background: 'rgba(255, 214, 102, 0.32)',
  outline: '3px solid rgba(214, 140, 0, 0.95)',
  'outline-offset': '0',
};

export type RevealOptions = {
  /** Areas of the window covered by our own UI (the open panel), to keep the paragraph out from under. */
  covered?: readonly DOMRectReadOnly[];
  durationMs?: number;
  /** Smooth scrolling unless the reader asked for reduced motion or the tab is hidden. */
  smooth?: boolean;
};

/** A highlight on the page; `remove()` ends it early. */
export type Highlight = { readonly host: HTMLElement; remove(): void };

let current: Highlight | null = null;

/**
 * Scrolls `el` into view (into the free part of the window) and highlights it
 * for `durationMs`. A new highlight replaces the previous one.
 */
export function revealElement(el: Element, opts: RevealOptions = {}): Highlight {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  current?.remove();
  // A hidden tab (the popup opened as a tab) may never run a smooth scroll's frames: jump there.
  if (win) scrollIntoFreeView(win, el, opts.covered ?? [], opts.smooth ?? (!prefersReducedMotion(win) && doc.visibilityState !== 'hidden'));
  const duration = opts.durationMs ?? HIGHLIGHT_MS;
  const highlight = drawBox(doc, el, win && prefersReducedMotion(win) ? 0 : duration);
  const timer = setTimeout(() => highlight.remove(), duration);
  const handle: Highlight = {
    host: highlight.host,
    remove() {
      clearTimeout(timer);
      highlight.remove();
      if (current === handle) current = null;
    },
  };
  current = handle;
  return handle;
}

/** The vertical band of the window not covered by `covered`: what the reader can see of the page. */
export function freeBand(viewHeight: number, viewWidth: number, covered: readonly DOMRectReadOnly[]): { top: number; bottom: number } {
  let top = 0;
  let bottom = viewHeight;
  for (const r of covered) {
    // Only a full-width sheet hides the text; a side panel leaves the column free.
    if (r.width < viewWidth * 0.9 || r.height <= 0) continue;
    // A sheet along the bottom edge hides what is below its top; one along the top edge what is above its bottom.
    if (r.bottom >= viewHeight - 1 && r.top > 0) bottom = Math.min(bottom, r.top);
    else if (r.top <= 1) top = Math.max(top, r.bottom);
  }
  return bottom - top < 80 ? { top: 0, bottom: viewHeight } : { top, bottom };
}

/** Where the window should scroll to so that `rect` (viewport coordinates) sits in the free band. */
export function scrollTargetY(scrollY: number, rect: { top: number; height: number }, band: { top: number; bottom: number }): number {
  const bandHeight = band.bottom - band.top;
  // Centred in the band when it fits; otherwise its start a little below the band's top.
  const offset = rect.height < bandHeight ? (bandHeight - rect.height) / 2 : Math.min(24, bandHeight / 4);
  return Math.max(0, Math.round(scrollY + rect.top - band.top - offset));
}

function scrollIntoFreeView(win: Window, el: Element, covered: readonly DOMRectReadOnly[], smooth: boolean): void {
  const root = win.document.documentElement;
  const rect = el.getBoundingClientRect();
  const band = freeBand(root.clientHeight || win.innerHeight, root.clientWidth || win.innerWidth, covered);
  const startY = win.scrollY;
  const top = scrollTargetY(startY, rect, band);
  if (typeof win.scrollTo !== 'function' || Math.abs(top - startY) < 1) return;
  win.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
  // Chromium sometimes drops a smooth scroll (seen when the page's layout settles at the same moment):
  // if the page has not moved at all after a while, jump there.
  if (smooth) setTimeout(() => win.scrollY === startY && scrollIntoFreeView(win, el, covered, false), SMOOTH_CHECK_MS);
}

/** How long a smooth scroll gets before the jump fallback checks whether it started. */
const SMOOTH_CHECK_MS = 600;

function prefersReducedMotion(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** An absolutely positioned box over `el`, in document coordinates, so that it scrolls with the page. */
function drawBox(doc: Document, el: Element, fadeMs: number): { host: HTMLElement; remove(): void } {
  const win = doc.defaultView;
  const r = el.getBoundingClientRect();
  const pad = 6;
  const host = doc.createElement('div');
  host.setAttribute(HIGHLIGHT_ATTR, '');
  host.setAttribute('aria-hidden', 'true');
  const s = host.style;
  s.setProperty('position', 'absolute', 'important');
  s.setProperty('left', `${r.left + (win?.scrollX ?? 0) - pad}px`, 'important');
  s.setProperty('top', `${r.top + (win?.scrollY ?? 0) - pad}px`, 'important');
  s.setProperty('width', `${r.width + 2 * pad}px`, 'important');
  s.setProperty('height', `${r.height + 2 * pad}px`, 'important');
  s.setProperty('pointer-events', 'none', 'important');
  s.setProperty('z-index', '2147483646', 'important');
  s.setProperty('display', 'block', 'important');
  s.setProperty('margin', '0', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  for (const [k, v] of Object.entries(BOX_STYLE)) box.style.setProperty(k, v);
  box.setAttribute('data-testid', 'evidence-highlight');
  shadow.appendChild(box);
  (doc.body ?? doc.documentElement).appendChild(host);
  // Fades out at the end (Web Animations: no stylesheet needed); the timer removes it either way.
  if (fadeMs > 0 && typeof box.animate === 'function') {
    box.animate([{ opacity: 1 }, { opacity: 1, offset: 0.7 }, { opacity: 0 }], { duration: fadeMs, fill: 'forwards', easing: 'ease-in' });
  }
  return { host, remove: () => host.remove() };
}
