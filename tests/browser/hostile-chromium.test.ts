/** Issue 12's hostile-page corpus in Chromium (playwright-core, Debian chromium). */
import { ChromiumHarness } from './harness/chromium';
import { chromiumOpener } from './harness/hostile-open';
import { TEST_BUILD } from './harness/paths';
import { defineHostileScenarios } from './hostile-scenarios';

defineHostileScenarios('chromium', async (site) => {
  const h = await ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site });
  return { h, opener: await chromiumOpener(h) };
});
