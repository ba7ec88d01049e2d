import { describe, expect, it } from 'vitest';
import { TAXONOMY, topicLabel } from '../../../src/core/topic/taxonomy';
import { topicFromUrl, URL_TOPICS } from '../../../src/core/topic/url-topic';

describe('topicFromUrl', () => {
  it('keeps the derived map in step with the taxonomy (strong sections only)', () => {
    const expected = Object.fromEntries(
      Object.entries(TAXONOMY.sections)
        .filter(([, s]) => s.topic && s.strength === 'strong')
        .map(([k, s]) => [k, { id: s.topic, label: topicLabel(s.topic!) }]),
    );
    expect(URL_TOPICS.sections).toEqual(expected);
    expect(URL_TOPICS.securityRoot).toEqual({ id: 'security', label: topicLabel('security') });
  });

  it('names the topic of a strong section, and of the security root', () => {
    expect(topicFromUrl('https://www.spiceworks.com/tech/networking/articles/wifi-7/')).toEqual({ id: 'networking', label: 'nettverk' });
    expect(topicFromUrl('https://www.spiceworks.com/it-security/network-security/news/x/')?.id).toBe('security');
    // Any section under the security root, also one the map does not list.
    expect(topicFromUrl('https://www.spiceworks.com/it-security/some-new-section/news/x/')?.id).toBe('security');
  });

  it('says nothing for weak or unknown sections, other hosts and short paths', () => {
    expect(topicFromUrl('https://www.spiceworks.com/tech/tech-general/articles/x/')).toBeNull();
    expect(topicFromUrl('https://www.spiceworks.com/tech/it-strategy/articles/x/')).toBeNull();
    expect(topicFromUrl('https://www.spiceworks.com/tech/constructor/articles/x/')).toBeNull();
    expect(topicFromUrl('https://community.spiceworks.com/t/networking/123')).toBeNull();
    expect(topicFromUrl('https://www.spiceworks.com/tech/')).toBeNull();
    // A section's own landing page is a listing, not an article: no pill topic.
    expect(topicFromUrl('https://www.spiceworks.com/tech/networking/')).toBeNull();
    expect(topicFromUrl('not a url')).toBeNull();
  });
});
