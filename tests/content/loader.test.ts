// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.spiceworks.com/tech/cloud/"}
/**
 * The gate (content.js): what it does on a page the manifest gave no pill's
 * script (a listing), and how it hands articles to that script and takes
 * them back when the site changes its URL without a reload.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageKind } from '../../src/core/types';
import { registerPill, registeredPill } from '../../src/content/pill-api';

const ARTICLE = 'https://www.spiceworks.com/tech/cloud/news/azure-outage-hits-north-europe-region/';
const LISTING = 'https://www.spiceworks.com/tech/cloud/';

type Ext = { runtime: { sendMessage: ReturnType<typeof vi.fn>; getURL: ReturnType<typeof vi.fn> } };
let ext: Ext;

function fakePill() {
  const entered: Array<{ page: PageKind; isCurrent: () => boolean }> = [];
  const api = { entered, left: 0, enter: (page: PageKind, isCurrent: () => boolean) => void entered.push({ page, isCurrent }), leave: () => void api.left++ };
  return api;
}

/** A URL change the site makes itself: pushState, which the gate hears of by popstate where jsdom has no Navigation API. */
function siteMovesTo(url: string): void {
  history.pushState({}, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const idle = () => new Promise((r) => setTimeout(r, 5));

/** The window listeners of each test's gate, removed after it: every test imports a fresh gate into the same window. */
let listeners: Array<[string, EventListenerOrEventListenerObject]> = [];
const addEventListener = window.addEventListener.bind(window);

beforeAll(() => {
  // build.mjs defines them; here the module reads globals. jsdom's document has loaded before each gate is imported,
  // which only Firefox's build expects (__NK_STARTS_LATE__); one test below takes Chrome's path.
  vi.stubGlobal('__NK_BENCH__', false);
  vi.stubGlobal('__NK_STARTS_LATE__', true);
  window.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, o?: AddEventListenerOptions) => {
    listeners.push([type, fn]);
    addEventListener(type, fn, o);
  }) as typeof window.addEventListener;
});

afterAll(() => {
  vi.unstubAllGlobals();
  window.addEventListener = addEventListener;
});

beforeEach(() => {
  vi.resetModules();
  history.replaceState({}, '', LISTING);
  ext = { runtime: { sendMessage: vi.fn(async () => ({ keys: [], label: 'Det finst eit Nynorsk-kort' })), getURL: vi.fn((f: string) => `chrome-extension://gate-test/${f}`) } };
  (globalThis as { chrome?: Ext }).chrome = ext;
  delete (globalThis as Record<string, unknown>).__nynorskKortPill;
  delete (globalThis as Record<string, unknown>).__nynorskKortBadges;
});

afterEach(async () => {
  await idle();
  for (const [type, fn] of listeners) window.removeEventListener(type, fn);
  listeners = [];
  delete (globalThis as { chrome?: Ext }).chrome;
});

describe('the gate (content.js)', () => {
  it('on a page without the pill’s script, for a reader without cards (no badges script): never touches the extension API', async () => {
    let touched = 0;
    Object.defineProperty(globalThis, 'chrome', { configurable: true, get: () => (touched++, ext) });
    try {
      await import('../../src/content/loader');
      await idle();
      await idle();
      expect(touched).toBe(0);
      expect(ext.runtime.sendMessage).not.toHaveBeenCalled();
      expect(registeredPill()).toBeUndefined();
    } finally {
      Object.defineProperty(globalThis, 'chrome', { configurable: true, writable: true, value: ext });
    }
  });

  it('in Chrome’s build, waits for DOMContentLoaded on the window: a listing never touches `document`, an article is entered then', async () => {
    vi.stubGlobal('__NK_STARTS_LATE__', false);
    const real = Object.getOwnPropertyDescriptor(globalThis, 'document')!;
    let touched = 0;
    Object.defineProperty(globalThis, 'document', { configurable: true, get: () => (touched++, real.get ? real.get.call(globalThis) : real.value) });
    try {
      await import('../../src/content/loader');
      await idle();
      expect(touched).toBe(0);
      // The listing's DOMContentLoaded: the gate starts (it now follows the site) and still reads nothing of the document.
      window.dispatchEvent(new Event('DOMContentLoaded'));
      await idle();
      expect(touched).toBe(0);
      // The site moves to an article: the gate hands it to the pill's script.
      const pill = fakePill();
      registerPill(pill);
      siteMovesTo(ARTICLE);
      expect(pill.entered.map((e) => e.page.kind)).toEqual(['article']);
    } finally {
      Object.defineProperty(globalThis, 'document', real);
      vi.stubGlobal('__NK_STARTS_LATE__', true);
    }
  });

  it('in Chrome’s build, on a listing: does not touch the Navigation API until the reader’s first key, then follows the site by it', async () => {
    vi.stubGlobal('__NK_STARTS_LATE__', false);
    const navigation = new EventTarget();
    let read = 0;
    Object.defineProperty(window, 'navigation', { configurable: true, get: () => (read++, navigation) });
    const moveTo = (url: string) => {
      const from = location.href;
      history.pushState({}, '', url);
      navigation.dispatchEvent(Object.assign(new Event('currententrychange'), { from: { url: from } }));
    };
    try {
      await import('../../src/content/loader');
      window.dispatchEvent(new Event('DOMContentLoaded'));
      await idle();
      expect(read).toBe(0);
      const pill = fakePill();
      registerPill(pill);
      // The reader presses a key (a link chosen by keyboard, say): the watcher starts, and the site's move is heard.
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      expect(read).toBe(1);
      moveTo(ARTICLE);
      expect(pill.entered.map((e) => e.page.kind)).toEqual(['article']);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      expect(read).toBe(1);
    } finally {
      delete (window as { navigation?: unknown }).navigation;
      vi.stubGlobal('__NK_STARTS_LATE__', true);
      history.replaceState({}, '', LISTING);
    }
  });

  it('in Chrome’s build, on a listing: a step back or forward before any key is heard, and enters the article it reached', async () => {
    vi.stubGlobal('__NK_STARTS_LATE__', false);
    try {
      await import('../../src/content/loader');
      window.dispatchEvent(new Event('DOMContentLoaded'));
      await idle();
      const pill = fakePill();
      registerPill(pill);
      siteMovesTo(ARTICLE);
      expect(pill.entered.map((e) => e.page.kind)).toEqual(['article']);
    } finally {
      vi.stubGlobal('__NK_STARTS_LATE__', true);
    }
  });

  it('in Chrome’s build, enters the article the manifest gave the pill’s script at DOMContentLoaded, not before', async () => {
    vi.stubGlobal('__NK_STARTS_LATE__', false);
    try {
      history.replaceState({}, '', ARTICLE);
      const pill = fakePill();
      registerPill(pill);
      await import('../../src/content/loader');
      await idle();
      expect(pill.entered).toHaveLength(0);
      // The page's own handler, on the document, sees the pill already entered.
      let enteredForPage: number | undefined;
      document.addEventListener('DOMContentLoaded', () => (enteredForPage = pill.entered.length), { once: true });
      document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
      expect(pill.entered.map((e) => e.page.kind)).toEqual(['article']);
      expect(enteredForPage).toBe(1);
    } finally {
      vi.stubGlobal('__NK_STARTS_LATE__', true);
    }
  });

  it('on a page without the pill’s script, where the background registered the badges script: no import, no pill, one badges message in idle time', async () => {
    // The registered script runs at document_start, before the gate starts (DOMContentLoaded).
    await import('../../src/content/badges-script');
    await import('../../src/content/loader');
    expect(ext.runtime.getURL).not.toHaveBeenCalled();
    expect(ext.runtime.sendMessage).not.toHaveBeenCalled();
    // In idle time: on a loaded machine later than a fixed pause.
    await vi.waitFor(() => expect(ext.runtime.sendMessage.mock.calls).toEqual([[{ type: 'badges:get' }]]));
    expect(registeredPill()).toBeUndefined();
  });

  it('hands an article to the pill’s script the manifest injected, and takes it back when the site moves to a listing', async () => {
    history.replaceState({}, '', ARTICLE);
    const pill = fakePill();
    registerPill(pill);
    await import('../../src/content/badges-script');
    await import('../../src/content/loader');
    await idle();
    expect(pill.entered.map((e) => e.page)).toEqual([{ kind: 'article', site: 'www', section: 'cloud', contentType: 'news', slug: 'azure-outage-hits-north-europe-region' }]);
    expect(pill.entered[0]!.isCurrent()).toBe(true);
    // Another post number or a hash is the same article: nothing happens.
    siteMovesTo(`${ARTICLE}#comments`);
    expect(pill.entered).toHaveLength(1);
    expect(pill.left).toBe(0);
    siteMovesTo(LISTING);
    expect(pill.left).toBe(1);
    expect(pill.entered[0]!.isCurrent()).toBe(false);
    // In idle time: on a loaded machine later than a fixed pause.
    await vi.waitFor(() => expect(ext.runtime.sendMessage.mock.calls).toEqual([[{ type: 'badges:get' }]]));
    expect(ext.runtime.getURL).not.toHaveBeenCalled();
  });

  it('takes an article back when the site moves to a listing, and asks nothing for a reader without cards', async () => {
    history.replaceState({}, '', ARTICLE);
    const pill = fakePill();
    registerPill(pill);
    await import('../../src/content/loader');
    await idle();
    siteMovesTo(LISTING);
    expect(pill.left).toBe(1);
    await idle();
    expect(ext.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('enters an article the site moved to from a listing, with the pill’s script that came later', async () => {
    await import('../../src/content/loader');
    await idle();
    // What the gate's import of content-pill.js does: its evaluation registers it (here it is registered by hand first).
    const pill = fakePill();
    registerPill(pill);
    siteMovesTo(ARTICLE);
    expect(pill.entered.map((e) => e.page.kind)).toEqual(['article']);
    expect(ext.runtime.getURL).not.toHaveBeenCalled();
    siteMovesTo('/tech/cloud/news/another-story/');
    expect(pill.left).toBe(1);
    expect(pill.entered.map((e) => e.page.kind === 'article' && e.page.slug)).toEqual(['azure-outage-hits-north-europe-region', 'another-story']);
    expect(pill.entered.map((e) => e.isCurrent())).toEqual([false, true]);
  });

  it('with the Navigation API: follows a listing’s moves by the entry the site left, and enters an article once', async () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const moveTo = (url: string) => {
      const from = location.href;
      history.pushState({}, '', url);
      navigation.dispatchEvent(Object.assign(new Event('currententrychange'), { from: { url: from } }));
    };
    try {
      await import('../../src/content/loader');
      await idle();
      const pill = fakePill();
      registerPill(pill);
      // The listing's own hash: the same page, nothing to do.
      moveTo(`${LISTING}#top`);
      expect(pill.entered).toHaveLength(0);
      moveTo(ARTICLE);
      expect(pill.entered.map((e) => e.page.kind)).toEqual(['article']);
      moveTo(`${ARTICLE}#comments`);
      expect(pill.entered).toHaveLength(1);
      moveTo(LISTING);
      expect(pill.left).toBe(1);
      expect(pill.entered[0]!.isCurrent()).toBe(false);
    } finally {
      delete (window as { navigation?: unknown }).navigation;
    }
  });

  it('imports the pill’s script by its extension URL when the site moves to an article and none is there', async () => {
    await import('../../src/content/loader');
    await idle();
    siteMovesTo(ARTICLE);
    expect(ext.runtime.getURL).toHaveBeenCalledWith('content-pill.js');
  });

  it('in a page that had loaded before it came (open tabs on install or update): waits for the pill’s script the manifest injects next', async () => {
    history.replaceState({}, '', ARTICLE);
    await import('../../src/content/loader');
    // The manifest's next script, evaluated after the gate (jsdom's document has loaded, as an open tab's has).
    const pill = fakePill();
    registerPill(pill);
    await idle();
    expect(pill.entered.map((e) => e.page.kind)).toEqual(['article']);
    expect(ext.runtime.getURL).not.toHaveBeenCalled();
  });

  it('in a page that had loaded before it came, with no pill’s script by its turn: the URL decides, and an article imports it', async () => {
    history.replaceState({}, '', ARTICLE);
    await import('../../src/content/loader');
    await idle();
    expect(ext.runtime.getURL).toHaveBeenCalledWith('content-pill.js');
  });
});
