/**
 * The background's message handlers, driven through its runtime.onMessage
 * listener with a fake browser: every reply must pass its message's reply
 * schema (REPLY_SCHEMAS), as the sender checks it (rpc.ts). TypeScript
 * checks the handlers' reply types; this checks what they answer at run time.
 */
import * as v from 'valibot';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FEEDBACK_KEY, parseFeedback } from '../../src/feedback';
import { modelJobKey, parseModelJob, REPLY_SCHEMAS, tabStateKey, type Message, type MessageType } from '../../src/protocol';
import { BADGES_SCRIPT_ID } from '../../src/badges-registration';
import { addRecent, RECENT_KEY, recentEntryOf } from '../../src/recent';
import { makeArticle } from '../factories/article';
import { area } from '../support/background-fakes';
import { sampleCard } from '../ui/sample-card';

type Sender = { tab?: { id?: number }; url?: string; id?: string };
type Listener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

const EXTENSION = 'chrome-extension://nynorsk-kort/';
const TAB = 7;
const article = makeArticle();
const page: Sender = { tab: { id: TAB }, url: article.url };
const optionsPage: Sender = { url: `${EXTENSION}options.html` };

const local = area();
const session = area();
const on = () => ({ addListener: (_fn: unknown) => undefined });
let listener: Listener | undefined;
let optionsOpened = 0;
type StorageListener = (changes: Record<string, unknown>, area: string) => void;
let storageChanged: StorageListener | undefined;
/** The badges script's registration as the background drives it: how often it was looked up, and what was registered. */
const scripting = { checks: 0, registered: [] as string[] };

const fakeBrowser = {
  storage: { local, session, onChanged: { addListener: (fn: StorageListener) => void (storageChanged = fn) } },
  runtime: {
    id: 'nynorsk-kort',
    getURL: (p: string) => `${EXTENSION}${p}`,
    openOptionsPage: async () => void optionsOpened++,
    onMessage: { addListener: (fn: Listener) => void (listener = fn) },
    onStartup: on(),
    onConnect: on(),
  },
  tabs: { get: async (id: number) => ({ id, url: article.url }), onUpdated: on(), onRemoved: on(), sendMessage: async () => undefined, query: async () => [] },
  permissions: { contains: async () => false },
  commands: { onCommand: on() },
  scripting: {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => (scripting.checks++, scripting.registered.filter((id) => ids.includes(id)).map((id) => ({ id }))),
    registerContentScripts: async (scripts: { id: string }[]) => void scripting.registered.push(...scripts.map((x) => x.id)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => void (scripting.registered = scripting.registered.filter((id) => !ids.includes(id))),
  },
};

type MessageOf = { [T in MessageType]: Extract<Message, { type: T }> };

/**
 * One message of every type, and who sends it; 'content script' for the types
 * the background leaves to the content script. A new message type does not
 * typecheck until it is listed here.
 */
const SAMPLES: { [T in MessageType]: { message: MessageOf[T]; sender: Sender } | 'content script' } = {
  'card:request': { message: { type: 'card:request', article }, sender: page },
  'card:clear': { message: { type: 'card:clear', url: article.url }, sender: page },
  'overlay:get': { message: { type: 'overlay:get' }, sender: page },
  'overlay:hide-for-session': { message: { type: 'overlay:hide-for-session' }, sender: page },
  'options:open': { message: { type: 'options:open' }, sender: page },
  'evidence:show': 'content script',
  'model:generate': 'content script',
  'model:cancel': 'content script',
  'model:failed': { message: { type: 'model:failed', message: 'Tenaren svarte ikkje.' }, sender: page },
  'model-cache:clear': { message: { type: 'model-cache:clear' }, sender: optionsPage },
  'feedback:add': { message: { type: 'feedback:add', kind: 'fact', note: 'Feil tal.', url: article.url, card: sampleCard() }, sender: page },
  'badges:get': { message: { type: 'badges:get' }, sender: page },
  'card:command': 'content script',
};

/** Delivers `message` as the browser does (a structured clone) and gives the reply as the sender receives it. */
async function ask(message: unknown, sender: Sender): Promise<unknown> {
  const answer = listener!(structuredClone(message), sender);
  return answer === undefined ? undefined : structuredClone(await answer);
}

beforeAll(async () => {
  vi.doMock('webextension-polyfill', () => ({ default: fakeBrowser }));
  await import('../../src/background/index');
});

beforeEach(() => {
  local.data.clear();
  session.data.clear();
});

describe('the listing badges script', () => {
  it('is looked up when the worker starts (install, update and browser start wake it)', async () => {
    await vi.waitFor(() => expect(scripting.checks).toBeGreaterThan(0));
    expect(scripting.registered).toEqual([]);
  });

  it('is registered when the recent list gets a card, and unregistered when the list is emptied', async () => {
    const url = 'https://www.spiceworks.com/tech/cloud/news/one-story/';
    const recent = addRecent([], recentEntryOf(sampleCard({ url, source: { site: 'Spiceworks', url } }), new Date('2026-01-01T10:00:00Z'))!);
    await local.set({ [RECENT_KEY]: recent });
    storageChanged!({ [RECENT_KEY]: { newValue: recent } }, 'local');
    await vi.waitFor(() => expect(scripting.registered).toEqual([BADGES_SCRIPT_ID]));
    // A change in another area, or of another key, is not the reader's cards.
    await local.set({ [RECENT_KEY]: [] });
    storageChanged!({ [RECENT_KEY]: { newValue: [] } }, 'session');
    storageChanged!({ other: { newValue: 1 } }, 'local');
    await new Promise((r) => setTimeout(r, 20));
    expect(scripting.registered).toEqual([BADGES_SCRIPT_ID]);
    storageChanged!({ [RECENT_KEY]: { newValue: [] } }, 'local');
    await vi.waitFor(() => expect(scripting.registered).toEqual([]));
  });
});

describe('background replies', () => {
  const answered = (Object.keys(SAMPLES) as MessageType[]).filter((t) => SAMPLES[t] !== 'content script');

  it.each(answered)('answers %s with a reply its schema accepts', async (type) => {
    const sample = SAMPLES[type];
    if (sample === 'content script') throw new Error('unreachable');
    const reply = await ask(sample.message, sample.sender);
    const check = v.safeParse(REPLY_SCHEMAS[type] as v.GenericSchema, reply);
    expect(check.issues?.map((i) => i.message) ?? [], JSON.stringify(reply)).toEqual([]);
  });

  it.each((Object.keys(SAMPLES) as MessageType[]).filter((t) => SAMPLES[t] === 'content script'))('leaves %s to the content script', (type) => {
    const message = type === 'evidence:show' ? { type, index: 0 } : type === 'card:command' ? { type, action: 'toggle' } : { type };
    expect(listener!(message, page)).toBeUndefined();
  });

  it('leaves messages that are not ours to other listeners', () => {
    expect(listener!({ type: 'something-else' }, page)).toBeUndefined();
    expect(listener!({ type: 'card:clear' }, page)).toBeUndefined();
  });
});

describe('background handlers', () => {
  it('keeps the card it answers as the tab state', async () => {
    const reply = await ask({ type: 'card:request', article }, page);
    expect(reply).toMatchObject({ status: 'ready', url: article.url });
    expect(session.data.get(tabStateKey(TAB))).toEqual(reply);
  });

  it('records a broken port as an error job that keeps the model of the job it ends', async () => {
    await session.set({ [modelJobKey(TAB)]: { status: 'running', model: 'm1', startedAt: '2026-01-01T00:00:00Z', partial: { summary: [], faq: [] } } });
    await ask({ type: 'model:failed', message: 'Brot.' }, page);
    expect(parseModelJob(session.data.get(modelJobKey(TAB)))).toEqual({ status: 'error', model: 'm1', message: 'Brot.' });
    // Not a job (an older version's, or junk): the model is not taken from it.
    await session.set({ [modelJobKey(TAB)]: { model: 'm2' } });
    await ask({ type: 'model:failed', message: 'Brot.' }, page);
    expect(parseModelJob(session.data.get(modelJobKey(TAB)))).toEqual({ status: 'error', model: '', message: 'Brot.' });
  });

  it('saves a feedback report so that the stored list reads it back', async () => {
    const sample = SAMPLES['feedback:add'];
    if (sample === 'content script') throw new Error('unreachable');
    expect(await ask(sample.message, page)).toEqual({ ok: true });
    const { type: _type, ...report } = sample.message;
    expect(parseFeedback(local.data.get(FEEDBACK_KEY))).toEqual([{ ...report, createdAt: expect.any(String) }]);
  });

  it('opens the options page, and clears the model cache for extension pages only', async () => {
    const before = optionsOpened;
    await ask({ type: 'options:open' }, page);
    expect(optionsOpened).toBe(before + 1);
    await expect(ask({ type: 'model-cache:clear' }, page)).rejects.toThrow(/extension pages/);
    await expect(ask({ type: 'model-cache:clear' }, optionsPage)).resolves.toEqual({ ok: true });
  });
});
