/**
 * Code the tests run inside pages (the article, the popup). Kept as plain
 * JavaScript source, not as functions: test runners and tsx may rewrite
 * functions (e.g. inject `__name` helpers) so that their serialised text no
 * longer runs in the page. Every helper returns JSON-safe data.
 */

/** What a rendered `[data-testid=card]` shows, read from its DOM. */
export type CardSnapshot = {
  engine: string | null;
  lang: string | null;
  topic: string | null;
  topicText: string;
  title: string;
  summaryParagraphs: number;
  summaryText: string;
  notice: string | null;
  faq: { q: string; expanded: boolean; answerVisible: boolean }[];
  source: string;
  text: string;
};

/** The overlay (or popup) as a whole: presence, pill, open state, card and status. */
export type Snapshot = {
  hosts: number;
  open: boolean;
  pill: string | null;
  card: CardSnapshot | null;
  status: string | null;
  statusText: string | null;
};

export type Rect = { x: number; y: number; width: number; height: number };

/** An element of the overlay hit-tested through the page (see `hit` in LIB). */
export type Hit = { width: number; height: number; host: boolean; element: boolean; top: string | null; visible: boolean | null };

/** Where to look: inside the overlay's shadow root, or the page's own document (popup). */
export type Where = 'overlay' | 'page';

const LIB = String.raw`(function () {
  function clean(s) { return (s || '').replace(/\s+/g, ' ').trim(); }
  function scope(where) {
    if (where === 'page') return document;
    var h = document.querySelector('[data-nynorsk-kort-overlay]');
    return h ? h.shadowRoot : null;
  }
  function visible(el) {
    if (!el || el.hidden) return false;
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  }
  function card(root) {
    var c = root && root.querySelector('[data-testid=card]');
    if (!c) return null;
    var topic = c.querySelector('[data-testid=topic]');
    var summary = c.querySelector('[data-testid=summary]');
    var notice = c.querySelector('[data-testid=notice]');
    var paras = summary ? Array.prototype.filter.call(summary.querySelectorAll(':scope > p'), function (p) {
      return p.getAttribute('data-testid') !== 'notice';
    }) : [];
    var faq = Array.prototype.map.call(c.querySelectorAll('[data-testid=faq-item]'), function (li) {
      var b = li.querySelector('button');
      var a = b && b.getAttribute('aria-controls') ? li.querySelector('#' + CSS.escape(b.getAttribute('aria-controls'))) : null;
      return { q: clean(b ? b.textContent : li.textContent), expanded: !!b && b.getAttribute('aria-expanded') === 'true', answerVisible: visible(a) };
    });
    var h = c.querySelector('h2, h1');
    var footer = c.querySelector('footer, .nk-source');
    return {
      engine: c.getAttribute('data-engine'),
      lang: c.getAttribute('lang'),
      topic: topic ? topic.getAttribute('data-topic') : null,
      topicText: clean(topic && topic.textContent),
      title: clean(h && h.textContent),
      summaryParagraphs: paras.length,
      summaryText: clean(paras.map(function (p) { return p.textContent; }).join(' ')),
      notice: notice ? clean(notice.textContent) : null,
      faq: faq,
      source: clean(footer && footer.textContent),
      text: clean(c.textContent)
    };
  }
  function snapshot(where) {
    var root = scope(where);
    var pill = root && root.querySelector('[data-testid=pill]');
    var status = root && root.querySelector('[data-testid=status]');
    return {
      hosts: document.querySelectorAll('[data-nynorsk-kort-overlay]').length,
      open: !!(root && root.querySelector('[data-open=true]')) || (where === 'page' && !!root),
      pill: pill ? clean(pill.textContent) : null,
      card: card(root),
      status: status ? status.getAttribute('data-status') || 'unknown' : null,
      statusText: status ? clean(status.textContent) : null
    };
  }
  function rect(where, selector) {
    var root = scope(where);
    var el = root && root.querySelector(selector);
    if (!el) return null;
    var r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }
  function focus(where, selector, index) {
    var root = scope(where);
    var el = root && root.querySelectorAll(selector)[index || 0];
    if (!el) return false;
    el.focus();
    var active = where === 'page' ? document.activeElement : root.activeElement;
    return active === el;
  }
  function activeText(where) {
    var root = scope(where);
    var a = root && (where === 'page' ? document.activeElement : root.activeElement);
    return a ? clean(a.textContent) : null;
  }
  function style(where, selector, props) {
    var root = scope(where);
    var el = root && root.querySelector(selector);
    if (!el) return null;
    var cs = getComputedStyle(el);
    var out = {};
    props.forEach(function (p) { out[p] = cs.getPropertyValue(p); });
    return out;
  }
  /** The article's text column: the union of the article's long paragraphs. */
  function textColumn() {
    var all = document.querySelectorAll('article p');
    if (!all.length) all = document.querySelectorAll('main p');
    if (!all.length) all = document.querySelectorAll('p');
    var ps = Array.prototype.filter.call(all, function (p) {
      return clean(p.textContent).length >= 80 && visible(p);
    });
    if (!ps.length) return null;
    var l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
    ps.forEach(function (p) {
      var x = p.getBoundingClientRect();
      l = Math.min(l, x.left); t = Math.min(t, x.top); r = Math.max(r, x.right); b = Math.max(b, x.bottom);
    });
    return { x: l, y: t, width: r - l, height: b - t };
  }
  /**
   * Hit-tests the centre of an element inside the overlay through the page: true when the page's
   * elementFromPoint finds the overlay's host there (events there reach us) and the shadow root's finds the element.
   */
  function hit(selector) {
    var h = document.querySelector('[data-nynorsk-kort-overlay]');
    var el = h && h.shadowRoot && h.shadowRoot.querySelector(selector);
    if (!el) return null;
    var r = el.getBoundingClientRect();
    var x = r.x + r.width / 2, y = r.y + r.height / 2;
    var top = document.elementFromPoint(x, y);
    var inner = h.shadowRoot.elementFromPoint(x, y);
    return {
      width: r.width,
      height: r.height,
      host: top === h,
      element: !!inner && (inner === el || el.contains(inner)),
      top: top ? top.tagName.toLowerCase() : null,
      visible: typeof el.checkVisibility === 'function' ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : null
    };
  }
  // The layout viewport without scrollbars: what position: fixed; right: 0 is measured against.
  function viewport() { var d = document.documentElement; return { width: d.clientWidth, height: d.clientHeight }; }
  return { snapshot: snapshot, rect: rect, hit: hit, focus: focus, activeText: activeText, style: style, textColumn: textColumn, viewport: viewport };
})()`;

/** An expression that calls one helper with JSON arguments. */
export function call(name: 'snapshot' | 'rect' | 'hit' | 'focus' | 'activeText' | 'style' | 'textColumn' | 'viewport', ...args: unknown[]): string {
  return `${LIB}.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
}
