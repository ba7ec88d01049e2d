/**
 * True only in bench builds (build.mjs `bench` option, used by `npm run bench`);
 * every normal and test build defines it as `false`, so code behind
 * `if (__NK_BENCH__)` is dropped from shipped bundles. See bench-hook.ts.
 */
declare const __NK_BENCH__: boolean;

/**
 * Whether the browser may start the manifest's content scripts in a page that
 * has loaded already: Firefox does, in the tabs open when the extension is
 * installed or updated; Chrome starts them only in a loading page. build.mjs
 * defines it per target (true for Firefox). See loader.ts.
 */
declare const __NK_STARTS_LATE__: boolean;
