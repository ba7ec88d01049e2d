/** Polling helpers: the tests wait for what the page shows, never for a fixed time, except where noted. */
import { call, type Hit, type Rect, type Snapshot, type Where } from './in-page';
import type { Tab } from './types';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `read` until `ok` holds; fails with the last value seen. */
export async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastErr: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last) ?? String(lastErr)}`);
    }
    await sleep(100);
  }
}

/** The overlay (where='overlay') or the popup page (where='page') as data. */
export function snapshot(tab: Tab, where: Where = 'overlay'): Promise<Snapshot> {
  return tab.evaluate<Snapshot>(call('snapshot', where));
}

/** Waits until the snapshot satisfies `ok`. */
export function waitForSnapshot(tab: Tab, what: string, ok: (s: Snapshot) => boolean, where: Where = 'overlay', timeoutMs?: number) {
  return waitFor(what, () => snapshot(tab, where), ok, timeoutMs);
}

export function rect(tab: Tab, selector: string, where: Where = 'overlay'): Promise<Rect | null> {
  return tab.evaluate<Rect | null>(call('rect', where, selector));
}

/** Hit-tests the centre of an element in the overlay through the page's elementFromPoint. */
export function hitTest(tab: Tab, selector: string): Promise<Hit | null> {
  return tab.evaluate<Hit | null>(call('hit', selector));
}

/** Clicks the centre of an element (inside the overlay's shadow root by default) with the real mouse. */
export async function clickElement(tab: Tab, selector: string, where: Where = 'overlay'): Promise<void> {
  const r = await waitFor(`${selector} to be visible`, () => rect(tab, selector, where), (v) => !!v && v.width > 0 && v.height > 0);
  if (!r) throw new Error(`no ${selector}`);
  await tab.clickAt(r.x + r.width / 2, r.y + r.height / 2);
}

/** Focuses the `index`th match of `selector`; true when focus landed there. */
export function focusElement(tab: Tab, selector: string, index = 0, where: Where = 'overlay'): Promise<boolean> {
  return tab.evaluate<boolean>(call('focus', where, selector, index));
}

export function activeText(tab: Tab, where: Where = 'overlay'): Promise<string | null> {
  return tab.evaluate<string | null>(call('activeText', where));
}

export function computedStyle(tab: Tab, selector: string, props: string[], where: Where = 'overlay') {
  return tab.evaluate<Record<string, string> | null>(call('style', where, selector, props));
}

export function textColumn(tab: Tab): Promise<Rect | null> {
  return tab.evaluate<Rect | null>(call('textColumn'));
}

export function viewport(tab: Tab): Promise<{ width: number; height: number }> {
  return tab.evaluate(call('viewport'));
}

/** True when two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
