/** Entry of the options page (options.html → options.js). */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OptionsApp } from './OptionsApp';

const root = document.getElementById('app');
if (root) render(<OptionsApp browser={browser} />, root);
