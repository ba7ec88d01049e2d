/** Issue 2's browser scenarios in Firefox (puppeteer-core over WebDriver BiDi, Debian firefox-esr). */
import { FirefoxHarness } from '../../support/browser/firefox';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineScenarios } from '../../support/browser/scenarios';

defineScenarios('Firefox', (site) => FirefoxHarness.launch({ extensionDir: TEST_BUILD.firefox, site }));
