/**
 * The content script the manifest runs on every Spiceworks page. It only
 * reads the URL: listings, author pages and static pages cost a string test
 * and nothing else. Where an article or a thread may be (now, or after the
 * site changes page without reloading), it loads the article code once,
 * which then follows the page by itself.
 */
import { recognisePage } from '../core/recognise';
import { watchNavigation } from './watch-navigation';
// Bench-only timing (npm run bench): every use is behind `if (__NK_BENCH__)`, false outside bench builds, so dropped.
import { benchBegin, benchEnd, benchInit, benchReport, countDomReads } from './bench-hook';

if (__NK_BENCH__) {
  benchInit();
  countDomReads();
}

type RuntimeLike = { runtime: { getURL(path: string): string } };
const ext = ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome)!;

let loaded = false;
if (__NK_BENCH__) benchBegin();
const stop = watchNavigation(window, check);
if (__NK_BENCH__) benchEnd('watch');

function check(): void {
  if (loaded || recognisePage(location.href).kind === 'none') return;
  loaded = true;
  stop();
  if (__NK_BENCH__) {
    benchEnd('recognise');
    benchBegin();
  }
  // The polyfill is not loaded here, so the extension API is reached directly (same call in both browsers).
  void import(ext.runtime.getURL('content-main.js'));
  if (__NK_BENCH__) {
    benchEnd('init');
    benchBegin();
  }
}

if (__NK_BENCH__) benchBegin();
check();
if (__NK_BENCH__) {
  if (!loaded) {
    benchEnd('recognise');
    benchReport('none');
  }
}
