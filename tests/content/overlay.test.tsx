// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkVisibility, createOverlay as create, HOST_GUARDS, OVERLAY_SELECTOR, type GuardOptions, type OverlayHandle, type Visibility } from '../../src/content/overlay';
import { readyState } from '../ui/sample-card';

// The test runner does not load CSS as text (esbuild does, in the build): read the files and pass them in.
// A path, not a URL: under jsdom `URL` is jsdom's, and readFileSync then read this very file instead.
const read = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/ui', name), 'utf8');
const CSS_TEXT = `${read('card.css')}\n${read('overlay.css')}`;

const opts = () => ({ startOpen: false, onHideForSession: vi.fn(), onOpenOptions: vi.fn() });

// Every overlay a test makes is destroyed afterwards (the host hangs from <html> and would put itself back).
const made: OverlayHandle[] = [];
const NO_CHECKS: GuardOptions = { checkDelaysMs: [] };
function createOverlay(doc: Document = document, styles: Parameters<typeof create>[1] = {}, guard: GuardOptions = NO_CHECKS): OverlayHandle {
  const o = create(doc, styles, guard);
  made.push(o);
  return o;
}

afterEach(() => {
  made.splice(0).forEach((o) => o.destroy());
  document.querySelectorAll(OVERLAY_SELECTOR).forEach((el) => el.remove());
  document.documentElement.removeAttribute('style');
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('createOverlay', () => {
  it('inserts nothing until the first render', () => {
    createOverlay(document);
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
  });

  it('creates exactly one host with an open shadow root holding the pill', () => {
    const overlay = createOverlay(document);
    overlay.render(readyState(), opts());
    overlay.render(readyState(), opts());
    const hosts = document.querySelectorAll('[data-nynorsk-kort-overlay]');
    expect(hosts).toHaveLength(1);
    const shadow = hosts[0]!.shadowRoot!;
    expect(shadow).not.toBeNull();
    expect(shadow.mode).toBe('open');
    expect(shadow.querySelector('[data-testid=pill]')).not.toBeNull();
    // The page sees none of our markup.
    expect(document.querySelector('[data-testid=pill]')).toBeNull();
  });

  it('styles the shadow root with :host { all: initial }', () => {
    expect(read('overlay.css')).toMatch(/:host\s*\{\s*all:\s*initial/);
    const overlay = createOverlay(document, { css: CSS_TEXT });
    overlay.render(readyState(), opts());
    const shadow = document.querySelector(OVERLAY_SELECTOR)!.shadowRoot!;
    const adopted = [...(shadow.adoptedStyleSheets ?? [])].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    const inline = [...shadow.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    const css = adopted + inline;
    expect(css).toMatch(/:host\s*\{\s*all:\s*initial/);
    expect(css).toContain('.nk-pill');
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
      // Whatever list the content script passes is linked, in its order (no fixed count).
      const urls = ['card.css', 'overlay.css', 'model.css', 'later.css'].map((f) => `moz-extension://x/${f}`);
      createOverlay(document, { css: CSS_TEXT, stylesheetUrls: urls }).render(readyState(), opts());
      const shadow = document.querySelector(OVERLAY_SELECTOR)!.shadowRoot!;
      expect([...shadow.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'))).toEqual(urls);
      expect(shadow.querySelector('style')).toBeNull();
    } finally {
      if (had) Object.defineProperty(proto, 'adoptedStyleSheets', had);
      else delete (proto as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });

  it('replaces a host left behind by an earlier instance', () => {
    createOverlay(document).render(readyState(), opts());
    createOverlay(document).render(readyState(), opts());
    expect(document.querySelectorAll(OVERLAY_SELECTOR)).toHaveLength(1);
  });

  it('updates in place and passes the callbacks through', () => {
    const overlay = createOverlay(document);
    const o = opts();
    overlay.render({ status: 'loading', url: 'u' }, o);
    const shadow = document.querySelector(OVERLAY_SELECTOR)!.shadowRoot!;
    (shadow.querySelector('[data-testid=pill]') as HTMLButtonElement).click();
    overlay.render(readyState(), o);
    expect(shadow.querySelector('[data-testid=card]')).not.toBeNull();
    (shadow.querySelector('[data-testid=hide-for-session]') as HTMLButtonElement).click();
    expect(o.onHideForSession).toHaveBeenCalledTimes(1);
  });

  it('ignores a page script\'s click on "Lag nynorsk samandrag" in the open shadow root', () => {
    const model = { job: { status: 'idle', model: 'm' } as const, onGenerate: vi.fn(), onCancel: vi.fn() };
    createOverlay(document).render(readyState({ engine: { kind: 'digest' } }), { ...opts(), startOpen: true, model });
    const button = document.querySelector(OVERLAY_SELECTOR)!.shadowRoot!.querySelector('[data-testid=model-generate]') as HTMLButtonElement;
    expect(button).not.toBeNull();
    button.click();
    expect(model.onGenerate).not.toHaveBeenCalled();
  });

  it('destroy removes the host', () => {
    const overlay = createOverlay(document);
    overlay.render(readyState(), opts());
    overlay.destroy();
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
    overlay.destroy();
    overlay.render(readyState(), opts());
    expect(document.querySelectorAll(OVERLAY_SELECTOR)).toHaveLength(1);
  });
  it('hosts the overlay in a plain div under <html>, after <body>, never in a custom element', () => {
    const constructed = vi.fn();
    customElements.define('nynorsk-kort-overlay', class extends HTMLElement {
      constructor() {
        super();
        constructed();
      }
    });
    createOverlay(document).render(readyState(), opts());
    const host = document.querySelector(OVERLAY_SELECTOR)!;
    expect(host.localName).toBe('div');
    expect(host.parentNode).toBe(document.documentElement);
    expect(document.documentElement.lastElementChild).toBe(host);
    expect(document.body.contains(host)).toBe(false);
    expect(constructed).not.toHaveBeenCalled();
  });

  it('guards the host inline with !important (CSSOM), and in :host with the same declarations', () => {
    createOverlay(document).render(readyState(), opts());
    const host = document.querySelector(OVERLAY_SELECTOR) as HTMLElement;
    for (const [prop] of HOST_GUARDS.filter(([p]) => p !== 'inset')) {
      expect(host.style.getPropertyPriority(prop), prop).toBe('important');
    }
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.getAttribute('style')).toContain('z-index: 2147483647 !important');
    const sheet = read('overlay.css');
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
    createOverlay(document).render(readyState(), opts());
    expect(legacy.isConnected).toBe(false);
    expect(document.querySelectorAll(OVERLAY_SELECTOR)).toHaveLength(1);
  });

  it('puts itself back when a page script removes the host, a few times at most', async () => {
    const overlay = createOverlay(document, {}, { checkDelaysMs: [], maxRecoveries: 3 });
    overlay.render(readyState(), opts());
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
    // Given up: a later render does not put it back either.
    overlay.render(readyState(), opts());
    expect(document.querySelector(OVERLAY_SELECTOR)).toBeNull();
  });

  it('comes back after a single removal, with its UI state', async () => {
    const overlay = createOverlay(document);
    overlay.render(readyState(), opts());
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
      createOverlay(document, {}, { checkDelaysMs: [10, 100], maxRecoveries: 3, check }).render(readyState(), opts());
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
    createOverlay(document, {}, { checkDelaysMs: [10, 100], check }).render(readyState(), opts());
    vi.advanceTimersByTime(1000);
    expect(check).toHaveBeenCalledTimes(2);
    expect(document.documentElement.getAttribute('style')).toBeNull();
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
