// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchArticle } from '../../src/content/watch-article';
import { watchNavigation, watchNavigationFromFirstUse } from '../../src/content/watch-navigation';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('watchArticle', () => {
  it('calls back at once when the article is already there', () => {
    const onReady = vi.fn();
    watchArticle(document, () => true, onReady);
    expect(onReady).toHaveBeenCalledOnce();
  });

  it('waits for the content of an empty shell, then calls back once', async () => {
    const onReady = vi.fn();
    watchArticle(document, () => document.querySelector('h1') !== null, onReady);
    expect(onReady).not.toHaveBeenCalled();
    document.body.append(document.createElement('h1'));
    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledOnce());
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 300));
    expect(onReady).toHaveBeenCalledOnce();
  });

  it('gives up after the timeout and after stop', async () => {
    const onReady = vi.fn();
    const stop = watchArticle(document, () => document.querySelector('h2') !== null, onReady, 50);
    await new Promise((r) => setTimeout(r, 80));
    document.body.append(document.createElement('h2'));
    await new Promise((r) => setTimeout(r, 300));
    expect(onReady).not.toHaveBeenCalled();
    stop();
  });
});

describe('watchNavigation', () => {
  it('reports a pushState change by polling, and popstate at once; nothing after stop', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const startUrl = location.href;
    const stop = watchNavigation(window, onChange, 1000);
    history.pushState({}, '', '/tech/cloud/news/another-story/');
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledOnce();
    // The URL the page left, which the watcher kept.
    expect(onChange.mock.calls[0]![0]).toBe(startUrl);
    vi.advanceTimersByTime(3000);
    expect(onChange).toHaveBeenCalledOnce();
    history.pushState({}, '', '/tech/cloud/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    history.pushState({}, '', '/tech/cloud/news/third/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('follows the Navigation API where there is one: no polling, no popstate listener, no URL read at start; passes the entry it came from; nothing after stop', () => {
    vi.useFakeTimers();
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const change = (from: string | null) => Object.assign(new Event('currententrychange'), { from: from === null ? null : { url: from } });
    const added: string[] = [];
    const add = window.addEventListener;
    window.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, AddEventListenerOptions?]) => (added.push(type), add.call(window, type, ...rest))) as typeof window.addEventListener;
    try {
      const onChange = vi.fn();
      const stop = watchNavigation(window, onChange, 1000);
      expect(added).toEqual([]);
      // A pushState the API did not report (no event dispatched): no timer looks for it, and popstate is not heard.
      history.pushState({}, '', '/tech/cloud/news/polled/');
      window.dispatchEvent(new PopStateEvent('popstate'));
      vi.advanceTimersByTime(5000);
      expect(onChange).not.toHaveBeenCalled();
      expect(vi.getTimerCount()).toBe(0);
      // pushState in the page's world: currententrychange reaches every world, with the entry it left.
      history.pushState({}, '', '/tech/cloud/news/fourth/');
      navigation.dispatchEvent(change('https://www.spiceworks.com/tech/cloud/news/polled/'));
      expect(onChange.mock.calls).toEqual([['https://www.spiceworks.com/tech/cloud/news/polled/']]);
      // An entry without a URL to give: null.
      navigation.dispatchEvent(change(null));
      expect(onChange.mock.calls[1]).toEqual([null]);
      onChange.mockClear();
      stop();
      history.pushState({}, '', '/tech/cloud/news/fifth/');
      navigation.dispatchEvent(change('https://www.spiceworks.com/tech/cloud/news/fourth/'));
      expect(onChange).not.toHaveBeenCalled();
    } finally {
      window.addEventListener = add;
      delete (window as { navigation?: unknown }).navigation;
    }
  });
});

describe('watchNavigationFromFirstUse', () => {
  it('starts the watcher at the reader’s first click, once, through `start`; before it a URL change is not looked for', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const start = vi.fn((watch: () => () => void) => watch());
    const stop = watchNavigationFromFirstUse(window, onChange, start);
    history.pushState({}, '', '/tech/cloud/news/unheard/');
    vi.advanceTimersByTime(5000);
    expect(start).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    window.dispatchEvent(new MouseEvent('click'));
    window.dispatchEvent(new MouseEvent('click'));
    window.dispatchEvent(new Event('keydown'));
    expect(start).toHaveBeenCalledOnce();
    const from = location.href;
    history.pushState({}, '', '/tech/cloud/news/after-the-press/');
    vi.advanceTimersByTime(1000);
    expect(onChange.mock.calls).toEqual([[from]]);
    stop();
    history.pushState({}, '', '/tech/cloud/news/after-stop/');
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('tells of a step back at once, the URL it left unknown; a stop before any use leaves nothing listening', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const stopUnused = watchNavigationFromFirstUse(window, onChange);
    stopUnused();
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange).not.toHaveBeenCalled();
    const stop = watchNavigationFromFirstUse(window, onChange);
    history.pushState({}, '', '/tech/cloud/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange.mock.calls).toEqual([[null]]);
    stop();
  });
});
