/** "Vis i teksten" in Firefox (puppeteer-core over WebDriver BiDi, Debian firefox-esr). */
import { FirefoxHarness } from '../../support/browser/firefox';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineEvidenceScenarios } from './evidence-scenarios';

defineEvidenceScenarios('Firefox', (site) => FirefoxHarness.launch({ extensionDir: TEST_BUILD.firefox, site }));
