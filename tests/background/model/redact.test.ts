import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/background/model/redact';

describe('redact', () => {
  it('takes the key out of what goes to the console', () => {
    expect(redact('bad key sk-abc123 given', 'sk-abc123')).toBe('bad key *** given');
    expect(redact('nothing here', undefined)).toBe('nothing here');
  });
});
