/**
 * The open card's code, loaded only when the reader opens the card (or the
 * settings say "always open"): Preact, the card view and their CSS. Built as
 * its own bundle (content-card.js) so that article pages do not pay for it.
 */
import { render } from 'preact';
import cardCss from '../ui/card.css';
import modelCss from '../ui/model.css';
import overlayCss from '../ui/overlay.css';
import { OverlayPanel, type OverlayPanelProps } from '../ui/OverlayPanel';

/** The panel's stylesheet text (card, model controls, panel shell), bundled as text by esbuild. */
export const PANEL_CSS = `${cardCss}\n${modelCss}\n${overlayCss}`;
/** The same CSS as extension files, for pages whose CSP refuses adopted sheets (Firefox). */
export const PANEL_CSS_FILES = ['card.css', 'model.css', 'overlay.css'] as const;

export function renderPanel(mount: HTMLElement, props: OverlayPanelProps): void {
  render(<OverlayPanel {...props} />, mount);
}

export function unmountPanel(mount: HTMLElement): void {
  render(null, mount);
}
