/**
 * Keyboard shortcuts (manifest `commands`). `_execute_action` opens the popup
 * by itself; the other two go to the content script of the tab they were
 * pressed in: open or close the card on the page, and start "Lag nynorsk
 * samandrag" (with the card opened, so the reader sees it being written).
 */
import type { Message } from '../protocol';
import { COMMAND_GENERATE, COMMAND_TOGGLE } from '../shortcuts';

export type CommandDeps = {
  /** browser.tabs.sendMessage; a tab without our content script rejects, which is fine. */
  sendToTab(tabId: number, msg: Message): Promise<unknown>;
  /** The active tab of the focused window, when the browser did not say which tab. */
  activeTabId(): Promise<number | undefined>;
};

/** Handles one command; resolves with the messages sent (for tests). */
export async function runCommand(command: string, tab: { id?: number } | undefined, deps: CommandDeps): Promise<Message[]> {
  const msgs: Message[] =
    command === COMMAND_TOGGLE
      ? [{ type: 'card:command', action: 'toggle' }]
      : command === COMMAND_GENERATE
        ? [{ type: 'card:command', action: 'open' }, { type: 'model:generate', force: false }]
        : [];
  if (msgs.length === 0) return [];
  const tabId = tab?.id ?? (await deps.activeTabId());
  if (tabId === undefined) return [];
  for (const m of msgs) await deps.sendToTab(tabId, m).catch(() => undefined);
  return msgs;
}
