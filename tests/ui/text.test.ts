import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNodeChecker } from '../../src/core/nynorsk/node';
import { text } from '../../src/ui/text';

const hasData = existsSync('assets/nynorsk/bokmal.json');

describe('UI text', () => {
  it.skipIf(!hasData)('has no Bokmål forms in any user-visible string', () => {
    const checker = loadNodeChecker();
    const flagged = Object.entries(text).flatMap(([key, value]) =>
      checker.check(value).flagged.map((f) => `${key}: ${f.form}${f.suggestion ? ` (→ ${f.suggestion})` : ''}`),
    );
    expect(flagged).toEqual([]);
  });

  it('has no empty strings and only well-formed placeholders', () => {
    for (const [key, value] of Object.entries(text)) {
      expect(value.trim(), key).not.toBe('');
      expect(value.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });
});
