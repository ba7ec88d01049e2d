// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardView } from '../../src/ui/CardView';
import { text } from '../../src/strings/text';
import { readyState, sampleCard } from './sample-card';

afterEach(cleanup);

describe('CardView, ready', () => {
  it('renders the browser-test contract', () => {
    const { container } = render(<CardView state={readyState()} />);
    const card = container.querySelector('[data-testid=card]')!;
    expect(card.tagName).toBe('ARTICLE');
    expect(card.getAttribute('data-engine')).toBe('library');
    expect(card.getAttribute('lang')).toBe('nn');
    const topic = card.querySelector('[data-testid=topic]')!;
    expect(topic.getAttribute('data-topic')).toBe('ai');
    expect(topic.textContent).toContain('Kunstig intelligens');
    const summary = card.querySelector('[data-testid=summary]')!;
    expect(summary.querySelectorAll('p')).toHaveLength(2);
    expect(card.querySelectorAll('[data-testid=faq-item]')).toHaveLength(3);
    expect(container.querySelector('[data-testid=status]')).toBeNull();
  });

  it('shows the headline as a heading and the original title in English', () => {
    render(<CardView state={readyState()} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Eit testkort om kunstig intelligens');
    const original = screen.getByText('A Test Card About Artificial Intelligence');
    expect(original.closest('[lang]')!.getAttribute('lang')).toBe('en');
  });

  it('keeps the topic reasons one click away', () => {
    const { container } = render(<CardView state={readyState()} />);
    const details = container.querySelector('[data-testid=topic] details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelectorAll('li')).toHaveLength(2);
    fireEvent.click(details.querySelector('summary')!);
    expect(details.open).toBe(true);
  });

  it('leaves the reasons out when there are none', () => {
    const card = sampleCard();
    const { container } = render(<CardView state={{ status: 'ready', url: card.url, card: { ...card, topic: { id: 'cloud', label: 'skytenester', confidence: 0.5 } } }} />);
    expect(container.querySelector('[data-testid=topic]')!.getAttribute('data-topic')).toBe('cloud');
    expect(container.querySelector('.nk-topic__badge')!.textContent).toBe('Emne: Skytenester');
    expect(container.querySelector('[data-testid=topic] details')).toBeNull();
  });

  it('shows source, author, Nynorsk date, link in a new tab and engine', () => {
    const { container } = render(<CardView state={readyState()} />);
    const footer = container.querySelector('footer')!;
    expect(footer.textContent).toContain('Spiceworks');
    expect(footer.textContent).toContain('Kari Nordmann');
    expect(footer.querySelector('time')!.textContent).toBe('3. april 2024');
    const link = footer.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(sampleCard().source.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(container.querySelector('[data-testid=engine]')!.textContent).toContain(text.engineLibrary);
  });

  it('names the model engine and the digest engine', () => {
    const a = render(<CardView state={readyState({ engine: { kind: 'model', model: 'qwen2.5' } })} />);
    expect(a.container.querySelector('[data-testid=card]')!.getAttribute('data-engine')).toBe('model');
    expect(a.container.querySelector('[data-testid=engine]')!.textContent).toContain('Språkmodell: qwen2.5');
    a.unmount();
    const b = render(<CardView state={readyState({ engine: { kind: 'digest' } })} />);
    expect(b.container.querySelector('[data-testid=engine]')!.textContent).toContain('Faktakort (utan språkmodell)');
  });

  it('shows the notice, inside the summary area when there is no summary', () => {
    const notice = 'Det finst ikkje noko samandrag på nynorsk for denne artikkelen enno.';
    const { container } = render(<CardView state={readyState({ summary: [], notice })} />);
    const summary = container.querySelector('[data-testid=summary]')!;
    expect(summary.textContent).toContain(notice);
  });

  it('shows a quiet check mark when no Bokmål forms were found, and the words when some were', () => {
    const ok = render(<CardView state={readyState()} />);
    expect(ok.container.querySelector('[data-testid=language]')!.textContent).toBe('Nynorsk-kontrollen fann ingen bokmålsformer');
    ok.unmount();
    const bad = render(<CardView state={readyState({ language: { lang: 'nn', bokmalForms: ['ikke', 'hvordan'] } })} />);
    const marks = [...bad.container.querySelectorAll('[data-testid=language] mark')].map((m) => m.textContent);
    expect(marks).toEqual(['ikke', 'hvordan']);
  });
});

describe('CardView, FAQ accordion', () => {
  it('starts closed and toggles each answer with its button', () => {
    render(<CardView state={readyState()} />);
    const button = screen.getByRole('button', { name: 'Kva handlar saka om?' });
    const answer = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(answer.hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(answer.hidden).toBe(false);
    expect(answer.textContent).toContain('Ho handlar om eit testkort.');
    expect(answer.textContent).toContain('avsnitt 1');
    fireEvent.click(button);
    expect(answer.hidden).toBe(true);
  });

  it('is operable from the keyboard: Tab reaches the questions, Enter and Space toggle them', async () => {
    const user = userEvent.setup();
    render(<CardView state={readyState()} />);
    // The questions' toggles (the card's actions below have a collapsed toggle too).
    const buttons = screen.getAllByRole('button', { expanded: false }).filter((b) => b.closest('[data-testid=faq-item]'));
    expect(buttons).toHaveLength(3);
    // Tab order: the topic reasons toggle, then the questions in order.
    await user.tab();
    await user.tab();
    await user.tab();
    const second = buttons[1]!;
    expect(document.activeElement).toBe(second);
    await user.keyboard('{Enter}');
    expect(second.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard(' ');
    expect(second.getAttribute('aria-expanded')).toBe('false');
    expect(buttons[0]!.getAttribute('aria-expanded')).toBe('false');
  });

  it('gives each answer a unique id', () => {
    const { container } = render(<CardView state={readyState()} />);
    const ids = [...container.querySelectorAll('[data-testid=faq-item] button')].map((b) => b.getAttribute('aria-controls'));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(container.contains(document.getElementById(id!))).toBe(true);
  });
});

describe('CardView, other states', () => {
  it('announces loading politely in a text-only live region', () => {
    const { container } = render(<CardView state={{ status: 'loading', url: 'https://www.spiceworks.com/x/' }} />);
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Lagar kortet …');
    expect(container.querySelector('[data-testid=status]')!.getAttribute('data-status')).toBe('loading');
    expect(container.querySelector('[data-testid=card]')).toBeNull();
  });

  it('mounts the live region empty and fills it after, and keeps the same region when the state changes', async () => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const { rerender } = render(<CardView state={{ status: 'loading', url: 'u' }} />);
    const live = screen.getByRole('status');
    await waitFor(() => expect(live.textContent).toBe('Lagar kortet …'));
    // The text arrived in a region already in the page (a change inside it), not with the region.
    await waitFor(() => expect(records.some((r) => (r.target === live && r.addedNodes.length > 0) || (r.type === 'characterData' && r.target.parentNode === live))).toBe(true));
    rerender(<CardView state={{ status: 'error', url: 'u', message: 'Tenesta svarte ikkje.' }} />);
    await waitFor(() => expect(live.textContent).toBe('Kortet kunne ikkje lagast. Tenesta svarte ikkje.'));
    expect(screen.getByRole('status')).toBe(live);
    observer.disconnect();
  });

  it('names the article while loading when the title is known', () => {
    render(<CardView state={{ status: 'loading', url: 'u', title: 'Ein tittel' }} />);
    expect(screen.getByRole('status').textContent).toContain('«Ein tittel»');
  });

  it('explains the extension when there is no card, with a way to the options outside the live region', () => {
    const onOpenOptions = vi.fn();
    const { container } = render(<CardView state={{ status: 'none' }} onOpenOptions={onOpenOptions} />);
    const view = container.querySelector('[data-testid=status]') as HTMLElement;
    expect(screen.getByRole('status').textContent).toBe('Ingen artikkel her');
    expect(within(view).getByRole('heading', { name: 'Ingen artikkel her' })).toBeTruthy();
    expect(view.textContent).toContain('spiceworks.com');
    expect(within(screen.getByRole('status')).queryByRole('button')).toBeNull();
    expect(within(screen.getByRole('status')).queryByRole('heading')).toBeNull();
    fireEvent.click(within(view).getByRole('button', { name: 'Opne innstillingane' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('shows the error message and what to do', () => {
    const { container } = render(<CardView state={{ status: 'error', message: 'Tenesta svarte ikkje.' }} />);
    const view = container.querySelector('[data-testid=status]') as HTMLElement;
    expect(view.getAttribute('data-status')).toBe('error');
    expect(screen.getByRole('status').textContent).toContain('Tenesta svarte ikkje.');
    expect(view.textContent).toContain('Last inn sida på nytt');
    expect(within(view).queryByRole('button')).toBeNull();
  });
});

describe('CardView, fact card sections', () => {
  it('shows facts, English key points marked as English, and terms, only when present', () => {
    const plain = render(<CardView state={readyState()} />);
    expect(plain.container.querySelector('[data-testid=facts]')).toBeNull();
    expect(plain.container.querySelector('[data-testid=key-points]')).toBeNull();
    expect(plain.container.querySelector('[data-testid=terms]')).toBeNull();
    plain.unmount();
    const { container } = render(
      <CardView
        state={readyState({
          engine: { kind: 'digest' },
          facts: [{ label: 'Lesetid', value: 'om lag 4 minutt' }],
          keyPoints: [{ text: 'The first key sentence.', evidence: [2] }],
          terms: [{ en: 'cloud', nn: 'sky' }],
        })}
      />,
    );
    const facts = container.querySelector('[data-testid=facts]')!;
    expect(facts.querySelector('dt')!.textContent).toBe('Lesetid');
    expect(facts.querySelector('dd')!.textContent).toBe('om lag 4 minutt');
    const point = container.querySelector('[data-testid=key-points] q')!;
    expect(point.getAttribute('lang')).toBe('en');
    expect(point.textContent).toBe('The first key sentence.');
    expect(container.querySelector('[data-testid=key-points]')!.textContent).toContain('Avsnitt 3');
    const term = container.querySelector('[data-testid=terms] .nk-terms__row')!;
    // Only the English term is marked English; the hidden Nynorsk label "Engelsk:" stays Nynorsk.
    const dt = term.querySelector('dt')!;
    expect(dt.closest('[lang]')!.getAttribute('lang')).toBe('nn');
    expect(dt.querySelector('.nk-visually-hidden')!.closest('[lang]')!.getAttribute('lang')).toBe('nn');
    expect(dt.querySelector('[lang=en]')!.textContent).toBe('cloud');
    expect(term.textContent).toContain('cloud');
    expect(term.textContent).toContain('sky');
  });
});
