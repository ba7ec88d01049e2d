// Mutation testing of the core and the message checks: npm run test:mutation.
// Reports in reports/mutation/ (git-ignored); the README says what the score was and how long it took.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/core/**/*.ts', 'src/protocol.ts', '!src/**/*.d.ts'],
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // Mutants in code that runs while a module loads (tables, patterns, constants) run every test file that imports the module
  // (vitest's related mode), with the mutant switched on before the imports. With ignoreStatic on, Stryker ran such a mutant
  // only with the few tests that import the module afresh inside a test (perTest coverage), so most of them "survived".
  ignoreStatic: false,
  // Two cores, shared: one or two runners (STRYKER_CONCURRENCY overrides).
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // A rerun tests only mutants whose code or tests changed since the last run's results.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportTests: false, reportMutants: false },
  ignorePatterns: ['dist', 'dist-test', 'artifacts', 'bench', 'reports', '.notes'],
  tempDirName: '.stryker-tmp',
  // Mutated files get @ts-nocheck; only src holds them (the default pattern also reaches scripts/build's .d.mts).
  disableTypeChecks: 'src/**/*.{ts,tsx}',
  dryRunTimeoutMinutes: 15,
  timeoutMS: 10000,
  thresholds: { high: 90, low: 80, break: null },
};
