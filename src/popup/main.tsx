/** Entry of the toolbar popup (popup.html → popup.js). */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { PopupApp, preloadTab } from './PopupApp';

// The tab's card is read while Preact starts.
const preload = preloadTab(browser, location.search);
const root = document.getElementById('app');
// Opened as a page with ?tab= (tests, previews) it stays open; as the toolbar popup it closes.
const asPage = new URLSearchParams(location.search).has('tab');
if (root) render(<PopupApp browser={browser} search={location.search} preload={preload} onDone={asPage ? undefined : () => window.close()} />, root);
