// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay, OVERLAY_TAG } from '../../src/content/overlay';
import { readyState } from '../ui/sample-card';

// The test runner does not load CSS as text (esbuild does, in the build): read the files and pass them in.
const read = (name: string) => readFileSync(new URL(`../../src/ui/${name}`, import.meta.url), 'utf8');
const CSS_TEXT = `${read('card.css')}\n${read('overlay.css')}`;

const opts = () => ({ startOpen: false, onHideForSession: vi.fn(), onOpenOptions: vi.fn() });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createOverlay', () => {
  it('inserts nothing until the first render', () => {
    createOverlay(document);
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
  });

  it('creates exactly one host with an open shadow root holding the pill', () => {
    const overlay = createOverlay(document);
    overlay.render(readyState(), opts());
    overlay.render(readyState(), opts());
    const hosts = document.querySelectorAll('nynorsk-kort-overlay');
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
    const shadow = document.querySelector(OVERLAY_TAG)!.shadowRoot!;
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
      const shadow = document.querySelector(OVERLAY_TAG)!.shadowRoot!;
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
    expect(document.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
  });

  it('updates in place and passes the callbacks through', () => {
    const overlay = createOverlay(document);
    const o = opts();
    overlay.render({ status: 'loading', url: 'u' }, o);
    const shadow = document.querySelector(OVERLAY_TAG)!.shadowRoot!;
    (shadow.querySelector('[data-testid=pill]') as HTMLButtonElement).click();
    overlay.render(readyState(), o);
    expect(shadow.querySelector('[data-testid=card]')).not.toBeNull();
    (shadow.querySelector('[data-testid=hide-for-session]') as HTMLButtonElement).click();
    expect(o.onHideForSession).toHaveBeenCalledTimes(1);
  });

  it('ignores a page script\'s click on "Lag nynorsk samandrag" in the open shadow root', () => {
    const model = { job: { status: 'idle', model: 'm' } as const, onGenerate: vi.fn(), onCancel: vi.fn() };
    createOverlay(document).render(readyState({ engine: { kind: 'digest' } }), { ...opts(), startOpen: true, model });
    const button = document.querySelector(OVERLAY_TAG)!.shadowRoot!.querySelector('[data-testid=model-generate]') as HTMLButtonElement;
    expect(button).not.toBeNull();
    button.click();
    expect(model.onGenerate).not.toHaveBeenCalled();
  });

  it('destroy removes the host', () => {
    const overlay = createOverlay(document);
    overlay.render(readyState(), opts());
    overlay.destroy();
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
    overlay.destroy();
    overlay.render(readyState(), opts());
    expect(document.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
  });
});
