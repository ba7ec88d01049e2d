import { defineConfig } from 'vitest/config';

/** Real-browser tests (Chromium and Firefox): one browser per file, files one after another. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // The hostile-page corpus (44 pages per browser, minutes each) is its own command: npm run test:hostile.
    exclude: process.env.NYNORSK_KORT_HOSTILE ? [] : ['tests/browser/hostile-*.test.ts'],
    environment: 'node',
    globalSetup: ['support/browser/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
