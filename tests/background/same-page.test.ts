import { describe, expect, it } from 'vitest';
import { samePage } from '../../src/background/same-page';

describe('samePage', () => {
  const page = 'https://www.spiceworks.com/tech/cloud/news/a-story/';
  it('is the same page with or without a hash', () => {
    expect(samePage(page, page)).toBe(true);
    expect(samePage(`${page}#comments`, page)).toBe(true);
  });
  it('is another page after navigation, or when the tab left for a site we cannot see', () => {
    expect(samePage('https://www.spiceworks.com/tech/cloud/', page)).toBe(false);
    expect(samePage(undefined, page)).toBe(false);
  });
});
