/** "Vis i teksten" in Chromium (playwright-core, Debian chromium). */
import { ChromiumHarness } from '../../support/browser/chromium';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineEvidenceScenarios } from './evidence-scenarios';

defineEvidenceScenarios('Chromium', (site) => ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site }));
