/** Page chrome among the article's sentences (our own example sentences). */
import { describe, expect, it } from 'vitest';
import { isChromeSentence, isSiteChrome } from '../../../src/core/digest/chrome';

/** Chrome that names no company of its own: never quoted, but names in it may still be the article's. */
const CHROME_ONLY = [
  'Share this story (opens a new window) with your team.',
  'See more: the best laptops for small offices',
  'Click here for the details of the offer.',
  'Give it a Spice Up if you found this useful.',
  'Thanks for all the spiceups on this thread.',
  'Read the full report on the vendor site.',
  'Read more about the outage in our earlier story.',
  'Image source: a stock photo library',
  'Photo credit: the company press office',
  'A server room in Oslo | Source: the vendor',
  'Cable trays in the new hall |Source: the vendor',
  'Cable trays in the new hall |  Source: the vendor',
  '# Setting up the backup job',
  '* Check the logs first',
  '• Keep the firmware current',
  '3. Restart the print spooler service',
  '2) Open the admin console again',
  '12. Check the print queue once more',
  'The guide at https://example.com explains every step.',
  'The old guide at http://example.com is still online.',
];
/** Chrome that often names companies the article never does: share bars, sign-up and cookie boxes, ads. */
const SITE = [
  'Pin it on Pinterest or send it on WhatsApp.',
  'Share it on Tumblr with your friends.',
  'Subscribe to get the weekly briefing.',
  'Sign up for free today.',
  'Get our newsletter every Friday.',
  'Follow us for more stories like this one.',
  'Tell us on LinkedIn what you think.',
  'We use cookies; accept them to continue reading.',
  'This site uses a cookie as set out in our policy.',
  'Advertisement',
  'Sponsored content from a cloud vendor.',
];
const ARTICLE = [
  'The team met on Monday to plan the move to the new data centre.',
  'Cookies were served at the meeting, and nobody complained.',
  'The 3.5 release is out for every customer on the stable channel.',
  '2.5 percent of the servers failed the check.',
  'The C# team moved the service to the new cluster.',
  'Our readers asked why the patch took so long to arrive.',
  'Version 2 of the tool reads the logs of 12 servers at once.',
  'Photos of the damaged racks were shared inside the company.',
];

describe('chrome sentences', () => {
  it('takes share bars, calls to action, link lists, captions, headings and list items for chrome', () => {
    for (const s of [...CHROME_ONLY, ...SITE]) expect(isChromeSentence(s), s).toBe(true);
  });

  it('leaves article sentences alone, also those that share a word with chrome', () => {
    for (const s of ARTICLE) {
      expect(isChromeSentence(s), s).toBe(false);
      expect(isSiteChrome(s), s).toBe(false);
    }
  });

  it('counts as site chrome only the boxes that bring their own company names', () => {
    for (const s of SITE) expect(isSiteChrome(s), s).toBe(true);
    for (const s of CHROME_ONLY) expect(isSiteChrome(s), s).toBe(false);
  });
});
