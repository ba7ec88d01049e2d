import { inject } from 'vitest';

// Stryker's vitest runner switches a mutant on in a beforeAll hook, after the test file has imported its modules, so a
// table or pattern that a module builds when it loads never sees the mutant and "survives" whatever the tests check.
// Vitest runs each test file in a fresh worker with fresh modules (isolate), so switching the mutant on here, before the
// test file's imports, is what Stryker's own static activation does, while Stryker still runs only the covering tests.
// Outside a Stryker mutant run the values are not provided and this does nothing.
type StrykerContext = { mode?: string; globalNamespace?: string; activeMutant?: string };
const get = inject as <K extends keyof StrykerContext>(key: K) => StrykerContext[K];

if (get('mode') === 'mutant') {
  const name = get('globalNamespace') ?? '__stryker__';
  const scope = globalThis as unknown as Record<string, { activeMutant?: string } | undefined>;
  const ns = (scope[name] ??= {});
  ns.activeMutant = get('activeMutant');
}
