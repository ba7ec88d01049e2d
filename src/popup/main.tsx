/** Entry of the toolbar popup (popup.html → popup.js). */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { PopupApp } from './PopupApp';

const root = document.getElementById('app');
if (root) render(<PopupApp browser={browser} search={location.search} />, root);
