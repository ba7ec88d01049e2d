// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CardView } from '../../src/ui/CardView';
import { findFlagged, flagMatcher, flagTip } from '../../src/ui/Flagged';
import { readyState } from './sample-card';

afterEach(cleanup);

describe('findFlagged', () => {
  const m = flagMatcher({ lang: 'nn', bokmalForms: ['ikke', 'hvordan', 'bli'], suggestions: { ikke: 'ikkje' } });

  it('finds whole words in any case, with their positions', () => {
    const s = 'Det er ikke klart. Hvordan kan det bli?';
    expect(findFlagged(s, m)).toEqual([
      { start: 7, end: 11, form: 'ikke' },
      { start: 19, end: 26, form: 'hvordan' },
      { start: 35, end: 38, form: 'bli' },
    ]);
  });

  it('leaves parts of other words alone, Nynorsk letters included', () => {
    expect(findFlagged('ikkeverdi, blir og blåbli er ikkje flagga', m)).toEqual([]);
    expect(findFlagged('æbli øbli blià', m)).toEqual([]);
  });

  it('finds nothing without flagged forms', () => {
    expect(flagMatcher({ lang: 'nn', bokmalForms: [] })).toBeNull();
    expect(findFlagged('ikke', null)).toEqual([]);
  });

  it('writes the tooltip with the suggestion where there is one', () => {
    expect(flagTip('IKKE', m)).toBe('Bokmålsform. Nynorsk: ikkje');
    expect(flagTip('hvordan', m)).toBe('Bokmålsform');
  });
});

describe('flagged forms in the card', () => {
  const flagged = () =>
    readyState({
      summary: ['Saka er ikke avgjort enno.', 'Eit avsnitt utan feil.'],
      faq: [{ q: 'Hvordan gjekk det?', a: 'Det er ikke sagt.', evidence: [0] }],
      language: { lang: 'nn', bokmalForms: ['ikke', 'hvordan'], suggestions: { ikke: 'ikkje', hvordan: 'korleis' } },
    });

  it('underlines each occurrence in the summary and the answers, focusable, with the suggestion as title and tooltip', () => {
    const { container } = render(<CardView state={flagged()} />);
    const summaryMarks = container.querySelectorAll('[data-testid=summary] [data-testid=flagged]');
    expect(summaryMarks).toHaveLength(1);
    const mark = summaryMarks[0] as HTMLElement;
    expect(mark.tagName).toBe('MARK');
    expect(mark.textContent).toBe('ikke');
    expect(mark.getAttribute('title')).toBe('Bokmålsform. Nynorsk: ikkje');
    expect(mark.getAttribute('data-tip')).toBe('Bokmålsform. Nynorsk: ikkje');
    expect(mark.tabIndex).toBe(0);
    mark.focus();
    expect(document.activeElement).toBe(mark);
    // The text itself is unchanged.
    expect(container.querySelector('[data-testid=summary] p')!.textContent).toBe('Saka er ikke avgjort enno.');
    const answerMark = container.querySelector('.nk-faq__a [data-testid=flagged]')!;
    expect(answerMark.textContent).toBe('ikke');
  });

  it('marks a flagged word in a question without a focus stop inside the question button', () => {
    const { container } = render(<CardView state={flagged()} />);
    const q = container.querySelector('.nk-faq__button [data-testid=flagged]') as HTMLElement;
    expect(q.textContent).toBe('Hvordan');
    expect(q.getAttribute('title')).toBe('Bokmålsform. Nynorsk: korleis');
    expect(q.hasAttribute('tabindex')).toBe(false);
    expect(screen.getByRole('button', { name: 'Hvordan gjekk det?' })).toBeTruthy();
  });

  it('counts the forms in the badge and lists each with its suggestion', () => {
    const { container } = render(<CardView state={flagged()} />);
    const badge = container.querySelector('[data-testid=language]')!;
    expect(badge.getAttribute('data-flagged')).toBe('2');
    expect(badge.querySelector('.nk-lang__count')!.textContent).toBe('to moglege bokmålsformer');
    const items = [...badge.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['ikke, på nynorsk:  → ikkje', 'hvordan, på nynorsk:  → korleis']);
    expect([...badge.querySelectorAll('.nk-lang__suggestion')].map((s) => s.textContent)).toEqual(['ikkje', 'korleis']);
  });

  it('says "éi mogleg bokmålsform" for one, and lists a form without suggestion plainly', () => {
    const { container } = render(<CardView state={readyState({ language: { lang: 'nn', bokmalForms: ['hvordan'] } })} />);
    const badge = container.querySelector('[data-testid=language]')!;
    expect(badge.querySelector('.nk-lang__count')!.textContent).toBe('éi mogleg bokmålsform');
    expect(badge.querySelector('li')!.textContent).toBe('hvordan');
  });

  it('marks nothing and shows the quiet check mark when the check found nothing', () => {
    const { container } = render(<CardView state={readyState()} />);
    expect(container.querySelectorAll('[data-testid=flagged]')).toHaveLength(0);
    expect(container.querySelector('[data-testid=language]')!.getAttribute('data-flagged')).toBe('0');
  });
});
