import { describe, expect, it } from 'vitest';
import { text } from '../../src/strings/options-text';

// Bokmål forms in these strings are checked with all other shipped text in tests/shipped-nynorsk.test.ts.
describe('UI text', () => {
  it('has no empty strings and only well-formed placeholders', () => {
    for (const [key, value] of Object.entries(text)) {
      expect(value.trim(), key).not.toBe('');
      expect(value.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });
});
