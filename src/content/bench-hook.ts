/**
 * Timing hook for `npm run bench` (bench/page-cost). Every export checks
 * `__NK_BENCH__` itself, so call sites read as the product (`timed('extract',
 * () => extractArticle(…))`); build.mjs defines the constant as `false` in
 * normal and test builds, esbuild folds each function to a plain call and
 * drops the rest: shipped bundles carry none of it (tests/build.test.ts and
 * bench/page-cost check). What reaches the shared record sits inside
 * `if (__NK_BENCH__) { … }`: esbuild drops such a block before it decides
 * what a bundle keeps, but code after a folded `return` only later, and
 * that kept `rec` in content.js.
 *
 * In a bench build the content script sums the main-thread time of each
 * phase with performance.now() and reports the record to the page as a
 * `nk-bench` CustomEvent on `document` whose detail is a JSON string
 * (strings cross from the isolated world to the page's main world, where the
 * bench reads them).
 */

/** Phases of the content script's synchronous work, and its waits (asynchronous, not main-thread work). */
export type BenchPhase =
  | 'init' // content.js (the gate): script start (bench banner) → its first statement
  | 'initPill' // content-pill.js (the pill's script): script start (its bench banner) → its first statement
  | 'initBadges' // content-badges.js (registered only while the reader has cards): script start (its bench banner) → its first statement
  | 'badges' // non-article pages of a reader with cards: the listing badges' message sent (the extension API's first use in this world)
  | 'commands' // article pages: the keyboard shortcut's message listener
  | 'recognise' // where the manifest injected the pill's script, or the URL changed: the URL read, parsed, recognisePage, pageKey
  | 'confirm' // confirmArticle (each call)
  | 'pill' // the overlay host and the plain-DOM pill mounted
  | 'initMain' // content-main.js (the article code): module start → its first statement
  | 'initReadability' // content-readability.js (loaded only where the article body cannot be read directly): module start → its first statement
  | 'extract' // extractArticle (twice where it needed Readability: before and after loading it)
  | 'check' // the background's answers (the card state, the overlay switches' model offer) checked as the page reads them (content/card-state-shape.ts; the card's full schema check runs when the panel opens)
  | 'render' // the background's answer drawn into the pill
  | 'watch' // navigation listeners at load (on a listing only the listeners that wait for the reader's first click or key)
  | 'wake' // on a listing, after the load: the navigation watcher started at the reader's first click or key (timedLate)
  | 'waitPrefs' // the overlay switches read (storage.session, or the background)
  | 'waitMain' // content-main.js fetched and evaluated
  | 'waitReadability' // content-readability.js fetched and evaluated
  | 'waitCard'; // the card from the background

/** What the content script reached when a record is sent. */
export type BenchOutcome = 'none' | 'started' | 'no-article' | 'mounted' | 'answered';

/** The record sent with each `nk-bench` event. */
export type BenchRecord = {
  outcome: BenchOutcome;
  /** Milliseconds per phase (sums over repeated calls). */
  ms: Partial<Record<BenchPhase, number>>;
  /** Calls per phase: proves, on a non-article page, that confirm/extract/topic never ran. */
  calls: Partial<Record<BenchPhase, number>>;
  /** DOM reads made by the content script, when the page asked for counting (see countDomReads). */
  domReads?: Record<string, number>;
};

// One record per page, shared by the gate (content.js), the pill's script (content-pill.js) and the article code (content-main.js),
// which are separate bundles in the same isolated world.
type BenchGlobal = { __nkBenchRecord?: BenchRecord; __nkBenchDom?: Record<string, number> };
// Reached lazily: a top-level side effect would keep this module in production bundles.
const shared = () => globalThis as BenchGlobal;
const rec = (): BenchRecord => (shared().__nkBenchRecord ??= { outcome: 'none', ms: {}, calls: {} });

/** Adds the time since `t0` to `phase`. */
export function benchAdd(phase: BenchPhase, t0: number): void {
  if (__NK_BENCH__) {
    const d = performance.now() - t0;
    const record = rec();
    record.ms[phase] = (record.ms[phase] ?? 0) + d;
    record.calls[phase] = (record.calls[phase] ?? 0) + 1;
  }
}

/**
 * Runs `fn` and, in bench builds, adds its time to `phase`. Outside bench
 * builds the constant folds away and this is a plain call of `fn`.
 */
export function timed<T>(phase: BenchPhase, fn: () => T): T {
  if (!__NK_BENCH__) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    benchAdd(phase, t0);
  }
}

/** Like timed(), for work after the load's record was sent (at the reader's first key, say): sends the record again. */
export function timedLate<T>(phase: BenchPhase, fn: () => T): T {
  if (!__NK_BENCH__) return fn();
  try {
    return timed(phase, fn);
  } finally {
    if (__NK_BENCH__) benchReport(rec().outcome);
  }
}

/** Like timed(), for a wait: the time until `p` settles (not main-thread work). */
export function timedWait<T>(phase: BenchPhase, p: Promise<T>): Promise<T> {
  if (!__NK_BENCH__) return p;
  const t0 = performance.now();
  return p.finally(() => benchAdd(phase, t0));
}

/** Records a bundle's evaluation: from its bench banner's timestamp (build.mjs sets `globalThis.__nkBenchT0`) to now. */
export function benchInit(phase: 'init' | 'initPill' | 'initBadges' | 'initMain' | 'initReadability'): void {
  if (!__NK_BENCH__) return;
  const t0 = (globalThis as { __nkBenchT0?: unknown }).__nkBenchT0;
  if (typeof t0 === 'number') benchAdd(phase, t0);
}

/** Sends the record so far to the page. */
export function benchReport(outcome: BenchOutcome): void {
  if (__NK_BENCH__) {
    const record = rec();
    record.outcome = outcome;
    const domCounts = shared().__nkBenchDom;
    if (domCounts) record.domReads = { ...domCounts };
    document.dispatchEvent(new CustomEvent('nk-bench', { detail: JSON.stringify(record) }));
  }
}

/**
 * Lets the bench re-run the content script's work warm (JIT compiled, regexes
 * compiled): on a `nk-bench-rerun` event (detail: repetitions as a string),
 * runs `work` that many times and answers with a `nk-bench-warm` event whose
 * detail is the JSON array of durations in ms. Separates start-up cost from
 * the work itself.
 */
export function benchOnRerun(work: () => void): void {
  if (!__NK_BENCH__) return;
  document.addEventListener('nk-bench-rerun', (e) => {
    const n = Number((e as CustomEvent<string>).detail) || 1;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      work();
      times.push(performance.now() - t0);
    }
    document.dispatchEvent(new CustomEvent('nk-bench-warm', { detail: JSON.stringify(times) }));
  });
}


/**
 * When the page has the cookie `nk-bench-count-dom=1` (set by the bench
 * before the load: it is there at document_start), wraps this world's DOM query methods and the
 * text/markup getters with counters, so a run can show that no DOM walk
 * happened. Used in a separate pass: the wrappers would slow the timed runs.
 */
export function countDomReads(): void {
  if (__NK_BENCH__) countDomReadsNow();
}

function countDomReadsNow(): void {
  if (!/(?:^|; )nk-bench-count-dom=1(?:;|$)/.test(document.cookie) || shared().__nkBenchDom) return;
  const counts: Record<string, number> = {};
  shared().__nkBenchDom = counts;
  const wrapMethod = (proto: object, name: string, label: string) => {
    const orig = (proto as Record<string, unknown>)[name];
    if (typeof orig !== 'function') return;
    counts[label] = 0;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      counts[label] = (counts[label] ?? 0) + 1;
      return (orig as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  const wrapGetter = (proto: object, name: string, label: string) => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d?.get) return;
    const get = d.get;
    counts[label] = 0;
    Object.defineProperty(proto, name, {
      ...d,
      get(this: unknown) {
        counts[label] = (counts[label] ?? 0) + 1;
        return get.call(this) as unknown;
      },
    });
  };
  for (const m of ['querySelector', 'querySelectorAll', 'getElementsByTagName', 'getElementsByClassName']) {
    wrapMethod(Document.prototype, m, `document.${m}`);
    wrapMethod(Element.prototype, m, `element.${m}`);
  }
  wrapMethod(Document.prototype, 'getElementById', 'document.getElementById');
  wrapMethod(Document.prototype, 'createTreeWalker', 'document.createTreeWalker');
  wrapMethod(Document.prototype, 'createNodeIterator', 'document.createNodeIterator');
  wrapMethod(Node.prototype, 'cloneNode', 'node.cloneNode');
  wrapGetter(Node.prototype, 'textContent', 'node.textContent');
  wrapGetter(Node.prototype, 'childNodes', 'node.childNodes');
  wrapGetter(Element.prototype, 'innerHTML', 'element.innerHTML');
  wrapGetter(HTMLElement.prototype, 'innerText', 'element.innerText');
}
