/**
 * True only in bench builds (build.mjs `bench` option, used by `npm run bench`);
 * every normal and test build defines it as `false`, so code behind
 * `if (__NK_BENCH__)` is dropped from shipped bundles. See bench-hook.ts.
 */
declare const __NK_BENCH__: boolean;
