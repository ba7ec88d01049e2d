// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evidenceSender, PopupApp } from '../../src/popup/PopupApp';
import { CardView } from '../../src/ui/CardView';
import { OverlayPanel } from '../../src/ui/OverlayPanel';
import { fakeBrowser } from '../popup/fake-browser';
import { readyState } from './sample-card';

afterEach(cleanup);

/** Opens every FAQ answer, so that its buttons are in the accessibility tree. */
function openAllAnswers() {
  for (const b of screen.getAllByRole('button', { expanded: false })) fireEvent.click(b);
}

const withKeyPoints = () =>
  readyState({ keyPoints: [{ text: 'A sentence of the article.', evidence: [5] }, { text: 'Another one.', evidence: [] }] });

describe('"Vis i teksten" buttons', () => {
  it('are absent when the card has no way to show the page (no handler)', () => {
    const { container } = render(<CardView state={withKeyPoints()} />);
    expect(container.querySelectorAll('[data-testid=show-evidence]')).toHaveLength(0);
    // The paragraph numbers are still named.
    expect(container.textContent).toContain('Avsnitt 6');
  });

  it('name the paragraph they show: one button for one paragraph, one per paragraph for several, none for none', () => {
    render(<CardView state={withKeyPoints()} onShowEvidence={() => true} />);
    openAllAnswers();
    const items = screen.getAllByTestId('faq-item');
    const names = (el: HTMLElement) =>
      within(el)
        .queryAllByRole('button')
        .filter((b) => b.getAttribute('data-testid') === 'show-evidence')
        .map((b) => [b.getAttribute('aria-label'), b.textContent]);
    expect(names(items[0]!)).toEqual([['Vis i teksten: avsnitt 1', 'Vis i teksten']]);
    expect(names(items[1]!)).toEqual([
      ['Vis avsnitt 2 i teksten', 'Vis avsnitt 2'],
      ['Vis avsnitt 4 i teksten', 'Vis avsnitt 4'],
    ]);
    expect(names(items[2]!)).toEqual([]);
    // The line before the buttons: "avsnitt" with numbers, not the definite "avsnitta".
    expect(items.map((el) => el.querySelector('.nk-faq__evidence')?.textContent?.split('.')[0] ?? null)).toEqual(['Byggjer på avsnitt 1', 'Byggjer på avsnitt 2 og 4', null]);
    const points = screen.getByTestId('key-points');
    expect(within(points).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Vis i teksten: avsnitt 6']);
    // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
    for (const b of screen.getAllByTestId('show-evidence')) expect(b.getAttribute('aria-label')!.startsWith(b.textContent!)).toBe(true);
  });

  it('call the handler with the 0-based index, keep focus on the button and say what happened', async () => {
    const onShow = vi.fn(() => true);
    render(<CardView state={readyState()} onShowEvidence={onShow} />);
    openAllAnswers();
    const button = screen.getByRole('button', { name: 'Vis avsnitt 4 i teksten' });
    button.focus();
    fireEvent.click(button);
    expect(document.activeElement).toBe(button);
    await waitFor(() => expect(screen.getByTestId('evidence-status').textContent).toBe('Avsnitt 4 er markert i teksten.'));
    expect(onShow).toHaveBeenCalledWith(3);
    expect(screen.getByTestId('evidence-status').getAttribute('role')).toBe('status');
    expect(screen.queryByTestId('evidence-missing')).toBeNull();
  });

  it('say so next to the button when the page lacks the paragraph, or the tab does not answer', async () => {
    const onShow = vi.fn(async (i: number) => {
      if (i === 0) throw new Error('no content script');
      return false;
    });
    render(<CardView state={readyState()} onShowEvidence={onShow} />);
    openAllAnswers();
    fireEvent.click(screen.getByRole('button', { name: 'Vis avsnitt 2 i teksten' }));
    const note = await screen.findByTestId('evidence-missing');
    expect(note.textContent).toContain('Fann ikkje avsnitt 2 på sida.');
    expect(note.closest('[data-testid=faq-item]')).toBe(screen.getAllByTestId('faq-item')[1]);
    fireEvent.click(screen.getByRole('button', { name: 'Vis i teksten: avsnitt 1' }));
    await waitFor(() => expect(screen.getByTestId('evidence-status').textContent).toContain('Fann ikkje avsnitt 1 på sida.'));
  });

  it('are passed through by the overlay panel', () => {
    const onShow = vi.fn(() => true);
    render(<OverlayPanel state={readyState()} onClose={vi.fn()} onHideForSession={vi.fn()} onOpenOptions={vi.fn()} onShowEvidence={onShow} />);
    openAllAnswers();
    fireEvent.click(screen.getByRole('button', { name: 'Vis i teksten: avsnitt 1' }));
    return waitFor(() => expect(onShow).toHaveBeenCalledWith(0));
  });
});

describe('"Vis i teksten" in the popup', () => {
  it('messages the tab of ?tab= and reports whether the page found the paragraph', async () => {
    const sendMessage = vi.fn(async (_tab: number, msg: unknown) => ({ found: (msg as { index: number }).index !== 3 }));
    const b = { ...fakeBrowser({ session: { 'tab:12': readyState() } }), tabs: { query: vi.fn(async () => []), sendMessage } };
    render(<PopupApp browser={b} search="?tab=12" />);
    await screen.findByTestId('card');
    openAllAnswers();
    fireEvent.click(await screen.findByRole('button', { name: 'Vis i teksten: avsnitt 1' }));
    await waitFor(() => expect(screen.getByTestId('evidence-status').textContent).toBe('Avsnitt 1 er markert i teksten.'));
    expect(sendMessage).toHaveBeenCalledWith(12, { type: 'evidence:show', index: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'Vis avsnitt 4 i teksten' }));
    await screen.findByTestId('evidence-missing');
  });

  it('offers no button where the browser object cannot message tabs', async () => {
    render(<PopupApp browser={fakeBrowser({ session: { 'tab:12': readyState() } })} search="?tab=12" />);
    await screen.findByTestId('card');
    openAllAnswers();
    expect(screen.queryAllByTestId('show-evidence')).toHaveLength(0);
  });

  it('evidenceSender: false when the tab does not answer or answers something else', async () => {
    const failing = { ...fakeBrowser(), tabs: { query: vi.fn(), sendMessage: vi.fn(async () => Promise.reject(new Error('no receiver'))) } };
    await expect(evidenceSender(failing, 5)!(0)).resolves.toBe(false);
    const odd = { ...fakeBrowser(), tabs: { query: vi.fn(), sendMessage: vi.fn(async () => 'yes') } };
    await expect(evidenceSender(odd, 5)!(0)).resolves.toBe(false);
    expect(evidenceSender(odd, null)).toBeUndefined();
  });
});
