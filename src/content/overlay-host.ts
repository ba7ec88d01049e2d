/**
 * The overlay's place in the page: one plain `<div data-nynorsk-kort-overlay>`
 * host with an open shadow root, so the page's CSS cannot reach the card and
 * ours cannot leak out. No Preact here: the pill's script mounts the pill with it on
 * every article page, before any of the card's code has loaded.
 *
 * Hostile pages (issue 12):
 * - The host is a `div`, never a custom-element name: a page can define any
 *   hyphenated tag before we run (its constructor would then run on our host,
 *   and could take or spy on the shadow root); it cannot define `div`.
 * - The host hangs from `<html>`, after `<body>`, so page CSS that hides the
 *   body (or everything) does not take the pill with it. It is fixed in place
 *   and guarded twice: inline via CSSOM (allowed under any CSP) and by
 *   `:host { … !important }` in pill.css, which beats even the page's
 *   `!important` rules on the host.
 * - After mounting, and whenever the page adds or restyles elements later
 *   (a cover that arrives seconds after load), the host checks that its pill
 *   or panel is really there (a box, checkVisibility, on top at its centre)
 *   and recovers (guards again, back under `<html>`, last, the root
 *   displayed) a few times at most, so a page that keeps fighting cannot
 *   keep us busy.
 */

/** The attribute that marks the host element (part of the browser-test contract). */
export const OVERLAY_ATTR = 'data-nynorsk-kort-overlay';
/** Selects the host element. */
export const OVERLAY_SELECTOR = `[${OVERLAY_ATTR}]`;
/** The host's tag before issue 12; hosts an older content script left behind are still removed. */
const LEGACY_TAG = 'nynorsk-kort-overlay';

/**
 * Inline guards on the host, set with CSSOM (`style.setProperty`, which no
 * CSP forbids). The same declarations sit in pill.css's `:host` rule; that
 * one wins over everything the page can write (and starts with `all: initial`),
 * these cover the moments before the linked sheets load (Firefox).
 */
export const HOST_GUARDS: readonly (readonly [string, string])[] = [
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', 'auto 0px 0px auto'],
  ['width', '0px'],
  ['height', '0px'],
  ['margin', '0px'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['pointer-events', 'auto'],
  // Our text is Nynorsk, left to right, whatever the page sets on its root (direction is inherited, and `all` leaves it alone).
  ['direction', 'ltr'],
  ['writing-mode', 'horizontal-tb'],
  ['unicode-bidi', 'isolate'],
];

/** Why a mounted overlay is not usable, or 'ok'. */
export type Visibility = 'ok' | 'detached' | 'no-box' | 'hidden' | 'covered';

export type GuardOptions = {
  /** Delays (ms after a (re)mount) at which the overlay checks that it can be seen. */
  checkDelaysMs?: readonly number[];
  /** How many times the overlay re-mounts or repairs itself before it gives up. */
  maxRecoveries?: number;
  /** After the page changes (elements added, <html>/<body> restyled), how long to wait before checking again (ms). */
  settleMs?: number;
  /** Test seam: the visibility check (default: checkVisibility below). */
  check?(doc: Document, host: HTMLElement, target: Element | null): Visibility;
};

export const DEFAULT_CHECK_DELAYS_MS = [50, 400, 1500] as const;
export const DEFAULT_MAX_RECOVERIES = 3;
export const DEFAULT_SETTLE_MS = 250;
const MIN_SETTLE_GAP_MS = 1000;

/** A stylesheet for the shadow root: its text, and the extension URLs of the same CSS for CSPs that refuse adopted sheets. */
export type SheetSource = { css: string; urls: readonly string[] };

export type OverlayHost = {
  /** The element inside the shadow root that the pill or the panel renders into. */
  readonly mount: HTMLElement;
  /** Adds CSS to the shadow root (the panel's sheets, when the card first opens). */
  addSheet(sheet: SheetSource): void;
  /** Checks the overlay again soon (after the UI inside changed). */
  recheck(): void;
  /** Removes the host and stops every watcher. */
  destroy(): void;
};

/** Mounts the host at the end of <html>, with the first stylesheet. */
export function mountOverlayHost(doc: Document, sheet: SheetSource, guard: GuardOptions = {}): OverlayHost {
  const delays = guard.checkDelaysMs ?? DEFAULT_CHECK_DELAYS_MS;
  const maxRecoveries = guard.maxRecoveries ?? DEFAULT_MAX_RECOVERIES;
  const settleMs = guard.settleMs ?? DEFAULT_SETTLE_MS;
  const check = guard.check ?? checkVisibility;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let recoveries = 0;
  let gaveUp = false;
  let destroyed = false;

  // One host per page, even if an earlier content script left one behind.
  doc.querySelectorAll(`${OVERLAY_SELECTOR}, ${LEGACY_TAG}`).forEach((el) => el.remove());
  const host = doc.createElement('div');
  host.setAttribute(OVERLAY_ATTR, '');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheets: CSSStyleSheet[] = [];
  const mount = doc.createElement('div');
  mount.className = 'nk-mount';

  const addSheet = (s: SheetSource) => {
    if (!adopt(doc, shadow, sheets, s.css)) {
      // Refused (Firefox content scripts): the extension's own files, or a <style> where there are none.
      if (s.urls.length > 0) {
        for (const href of s.urls) {
          const link = doc.createElement('link');
          link.rel = 'stylesheet';
          link.href = href;
          shadow.insertBefore(link, mount);
        }
      } else {
        const style = doc.createElement('style');
        style.textContent = s.css;
        shadow.insertBefore(style, mount);
      }
    }
  };
  shadow.appendChild(mount);
  addSheet(sheet);

  const target = () => mount.querySelector('.nk-overlay > *');
  const clearTimers = () => {
    for (const t of timers) clearTimeout(t);
    timers = [];
  };

  const judge = () => {
    if (destroyed || gaveUp || stylesPending(host)) return;
    const v = check(doc, host, target());
    if (v !== 'ok') recover(v);
  };

  /** Checks on the overlay a few times after a (re)mount. */
  const scheduleChecks = () => {
    clearTimers();
    if (gaveUp || destroyed) return;
    for (const ms of delays) timers.push(setTimeout(judge, ms));
  };

  /**
   * One check a moment after the page changes, so that a cover added at any
   * time is seen; at most one per second, so that a page that changes all the
   * time costs one layout read a second and no more.
   */
  let settlePending = false;
  let lastSettle = -Infinity;
  const settleCheck = () => {
    if (gaveUp || destroyed || settlePending) return;
    settlePending = true;
    const wait = Math.max(settleMs, lastSettle + MIN_SETTLE_GAP_MS - Date.now());
    settleTimer = setTimeout(() => {
      settlePending = false;
      lastSettle = Date.now();
      judge();
    }, wait);
  };

  // The page's changes: our host removed (at once), anything added or <html>/<body> restyled (checked once it settles).
  const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver((records) => {
    if (!host.isConnected) {
      recover('detached');
      return;
    }
    for (const r of records) if (!host.contains(r.target)) return settleCheck();
  });
  const observe = () => {
    if (!observer || gaveUp || destroyed) return;
    observer.disconnect();
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'popover', 'open'] });
  };

  /** Puts the host at the end of <html> (after <body>), unless it already is there. */
  const attach = () => {
    const root = doc.documentElement;
    if (host.parentNode !== root || root.lastElementChild !== host) root.appendChild(host);
    applyHostGuards(host);
    observe();
  };

  /** One repair: the host back in place with its guards, the root displayed; false once the budget is spent. */
  const recover = (why: Exclude<Visibility, 'ok'>): boolean => {
    if (gaveUp || destroyed) return false;
    if (recoveries >= maxRecoveries) {
      gaveUp = true;
      observer?.disconnect();
      clearTimers();
      clearTimeout(settleTimer);
      return false;
    }
    recoveries++;
    if (why === 'no-box' || why === 'hidden') revealRoot(doc);
    attach();
    scheduleChecks();
    return true;
  };

  attach();
  scheduleChecks();

  return {
    mount,
    addSheet,
    recheck() {
      if (!host.isConnected) recover('detached');
      else settleCheck();
    },
    destroy() {
      destroyed = true;
      clearTimers();
      clearTimeout(settleTimer);
      observer?.disconnect();
      host.remove();
    },
  };
}

/** Sets the host's inline guards (CSSOM, with !important). */
export function applyHostGuards(host: HTMLElement): void {
  for (const [prop, value] of HOST_GUARDS) host.style.setProperty(prop, value, 'important');
}

/**
 * Whether `target` (the pill or the panel inside the host) can be seen and
 * clicked: the host under <html>, a box, not hidden (checkVisibility where the
 * browser has it), and on top at its centre (the page's elementFromPoint finds
 * the host there). Null target: nothing to show, nothing to check.
 */
export function checkVisibility(doc: Document, host: HTMLElement, target: Element | null): Visibility {
  if (!host.isConnected || host.parentNode !== doc.documentElement) return 'detached';
  if (!target) return 'ok';
  const r = target.getBoundingClientRect();
  if (!(r.width > 0 && r.height > 0)) return 'no-box';
  const cv = (target as Element & { checkVisibility?(o?: object): boolean }).checkVisibility;
  if (typeof cv === 'function' && !cv.call(target, { checkOpacity: true, checkVisibilityCSS: true })) return 'hidden';
  if (typeof doc.elementFromPoint === 'function') {
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const vw = doc.documentElement.clientWidth;
    const vh = doc.documentElement.clientHeight;
    if (x >= 0 && y >= 0 && x < vw && y < vh && doc.elementFromPoint(x, y) !== host) return 'covered';
  }
  return 'ok';
}

/**
 * The root element hidden (`* { display: none !important }` hides <html>
 * too, and with it everything, our host included): shows the root element
 * itself, inline and !important, and nothing else of the page.
 */
function revealRoot(doc: Document): void {
  const root = doc.documentElement;
  const cs = doc.defaultView?.getComputedStyle(root);
  if (!cs) return;
  if (cs.display === 'none') root.style.setProperty('display', 'block', 'important');
  if (cs.opacity === '0') root.style.setProperty('opacity', '1', 'important');
}

/** True while the host's linked stylesheets (the Firefox fallback) are still loading: too early to judge. */
function stylesPending(host: HTMLElement): boolean {
  const links = host.shadowRoot?.querySelectorAll('link[rel=stylesheet]') ?? [];
  return Array.prototype.some.call(links, (l: HTMLLinkElement) => !l.sheet);
}

/** Adopted stylesheets escape the page's CSP for inline styles; false where they are refused (Firefox content scripts). */
function adopt(doc: Document, shadow: ShadowRoot, sheets: CSSStyleSheet[], css: string): boolean {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...sheets, sheet];
    if (shadow.adoptedStyleSheets.length !== sheets.length + 1) return false;
    sheets.push(sheet);
    return true;
  } catch {
    return false;
  }
}
