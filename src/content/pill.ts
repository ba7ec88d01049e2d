/**
 * The collapsed overlay: a small button at the bottom right that names the
 * topic and opens the card. Plain DOM, no Preact: it is all the pill's script (content-pill.js) shows
 * on an article page, so it must cost next to nothing to load and draw.
 * Same markup and classes as before (pill.css), and the test contract's
 * `data-testid="pill"`.
 */
import type { CardState } from '../core/types';
import { pillStrings } from '../strings/content-strings';

export type PillView = {
  /** Drives the class `nk-pill--<status>` (quiet while loading, a warning mark on errors). */
  status: CardState['status'];
  label: string;
  /** A spinner instead of the "nn" mark. */
  busy: boolean;
};

/** What the pill says for a card state; `urlTopic` names the topic before the card exists. */
export function pillView(state: CardState, writing = false, urlTopic: string | null = null): PillView {
  if (writing) return { status: state.status, label: pillStrings.pillWriting, busy: true };
  switch (state.status) {
    case 'ready':
      return { status: 'ready', label: topicLabel(state.card.topic.label), busy: false };
    case 'loading':
      return { status: 'loading', label: urlTopic ? topicLabel(urlTopic) : pillStrings.pillLoading, busy: true };
    case 'error':
      return { status: 'error', label: pillStrings.pillError, busy: false };
    case 'none':
      return { status: 'none', label: pillStrings.appName, busy: false };
  }
}

const topicLabel = (label: string) => pillStrings.pillTopic.replace('{topic}', lowerFirst(label));

/** "Kunstig intelligens" → "kunstig intelligens", but "IT-tryggleik" stays. */
export function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The current click action of each pill button (the latest render's). */
const openers = new WeakMap<HTMLButtonElement, () => void>();

/** Draws the pill into `mount` (replacing what is there unless it is already a pill) and returns its button. */
export function renderPill(mount: HTMLElement, view: PillView, onOpen: () => void): HTMLButtonElement {
  const doc = mount.ownerDocument;
  let button = mount.querySelector<HTMLButtonElement>(':scope > .nk-overlay > .nk-pill');
  if (!button) {
    const shell = doc.createElement('div');
    shell.className = 'nk-overlay nk-theme';
    shell.setAttribute('data-open', 'false');
    button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('data-testid', 'pill');
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('lang', 'nn');
    button.title = pillStrings.pillHint;
    const mark = doc.createElement('span');
    mark.className = 'nk-pill__mark';
    mark.setAttribute('aria-hidden', 'true');
    const label = doc.createElement('span');
    label.className = 'nk-pill__text';
    button.append(mark, label);
    shell.appendChild(button);
    mount.replaceChildren(shell);
    // A listener, not `onclick`: the handler slot is the element's own, and page scripts can reach it through the open shadow root.
    button.addEventListener('click', () => openers.get(button!)?.());
  }
  openers.set(button, onOpen);
  button.className = `nk-pill nk-pill--${view.status}`;
  const mark = button.firstElementChild as HTMLElement;
  if (view.busy) {
    if (!mark.firstElementChild) {
      const spin = doc.createElement('span');
      spin.className = 'nk-spinner nk-spinner--small';
      mark.replaceChildren(spin);
    }
  } else if (mark.textContent !== 'nn' || mark.firstElementChild) {
    mark.replaceChildren('nn');
  }
  const text = button.lastElementChild as HTMLElement;
  if (text.textContent !== view.label) text.textContent = view.label;
  return button;
}
