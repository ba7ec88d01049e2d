/**
 * What the hostile-page test (issue 12) puts into every page before any page
 * script or content script runs, and how it reads it back.
 *
 * The init script (plain JavaScript source: test runners may rewrite
 * functions) keeps its own copies of the DOM functions it needs, because the
 * hostile pages patch the originals. It sets up:
 * - a MutationObserver on the whole document that sorts every change into
 *   parsing (before DOMContentLoaded), the page's own (inside `__nkPage(fn)`),
 *   the overlay host (the host's insertion, removal or its own attributes) and
 *   OUTSIDE: anything else, i.e. the extension touching the page;
 * - PerformanceObserver('longtask') where the browser has it (Chromium), and
 *   an event-loop gap meter (a 20 ms interval) in both browsers;
 * - `window.__nkProbe.state(forbidden)`: the host, the pill, hit-testing at
 *   the pill's centre, links in the overlay, as a JSON string.
 */
import { inflateSync } from 'node:zlib';

/** Selector of the overlay host: the attribute (new) or the element name (old). */
export const HOST_SELECTOR = '[data-nynorsk-kort-overlay], nynorsk-kort-overlay';

export const INIT_SCRIPT = String.raw`(function () {
  if (window.__nkProbe) return;
  var R = Reflect.apply, gd = Object.getOwnPropertyDescriptor;
  var O = {
    qsa: Document.prototype.querySelectorAll,
    fqs: DocumentFragment.prototype.querySelector,
    fqsa: DocumentFragment.prototype.querySelectorAll,
    efp: Document.prototype.elementFromPoint,
    sefp: (window.ShadowRoot && ShadowRoot.prototype.elementFromPoint) || null,
    gbcr: Element.prototype.getBoundingClientRect,
    hasAttr: Element.prototype.hasAttribute,
    getAttr: Element.prototype.getAttribute,
    contains: Node.prototype.contains,
    shadowRoot: gd(Element.prototype, 'shadowRoot').get,
    localName: gd(Element.prototype, 'localName').get,
    nodeType: gd(Node.prototype, 'nodeType').get,
    nodeName: gd(Node.prototype, 'nodeName').get,
    parentNode: gd(Node.prototype, 'parentNode').get,
    textContent: gd(Node.prototype, 'textContent').get,
    takeRecords: MutationObserver.prototype.takeRecords,
    stringify: JSON.stringify,
    now: performance.now.bind(performance),
    gcs: window.getComputedStyle,
    setProp: CSSStyleDeclaration.prototype.setProperty,
    removeProp: CSSStyleDeclaration.prototype.removeProperty,
    style: gd(HTMLElement.prototype, 'style').get,
    setInterval: window.setInterval,
    HOST: '${HOST_SELECTOR}'
  };
  var S = { parsed: false, depth: 0, dclAt: -1, loadAt: -1, outside: 0, samples: [], hostChanges: 0, pageChanges: 0, parseChanges: 0,
    longtasks: [], longtaskSupported: false, entryTypes: [], gapMax: 0, gapAt: -1 };
  function isEl(n) { return !!n && R(O.nodeType, n, []) === 1; }
  function isHost(n) { return isEl(n) && (R(O.hasAttr, n, ['data-nynorsk-kort-overlay']) || R(O.localName, n, []) === 'nynorsk-kort-overlay'); }
  function inHost(n) { for (var i = 0; n && i < 100000; i++) { if (isHost(n)) return true; n = R(O.parentNode, n, []); } return false; }
  function name(n) {
    if (!n) return 'null';
    if (!isEl(n)) return R(O.nodeName, n, []);
    var id = R(O.getAttr, n, ['id']), cls = R(O.getAttr, n, ['class']);
    return R(O.localName, n, []) + (id ? '#' + String(id).slice(0, 30) : '') + (cls ? '.' + String(cls).slice(0, 30).split(' ').join('.') : '');
  }
  function allHosts(list) { if (!list.length) return false; for (var i = 0; i < list.length; i++) if (!isHost(list[i])) return false; return true; }
  function classify(records, who) {
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      if (who === 'parse') { S.parseChanges++; continue; }
      if (who === 'page') { S.pageChanges++; continue; }
      if (inHost(r.target) || (r.type === 'childList' && allHosts(Array.from(r.addedNodes).concat(Array.from(r.removedNodes))))) { S.hostChanges++; continue; }
      S.outside++;
      if (S.samples.length < 20) {
        var add = [], rem = [];
        for (var a = 0; a < r.addedNodes.length && a < 3; a++) add[add.length] = name(r.addedNodes[a]);
        for (var b = 0; b < r.removedNodes.length && b < 3; b++) rem[rem.length] = name(r.removedNodes[b]);
        S.samples[S.samples.length] = { type: r.type, target: name(r.target), attr: r.attributeName, added: add, removed: rem, t: Math.round(O.now()) };
      }
    }
  }
  var mo = new MutationObserver(function (records) { classify(records, S.parsed ? 'other' : 'parse'); });
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  function flush(who) { classify(R(O.takeRecords, mo, []), who); }
  Object.defineProperty(window, '__nkPage', { value: function (fn) {
    flush(S.parsed ? 'other' : 'parse'); S.depth++;
    try { return fn(); } finally { S.depth--; flush('page'); }
  } });
  document.addEventListener('DOMContentLoaded', function () {
    flush('parse'); S.parsed = true; S.dclAt = O.now();
    var last = O.now();
    R(O.setInterval, window, [function () { var t = O.now(), gap = t - last - 20; if (gap > S.gapMax) { S.gapMax = gap; S.gapAt = last; } last = t; }, 20]);
  }, true);
  window.addEventListener('load', function () { S.loadAt = O.now(); }, true);
  try {
    S.entryTypes = (PerformanceObserver.supportedEntryTypes || []).slice();
    if (S.entryTypes.indexOf('longtask') >= 0) {
      new PerformanceObserver(function (list) {
        var es = list.getEntries();
        for (var i = 0; i < es.length; i++) S.longtasks[S.longtasks.length] = { start: Math.round(es[i].startTime), duration: Math.round(es[i].duration) };
      }).observe({ type: 'longtask', buffered: true });
      S.longtaskSupported = true;
    }
  } catch (e) {}

  function hosts() { return R(O.qsa, document, [O.HOST]); }
  function hostAndRoot() {
    var hs = hosts(), h = hs[0] || null, sr = h ? R(O.shadowRoot, h, []) : null;
    return { count: hs.length, host: h, root: sr };
  }
  function rectOf(el) { var r = R(O.gbcr, el, []); return { x: r.x, y: r.y, width: r.width, height: r.height }; }
  var UNSAFE = /^(javascript|data|vbscript):/i;
  function state(forbidden) {
    flush(S.parsed ? 'other' : 'parse');
    var hr = hostAndRoot(), out = { hosts: hr.count, shadow: !!hr.root, pill: null, hit: false, hitShadow: false, hitName: null,
      inViewport: false, open: false, card: false, unsafeLinks: [], forbiddenInOverlay: false, settled: window.__nkSettled === true };
    if (hr.root) {
      var pill = R(O.fqs, hr.root, ['[data-testid=pill]']);
      out.open = !!R(O.fqs, hr.root, ['[data-open=true]']);
      out.card = !!R(O.fqs, hr.root, ['[data-testid=card]']);
      if (pill) {
        var r = rectOf(pill), cx = r.x + r.width / 2, cy = r.y + r.height / 2;
        out.pill = r;
        out.inViewport = r.width > 0 && r.height > 0 && cx >= 0 && cy >= 0 && cx < innerWidth && cy < innerHeight;
        var at = R(O.efp, document, [cx, cy]);
        out.hit = isHost(at);
        out.hitName = name(at);
        if (O.sefp) { var inner = R(O.sefp, hr.root, [cx, cy]); out.hitShadow = !!inner && (inner === pill || R(O.contains, pill, [inner])); }
      }
      var linked = R(O.fqsa, hr.root, ['[href], [src], [action], [formaction], [xlink\\:href]']);
      for (var i = 0; i < linked.length; i++) {
        var el = linked[i], attrs = ['href', 'src', 'action', 'formaction', 'xlink:href'];
        for (var j = 0; j < attrs.length; j++) {
          var v = R(O.getAttr, el, [attrs[j]]);
          if (v != null && UNSAFE.test(String(v).replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))) out.unsafeLinks[out.unsafeLinks.length] = attrs[j] + '=' + String(v).slice(0, 80);
        }
      }
      if (forbidden) out.forbiddenInOverlay = String(R(O.textContent, hr.root, []) || '').indexOf(forbidden) >= 0;
    }
    var longest = 0, longestAfterDcl = 0;
    for (var k = 0; k < S.longtasks.length; k++) {
      var t = S.longtasks[k];
      if (t.duration > longest) longest = t.duration;
      if (S.dclAt >= 0 && t.start >= S.dclAt && t.duration > longestAfterDcl) longestAfterDcl = t.duration;
    }
    out.dom = { outside: S.outside, samples: S.samples, host: S.hostChanges, page: S.pageChanges, parse: S.parseChanges };
    out.timing = { dclAt: Math.round(S.dclAt), loadAt: Math.round(S.loadAt), now: Math.round(O.now()), longtaskSupported: S.longtaskSupported,
      longtasks: S.longtasks.length, longest: longest, longestAfterDcl: longestAfterDcl, gapMax: Math.round(S.gapMax), gapAt: Math.round(S.gapAt),
      entryTypes: S.entryTypes };
    return R(O.stringify, JSON, [out]);
  }
  // Hides the pill itself (inline, inside the shadow root: the host's own :host guards may win over any page style).
  function hideHost(hide) {
    var hr = hostAndRoot(), pill = hr.root ? R(O.fqs, hr.root, ['[data-testid=pill]']) : null;
    if (!pill) return 0;
    var st = R(O.style, pill, []);
    if (hide) { R(O.setProp, st, ['visibility', 'hidden', 'important']); R(O.setProp, st, ['opacity', '0', 'important']); }
    else { R(O.removeProp, st, ['visibility']); R(O.removeProp, st, ['opacity']); }
    return 1;
  }
  Object.defineProperty(window, '__nkProbe', { value: Object.freeze({ state: state, hideHost: hideHost }) });
})();`;

export type ProbeState = {
  hosts: number;
  shadow: boolean;
  pill: { x: number; y: number; width: number; height: number } | null;
  hit: boolean;
  hitShadow: boolean;
  hitName: string | null;
  inViewport: boolean;
  open: boolean;
  card: boolean;
  unsafeLinks: string[];
  forbiddenInOverlay: boolean;
  settled: boolean;
  dom: { outside: number; samples: { type: string; target: string; attr: string | null; added: string[]; removed: string[]; t: number }[]; host: number; page: number; parse: number };
  timing: {
    dclAt: number;
    loadAt: number;
    now: number;
    longtaskSupported: boolean;
    longtasks: number;
    longest: number;
    longestAfterDcl: number;
    gapMax: number;
    gapAt: number;
    entryTypes: string[];
  };
};

/** The page expression that reads the probe (a JSON string, parsed in Node: the page may have patched JSON). */
export const stateExpression = (forbidden?: string) => `window.__nkProbe ? window.__nkProbe.state(${JSON.stringify(forbidden ?? '')}) : 'null'`;
export const hideHostExpression = (hide: boolean) => `window.__nkProbe ? window.__nkProbe.hideHost(${hide}) : -1`;

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what both browsers' screenshots are) into RGBA pixels. */
export function decodePng(buf: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const b = Buffer.from(buf);
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 6;
  const idat: Buffer[] = [];
  while (pos < b.length) {
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    const data = b.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG (bit depth or interlace)');
      colorType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp]! : 0;
      const up = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      let v = line[x]!;
      if (f === 1) v += a;
      else if (f === 2) v += up;
      else if (f === 3) v += (a + up) >> 1;
      else if (f === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      cur[x] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = cur[x * bpp]!;
      out[o + 1] = cur[x * bpp + 1]!;
      out[o + 2] = cur[x * bpp + 2]!;
      out[o + 3] = bpp === 4 ? cur[x * bpp + 3]! : 255;
    }
    prev.set(cur);
  }
  return { width, height, rgba: out };
}

/** Share of pixels (0..1) that differ by more than 24 in some channel between two same-size screenshots. */
export function pixelDifference(a: Uint8Array, b: Uint8Array): number {
  const pa = decodePng(a);
  const pb = decodePng(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differ = 0;
  const n = pa.width * pa.height;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    if (
      Math.abs(pa.rgba[o]! - pb.rgba[o]!) > 24 ||
      Math.abs(pa.rgba[o + 1]! - pb.rgba[o + 1]!) > 24 ||
      Math.abs(pa.rgba[o + 2]! - pb.rgba[o + 2]!) > 24
    )
      differ++;
  }
  return n ? differ / n : 0;
}
