/**
 * The overlay in the page: the plain-DOM pill at first, the card's panel
 * (Preact, loaded on demand) once the reader opens it, and back. Owns the
 * open/closed state and where focus goes; the host element and its guards
 * are ./overlay-host, the pill ./pill, the panel's code ./panel
 * (content-card.js in the extension).
 */
import type { CardState } from '../core/types';
import themeCss from '../ui/theme.css';
import pillCss from '../ui/pill.css';
import type { FeedbackSaver } from '../ui/CardActions';
import type { ModelControls } from '../ui/ModelControls';
import type { OverlayPanelProps } from '../ui/OverlayPanel';
import { mountOverlayHost, type GuardOptions, type OverlayHost } from './overlay-host';
import { pillView, renderPill } from './pill';

export { OVERLAY_ATTR, OVERLAY_SELECTOR } from './overlay-host';

/** The pill's stylesheet text (theme + host + pill), bundled as text by esbuild. */
export const PILL_CSS = `${themeCss}\n${pillCss}`;
const PILL_CSS_FILES = ['theme.css', 'pill.css'];

/** What content-card.js exports (./panel). */
export type PanelModule = {
  PANEL_CSS: string;
  PANEL_CSS_FILES: readonly string[];
  renderPanel(mount: HTMLElement, props: OverlayPanelProps): void;
  unmountPanel(mount: HTMLElement): void;
};

export type OverlayOptions = {
  onHideForSession(): void;
  onOpenOptions(): void;
  /** "Noko gale i kortet?": saves to the local feedback list (issue 15). */
  onFeedback?: FeedbackSaver;
  /** "Vis i teksten": scroll to and highlight an evidence paragraph (see ./evidence). */
  onShowEvidence?(index: number): boolean;
  /** The model job and its actions, when a model is configured (see ./model-job). */
  model?: ModelControls;
  /**
   * Loads the full check of a state (the article code's schema check, content-check.js; see ./card-state-shape), which
   * the panel runs before it draws a ready card: loaded with the panel's code, called once per state.
   */
  loadCardCheck?(): Promise<CardCheck>;
};

/** The state to draw for a state: itself, or an error state in place of a card that fails the check. */
export type CardCheck = (state: CardState) => CardState;

export type OverlayConfig = {
  /** Loads the panel's code. */
  loadPanel(): Promise<PanelModule>;
  /** The URL of an extension file, for pages whose CSP refuses adopted sheets; without it a <style> is the fallback. */
  fileUrl?(name: string): string;
  /** The pill's CSS text; defaults to PILL_CSS (test seam: vitest does not bundle CSS as text). */
  css?: string;
  /** The topic label the URL gives, shown while the card is on its way. */
  urlTopic?: string | null;
  guard?: GuardOptions;
};

export type OverlayHandle = {
  /** Shows (or updates) the overlay with this card state. */
  render(state: CardState, opts: OverlayOptions): void;
  /** Opens the card: by the reader (focus moves into it) or by setting (focus stays in the page). */
  open(by: 'reader' | 'setting'): Promise<void>;
  /** Collapses the card to the pill; focus goes to the pill when it was in the panel. */
  close(): void;
  isOpen(): boolean;
  /** Unmounts the UI and removes the host element. */
  destroy(): void;
};

const NOOP_OPTIONS: OverlayOptions = { onHideForSession: () => {}, onOpenOptions: () => {} };

/** Creates the overlay controller; nothing is inserted until the first render(). */
export function createOverlay(doc: Document, config: OverlayConfig): OverlayHandle {
  let host: OverlayHost | null = null;
  let state: CardState | null = null;
  let opts: OverlayOptions = NOOP_OPTIONS;
  let open = false;
  let panel: PanelModule | null = null;
  let panelLoad: Promise<PanelModule> | null = null;
  let panelFailed = false;
  let destroyed = false;
  /** The latest open() call; an earlier one that resumes after a close and a new open gives way to it. */
  let openCalls = 0;
  /** True from open() until its panel is drawn: the pill stays meanwhile, so nothing is drawn that open() then clears. */
  let opening = false;
  let check: CardCheck | null = null;
  /** The title of the last loading state drawn (the article's own, from the page), kept while a card waits for its check. */
  let loadingTitle: string | undefined;
  let checkLoad: Promise<void> | null = null;
  /** States the panel has checked, and what to draw for each. */
  const checkedStates = new WeakMap<CardState, CardState>();
  /** The state the panel draws: checked where the options ask for it; a ready card waits (as loading) for its check. */
  const checked = (s: CardState): CardState => {
    if (!opts.loadCardCheck || s.status !== 'ready') return s;
    // Nothing of the card before it is checked, not even its title: the loading state's own title stays.
    if (!check) return { status: 'loading', url: s.url, ...(loadingTitle !== undefined ? { title: loadingTitle } : {}) };
    let out = checkedStates.get(s);
    if (!out) checkedStates.set(s, (out = check(s)));
    return out;
  };
  /** Loads the check the options ask for, once; rejects when it would not load (asked again next time). */
  const loadCheck = (): Promise<void> =>
    check || !opts.loadCardCheck
      ? Promise.resolve()
      : (checkLoad ??= opts.loadCardCheck().then(
          (f) => void (check = f),
          (e: unknown) => {
            checkLoad = null;
            throw e;
          },
        ));
  const files = (names: readonly string[]) => (config.fileUrl ? names.map((n) => config.fileUrl!(n)) : []);

  const ensureHost = (): OverlayHost => (host ??= mountOverlayHost(doc, { css: config.css ?? PILL_CSS, urls: files(PILL_CSS_FILES) }, config.guard));

  /**
   * The panel's code or its check would not load (the extension was updated or removed under the page): say so on the
   * pill. `drawn`: the panel is in the page (opened by the settings before the check was asked for).
   */
  const failOpen = (drawn: boolean) => {
    panelLoad = null;
    panelFailed = true;
    if (drawn && open && host && panel) panel.unmountPanel(host.mount);
    open = false;
    opening = false;
    draw();
  };

  const draw = () => {
    if (!state || destroyed) return;
    const h = ensureHost();
    if (open && panel && !opening) {
      // Opened before the article code gave its options (the settings' "always open"): the check comes now.
      if (opts.loadCardCheck && !check) void loadCheck().then(draw, () => failOpen(true));
      panel.renderPanel(h.mount, {
        state: checked(state),
        onClose: () => handle.close(),
        onHideForSession: opts.onHideForSession,
        onOpenOptions: opts.onOpenOptions,
        onFeedback: opts.onFeedback,
        onShowEvidence: opts.onShowEvidence,
        // The page can reach into the open shadow root: only the user's own clicks may start a model request.
        model: opts.model ? { ...opts.model, requireTrustedClicks: true } : undefined,
      });
      return;
    }
    const view = panelFailed ? pillView({ status: 'error', url: state.url, message: '' }) : pillView(state, opts.model?.job.status === 'running', config.urlTopic ?? null);
    renderPill(h.mount, view, () => void handle.open('reader'));
  };

  const handle: OverlayHandle = {
    render(next, nextOpts) {
      if (next.status === 'loading') loadingTitle = next.title;
      state = next;
      opts = nextOpts;
      draw();
    },
    async open(by) {
      if (open || destroyed) return;
      open = true;
      opening = true;
      const call = ++openCalls;
      panelLoad ??= config.loadPanel();
      let mod: PanelModule;
      try {
        [mod] = await Promise.all([panelLoad, loadCheck()]);
      } catch {
        // Asked for again at the next open, even when the reader closed the card meanwhile.
        panelLoad = null;
        if (call === openCalls && open) failOpen(false);
        return;
      }
      if (call !== openCalls || !open || destroyed || !host) return;
      opening = false;
      panelFailed = false;
      if (!panel) {
        panel = mod;
        host.addSheet({ css: mod.PANEL_CSS, urls: files(mod.PANEL_CSS_FILES) });
      }
      // The pill's plain DOM goes before Preact renders, so that nothing of it is reused or left behind.
      host.mount.replaceChildren();
      draw();
      // Preact renders synchronously: the dialog is there to take focus when the reader opened it.
      if (by === 'reader') host.mount.querySelector<HTMLElement>('[role=dialog]')?.focus();
      host.recheck();
    },
    close() {
      if (!open) return;
      // Closed while its code was loading: the pill is still there, no panel to take down.
      const drawn = !opening;
      opening = false;
      const hadFocus = !!host && host.mount.getRootNode() instanceof ShadowRoot && (host.mount.getRootNode() as ShadowRoot).activeElement !== null;
      open = false;
      if (drawn && host && panel) panel.unmountPanel(host.mount);
      draw();
      host?.recheck();
      if (hadFocus) host?.mount.querySelector<HTMLElement>('[data-testid=pill]')?.focus();
    },
    isOpen: () => open,
    destroy() {
      destroyed = true;
      open = false;
      if (host && panel) panel.unmountPanel(host.mount);
      host?.destroy();
      host = null;
    },
  };
  return handle;
}
