/**
 * The keyboard shortcuts (manifest `commands`), by name, with the words the
 * options page shows for each. The manifest's descriptions are the same
 * words (tests/shortcuts.test.ts holds them together).
 */
import { text } from './strings/text';

export const COMMAND_ACTION = '_execute_action';
export const COMMAND_TOGGLE = 'toggle-card';
export const COMMAND_GENERATE = 'generate-summary';

export const SHORTCUTS: ReadonlyArray<{ name: string; label: string }> = [
  { name: COMMAND_ACTION, label: text.shortcutAction },
  { name: COMMAND_TOGGLE, label: text.shortcutToggle },
  { name: COMMAND_GENERATE, label: text.shortcutGenerate },
];
