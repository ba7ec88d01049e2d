/** Issue 12's hostile-page corpus in Chromium (playwright-core, Debian chromium). */
import { ChromiumHarness } from '../../support/browser/chromium';
import { chromiumOpener } from '../../support/browser/hostile-open';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineHostileScenarios } from './hostile-scenarios';

defineHostileScenarios('chromium', async (site) => {
  const h = await ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site });
  return { h, opener: await chromiumOpener(h) };
});
