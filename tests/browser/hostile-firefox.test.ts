/** Issue 12's hostile-page corpus in Firefox (puppeteer-core over WebDriver BiDi, Debian firefox-esr). */
import { FirefoxHarness } from './harness/firefox';
import { firefoxOpener } from './harness/hostile-open';
import { TEST_BUILD } from './harness/paths';
import { defineHostileScenarios } from './hostile-scenarios';

defineHostileScenarios('firefox', async (site) => {
  const h = await FirefoxHarness.launch({ extensionDir: TEST_BUILD.firefox, site });
  return { h, opener: await firefoxOpener(h, site) };
});
