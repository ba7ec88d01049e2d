/**
 * Puts the overlay into a page: one `<nynorsk-kort-overlay>` element with an
 * open shadow root, so the page's CSS cannot reach the card and ours cannot
 * leak out. A plain element, not a registered custom element: content-script
 * worlds may have no `customElements`.
 */
import { render as preactRender } from 'preact';
import cardCss from '../ui/card.css';
import overlayCss from '../ui/overlay.css';
import modelCss from '../ui/model.css';
import type { CardState } from '../core/types';
import type { ModelControls } from '../ui/ModelControls';
import { Overlay } from '../ui/Overlay';

/** The host element's name (part of the browser-test contract). */
export const OVERLAY_TAG = 'nynorsk-kort-overlay';

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
export function createOverlay(doc: Document = document, styles: OverlayStyleOptions = {}): OverlayHandle {
  const css = styles.css ?? OVERLAY_CSS;
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;

  const ensureMounted = (): HTMLElement => {
    if (host && mount && host.isConnected) return mount;
    if (host && mount) preactRender(null, mount);
    // One host per page, even if an earlier content script left one behind.
    doc.querySelectorAll(OVERLAY_TAG).forEach((el) => el.remove());
    host = doc.createElement(OVERLAY_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(doc, shadow, css, styles.stylesheetUrls ?? []);
    mount = doc.createElement('div');
    mount.className = 'nk-mount';
    shadow.appendChild(mount);
    (doc.body ?? doc.documentElement).appendChild(host);
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
      if (mount) preactRender(null, mount);
      host?.remove();
      host = null;
      mount = null;
    },
  };
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
