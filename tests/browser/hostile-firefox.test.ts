/** Issue 12's hostile-page corpus in Firefox (puppeteer-core over WebDriver BiDi, Debian firefox-esr). */
import { FirefoxHarness } from '../../support/browser/firefox';
import { firefoxOpener } from '../../support/browser/hostile-open';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineHostileScenarios } from './hostile-scenarios';

defineHostileScenarios('firefox', async (site) => {
  const h = await FirefoxHarness.launch({ extensionDir: TEST_BUILD.firefox, site });
  return { h, opener: await firefoxOpener(h, site) };
});
