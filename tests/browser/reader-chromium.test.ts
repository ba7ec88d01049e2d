/** Issue 15 (keyboard, copy, feedback, badges, recent cards) in Chromium (playwright-core, Debian chromium). */
import { ChromiumHarness } from '../../support/browser/chromium';
import { TEST_BUILD } from '../../support/browser/paths';
import { defineReaderScenarios } from './reader-scenarios';

defineReaderScenarios('Chromium', (site, profileDir, x) => ChromiumHarness.launch({ extensionDir: TEST_BUILD.chrome, site, profileDir, ...(x ? { headless: false, env: x.env } : {}) }));
