// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { listenForCardCommands, runCardCommand, type CommandTarget } from '../../src/content/commands';
import { recognisePage } from '../../src/core/recognise';
import { BADGE_ATTR, markListing } from '../../src/content/listing-badges';
import { messageSource } from '../support/message-source';

function target(open = false): CommandTarget & { opened: number; closed: number } {
  const t = {
    isOpenNow: open,
    opened: 0,
    closed: 0,
    open() {
      t.opened++;
      t.isOpenNow = true;
    },
    close() {
      t.closed++;
      t.isOpenNow = false;
    },
    isOpen: () => t.isOpenNow,
  };
  return t;
}

describe('card commands on the page', () => {
  it('toggle opens a closed card and closes an open one; open never closes', () => {
    const t = target();
    expect(runCardCommand(t, 'toggle')).toBe(true);
    expect(runCardCommand(t, 'open')).toBe(true);
    expect(runCardCommand(t, 'toggle')).toBe(true);
    expect([t.opened, t.closed]).toEqual([1, 1]);
    expect(runCardCommand(null, 'toggle')).toBe(false);
  });

  it('answers only card:command, and says when there is no card', async () => {
    const m = messageSource();
    const listener = m.ask;
    let current: CommandTarget | null = null;
    listenForCardCommands(() => current, m.source);
    expect(listener({ type: 'evidence:show', index: 1 })).toBeUndefined();
    expect(listener({ type: 'card:command', action: 'explode' })).toBeUndefined();
    await expect(listener({ type: 'card:command', action: 'toggle' })).resolves.toEqual({ done: false });
    current = target();
    await expect(listener({ type: 'card:command', action: 'toggle' })).resolves.toEqual({ done: true });
  });
});

describe('listing badges', () => {
  const page = () => {
    document.body.innerHTML = `
      <a id="pic" href="https://www.spiceworks.com/tech/cloud/news/seen/"><img alt=""></a>
      <a id="title" href="https://www.spiceworks.com/tech/cloud/news/seen/?utm=x">Seen</a>
      <a id="other" href="https://www.spiceworks.com/tech/cloud/news/unseen/">Unseen</a>
      <a id="thread" href="https://community.spiceworks.com/t/some-thread/123/4">Thread</a>
      <a id="elsewhere" href="https://example.org/tech/cloud/news/seen/">Elsewhere</a>`;
    return document;
  };

  it('marks text links to articles with cards, once, with one message', async () => {
    const doc = page();
    const send = vi.fn(async () => ({ keys: ['a:seen', 't:123'], label: 'Det finst eit Nynorsk-kort for denne lenkja' }));
    expect(await markListing(doc, send, recognisePage)).toBe(2);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'badges:get' });
    const marked = [...doc.querySelectorAll(`[${BADGE_ATTR}]`)].map((b) => b.closest('a')!.id);
    expect(marked).toEqual(['title', 'thread']);
    const b = doc.querySelector(`[${BADGE_ATTR}]`)!;
    expect(b.getAttribute('aria-label')).toBe('Det finst eit Nynorsk-kort for denne lenkja');
    expect(b.shadowRoot?.textContent).toBe('nn');
    // The link's own text is unchanged for the page (the badge's text is in its shadow root).
    expect(doc.getElementById('title')!.textContent).toBe('Seen');
    expect(await markListing(doc, send, recognisePage)).toBe(0);
  });

  it('reads no link when no article has a card, or the background does not answer', async () => {
    const doc = page();
    const qsa = vi.spyOn(doc, 'querySelectorAll');
    expect(await markListing(doc, async () => ({ keys: [], label: 'x' }), recognisePage)).toBe(0);
    expect(await markListing(doc, async () => Promise.reject(new Error('no background')), recognisePage)).toBe(0);
    expect(qsa).not.toHaveBeenCalled();
  });
});
