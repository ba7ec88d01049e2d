import { describe, expect, it } from 'vitest';
import { FEEDBACK_NOTE_MAX, FEEDBACK_URL_MAX, parseFeedback, parseFeedbackEntry } from '../src/feedback';
import { parseMessage } from '../src/protocol';
import { sampleCard } from './ui/sample-card';

const PAGE = 'https://www.spiceworks.com/tech/cloud/news/a/';
const good = { type: 'feedback:add', kind: 'fact', note: 'Feil tal.', url: PAGE, card: sampleCard() };
const createdAt = '2026-01-01T00:00:00.000Z';

/** What the background stores for an accepted message (background/index.ts), as storage gives it back. */
function stored(message: unknown): unknown {
  const m = parseMessage(message);
  if (m?.type !== 'feedback:add') return null;
  const { type: _type, ...report } = m;
  return JSON.parse(JSON.stringify({ ...report, createdAt })) as unknown;
}

const atLength = (n: number) => `${PAGE}${'u'.repeat(n - PAGE.length)}`;

/** Reports the message check and the stored list must agree on. */
const REPORTS: [string, Record<string, unknown>][] = [
  ['the good report', good],
  ['an http page', { ...good, url: 'http://community.spiceworks.com/t/x/1' }],
  ['a URL at the bound', { ...good, url: atLength(FEEDBACK_URL_MAX) }],
  ['a note at the bound', { ...good, note: 'x'.repeat(FEEDBACK_NOTE_MAX) }],
  ['an empty note', { ...good, note: '' }],
  ['every kind', { ...good, kind: 'other' }],
  ['a file: URL', { ...good, url: 'file:///etc/passwd' }],
  ['a javascript: URL', { ...good, url: 'javascript:alert(1)' }],
  ['a data: URL', { ...good, url: 'data:text/html,<b>x</b>' }],
  ['a relative URL', { ...good, url: '/tech/cloud/news/a/' }],
  ['text that is no URL', { ...good, url: 'u'.repeat(20) }],
  ['a URL past the bound', { ...good, url: atLength(FEEDBACK_URL_MAX + 1) }],
  ['a note past the bound', { ...good, note: 'x'.repeat(FEEDBACK_NOTE_MAX + 1) }],
  ['an unknown kind', { ...good, kind: 'spam' }],
  ['a card validateCard refuses', { ...good, card: sampleCard({ faq: [{ q: 'Q?', a: 'A.', evidence: [-1] }] }) }],
];

describe('feedback entries', () => {
  it('refuses a report whose URL is not http(s), so the background never saves one the list would drop', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'chrome-extension://id/popup.html', 'about:blank'])
      expect(parseMessage({ ...good, url }), url).toBeNull();
    expect(parseMessage(good)).not.toBeNull();
  });

  it.each(REPORTS)('%s: an entry stored from an accepted message reads back; a refused one is refused by both', (_name, message) => {
    const entry = stored(message);
    const asEntry = { ...message, createdAt };
    if (entry === null) {
      expect(parseFeedbackEntry(asEntry)).toBeNull();
      return;
    }
    expect(parseFeedback([entry])).toEqual([entry]);
  });

  it('drops stored entries without a readable date', () => {
    const entry = stored(good) as Record<string, unknown>;
    expect(parseFeedback([{ ...entry, createdAt: 'igår' }, { ...entry, createdAt: undefined }, entry])).toEqual([entry]);
  });

  it('keeps the card as validateCard gives it (NFC), and drops keys an entry has not', () => {
    const entry = parseFeedbackEntry({ kind: 'nynorsk', note: 'n', url: PAGE, card: sampleCard({ title: 'Om a\u030A vere' }), createdAt, extra: 1 });
    expect(entry?.card.title).toBe('Om \u00E5 vere');
    expect(entry).not.toHaveProperty('extra');
  });
});
