/**
 * The badges script is registered exactly while the reader has cards of their
 * own (src/background/badges-script.ts): a reader without cards runs none of
 * the badges' code on Spiceworks pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BADGES_MATCHES, syncBadgesScript, type ScriptingArea } from '../../src/background/badges-script';
import { BADGES_FILE, BADGES_SCRIPT_ID } from '../../src/badges-registration';
import { addRecent, RECENT_KEY, recentEntryOf } from '../../src/recent';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/settings';
import { area } from '../support/background-fakes';
import { sampleCard } from '../ui/sample-card';

/** The browser's registered scripts, kept as the API keeps them: a duplicate id is refused. */
function fakeScripting() {
  const registered = new Map<string, Parameters<ScriptingArea['registerContentScripts']>[0][number]>();
  const calls: string[] = [];
  const api: ScriptingArea = {
    getRegisteredContentScripts: async ({ ids }) => [...registered.values()].filter((s) => ids.includes(s.id)),
    registerContentScripts: async (scripts) => {
      calls.push('register');
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    },
    unregisterContentScripts: async ({ ids }) => {
      calls.push('unregister');
      for (const id of ids) registered.delete(id);
    },
  };
  return { api, registered, calls };
}

const recentWithOne = () => {
  const card = sampleCard({ url: 'https://www.spiceworks.com/tech/cloud/news/one-story/', source: { site: 'Spiceworks', url: 'https://www.spiceworks.com/tech/cloud/news/one-story/' } });
  return addRecent([], recentEntryOf(card, new Date('2026-01-01T10:00:00Z'))!);
};

describe('the badges script follows the reader’s cards', () => {
  it('is not registered for a reader without cards (a new install), and nothing is unregistered', async () => {
    const s = fakeScripting();
    expect(await syncBadgesScript(s.api, area())).toBe(false);
    expect(s.registered.size).toBe(0);
    expect(s.calls).toEqual([]);
  });

  it('is registered once the reader has a card, on the gate’s pages at document_start, across sessions; once however often it is checked', async () => {
    const s = fakeScripting();
    const local = area();
    await local.set({ [RECENT_KEY]: recentWithOne() });
    const all = await Promise.all([syncBadgesScript(s.api, local), syncBadgesScript(s.api, local), syncBadgesScript(s.api, local)]);
    expect(all).toEqual([true, true, true]);
    expect(s.calls).toEqual(['register']);
    expect([...s.registered.values()]).toEqual([{ id: BADGES_SCRIPT_ID, js: [BADGES_FILE], matches: BADGES_MATCHES, runAt: 'document_start', persistAcrossSessions: true }]);
  });

  it('is unregistered when the recent list is emptied, or the history turned off', async () => {
    for (const change of [{ [RECENT_KEY]: [] }, { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, history: false } }]) {
      const s = fakeScripting();
      const local = area();
      await local.set({ [RECENT_KEY]: recentWithOne() });
      await syncBadgesScript(s.api, local);
      await local.set(change);
      expect(await syncBadgesScript(s.api, local)).toBe(false);
      expect(s.registered.size).toBe(0);
      expect(s.calls).toEqual(['register', 'unregister']);
    }
  });

  it('runs on exactly the pages the gate runs on (manifest.json, content.js)', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { content_scripts: Array<{ js: string[]; matches: string[] }>; permissions: string[] };
    expect(manifest.content_scripts.find((e) => e.js.includes('content.js'))!.matches).toEqual(BADGES_MATCHES);
    expect(manifest.permissions).toContain('scripting');
  });
});
