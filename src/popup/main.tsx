/** Entry of the toolbar popup (popup.html → popup.js). */
// First: its evaluation starts reading the tab's card, while the modules below are evaluated.
import { earlyRead } from './start-read';
import { render } from 'preact';
import { firstPaint, PopupApp, preloadTab } from './PopupApp';
import type { PopupBrowser } from './tab-state';

// The browser's own API object, not webextension-polyfill (11 KB of popup.js): every call the popup makes returns a
// promise in both browsers' MV3 (chrome.* in Chrome, browser.* in Firefox), as the content scripts already rely on.
const browser = ((globalThis as { browser?: PopupBrowser }).browser ?? (globalThis as { chrome?: PopupBrowser }).chrome)!;

// The tab's card is read at once; the first render waits for it (briefly, see firstPaint), so the card is the first paint.
const preload = preloadTab(browser, location.search, earlyRead);
const root = document.getElementById('app');
// Opened as a page with ?tab= (tests, previews) it stays open; as the toolbar popup it closes.
const asPage = new URLSearchParams(location.search).has('tab');
if (root) {
  void firstPaint(preload).then((initial) =>
    render(<PopupApp browser={browser} search={location.search} preload={preload} initial={initial} onDone={asPage ? undefined : () => window.close()} />, root),
  );
}
