/** Issue 2's browser scenarios in Chromium (playwright-core, Debian chromium). */
import { ChromiumHarness } from '../../support/browser/chromium';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineScenarios } from '../../support/browser/scenarios';

defineScenarios('Chromium', (site) => ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site }));
