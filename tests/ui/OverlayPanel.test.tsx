// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverlayPanel } from '../../src/ui/OverlayPanel';
import { text } from '../../src/strings/text';
import { readyState } from './sample-card';

afterEach(cleanup);

function setup() {
  const props = { onClose: vi.fn(), onHideForSession: vi.fn(), onOpenOptions: vi.fn() };
  const utils = render(<OverlayPanel state={readyState()} {...props} />);
  return { ...utils, ...props };
}

describe('OverlayPanel', () => {
  it('is a labelled Nynorsk dialog holding the card', () => {
    setup();
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('lang')).toBe('nn');
    expect(dialog.getAttribute('aria-label')).toBe(text.panelLabel);
    expect(dialog.querySelector('[data-testid=card]')).not.toBeNull();
  });

  it('asks to close with Escape from anywhere inside it, and with the close button', async () => {
    const { onClose } = setup();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Kva handlar saka om?' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    await userEvent.setup().click(screen.getByRole('button', { name: text.close }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('after "hide for the session", moves focus to the page\'s main heading and announces it politely', async () => {
    const main = document.createElement('main');
    main.innerHTML = '<h1>Artikkelen</h1><p>Tekst.</p>';
    document.body.prepend(main);
    try {
      const { onHideForSession } = setup();
      await userEvent.setup().click(screen.getByRole('button', { name: text.hideForSession }));
      expect(onHideForSession).toHaveBeenCalledTimes(1);
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
});
