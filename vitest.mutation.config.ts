import { defineConfig } from 'vitest/config';

/**
 * The unit tests Stryker runs against mutants of src/core and src/protocol.ts
 * (npm run test:mutation): the core's own tests and the message checks, in
 * Node. Left out: the hostile-page tests (50 s of pathological pages, where a
 * mutant only shows as a timeout) and the checker CLI's tests (they run the
 * CLI in a child process, which never sees the mutant).
 */
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/protocol.test.ts'],
    exclude: ['tests/core/extract/hostile.test.ts', 'tests/core/nynorsk/cli.test.ts'],
    environment: 'node',
    // Instrumented code runs several times slower; the differential test of the stream reader needs the room.
    testTimeout: 120_000,
  },
});
