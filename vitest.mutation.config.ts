import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit tests Stryker runs against mutants of src/core and src/protocol.ts
 * (npm run test:mutation, test:mutation:sample): every Node unit test of the
 * main config, since core code is also tested from the contexts that use it.
 * Left out besides the browser tests: the hostile-page tests (50 s of
 * pathological pages, where a mutant only shows as a timeout), the fuzz
 * properties (minutes per run), the build test (it runs esbuild on the
 * unmutated tree) and the checker CLI's tests (they run the CLI in a child
 * process, which never sees the mutant).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['tests/browser/**', 'tests/fuzz/**', 'tests/build.test.ts', 'tests/core/extract/hostile.test.ts', 'tests/core/nynorsk/cli.test.ts'],
      // Instrumented code runs several times slower; the differential test of the stream reader needs the room.
      testTimeout: 120_000,
    },
  }),
);
