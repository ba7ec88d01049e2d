// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardToHtml, cardToMarkdown, cardToText } from '../../src/ui/card-export';
import { CardView } from '../../src/ui/CardView';
import { writeClipboard } from '../../src/ui/clipboard';
import { text } from '../../src/strings/text';
import { readyState, sampleCard } from './sample-card';

afterEach(cleanup);

const clip = () => ({ writeText: vi.fn(async (_s: string) => undefined), write: vi.fn(async (_i: ClipboardItem[]) => undefined) });

describe('Kopier kortet', () => {
  it('copies the card as plain text and says so', async () => {
    const c = clip();
    render(<CardView state={readyState()} clipboard={c} />);
    fireEvent.click(screen.getByRole('button', { name: text.copyCard }));
    await waitFor(() => expect(screen.getByTestId('actions-status').textContent).toBe(text.copiedText));
    expect(c.writeText).toHaveBeenCalledWith(cardToText(sampleCard()));
  });

  it('offers Markdown and HTML in a list that Escape closes, focus back on its button', async () => {
    const user = userEvent.setup();
    const c = { writeText: vi.fn(async (_s: string) => undefined) };
    render(<CardView state={readyState()} clipboard={c} />);
    const more = screen.getByRole('button', { name: text.copyMore });
    expect(screen.queryByRole('button', { name: text.copyMarkdown })).toBeNull();
    await user.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('button', { name: text.copyMarkdown }));
    await waitFor(() => expect(screen.getByTestId('actions-status').textContent).toBe(text.copiedMarkdown));
    expect(c.writeText).toHaveBeenLastCalledWith(cardToMarkdown(sampleCard()));
    expect(document.activeElement).toBe(more);
    await user.click(more);
    screen.getByRole('button', { name: text.copyHtml }).focus();
    await user.keyboard('{Escape}');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(more);
  });

  it('HTML goes as text/html with its source as text/plain where ClipboardItem exists', async () => {
    const c = clip();
    class Item {
      constructor(readonly items: Record<string, Blob>) {}
    }
    expect(await writeClipboard(c, { text: 'src', html: '<p>x</p>' }, Item as unknown as typeof ClipboardItem)).toBe(true);
    const item = c.write.mock.calls[0]![0][0] as unknown as Item;
    expect(Object.keys(item.items).sort()).toEqual(['text/html', 'text/plain']);
    expect(await item.items['text/html']!.text()).toBe('<p>x</p>');
    expect(c.writeText).not.toHaveBeenCalled();
  });

  it('where the clipboard is refused, shows the text selected in a field with a Nynorsk hint', async () => {
    const c = { writeText: vi.fn(async () => Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError'))) };
    render(<CardView state={readyState()} clipboard={c} />);
    fireEvent.click(screen.getByRole('button', { name: text.copyMore }));
    fireEvent.click(screen.getByRole('button', { name: text.copyHtml }));
    const field = (await screen.findByLabelText(text.copyFallbackLabel)) as HTMLTextAreaElement;
    expect(field.value).toBe(cardToHtml(sampleCard()));
    expect(field.readOnly).toBe(true);
    expect(screen.getByTestId('actions-status').textContent).toBe(text.copyBlocked);
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });
});

describe('Noko gale i kortet?', () => {
  it('saves the kind, the note, the card and the page URL, then thanks the reader', async () => {
    const user = userEvent.setup();
    const onFeedback = vi.fn(async () => true);
    const state = readyState();
    render(<CardView state={state} onFeedback={onFeedback} />);
    await user.click(screen.getByRole('button', { name: text.feedbackOpen }));
    // Focus moves into the form, on the first choice.
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: text.feedbackFact }));
    expect(screen.getByTestId('feedback-form').textContent).toContain('Ingenting blir sendt nokon stad.');
    await user.click(screen.getByRole('radio', { name: text.feedbackNynorsk }));
    await user.type(screen.getByLabelText(text.feedbackNoteLabel), '«ikke» i svaret');
    await user.click(screen.getByRole('button', { name: text.feedbackSave }));
    await waitFor(() => expect(screen.getByTestId('actions-status').textContent).toBe(text.feedbackSaved));
    expect(onFeedback).toHaveBeenCalledWith({ kind: 'nynorsk', note: '«ikke» i svaret', url: state.url, card: sampleCard() });
    expect(screen.queryByTestId('feedback-form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: text.feedbackOpen }));
  });

  it('keeps the form and says so when saving fails; Escape closes the form only', async () => {
    const user = userEvent.setup();
    const onKeyDown = vi.fn();
    render(
      <div onKeyDown={onKeyDown}>
        <CardView state={readyState()} onFeedback={async () => false} />
      </div>,
    );
    await user.click(screen.getByRole('button', { name: text.feedbackOpen }));
    await user.click(screen.getByRole('button', { name: text.feedbackSave }));
    expect((await screen.findByRole('alert')).textContent).toBe(text.feedbackFailed);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('feedback-form')).toBeNull();
    // The overlay closes on an Escape that reaches it: this one must not.
    expect(onKeyDown.mock.calls.some(([e]) => (e as KeyboardEvent).key === 'Escape')).toBe(false);
  });

  it('is not offered without a place to save it', () => {
    render(<CardView state={readyState()} />);
    expect(screen.queryByRole('button', { name: text.feedbackOpen })).toBeNull();
  });
});

describe('Tab order', () => {
  it('goes through the card top to bottom and ends with copy, formats and feedback', async () => {
    const user = userEvent.setup();
    render(<CardView state={readyState()} onFeedback={async () => true} />);
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      await user.tab();
      const el = document.activeElement as HTMLElement;
      if (el === document.body) break;
      names.push(el.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    }
    expect(names).toEqual([
      'Kvifor dette emnet?',
      'Kva handlar saka om?',
      'Kven står bak?',
      'Kva skjer no?',
      expect.stringContaining(text.sourceLink),
      text.copyCard,
      text.copyMore,
      text.feedbackOpen,
    ]);
    expect(document.querySelectorAll('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])')).toHaveLength(0);
  });
});
