/**
 * Fuzz settings shared by the unit fuzz tests (tests/fuzz/*.test.ts) and the
 * long run (npm run fuzz, bench/fuzz/run.ts). The seed is fixed so that CI
 * runs the same inputs every time; FUZZ_SEED picks another one, and a
 * failure prints the seed and path that replay it (fast-check's own report).
 */

/** The default seed: the same inputs on every CI run. */
export const DEFAULT_SEED = 20260412;

/** FUZZ_SEED from the environment (an integer), else the default. */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FUZZ_SEED?.trim();
  if (!raw) return DEFAULT_SEED;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got "${raw}"`);
  return n | 0;
}

/** A count from the environment (FUZZ_DOCS, FUZZ_ANSWERS ...), else the default. */
export function fuzzRuns(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/**
 * Wraps a property's predicate so that shrinking stops after `ms` from the
 * first failure: every later candidate counts as passing, so fast-check
 * reports the smallest failing input found by then (never a passing one).
 */
export function withShrinkBudget<T, R>(predicate: (input: T) => R, ms: number): (input: T) => R | undefined {
  let firstFailure: number | undefined;
  const over = () => firstFailure !== undefined && performance.now() - firstFailure > ms;
  return (input: T) => {
    if (over()) return undefined;
    try {
      const r = predicate(input);
      if (r instanceof Promise)
        return r.catch((e: unknown) => {
          firstFailure ??= performance.now();
          throw e;
        }) as R;
      return r;
    } catch (e) {
      firstFailure ??= performance.now();
      throw e;
    }
  };
}
