// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.spiceworks.com/tech/cloud/news/azure-outage-hits-north-europe-region/"}
/**
 * The pill's script (content-pill.js) at document_start: it reads the overlay switches and fetches the article code
 * ahead only where the gate's recognition says the URL holds an article or a thread (the manifest's globs are looser).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recognisePage } from '../../src/core/recognise';
import { registerGate } from '../../src/content/pill-api';

let get: ReturnType<typeof vi.fn>;
let getURL: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('__NK_BENCH__', false);
  get = vi.fn(async () => ({}));
  getURL = vi.fn((f: string) => `chrome-extension://test/${f}`);
  vi.stubGlobal('chrome', { storage: { session: { get } }, runtime: { getURL, sendMessage: vi.fn(async () => undefined) } });
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>).__nynorskKortGate;
});

describe('the pill’s script reads ahead', () => {
  it('on a URL the gate recognises as an article: the switches and the article code', async () => {
    registerGate({ recognise: recognisePage });
    await import('../../src/content/pill-loader');
    expect(get).toHaveBeenCalledTimes(1);
    expect(getURL).toHaveBeenCalledWith('content-main.js');
  });

  it('not on a URL the gate says holds no article', async () => {
    registerGate({ recognise: () => ({ kind: 'none' }) });
    await import('../../src/content/pill-loader');
    expect(get).not.toHaveBeenCalled();
    expect(getURL).not.toHaveBeenCalledWith('content-main.js');
  });
});
