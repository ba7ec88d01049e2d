import { describe, expect, it, vi } from 'vitest';
import { badgeKeys, recordRecent, saveFeedback } from '../../src/background/reader-store';
import { runCommand } from '../../src/background/commands';
import { FEEDBACK_KEY, FEEDBACK_LIMIT, parseFeedback, feedbackExport, type FeedbackEntry } from '../../src/feedback';
import { addRecent, parseRecent, RECENT_KEY, RECENT_LIMIT, recentEntryOf } from '../../src/recent';
import { SETTINGS_KEY } from '../../src/settings';
import { sampleCard } from '../ui/sample-card';

function memoryLocal(init: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(init);
  return {
    data,
    get: vi.fn(async (keys: string | string[]) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data).map((k) => [k, structuredClone(data[k])]))),
    set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items))),
  };
}

const cardAt = (slug: string, title = `Kort om ${slug}`) =>
  sampleCard({ title, url: `https://www.spiceworks.com/tech/cloud/news/${slug}/`, source: { site: 'Spiceworks', url: `https://www.spiceworks.com/tech/cloud/news/${slug}/` } });

describe('recent cards', () => {
  it('keeps the newest first, one entry per article, at most RECENT_LIMIT', async () => {
    const local = memoryLocal();
    await recordRecent(local, cardAt('a'), new Date('2026-01-01T10:00:00Z'));
    await recordRecent(local, cardAt('b'), new Date('2026-01-01T11:00:00Z'));
    await recordRecent(local, cardAt('a', 'Kort om a, nyare'), new Date('2026-01-01T12:00:00Z'));
    const list = parseRecent(local.data[RECENT_KEY]);
    expect(list.map((e) => [e.key, e.title, e.openedAt])).toEqual([
      ['a:a', 'Kort om a, nyare', '2026-01-01T12:00:00.000Z'],
      ['a:b', 'Kort om b', '2026-01-01T11:00:00.000Z'],
    ]);
    let many = list;
    for (let i = 0; i < RECENT_LIMIT + 5; i++) many = addRecent(many, recentEntryOf(cardAt(`n${i}`), new Date())!);
    expect(many).toHaveLength(RECENT_LIMIT);
    expect(many[0]!.key).toBe(`a:n${RECENT_LIMIT + 4}`);
  });

  it('records nothing when the reader turned the list off', async () => {
    const local = memoryLocal({ [SETTINGS_KEY]: { history: false } });
    expect(await recordRecent(local, cardAt('a'))).toBe(false);
    expect(local.data[RECENT_KEY]).toBeUndefined();
  });

  it('two tabs answering at once both land in the list', async () => {
    const local = memoryLocal();
    await Promise.all([recordRecent(local, cardAt('a')), recordRecent(local, cardAt('b'))]);
    expect(parseRecent(local.data[RECENT_KEY]).map((e) => e.key).sort()).toEqual(['a:a', 'a:b']);
  });

  it('drops malformed stored entries', () => {
    expect(parseRecent([{ url: 'javascript:alert(1)', key: 'a:x', title: 't', topic: { id: 'ai', label: 'KI' }, openedAt: '2026-01-01' }, 'junk', null])).toEqual([]);
    expect(parseRecent('junk')).toEqual([]);
  });
});

describe('listing badges', () => {
  it('answers with the recent articles and the library, from one storage read', async () => {
    const local = memoryLocal();
    await recordRecent(local, cardAt('seen-one'));
    local.get.mockClear();
    const reply = await badgeKeys(local);
    expect(local.get).toHaveBeenCalledTimes(1);
    expect(reply.keys).toContain('a:seen-one');
    expect(reply.keys).toContain('a:meta-struggles-to-maintain-ai-workforce-following-high-level-exits');
    expect(reply.label).toBe('Det finst eit Nynorsk-kort for denne lenkja');
  });

  it('leaves the reading history out when the list is off', async () => {
    const local = memoryLocal({ [SETTINGS_KEY]: { history: false }, [RECENT_KEY]: [recentEntryOf(cardAt('seen'), new Date())] });
    expect((await badgeKeys(local)).keys).not.toContain('a:seen');
  });
});

describe('feedback', () => {
  const entry = (note: string): FeedbackEntry => ({ kind: 'fact', note, url: 'https://www.spiceworks.com/tech/cloud/news/a/', card: sampleCard(), createdAt: '2026-01-01T00:00:00.000Z' });

  it('appends to the local list, oldest dropped past the limit, and exports valid JSON', async () => {
    const local = memoryLocal();
    await saveFeedback(local, entry('ein'));
    await saveFeedback(local, entry('to'));
    const list = parseFeedback(local.data[FEEDBACK_KEY]);
    expect(list.map((e) => e.note)).toEqual(['ein', 'to']);
    const file = JSON.parse(feedbackExport(list, new Date('2026-02-01T00:00:00Z'))) as { version: number; entries: FeedbackEntry[] };
    expect(file.version).toBe(1);
    expect(file.entries).toEqual(list);
    const full = Array.from({ length: FEEDBACK_LIMIT + 2 }, (_, i) => entry(String(i)));
    expect(parseFeedback(full).map((e) => e.note).slice(0, 1)).toEqual(['2']);
  });

  it('drops entries whose card or kind does not hold', () => {
    expect(parseFeedback([{ ...entry('x'), kind: 'spam' }, { ...entry('y'), card: { title: 'x' } }, entry('z')]).map((e) => e.note)).toEqual(['z']);
  });
});

describe('shortcut commands', () => {
  it('toggle-card goes to the tab it was pressed in; generate-summary opens the card and starts the model', async () => {
    const sendToTab = vi.fn(async () => ({}));
    const activeTabId = vi.fn(async () => 9);
    expect(await runCommand('toggle-card', { id: 4 }, { sendToTab, activeTabId })).toEqual([{ type: 'card:command', action: 'toggle' }]);
    expect(sendToTab).toHaveBeenLastCalledWith(4, { type: 'card:command', action: 'toggle' });
    await runCommand('generate-summary', undefined, { sendToTab, activeTabId });
    expect(sendToTab.mock.calls.slice(1)).toEqual([
      [9, { type: 'card:command', action: 'open' }],
      [9, { type: 'model:generate', force: false }],
    ]);
    expect(await runCommand('_execute_action', { id: 4 }, { sendToTab, activeTabId })).toEqual([]);
  });

  it('a tab without the content script is no error', async () => {
    const sendToTab = vi.fn(async () => Promise.reject(new Error('Could not establish connection')));
    await expect(runCommand('toggle-card', { id: 1 }, { sendToTab, activeTabId: async () => undefined })).resolves.toHaveLength(1);
  });
});
