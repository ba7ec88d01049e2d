/** Issue 2's browser scenarios in Chromium (playwright-core, Debian chromium). */
import { ChromiumHarness } from './harness/chromium';
import { TEST_BUILD } from './harness/paths';
import { defineScenarios } from './harness/scenarios';

defineScenarios('Chromium', (site) => ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site }));
