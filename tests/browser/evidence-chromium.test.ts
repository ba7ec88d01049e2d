/** "Vis i artikkelen" in Chromium (playwright-core, Debian chromium). */
import { ChromiumHarness } from './harness/chromium';
import { TEST_BUILD } from './harness/paths';
import { defineEvidenceScenarios } from './evidence-scenarios';

defineEvidenceScenarios('Chromium', (site) => ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site }));
