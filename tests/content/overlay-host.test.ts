// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkVisibility, HOST_GUARDS, mountOverlayHost, OVERLAY_SELECTOR, type GuardOptions, type OverlayHost, type Visibility } from '../../src/content/overlay-host';

// The test runner does not load CSS as text (esbuild does, in the build): read the files and pass them in.
// A path, not a URL: under jsdom `URL` is jsdom's, and readFileSync then read this very file instead.
const read = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/ui', name), 'utf8');
const CSS_TEXT = `${read('theme.css')}\n${read('pill.css')}`;

// Every host a test makes is destroyed afterwards (it hangs from <html> and would put itself back).
const made: OverlayHost[] = [];
const NO_CHECKS: GuardOptions = { checkDelaysMs: [] };
function mount(guard: GuardOptions = NO_CHECKS, sheet = { css: CSS_TEXT, urls: [] as string[] }): OverlayHost {
  const h = mountOverlayHost(document, sheet, guard);
  // What the pill would draw: a target for the visibility checks.
  h.mount.innerHTML = '<div class="nk-overlay"><button data-testid="pill">nn</button></div>';
  made.push(h);
  return h;
}
const theHost = () => document.querySelector(OVERLAY_SELECTOR) as HTMLElement;

afterEach(() => {
  made.splice(0).forEach((h) => h.destroy());
  document.querySelectorAll(OVERLAY_SELECTOR).forEach((el) => el.remove());
  document.documentElement.removeAttribute('style');
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('mountOverlayHost', () => {
  it('creates exactly one host with an open shadow root, replacing hosts left behind', () => {
    mount();
    mount();
    const hosts = document.querySelectorAll(OVERLAY_SELECTOR);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.shadowRoot!.mode).toBe('open');
    // The page sees none of our markup.
    expect(document.querySelector('[data-testid=pill]')).toBeNull();
  });

  it('styles the shadow root with :host { all: initial }, and adds sheets later in order', () => {
    expect(read('pill.css')).toMatch(/:host\s*\{\s*all:\s*initial/);
    const h = mount();
    h.addSheet({ css: '.nk-panel { color: red; }', urls: [] });
    const shadow = theHost().shadowRoot!;
    const adopted = [...(shadow.adoptedStyleSheets ?? [])].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n'));
    const inline = [...shadow.querySelectorAll('style')].map((s) => s.textContent ?? '');
    const sheets = adopted.length > 0 ? adopted : inline;
    expect(sheets).toHaveLength(2);
    expect(sheets[0]).toMatch(/:host\s*\{\s*all:\s*initial/);
    expect(sheets[0]).toContain('.nk-pill');
    expect(sheets[1]).toContain('.nk-panel');
  });

  it('links the extension CSS files when adopted stylesheets are refused', () => {
    const proto = Object.getPrototypeOf(document.createElement('div').attachShadow({ mode: 'open' }));
    const had = Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets');
    Object.defineProperty(proto, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    });
    try {
      const urls = ['theme.css', 'pill.css'].map((f) => `moz-extension://x/${f}`);
      const h = mount(NO_CHECKS, { css: CSS_TEXT, urls });
      const later = ['card.css', 'model.css', 'overlay.css'].map((f) => `moz-extension://x/${f}`);
      h.addSheet({ css: 'x', urls: later });
      const shadow = theHost().shadowRoot!;
      expect([...shadow.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'))).toEqual([...urls, ...later]);
      expect(shadow.querySelector('style')).toBeNull();
      // The UI comes after its sheets.
      expect(shadow.lastElementChild).toBe(h.mount);
    } finally {
      if (had) Object.defineProperty(proto, 'adoptedStyleSheets', had);
      else delete (proto as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });

  it('destroy removes the host', () => {
    const h = mount();
    h.destroy();
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
  });

  it('hosts the overlay in a plain div under <html>, after <body>, never in a custom element', () => {
    const constructed = vi.fn();
    customElements.define('nynorsk-kort-overlay', class extends HTMLElement {
      constructor() {
        super();
        constructed();
      }
    });
    mount();
    const host = document.querySelector(OVERLAY_SELECTOR)!;
    expect(host.localName).toBe('div');
    expect(host.parentNode).toBe(document.documentElement);
    expect(document.documentElement.lastElementChild).toBe(host);
    expect(document.body.contains(host)).toBe(false);
    expect(constructed).not.toHaveBeenCalled();
  });

  it('guards the host inline with !important (CSSOM), and in :host with the same declarations', () => {
    mount();
    const host = document.querySelector(OVERLAY_SELECTOR) as HTMLElement;
    for (const [prop] of HOST_GUARDS.filter(([p]) => p !== 'inset')) {
      expect(host.style.getPropertyPriority(prop), prop).toBe('important');
    }
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.getAttribute('style')).toContain('z-index: 2147483647 !important');
    const sheet = read('pill.css');
    const hostRule = sheet.slice(sheet.indexOf(':host {'), sheet.indexOf('}', sheet.indexOf(':host {')));
    expect(hostRule).toMatch(/all:\s*initial\s*!important/);
    for (const [prop, value] of HOST_GUARDS) {
      expect(hostRule, `${prop} in :host`).toMatch(new RegExp(`(^|[;\\s])${prop}:\\s*${value.replace(/px/g, '(px)?')}\\s*!important`));
    }
  });

  it('removes legacy <nynorsk-kort-overlay> hosts and earlier hosts', () => {
    document.body.appendChild(document.createElement('nynorsk-kort-old'));
    const legacy = document.createElement('nynorsk-kort-overlay');
    document.body.appendChild(legacy);
    mount();
    expect(legacy.isConnected).toBe(false);
    expect(document.querySelectorAll(OVERLAY_SELECTOR)).toHaveLength(1);
  });

  it('puts itself back when a page script removes the host, a few times at most', async () => {
    mount({ checkDelaysMs: [], maxRecoveries: 3 });
    let removals = 0;
    // A page that removes the host every time it appears.
    const page = new MutationObserver(() => {
      const h = document.querySelector(OVERLAY_SELECTOR);
      if (h) {
        removals++;
        h.remove();
      }
    });
    page.observe(document.documentElement, { childList: true });
    document.querySelector(OVERLAY_SELECTOR)!.remove();
    removals++;
    for (let i = 0; i < 20; i++) await Promise.resolve().then(() => new Promise((r) => setTimeout(r, 0)));
    page.disconnect();
    expect(removals).toBe(4); // ours, then three re-mounts, each removed again
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
    // Given up: a recheck does not put it back either.
    made[0]!.recheck();
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
  });

  it('comes back after a single removal, with its UI state', async () => {
    mount();
    const host = document.querySelector(OVERLAY_SELECTOR)!;
    host.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector(OVERLAY_SELECTOR)).toBe(host);
    expect(host.shadowRoot!.querySelector('[data-testid=pill]')).not.toBeNull();
  });

  it('checks that it can be seen after mounting, repairs what it can, and gives up after the budget', () => {
    vi.useFakeTimers();
    const seen: Visibility[] = ['hidden', 'covered', 'no-box', 'no-box', 'no-box'];
    const check = vi.fn((_doc: Document, _host: HTMLElement, _target: Element | null): Visibility => seen.shift() ?? 'ok');
    // The page hides the root element (`* { display: none !important }` matches <html> too).
    const page = document.createElement('style');
    page.textContent = 'html { display: none !important; }';
    document.head.appendChild(page);
    try {
      mount({ checkDelaysMs: [10, 100], maxRecoveries: 3, check });
      const host = document.querySelector(OVERLAY_SELECTOR) as HTMLElement;
      // The page moves something after our host, and spoils its inline guards.
      document.documentElement.appendChild(document.createElement('div'));
      host.style.removeProperty('position');
      vi.advanceTimersByTime(10);
      expect(check).toHaveBeenCalledTimes(1);
      expect(check.mock.calls[0]![2]).toBe(host.shadowRoot!.querySelector('[data-testid=pill]'));
      expect(document.documentElement.lastElementChild).toBe(host);
      expect(host.style.getPropertyValue('position')).toBe('fixed');
      expect(document.documentElement.style.getPropertyValue('display')).toBe('block');
      expect(document.documentElement.style.getPropertyPriority('display')).toBe('important');
      vi.advanceTimersByTime(10_000);
      expect(check).toHaveBeenCalledTimes(4); // three repairs, then the last failed check gives up
    } finally {
      page.remove();
    }
  });

  it('leaves the page alone when the overlay is seen', () => {
    vi.useFakeTimers();
    const check = vi.fn((): Visibility => 'ok');
    mount({ checkDelaysMs: [10, 100], check });
    vi.advanceTimersByTime(1000);
    expect(check).toHaveBeenCalledTimes(2);
    expect(document.documentElement.getAttribute('style')).toBeNull();
  });
  it('sees a cover the page adds seconds later, and puts the host back on top', async () => {
    vi.useFakeTimers();
    // Covered whenever something of the page comes after the host under <html> (jsdom has no layout).
    const check = vi.fn((doc: Document, host: HTMLElement): Visibility => (doc.documentElement.lastElementChild === host ? 'ok' : 'covered'));
    mount({ checkDelaysMs: [], settleMs: 100, check });
    vi.advanceTimersByTime(5000);
    expect(check).not.toHaveBeenCalled();
    const cover = document.createElement('div');
    cover.id = 'late-cover';
    document.documentElement.appendChild(cover);
    await Promise.resolve(); // the MutationObserver's callback
    vi.advanceTimersByTime(99);
    expect(check).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(document.documentElement.lastElementChild).toBe(theHost());
    cover.remove();
  });

  it('checks at most once a second while the page keeps changing', async () => {
    vi.useFakeTimers();
    const check = vi.fn((): Visibility => 'ok');
    mount({ checkDelaysMs: [], settleMs: 100, check });
    for (let i = 0; i < 50; i++) {
      document.body.appendChild(document.createElement('span'));
      await Promise.resolve();
      vi.advanceTimersByTime(100);
    }
    // 5 s of changes every 100 ms: about five checks, not fifty.
    expect(check.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(check.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('ignores changes inside its own host', async () => {
    vi.useFakeTimers();
    const check = vi.fn((): Visibility => 'ok');
    const h = mount({ checkDelaysMs: [], settleMs: 100, check });
    theHost().setAttribute('style', theHost().getAttribute('style') ?? '');
    h.mount.appendChild(document.createElement('span'));
    await Promise.resolve();
    vi.advanceTimersByTime(2000);
    expect(check).not.toHaveBeenCalled();
  });
});

describe('checkVisibility', () => {
  const box = (el: Element, r: Partial<DOMRect>) => {
    el.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, width: 0, height: 0, right: 0, bottom: 0, toJSON: () => ({}), ...r }) as DOMRect;
  };
  const setup = () => {
    const host = document.createElement('div');
    const pill = document.createElement('button');
    host.attachShadow({ mode: 'open' }).appendChild(pill);
    return { host, pill };
  };

  it('says detached when the host is not directly under <html>', () => {
    const { host, pill } = setup();
    expect(checkVisibility(document, host, pill)).toBe('detached');
    document.body.appendChild(host);
    expect(checkVisibility(document, host, pill)).toBe('detached');
    host.remove();
  });

  it('says no-box, hidden, covered or ok', () => {
    const { host, pill } = setup();
    document.documentElement.appendChild(host);
    try {
      expect(checkVisibility(document, host, null)).toBe('ok');
      box(pill, { width: 0, height: 0 });
      expect(checkVisibility(document, host, pill)).toBe('no-box');
      box(pill, { left: 10, top: 10, width: 100, height: 30 });
      Object.defineProperty(pill, 'checkVisibility', { configurable: true, value: () => false });
      expect(checkVisibility(document, host, pill)).toBe('hidden');
      Object.defineProperty(pill, 'checkVisibility', { configurable: true, value: () => true });
      Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 800 });
      Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, value: 600 });
      const at = vi.fn((): Element | null => document.body);
      Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: at });
      expect(checkVisibility(document, host, pill)).toBe('covered');
      expect(at).toHaveBeenCalledWith(60, 25);
      at.mockReturnValue(host);
      expect(checkVisibility(document, host, pill)).toBe('ok');
    } finally {
      host.remove();
      delete (document as { elementFromPoint?: unknown }).elementFromPoint;
      delete (document.documentElement as { clientWidth?: unknown }).clientWidth;
      delete (document.documentElement as { clientHeight?: unknown }).clientHeight;
    }
  });
});
