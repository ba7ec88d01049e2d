// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelJob } from '../../src/protocol';
import { CardView } from '../../src/ui/CardView';
import { formatWhen, type ModelControls } from '../../src/ui/ModelControls';
import { pillView } from '../../src/content/pill';
import { readyState } from './sample-card';

afterEach(cleanup);

const controls = (job: ModelJob) => ({ job, onGenerate: vi.fn(), onCancel: vi.fn() }) satisfies ModelControls;
const digest = () => readyState({ engine: { kind: 'digest' } });

describe('model controls in the card', () => {
  it('offers "Lag nynorsk samandrag" on a fact card and names the model', async () => {
    const m = controls({ status: 'idle', model: 'llama3.1:8b' });
    render(<CardView state={digest()} model={m} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Lag nynorsk samandrag' }));
    expect(m.onGenerate).toHaveBeenCalledWith(false);
    expect(screen.getByTestId('model-bar').textContent).toContain('llama3.1:8b');
  });

  it('with requireTrustedClicks (the overlay), ignores scripted clicks on the buttons that call the model', () => {
    // jsdom's dispatched events are untrusted (isTrusted false), like a page script's .click().
    const idle = { ...controls({ status: 'idle', model: 'm' }), requireTrustedClicks: true };
    const { unmount } = render(<CardView state={digest()} model={idle} />);
    screen.getByRole('button', { name: 'Lag nynorsk samandrag' }).click();
    unmount();
    const again = { ...controls({ status: 'idle', model: 'm' }), requireTrustedClicks: true };
    const second = render(<CardView state={readyState({ engine: { kind: 'model', model: 'm' } })} model={again} />);
    screen.getByRole('button', { name: 'Lag på nytt' }).click();
    second.unmount();
    const failed = { ...controls({ status: 'error', model: 'm', message: 'Feil.' }), requireTrustedClicks: true };
    render(<CardView state={digest()} model={failed} />);
    screen.getByRole('button', { name: 'Prøv igjen' }).click();
    expect(idle.onGenerate).not.toHaveBeenCalled();
    expect(again.onGenerate).not.toHaveBeenCalled();
    expect(failed.onGenerate).not.toHaveBeenCalled();
  });

  it('without requireTrustedClicks (popup, tests), the same scripted click starts the card', () => {
    const m = controls({ status: 'idle', model: 'm' });
    render(<CardView state={digest()} model={m} />);
    screen.getByRole('button', { name: 'Lag nynorsk samandrag' }).click();
    expect(m.onGenerate).toHaveBeenCalledWith(false);
  });

  it('shows no model bar on a library card', () => {
    render(<CardView state={readyState()} model={controls({ status: 'idle', model: 'x' })} />);
    expect(screen.queryByTestId('model-bar')).toBeNull();
  });

  it('streams the partial card with a status line and "Avbryt"', async () => {
    const m = controls({
      status: 'running',
      model: 'nn-writer',
      startedAt: '2026-01-01T00:00:00Z',
      partial: { title: 'Ein tittel', summary: ['Første avsnitt.', 'Andre avsnitt.'], faq: [{ q: 'Kva?', a: 'Dette.', evidence: [0] }], draft: 'Kvifor' },
    });
    const { container } = render(<CardView state={digest()} model={m} />);
    const card = container.querySelector('[data-testid=card]')!;
    expect(card.getAttribute('data-engine')).toBe('model');
    expect(card.getAttribute('data-streaming')).toBe('true');
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ein tittel');
    expect(screen.getByTestId('summary').querySelectorAll('p')).toHaveLength(2);
    expect(screen.getByTestId('model-status').textContent).toContain('nn-writer skriv samandraget');
    expect(container.textContent).toContain('Kvifor');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(m.onCancel).toHaveBeenCalled();
  });

  it('shows the title being written while nothing else has come', () => {
    render(<CardView state={digest()} model={controls({ status: 'running', model: 'm', startedAt: '2026-01-01T00:00:00Z', partial: { summary: [], faq: [], draft: 'Skuledistr' } })} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Skuledistr');
  });

  it('says which model wrote a model card and when, and offers "Lag på nytt"', async () => {
    const m = controls({ status: 'idle', model: 'nn-writer' });
    render(<CardView state={readyState({ engine: { kind: 'model', model: 'nn-writer' }, createdAt: '2026-03-18T09:05:00.000Z' })} model={m} />);
    expect(screen.getByTestId('model-written').textContent).toBe(`Skrive av nn-writer, ${formatWhen('2026-03-18T09:05:00.000Z')}`);
    expect(formatWhen('2026-03-18T09:05:00.000Z')).toMatch(/^1[89]\. mars 2026 kl\. \d\d\.\d\d$/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Lag på nytt' }));
    expect(m.onGenerate).toHaveBeenCalledWith(true);
  });

  it('shows an error in Nynorsk with "Prøv igjen"', async () => {
    const m = controls({ status: 'error', model: 'm', message: 'Tenaren avviste API-nøkkelen (HTTP 401).' });
    render(<CardView state={digest()} model={m} />);
    expect(screen.getByRole('alert').textContent).toContain('Tenaren avviste API-nøkkelen');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(m.onGenerate).toHaveBeenCalledWith(false);
  });

  it('tells in the pill that the model is writing', () => {
    const job = controls({ status: 'running', model: 'm', startedAt: '2026-01-01T00:00:00Z', partial: { summary: [], faq: [] } }).job;
    const view = pillView(digest(), job.status === 'running');
    expect(view.label).toContain('skriv samandrag');
    expect(view.busy).toBe(true);
  });
});
