// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardState } from '../../src/core/types';
import { Overlay, pillText } from '../../src/ui/Overlay';
import { text } from '../../src/ui/text';
import { readyState } from './sample-card';

afterEach(cleanup);

function setup(state: CardState = readyState(), startOpen = false) {
  const onHideForSession = vi.fn();
  const onOpenOptions = vi.fn();
  const utils = render(<Overlay state={state} startOpen={startOpen} onHideForSession={onHideForSession} onOpenOptions={onOpenOptions} />);
  return { ...utils, onHideForSession, onOpenOptions };
}

describe('Overlay', () => {
  it('starts as a pill that names the topic in Nynorsk', () => {
    const { container } = setup();
    const pill = container.querySelector('[data-testid=pill]')!;
    expect(pill.tagName).toBe('BUTTON');
    expect(pill.textContent).toContain('Nynorsk-kort · kunstig intelligens');
    expect(container.querySelector('[data-testid=card]')).toBeNull();
  });

  it('opens on click, closes with the close button and gives focus back to the pill', async () => {
    const user = userEvent.setup();
    const { container } = setup();
    await user.click(container.querySelector('[data-testid=pill]')!);
    expect(container.querySelector('[data-testid=card]')).not.toBeNull();
    expect(container.querySelector('[data-testid=pill]')).toBeNull();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Lukk' }));
    expect(container.querySelector('[data-testid=card]')).toBeNull();
    expect(document.activeElement).toBe(container.querySelector('[data-testid=pill]'));
  });

  it('opens from the keyboard with Enter and with Space', async () => {
    const user = userEvent.setup();
    const { container } = setup();
    await user.tab();
    expect(document.activeElement).toBe(container.querySelector('[data-testid=pill]'));
    await user.keyboard('{Enter}');
    expect(container.querySelector('[data-testid=card]')).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(container.querySelector('[data-testid=card]')).toBeNull();
    await user.keyboard(' ');
    expect(container.querySelector('[data-testid=card]')).not.toBeNull();
  });

  it('closes with Escape from anywhere inside the panel', () => {
    const { container } = setup(readyState(), true);
    const faqButton = screen.getByRole('button', { name: 'Kva handlar saka om?' });
    fireEvent.keyDown(faqButton, { key: 'Escape' });
    expect(container.querySelector('[data-testid=card]')).toBeNull();
    expect(container.querySelector('[data-testid=pill]')).not.toBeNull();
  });

  it('can start open without stealing focus from the page', () => {
    const { container } = setup(readyState(), true);
    expect(container.querySelector('[data-testid=card]')).not.toBeNull();
    expect(document.activeElement).toBe(document.body);
  });

  it('hides itself for the session through the callback', async () => {
    const user = userEvent.setup();
    const { container, onHideForSession } = setup(readyState(), true);
    await user.click(screen.getByRole('button', { name: text.hideForSession }));
    expect(onHideForSession).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.nk-overlay')).toBeNull();
  });

  it('after hiding, moves focus to the page\'s main heading and announces it politely', async () => {
    const user = userEvent.setup();
    const main = document.createElement('main');
    main.innerHTML = '<h1>Artikkelen</h1><p>Tekst.</p>';
    document.body.prepend(main);
    try {
      setup(readyState(), true);
      await user.click(screen.getByRole('button', { name: text.hideForSession }));
      const heading = main.querySelector('h1')!;
      expect(document.activeElement).toBe(heading);
      expect(heading.getAttribute('tabindex')).toBe('-1');
      const live = document.querySelector('[data-nynorsk-kort=announce]')!;
      expect(live.getAttribute('role')).toBe('status');
      await waitFor(() => expect(live.textContent).toBe('Kortet er skjult resten av økta.'));
      heading.blur();
      expect(heading.hasAttribute('tabindex')).toBe(false);
    } finally {
      main.remove();
      document.querySelectorAll('[data-nynorsk-kort=announce]').forEach((e) => e.remove());
    }
  });

  it('shows a quiet loading pill and updates when the card arrives, keeping its open state', () => {
    const onHideForSession = vi.fn();
    const onOpenOptions = vi.fn();
    const loading: CardState = { status: 'loading', url: 'u' };
    const { container, rerender } = render(
      <Overlay state={loading} startOpen={false} onHideForSession={onHideForSession} onOpenOptions={onOpenOptions} />,
    );
    const pill = container.querySelector('[data-testid=pill]')!;
    expect(pill.textContent).toContain('hentar kortet');
    expect(pill.querySelector('.nk-spinner')).not.toBeNull();
    fireEvent.click(pill);
    expect(container.querySelector('[data-testid=status]')!.getAttribute('data-status')).toBe('loading');
    rerender(<Overlay state={readyState()} startOpen={false} onHideForSession={onHideForSession} onOpenOptions={onOpenOptions} />);
    expect(container.querySelector('[data-testid=card]')).not.toBeNull();
  });

  it('keeps labels that start with an abbreviation as they are', () => {
    const state = readyState({ topic: { id: 'security', label: 'IT-tryggleik', confidence: 1 } });
    expect(pillText(state)).toBe('Nynorsk-kort · IT-tryggleik');
    expect(pillText({ status: 'error', message: 'x' })).toBe('Nynorsk-kort · noko gjekk gale');
  });
});
