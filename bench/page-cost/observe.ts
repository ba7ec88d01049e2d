/**
 * Scripts the bench adds to pages before any of their own code runs (main
 * world, Playwright `addInitScript` / Puppeteer `evaluateOnNewDocument`). Kept
 * as plain JavaScript source: tsx may rewrite functions so that their text no
 * longer runs in a page.
 *
 * "Painted" everywhere here means: the element has a non-zero box
 * (getBoundingClientRect), then the next animation frame ran (the frame that
 * paints it), then one task posted from that frame's rAF callback ran (a task
 * posted from rAF runs after that frame's rendering update, so after its
 * paint was produced). That last time is what is reported; the time the
 * element was first seen with a box and the frame time are kept beside it.
 */

/** The overlay host's marker and the pill inside its open shadow root (the interface with the content script). */
export const OVERLAY_ATTR = 'data-nynorsk-kort-overlay';
export const PILL_SELECTOR = '[data-testid=pill]';
export const CARD_SELECTOR = '[data-testid=card]';

/** What the pill observer leaves in `window.__nkOut` (times: performance.now(), ms since navigation start). */
export type PillTimes = {
  /** First time the host element was seen in the document. */
  host: number | null;
  /** First time the pill was seen with a non-zero box. */
  seen: number | null;
  /** The rAF callback of the frame that paints it. */
  frame: number | null;
  /** A task posted from that rAF callback: after the frame (the time reported as "pill visible"). */
  painted: number | null;
  /** First time the pill's box intersected the viewport (-1: it never did within 3 s of `seen`). */
  onscreen: number | null;
  /** The pill's box when first seen. */
  rect: { x: number; y: number; width: number; height: number } | null;
  /** Navigation timing of this load. */
  dcl: number;
  domInteractive: number;
  /** Number of checks the observer ran (its own cost is proportional). */
  checks: number;
};

/**
 * Watches for the overlay host (a MutationObserver on the document: each added element is tested with
 * hasAttribute/querySelector, cheap for parser-inserted nodes), then for the pill in the host's open shadow root
 * (a MutationObserver on the shadow root once it exists, and one check per animation frame, since the pill can get
 * its box from a stylesheet without any mutation). Stops when the pill has been painted and seen on screen.
 */
export const PILL_OBSERVER = String.raw`(() => {
  if (window.__nkOut) return;
  var ATTR = ${JSON.stringify(OVERLAY_ATTR)}, PILL = ${JSON.stringify(PILL_SELECTOR)};
  var S = window.__nkOut = { host: null, seen: null, frame: null, painted: null, onscreen: null, rect: null, dcl: -1, domInteractive: -1, checks: 0 };
  var now = function () { return performance.now(); };
  var host = null, shadowObserved = false, rafOn = false, done = false;
  var mc = new MessageChannel();
  mc.port1.onmessage = function () { S.painted = now(); };
  function check() {
    if (done) return;
    S.checks++;
    if (!host || !host.isConnected) { host = document.querySelector('[' + ATTR + ']'); if (host && S.host === null) S.host = now(); }
    if (!host) return;
    var root = host.shadowRoot;
    if (!root) return;
    if (!shadowObserved) { shadowObserved = true; new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true }); }
    var pill = root.querySelector(PILL);
    if (!pill) return;
    var r = pill.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return;
    if (S.seen === null) {
      S.seen = now();
      S.rect = { x: r.x, y: r.y, width: r.width, height: r.height };
      requestAnimationFrame(function () { S.frame = now(); mc.port2.postMessage(0); });
    }
    if (S.onscreen === null && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight) S.onscreen = now();
    if (S.onscreen === null && now() - S.seen > 3000) S.onscreen = -1;
    if (S.onscreen !== null && S.painted !== null) done = true;
  }
  function frame() { check(); if (!done) requestAnimationFrame(frame); else rafOn = false; }
  function startFrames() { if (!rafOn && !done) { rafOn = true; requestAnimationFrame(frame); } }
  new MutationObserver(function (records) {
    if (done) return;
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        var n = added[j];
        if (n.nodeType === 1 && (n.hasAttribute(ATTR) || (n.firstElementChild && n.querySelector('[' + ATTR + ']')))) { check(); startFrames(); return; }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', function () {
    var nav = performance.getEntriesByType('navigation')[0];
    S.dcl = nav ? nav.domContentLoadedEventStart : now();
    S.domInteractive = nav ? nav.domInteractive : -1;
    // A host inserted before this observer existed (it never is today) is still found.
    check(); if (host) startFrames();
  }, { once: true });
})();`;

/** What the popup observer leaves in `window.__nkPopup` (ms since the popup page's navigation start). */
export type PopupTimes = {
  seen: number | null;
  frame: number | null;
  painted: number | null;
  engine: string | null;
  /** Navigation Timing of the popup page: response end (the document arrived) and DOMContentLoaded start. */
  responseEnd: number;
  dcl: number;
};

/** The popup page: the card (`[data-testid=card]`) seen in the document, then painted as above. */
export const POPUP_OBSERVER = String.raw`(() => {
  if (window.__nkPopup) return;
  var S = window.__nkPopup = { seen: null, frame: null, painted: null, engine: null, responseEnd: -1, dcl: -1 };
  document.addEventListener('DOMContentLoaded', function () {
    var nav = performance.getEntriesByType('navigation')[0];
    if (nav) { S.responseEnd = nav.responseEnd; S.dcl = nav.domContentLoadedEventStart; }
  }, { once: true });
  var now = function () { return performance.now(); };
  var mc = new MessageChannel();
  mc.port1.onmessage = function () { S.painted = now(); };
  var mo = new MutationObserver(function () {
    var c = document.querySelector(${JSON.stringify(CARD_SELECTOR)});
    if (!c) return;
    var r = c.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return;
    mo.disconnect();
    S.seen = now();
    S.engine = c.getAttribute('data-engine');
    requestAnimationFrame(function () { S.frame = now(); mc.port2.postMessage(0); });
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/**
 * The anchor: a fresh script's first Readability parse of this page, in the main world, at DOMContentLoaded of a
 * load in a browser WITHOUT the extension. `source` is @mozilla/readability bundled as a classic script defining
 * `__nkReadability`. It is evaluated with an indirect eval whose text starts with a timestamp (as the bench build's
 * banner starts the content script), so the same span is timed on both sides: from the script's first statement,
 * through the evaluation of its bundled modules, to the end of the work, here `document.cloneNode(true)` +
 * `new Readability(clone).parse()`. The script's top-level compile (before its first statement) is outside that span
 * on both sides; it is kept apart as `compile`.
 */
export function anchorScript(source: string): string {
  const timed =
    'window.__nkAnchor.first = performance.now();\n' +
    source +
    '\n;window.__nkAnchor.evaluated = performance.now();' +
    'var __nkClone = document.cloneNode(true); window.__nkAnchor.cloned = performance.now();' +
    'window.__nkAnchor.ok = !!new __nkReadability.Readability(__nkClone).parse(); window.__nkAnchor.parsed = performance.now();';
  return String.raw`(() => {
  var A = window.__nkAnchor = { before: 0, first: 0, evaluated: 0, cloned: 0, parsed: 0, ok: false };
  var SRC = ${JSON.stringify(timed)};
  document.addEventListener('DOMContentLoaded', function () { A.before = performance.now(); (0, eval)(SRC); }, { once: true });
})();`;
}

/** What the anchor leaves in `window.__nkAnchor`. */
export type AnchorTimes = { before: number; first: number; evaluated: number; cloned: number; parsed: number; ok: boolean };
