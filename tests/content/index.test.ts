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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Read directly: under jsdom, support/fixtures' file URLs meet jsdom's URL class.
const dir = join(process.cwd(), 'tests/fixtures/pages/broadcom-vmware-licensing-strategy');
const page = { url: (JSON.parse(readFileSync(join(dir, 'page.json'), 'utf8')) as { url: string }).url, html: readFileSync(join(dir, 'source.html'), 'utf8') };
let idleQueue: Array<() => void>;
let sent: Array<{ type: string }>;

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('__NK_BENCH__', false);
  idleQueue = [];
  sent = [];
  vi.stubGlobal('requestIdleCallback', (fn: () => void) => idleQueue.push(fn));
  history.replaceState({}, '', page.url);
  document.documentElement.innerHTML = new DOMParser().parseFromString(page.html, 'text/html').documentElement.innerHTML;
  const runtime = {
    sendMessage: vi.fn(async (m: { type: string }) => {
      sent.push(m);
      return m.type === 'overlay:get' ? { mode: 'pill', hiddenForSession: false, model: null } : { status: 'none', url: page.url };
    }),
    connect: vi.fn(),
    getURL: (f: string) => `chrome-extension://t/${f}`,
    onMessage: { addListener: vi.fn() },
  };
  vi.stubGlobal('chrome', { runtime });
});

afterEach(() => vi.unstubAllGlobals());

const flush = () => new Promise((r) => setTimeout(r, 0));

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
});
