/** Issue 15 (keyboard, copy, feedback, badges, recent cards) in Firefox (puppeteer-core over WebDriver BiDi, Debian firefox-esr). */
import { FirefoxHarness } from '../../support/browser/firefox';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineReaderScenarios } from './reader-scenarios';

defineReaderScenarios('Firefox', (site, profileDir, x) => FirefoxHarness.launch({ extensionDir: TEST_BUILD.firefox, site, profileDir, ...(x ? { headless: false, env: x.env } : {}) }));
