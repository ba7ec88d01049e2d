/** The text classifier's term matching: plurals and terms that count only as written. Our own sentences. */
import { describe, expect, it } from 'vitest';
import { scoreText } from '../../../src/core/topic/lexicon';

describe('scoreText: term forms', () => {
  it('counts a plural in -es as its term ("switches" for "switch", "patches" for "patch")', () => {
    const { scores, terms } = scoreText('', 'The night shift replaced the switches and installed the patches.');
    expect(terms.get('networking')).toEqual([{ term: 'switch', score: 1 }]);
    expect(terms.get('security')).toEqual([{ term: 'patch', score: 1 }]);
    expect(scores.get('networking')).toBe(1);
  });

  it('counts the plural of a term that counts only as written when the term is written so ("OSes" for "OS", "NASes" for "NAS")', () => {
    expect(scoreText('', 'Both OSes ship with a new installer.').terms.get('software')).toEqual([{ term: 'OS', score: 2 }]);
    expect(scoreText('', 'The two NASes in the basement hold the files.').terms.get('data')).toEqual([{ term: 'NAS', score: 2 }]);
    expect(scoreText('', 'Both oses ship with a new installer.').terms.get('software')).toBeUndefined();
  });

  it('leaves out everyday words that are a product name only with a capital', () => {
    const { scores } = scoreText('', 'Open the windows so that both teams can see the outlook from the edge of the exchange floor.');
    expect(scores.get('software')).toBeUndefined();
    const named = scoreText('', 'Both teams moved from Windows to Outlook.');
    expect(named.terms.get('software')?.map((t) => t.term)).toEqual(['Windows', 'Outlook']);
  });

  it('lets a short all-capital term count only as written ("WAN", not "wan"), and every other term in any case ("wifi", "sd-wan")', () => {
    expect(scoreText('', 'He gave a wan smile when the laptop froze again.').scores.get('networking')).toBeUndefined();
    expect(scoreText('', 'The office wifi dropped twice after the sd-wan rollout.').terms.get('networking')?.map((t) => t.term).sort()).toEqual(['SD-WAN', 'WiFi']);
  });

  it('takes the longest term that matches ("Windows 10", not "Windows"), across a line break too', () => {
    expect(scoreText('', 'The laptops still run Windows 10.').terms.get('software')?.map((t) => t.term)).toEqual(['Windows 10']);
    expect(scoreText('', 'We trained a large language\nmodel on the tickets.').terms.get('ai')?.map((t) => t.term)).toEqual(['large language model']);
  });

  it('matches whole words only ("dispatch" is no "patch", "cloudy" no "cloud")', () => {
    expect(scoreText('', 'The dispatch team worked through a cloudy morning.').scores.size).toBe(0);
  });

  it('counts a term at most twice in the title', () => {
    expect(scoreText('AI at Work: AI Budgets, AI Rules', '').terms.get('ai')).toEqual([{ term: 'AI', score: 18 }]);
  });
});
