// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.spiceworks.com/tech/cloud/news/azure-outage-hits-north-europe-region/"}
/**
 * The article code (content-main.js, src/content/index.ts): when it first
 * talks to the background. Nothing may go out before the browser's idle
 * period: a message wakes a stopped worker, which on a small machine takes
 * the core the pill's first frame needs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recognisePage } from '../../src/core/recognise';
import type { OverlayOptions } from '../../src/content/overlay';
import { readyState } from '../ui/sample-card';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Read directly: under jsdom, support/fixtures' file URLs meet jsdom's URL class.
const fixture = (name: string) => {
  const dir = join(process.cwd(), 'tests/fixtures/pages', name);
  return { url: (JSON.parse(readFileSync(join(dir, 'page.json'), 'utf8')) as { url: string }).url, html: readFileSync(join(dir, 'source.html'), 'utf8') };
};
// Its article body is an .entry-content: read without Readability.
const page = fixture('broadcom-vmware-licensing-strategy');
/** A page whose paragraphs stand each in a section of its own: no one container holds the article, Readability reads it. */
const scattered = () => {
  const p = fixture('meta-llama-government');
  return { url: p.url, html: p.html.replace(/<p>/g, '<section><p>').replace(/<\/p>/g, '</p></section>') };
};
let idleQueue: Array<() => void>;
let sent: Array<{ type: string; article?: { paragraphs: string[] } }>;
let urls: string[];
/** Where content-readability.js is, for the article code's import (null: the import fails). */
let readabilityModule: string | null;

const load = (p: { url: string; html: string }) => {
  history.replaceState({}, '', p.url);
  document.documentElement.innerHTML = new DOMParser().parseFromString(p.html, 'text/html').documentElement.innerHTML;
};

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('__NK_BENCH__', false);
  idleQueue = [];
  sent = [];
  urls = [];
  readabilityModule = join(process.cwd(), 'src/content/readability-chunk.ts');
  vi.stubGlobal('requestIdleCallback', (fn: () => void) => idleQueue.push(fn));
  load(page);
  const runtime = {
    sendMessage: vi.fn(async (m: { type: string }) => {
      sent.push(m);
      return m.type === 'overlay:get' ? { mode: 'pill', hiddenForSession: false, model: null } : { status: 'none', url: page.url };
    }),
    connect: vi.fn(),
    getURL: (f: string) => {
      urls.push(f);
      if (f === 'content-check.js') return join(process.cwd(), 'src/content/check-chunk.ts');
      return f === 'content-readability.js' && readabilityModule ? readabilityModule : `chrome-extension://t/${f}`;
    },
    onMessage: { addListener: vi.fn() },
  };
  vi.stubGlobal('chrome', { runtime });
});

afterEach(() => vi.unstubAllGlobals());

const flush = () => new Promise((r) => setTimeout(r, 0));
/** The stubbed runtime's sendMessage, to answer otherwise in one test. */
const sendMessage = () => (globalThis as unknown as { chrome: { runtime: { sendMessage: ReturnType<typeof vi.fn> } } }).chrome.runtime.sendMessage;

describe('the article code', () => {
  it('sends nothing to the background before the idle period, then asks for the offer and the card', async () => {
    const main = await import('../../src/content/index');
    const overlay = { render: vi.fn(), open: vi.fn(), destroy: vi.fn() };
    main.showPage({
      page: recognisePage(page.url),
      overlay: overlay as never,
      prefs: { mode: 'pill', hiddenForSession: false },
      baseOptions: { onHideForSession: () => {}, onOpenOptions: () => {}, onFeedback: async () => true },
      isCurrent: () => true,
    });
    await flush();
    expect(sent).toEqual([]);
    expect(idleQueue).toHaveLength(1);
    idleQueue.shift()!();
    await flush();
    expect(sent.map((m) => m.type)).toEqual(['overlay:get', 'card:request']);
    main.leavePage();
  });

  type Main = typeof import('../../src/content/index');
  /** Shows the page, waits for the card request (or the page's own end), then leaves it: by `leave` where given. */
  const showAndAnswer = async (leave: (main: Main) => void = (main) => main.leavePage()) => {
    const main = await import('../../src/content/index');
    const overlay = { render: vi.fn(), open: vi.fn(), destroy: vi.fn() };
    main.showPage({
      page: recognisePage(location.href),
      overlay: overlay as never,
      prefs: { mode: 'pill', hiddenForSession: false },
      baseOptions: { onHideForSession: () => {}, onOpenOptions: () => {}, onFeedback: async () => true },
      isCurrent: () => true,
    });
    await flush();
    idleQueue.shift()!();
    await vi.waitFor(() => expect(overlay.render.mock.calls.length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'card:request') || overlay.render.mock.calls.some(([s]) => ['none', 'error'].includes((s as { status: string }).status))).toBe(true));
    leave(main);
    return { overlay };
  };

  it('reads an article whose body it knows without loading Readability', async () => {
    await showAndAnswer();
    expect(urls).not.toContain('content-readability.js');
    expect(sent.find((m) => m.type === 'card:request')?.article?.paragraphs.length).toBeGreaterThan(2);
  });

  it('shows a card the background sends at once, and gives the panel the full check of it (a card that fails it: the error)', async () => {
    const good = readyState();
    const bad = readyState({ summary: ['x'.repeat(100_000)] });
    for (const [state, panelShows] of [
      [good, 'ready'],
      [bad, 'error'],
    ] as const) {
      sendMessage().mockImplementation(async (m: { type: string }) => {
        sent.push(m);
        return m.type === 'overlay:get' ? { mode: 'pill', hiddenForSession: false, model: null } : state;
      });
      const main = await import('../../src/content/index');
      const overlay = { render: vi.fn(), open: vi.fn(), destroy: vi.fn() };
      main.showPage({ page: recognisePage(page.url), overlay: overlay as never, prefs: { mode: 'pill', hiddenForSession: false }, baseOptions: { onHideForSession: () => {}, onOpenOptions: () => {} }, isCurrent: () => true });
      await flush();
      idleQueue.shift()!();
      await vi.waitFor(() => expect(overlay.render).toHaveBeenLastCalledWith(state, expect.anything()));
      // The check (content-check.js) is loaded only when the panel asks for it (then kept: the loop's second state).
      if (state === good) expect(urls).not.toContain('content-check.js');
      const { loadCardCheck } = overlay.render.mock.lastCall![1] as OverlayOptions;
      const check = await loadCardCheck!();
      expect(urls).toContain('content-check.js');
      expect(check(state).status).toBe(panelShows);
      main.leavePage();
    }
  });

  it('leaves a page without throwing when the extension was updated under it (sendMessage throws at once)', async () => {
    let left = false;
    await showAndAnswer((main) => {
      expect(sent.some((m) => m.type === 'card:request')).toBe(true);
      sendMessage().mockImplementation(() => {
        throw new Error('Extension context invalidated.');
      });
      expect(() => main.leavePage()).not.toThrow();
      left = true;
    });
    expect(left).toBe(true);
  });

  it('says it got no answer when the background answers with no card state', async () => {
    sendMessage().mockImplementation(async (m: { type: string }) => (m.type === 'overlay:get' ? { mode: 'pill', hiddenForSession: false } : { status: 'ready', url: page.url, card: { topic: 'ai' } }));
    const { overlay } = await showAndAnswer();
    await vi.waitFor(() => expect(overlay.render).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'error', message: expect.stringContaining('fekk ikkje svar') }), expect.anything()));
  });

  it('loads Readability (content-readability.js) for a page whose body it cannot read directly, then reads the page', async () => {
    load(scattered());
    await showAndAnswer();
    expect(urls).toContain('content-readability.js');
    expect(sent.find((m) => m.type === 'card:request')?.article?.paragraphs.length).toBeGreaterThan(2);
  });

  it('says that the card could not be made, and to reload, when Readability cannot be loaded', async () => {
    load(scattered());
    readabilityModule = null;
    const { overlay } = await showAndAnswer();
    expect(sent.map((m) => m.type)).not.toContain('card:request');
    expect(overlay.render).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'error', message: expect.stringContaining('Last inn sida på nytt') }), expect.anything());
  });
});
