/** Issue 2's browser scenarios in Firefox (puppeteer-core over WebDriver BiDi, Debian firefox-esr). */
import { FirefoxHarness } from './harness/firefox';
import { TEST_BUILD } from './harness/paths';
import { defineScenarios } from './harness/scenarios';

defineScenarios('Firefox', (site) => FirefoxHarness.launch({ extensionDir: TEST_BUILD.firefox, site }));
