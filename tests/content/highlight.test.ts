// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freeBand, HIGHLIGHT_ATTR, HIGHLIGHT_MS, revealElement, scrollTargetY } from '../../src/content/highlight';

const HIGHLIGHT_SELECTOR = `[${HIGHLIGHT_ATTR}]`;

const rect = (top: number, height: number, left = 100, width = 600) =>
  ({ top, height, left, width, bottom: top + height, right: left + width, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

let scrollTo: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<main><p id="a">First paragraph.</p><p id="b">Second paragraph.</p></main>';
  scrollTo = vi.fn();
  window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('revealElement', () => {
  it('uses a plain div host, so a page that defines the old tag name never runs code on it (issue 12)', () => {
    const seen: string[] = [];
    customElements.define('nynorsk-kort-highlight', class extends HTMLElement { constructor() { super(); seen.push('constructed'); } });
    const p = document.getElementById('b')!;
    p.getBoundingClientRect = () => rect(100, 100);
    const h = revealElement(p, { smooth: false });
    expect(h.host.tagName).toBe('DIV');
    expect(h.host.hasAttribute(HIGHLIGHT_ATTR)).toBe(true);
    expect(seen).toEqual([]);
    h.remove();
  });

  it('lays a box of its own over the paragraph and removes it after the highlight time, leaving the page as it was', () => {
    const p = document.getElementById('b')!;
    p.getBoundingClientRect = () => rect(1500, 100);
    const before = document.querySelector('main')!.outerHTML;

    const h = revealElement(p, { smooth: false });
    const hosts = document.querySelectorAll(HIGHLIGHT_SELECTOR);
    expect(hosts).toHaveLength(1);
    expect(h.host.parentElement).toBe(document.body);
    // Over the paragraph, 6 px around it, in document coordinates (jsdom: scroll 0).
    expect(h.host.style.top).toBe('1494px');
    expect(h.host.style.left).toBe('94px');
    expect(h.host.style.width).toBe('612px');
    expect(h.host.style.height).toBe('112px');
    expect(h.host.getAttribute('aria-hidden')).toBe('true');
    expect(h.host.shadowRoot?.querySelector('[data-testid=evidence-highlight]')).not.toBeNull();
    // The page's own markup is untouched.
    expect(document.querySelector('main')!.outerHTML).toBe(before);

    vi.advanceTimersByTime(HIGHLIGHT_MS - 1);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(0);
  });

  it('scrolls the paragraph to the middle of the window', () => {
    const p = document.getElementById('b')!;
    p.getBoundingClientRect = () => rect(1500, 100);
    revealElement(p, { smooth: false });
    expect(scrollTo).toHaveBeenCalledTimes(1);
    const { top, behavior } = scrollTo.mock.calls[0]![0] as ScrollToOptions;
    expect(behavior).toBe('auto');
    expect(top).toBe(Math.round(1500 - (window.innerHeight - 100) / 2));
  });

  it('keeps one highlight at a time, and remove() ends it early', () => {
    const a = revealElement(document.getElementById('a')!, { smooth: false });
    const b = revealElement(document.getElementById('b')!, { smooth: false });
    expect(a.host.isConnected).toBe(false);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(1);
    b.remove();
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(0);
    vi.advanceTimersByTime(HIGHLIGHT_MS);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(0);
  });

  it('uses the given highlight time', () => {
    revealElement(document.getElementById('a')!, { smooth: false, durationMs: 500 });
    vi.advanceTimersByTime(500);
    expect(document.querySelectorAll(HIGHLIGHT_SELECTOR)).toHaveLength(0);
  });
});

describe('freeBand and scrollTargetY', () => {
  it('ignores a side panel: the text column stays free', () => {
    expect(freeBand(900, 1400, [rect(16, 700, 1020, 360)])).toEqual({ top: 0, bottom: 900 });
  });

  it('keeps the paragraph above a bottom sheet', () => {
    const band = freeBand(800, 400, [rect(320, 480, 0, 400)]);
    expect(band).toEqual({ top: 0, bottom: 320 });
    // A 100 px paragraph at 2000 px is centred in the 320 px above the sheet.
    expect(scrollTargetY(0, { top: 2000, height: 100 }, band)).toBe(2000 - 110);
  });

  it('shows the start of a paragraph taller than the free band', () => {
    expect(scrollTargetY(500, { top: 300, height: 2000 }, { top: 0, bottom: 800 })).toBe(500 + 300 - 24);
  });

  it('never scrolls above the top of the page', () => {
    expect(scrollTargetY(0, { top: 10, height: 50 }, { top: 0, bottom: 800 })).toBe(0);
  });
});
