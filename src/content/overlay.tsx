/**
 * Puts the overlay into a page: one plain `<div data-nynorsk-kort-overlay>`
 * host with an open shadow root, so the page's CSS cannot reach the card and
 * ours cannot leak out.
 *
 * Hostile pages (issue 12):
 * - The host is a `div`, never a custom-element name: a page can define any
 *   hyphenated tag before we run (its constructor would then run on our host,
 *   and could take or spy on the shadow root); it cannot define `div`. Patches
 *   to prototypes or to `customElements` in the page's world do not reach the
 *   content script's world, but the element registry is the document's own.
 * - The host hangs from `<html>`, after `<body>`, so page CSS that hides the
 *   body (or everything) does not take the pill with it. It is fixed in place
 *   and guarded twice: inline via CSSOM (allowed under any CSP) and by
 *   `:host { … !important }` in overlay.css, which beats even the page's
 *   `!important` rules on the host.
 * - After mounting, the overlay checks that its pill or panel is really there
 *   (a box, checkVisibility, on top at its centre) and recovers (guards again,
 *   back under `<html>`, last, the root displayed) a few times at most; a
 *   MutationObserver puts the host back when the page removes it, also a few
 *   times at most, so a page that keeps removing it cannot keep us busy.
 */
import { render as preactRender } from 'preact';
import cardCss from '../ui/card.css';
import overlayCss from '../ui/overlay.css';
import modelCss from '../ui/model.css';
import type { CardState } from '../core/types';
import type { ModelControls } from '../ui/ModelControls';
import { Overlay } from '../ui/Overlay';

/** The attribute that marks the host element (part of the browser-test contract). */
export const OVERLAY_ATTR = 'data-nynorsk-kort-overlay';
/** Selects the host element. */
export const OVERLAY_SELECTOR = `[${OVERLAY_ATTR}]`;
/** The host's tag before issue 12; hosts an older content script left behind are still removed. */
const LEGACY_TAG = 'nynorsk-kort-overlay';

/**
 * Inline guards on the host, set with CSSOM (`style.setProperty`, which no
 * CSP forbids). The same declarations sit in overlay.css's `:host` rule; that
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
];

/** Why a mounted overlay is not usable, or 'ok'. */
export type Visibility = 'ok' | 'detached' | 'no-box' | 'hidden' | 'covered';

export type GuardOptions = {
  /** Delays (ms after a (re)mount) at which the overlay checks that it can be seen. */
  checkDelaysMs?: readonly number[];
  /** How many times the overlay re-mounts or repairs itself before it gives up. */
  maxRecoveries?: number;
  /** Test seam: the visibility check (default: checkVisibility below). */
  check?(doc: Document, host: HTMLElement, target: Element | null): Visibility;
};

export const DEFAULT_CHECK_DELAYS_MS = [50, 400, 1500] as const;
export const DEFAULT_MAX_RECOVERIES = 3;

export type OverlayOptions = {
  startOpen: boolean;
  onHideForSession(): void;
  onOpenOptions(): void;
  /** "Vis i artikkelen": scroll to and highlight an evidence paragraph (see ./evidence). */
  onShowEvidence?(index: number): boolean;
  /** The model job and its actions, when a model is configured (see ./model-job). */
  model?: ModelControls;
};

export type OverlayHandle = {
  /** Shows (or updates) the overlay with this card state. */
  render(state: CardState, opts: OverlayOptions): void;
  /** Unmounts the UI and removes the host element. */
  destroy(): void;
};

/** The overlay's stylesheet text (card + shell), bundled as text by esbuild. */
export const OVERLAY_CSS = `${cardCss}\n${overlayCss}\n${modelCss}`;

/** How the shadow root gets its CSS. */
export type OverlayStyleOptions = {
  /** The CSS text; defaults to OVERLAY_CSS (test seam: vitest does not bundle CSS as text). */
  css?: string;
  /**
   * Extension URLs of the overlay's CSS files (web_accessible_resources),
   * all linked, in order, when adopted stylesheets are refused (Firefox content scripts),
   * because a <style> would fall under the page's CSP there.
   */
  stylesheetUrls?: string[];
};

/** Creates the overlay controller; nothing is inserted until the first render(). */
export function createOverlay(doc: Document = document, styles: OverlayStyleOptions = {}, guard: GuardOptions = {}): OverlayHandle {
  const css = styles.css ?? OVERLAY_CSS;
  const delays = guard.checkDelaysMs ?? DEFAULT_CHECK_DELAYS_MS;
  const maxRecoveries = guard.maxRecoveries ?? DEFAULT_MAX_RECOVERIES;
  const check = guard.check ?? checkVisibility;
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let observer: MutationObserver | null = null;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let recoveries = 0;
  let gaveUp = false;

  const clearTimers = () => {
    for (const t of timers) clearTimeout(t);
    timers = [];
  };

  /** Watches the host's parent, so that a page script's removal is noticed. */
  const observe = () => {
    observer?.disconnect();
    observer = null;
    const parent = host?.parentNode;
    if (!parent || typeof MutationObserver === 'undefined' || gaveUp) return;
    observer = new MutationObserver(() => {
      if (host && !host.isConnected) recover('detached');
    });
    observer.observe(parent, { childList: true });
  };

  /** Puts the host at the end of <html> (after <body>), unless it already is there. */
  const attach = () => {
    if (!host) return;
    const root = doc.documentElement;
    if (host.parentNode !== root || root.lastElementChild !== host) root.appendChild(host);
    applyHostGuards(host);
    observe();
  };

  /** Checks on the overlay a few times after a (re)mount. */
  const scheduleChecks = () => {
    clearTimers();
    if (gaveUp) return;
    for (const ms of delays) {
      timers.push(
        setTimeout(() => {
          if (!host || !mount || gaveUp || stylesPending(host)) return;
          const v = check(doc, host, mount.querySelector('.nk-overlay > *'));
          if (v !== 'ok') recover(v);
        }, ms),
      );
    }
  };

  /** One repair: the host back in place with its guards, the root displayed; false once the budget is spent. */
  const recover = (why: Exclude<Visibility, 'ok'>): boolean => {
    if (!host || gaveUp) return false;
    if (recoveries >= maxRecoveries) {
      gaveUp = true;
      observer?.disconnect();
      observer = null;
      clearTimers();
      return false;
    }
    recoveries++;
    if (why === 'no-box' || why === 'hidden') revealRoot(doc);
    attach();
    scheduleChecks();
    return true;
  };

  const ensureMounted = (): HTMLElement => {
    if (host && mount) {
      if (!host.isConnected) recover('detached');
      return mount;
    }
    // One host per page, even if an earlier content script left one behind.
    doc.querySelectorAll(`${OVERLAY_SELECTOR}, ${LEGACY_TAG}`).forEach((el) => el.remove());
    host = doc.createElement('div');
    host.setAttribute(OVERLAY_ATTR, '');
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(doc, shadow, css, styles.stylesheetUrls ?? []);
    mount = doc.createElement('div');
    mount.className = 'nk-mount';
    shadow.appendChild(mount);
    attach();
    scheduleChecks();
    return mount;
  };

  return {
    render(state, opts) {
      const target = ensureMounted();
      preactRender(
        <Overlay
          state={state}
          startOpen={opts.startOpen}
          onHideForSession={opts.onHideForSession}
          onOpenOptions={opts.onOpenOptions}
          onShowEvidence={opts.onShowEvidence}
          // The page can reach into the open shadow root: only the user's own clicks may start a model request.
          model={opts.model ? { ...opts.model, requireTrustedClicks: true } : undefined}
        />,
        target,
      );
    },
    destroy() {
      clearTimers();
      observer?.disconnect();
      observer = null;
      if (mount) preactRender(null, mount);
      host?.remove();
      host = null;
      mount = null;
      recoveries = 0;
      gaveUp = false;
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

/**
 * Adopted stylesheets escape the page's CSP for inline styles. Where they are
 * refused (Firefox content scripts), <link>s to the extension's own CSS
 * files, else a <style> in the shadow root.
 */
function applyStyles(doc: Document, shadow: ShadowRoot, css: string, urls: readonly string[]): void {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return;
  } catch {
    // fall through
  }
  if (urls.length > 0) {
    for (const href of urls) {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      shadow.appendChild(link);
    }
    return;
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
}
