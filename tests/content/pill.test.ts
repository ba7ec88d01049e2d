// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { lowerFirst, pillView, renderPill } from '../../src/content/pill';
import { readyState } from '../ui/sample-card';

describe('pillView', () => {
  it('names the topic in Nynorsk, lower-cased unless it starts with an abbreviation', () => {
    expect(pillView(readyState()).label).toBe('Nynorsk-kort · kunstig intelligens');
    expect(pillView(readyState({ topic: { id: 'security', label: 'IT-tryggleik', confidence: 1 } })).label).toBe('Nynorsk-kort · IT-tryggleik');
    expect(lowerFirst('Kunstig intelligens')).toBe('kunstig intelligens');
  });

  it('is quiet while loading: the URL topic where there is one, and a spinner', () => {
    expect(pillView({ status: 'loading', url: 'u' })).toEqual({ status: 'loading', label: 'Nynorsk-kort · hentar kortet …', busy: true });
    expect(pillView({ status: 'loading', url: 'u' }, false, 'Nettverk').label).toBe('Nynorsk-kort · nettverk');
  });

  it('says when something went wrong, when there is no card, and when the model writes', () => {
    expect(pillView({ status: 'error', message: 'x' }).label).toBe('Nynorsk-kort · noko gjekk gale');
    expect(pillView({ status: 'none' }).label).toBe('Nynorsk-kort');
    expect(pillView(readyState(), true)).toMatchObject({ label: 'Nynorsk-kort · skriv samandrag …', busy: true });
  });
});

describe('renderPill', () => {
  it('draws the contract markup once and updates it in place', () => {
    const mount = document.createElement('div');
    const open = vi.fn();
    const b = renderPill(mount, pillView({ status: 'loading', url: 'u' }), open);
    expect(b.getAttribute('data-testid')).toBe('pill');
    expect(b.getAttribute('lang')).toBe('nn');
    expect(b.getAttribute('aria-haspopup')).toBe('dialog');
    expect(b.className).toBe('nk-pill nk-pill--loading');
    expect(b.querySelector('.nk-spinner')).not.toBeNull();
    const again = renderPill(mount, pillView(readyState()), open);
    expect(again).toBe(b);
    expect(b.className).toBe('nk-pill nk-pill--ready');
    expect(b.querySelector('.nk-spinner')).toBeNull();
    expect(b.querySelector('.nk-pill__mark')!.textContent).toBe('nn');
    expect(b.querySelector('.nk-pill__text')!.textContent).toBe('Nynorsk-kort · kunstig intelligens');
    expect(mount.querySelectorAll('button')).toHaveLength(1);
  });

  it('calls the latest action on a click, and a page script clearing onclick does not stop it', () => {
    const mount = document.createElement('div');
    const first = vi.fn();
    const second = vi.fn();
    const b = renderPill(mount, pillView(readyState()), first);
    renderPill(mount, pillView(readyState()), second);
    b.onclick = null;
    b.click();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('writes the label as text, never as markup', () => {
    const mount = document.createElement('div');
    renderPill(mount, { status: 'ready', label: '<img src=x onerror=alert(1)>', busy: false }, () => {});
    expect(mount.querySelector('img')).toBeNull();
    expect(mount.textContent).toContain('<img src=x');
  });
});
