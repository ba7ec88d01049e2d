import { describe, expect, it } from 'vitest';
import { pageKeyOf } from '../../src/core/page-key';

describe('pageKeyOf', () => {
  it('keys an article by its slug, whatever the case, section or query', () => {
    expect(pageKeyOf('https://www.spiceworks.com/tech/cloud/news/backup-window/')).toBe('a:backup-window');
    expect(pageKeyOf('https://www.spiceworks.com/tech/Cloud/news/Backup-Window?utm_source=x#top')).toBe('a:backup-window');
  });

  it('keys a thread by its id: slug, post number, query and hash do not count', () => {
    expect(pageKeyOf('https://community.spiceworks.com/t/printer-offline/123')).toBe('t:123');
    expect(pageKeyOf('https://community.spiceworks.com/t/Printer-Offline-Again/123/7?u=kari#post_7')).toBe('t:123');
  });

  it('gives no key for a page that is neither', () => {
    expect(pageKeyOf('https://www.spiceworks.com/tech/cloud/')).toBeNull();
    expect(pageKeyOf('https://example.com/t/printer-offline/123')).toBeNull();
  });
});
