/** The summary's sentence about the name a text keeps coming back to (our own sentences). */
import { describe, expect, it } from 'vitest';
import { gatherFacts } from '../../../src/core/digest/digest-facts';
import { mostNamedSentence } from '../../../src/core/digest/summary';
import { makeArticle, makeTopic } from '../../factories/article';

const ACME = 'The vendor Acme Corp shipped a new firmware update for its routers this week.';
const TWICE = 'Acme Corp said the update from Acme Corp closes the holes in its routers.';
const PLAIN = 'The update closes several holes that attackers have used for months now.';
/** `k` of `n` paragraphs name Acme Corp once each. */
const sentence = (k: number, n: number, named = ACME) =>
  mostNamedSentence(gatherFacts(makeArticle({ paragraphs: Array.from({ length: n }, (_, i) => (i < k ? named : PLAIN)) }), makeTopic()));

describe('the most named name in the summary', () => {
  it('says in how many of the paragraphs the name comes back, in words, when it is at least a third of them', () => {
    expect(sentence(3, 9)).toBe('Acme Corp går att i tre av dei ni avsnitta.');
    expect(sentence(5, 9)).toBe('Acme Corp går att i fem av dei ni avsnitta.');
    expect(sentence(3, 10)).toBeUndefined();
  });

  it('says "alle avsnitta" when every paragraph names it', () => {
    expect(sentence(4, 4)).toBe('Acme Corp går att i alle avsnitta.');
    expect(sentence(3, 3)).toBe('Acme Corp går att i alle avsnitta.');
  });

  it('says nothing for a text of fewer than three paragraphs, or a name that is not named often enough', () => {
    expect(sentence(2, 2, TWICE)).toBeUndefined();
    expect(sentence(2, 9)).toBeUndefined();
    expect(sentence(0, 6)).toBeUndefined();
  });
});
