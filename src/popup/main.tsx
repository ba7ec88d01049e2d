/** Entry of the toolbar popup (popup.html → popup.js). */
// First: its evaluation starts reading the tab's card, while the modules below are evaluated.
import { earlyRead } from './start-read';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { firstPaint, PopupApp, preloadTab } from './PopupApp';

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
