// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../src/popup/PopupApp';
import { modelJobKey, tabStateKey } from '../../src/protocol';
import { readyState } from '../ui/sample-card';
import { fakeBrowser } from './fake-browser';

afterEach(cleanup);

function popupBrowser(session: Record<string, unknown>, reply: unknown = { started: true }) {
  const b = fakeBrowser({ session });
  const sendMessage = vi.fn(async (_tab: number, _msg: unknown) => reply);
  return Object.assign(b, { tabs: { ...b.tabs, sendMessage } });
}

describe('popup: the model job of its tab', () => {
  it('offers "Lag nynorsk samandrag" and asks the tab to write the card', async () => {
    const b = popupBrowser({ [tabStateKey(3)]: readyState({ engine: { kind: 'digest' } }), [modelJobKey(3)]: { status: 'idle', model: 'nn-writer' } });
    render(<PopupApp browser={b} search="?tab=3" />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Lag nynorsk samandrag' }));
    expect(b.tabs.sendMessage).toHaveBeenCalledWith(3, { type: 'model:generate', force: false });
  });

  it('follows the stream in storage.session and shows the finished card', async () => {
    const b = popupBrowser({ [tabStateKey(3)]: readyState({ engine: { kind: 'digest' } }), [modelJobKey(3)]: { status: 'idle', model: 'nn-writer' } });
    const { container } = render(<PopupApp browser={b} search="?tab=3" />);
    await screen.findByRole('button', { name: 'Lag nynorsk samandrag' });
    await b.storage.session.set({ [modelJobKey(3)]: { status: 'running', model: 'nn-writer', startedAt: 't', partial: { title: 'Tittel', summary: ['Første avsnitt.'], faq: [] } } });
    await waitFor(() => expect(container.querySelector('[data-streaming=true] [data-testid=summary]')?.textContent).toBe('Første avsnitt.'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(b.tabs.sendMessage).toHaveBeenLastCalledWith(3, { type: 'model:cancel' });
    await b.storage.session.set({
      [tabStateKey(3)]: readyState({ engine: { kind: 'model', model: 'nn-writer' } }),
      [modelJobKey(3)]: { status: 'idle', model: 'nn-writer' },
    });
    await waitFor(() => expect(container.querySelector('[data-testid=card]')?.getAttribute('data-engine')).toBe('model'));
    expect(container.querySelector('[data-streaming]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Lag på nytt' })).toBeTruthy();
  });

  it('says so when the page does not answer', async () => {
    const b = popupBrowser({ [tabStateKey(3)]: readyState({ engine: { kind: 'digest' } }), [modelJobKey(3)]: { status: 'idle', model: 'm' } }, null);
    render(<PopupApp browser={b} search="?tab=3" />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Lag nynorsk samandrag' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Last inn sida på nytt'));
  });

  it('says so when the page answers that it could not start (its card hidden for the session)', async () => {
    const b = popupBrowser({ [tabStateKey(3)]: readyState({ engine: { kind: 'digest' } }), [modelJobKey(3)]: { status: 'idle', model: 'm' } }, { started: false });
    render(<PopupApp browser={b} search="?tab=3" />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Lag nynorsk samandrag' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Klarte ikkje å setje i gang samandraget frå sida. Last inn sida på nytt'));
  });

  it('shows no model button without a job', async () => {
    const b = popupBrowser({ [tabStateKey(3)]: readyState({ engine: { kind: 'digest' } }) });
    const { container } = render(<PopupApp browser={b} search="?tab=3" />);
    await waitFor(() => expect(container.querySelector('[data-testid=card]')).not.toBeNull());
    expect(screen.queryByRole('button', { name: 'Lag nynorsk samandrag' })).toBeNull();
  });
});
