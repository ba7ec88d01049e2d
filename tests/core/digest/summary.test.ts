/** The fact card's summary: where the key points and figures are, a thread's question and replies, the name a text keeps coming back to (our own sentences). */
import { describe, expect, it } from 'vitest';
import { gatherFacts } from '../../../src/core/digest/digest-facts';
import { buildSummary, mostNamedSentence } from '../../../src/core/digest/summary';
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

  it('writes both counts in digits once the total is ten or more: "8 av dei 11", not "åtte av dei 11"', () => {
    expect(sentence(8, 11)).toBe('Acme Corp går att i 8 av dei 11 avsnitta.');
    expect(sentence(4, 10)).toBe('Acme Corp går att i 4 av dei 10 avsnitta.');
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

describe('the names in the summary', () => {
  const ps = ['The vendor Acme Corp shipped a new firmware update for its routers this week, said Karen Dahl.', 'Acme Corp worked with Microsoft, Cisco, Google and Oracle on the fix, and Intel helped too.', 'Acme Corp will ship the update to every customer by May.'];
  const namesLine = (over: Parameters<typeof makeArticle>[0]) => buildSummary(gatherFacts(makeArticle(over), makeTopic())).find((p) => / nemner /.test(p));

  it('names at most four others, "elles" after the most named, and not the authors again', () => {
    expect(namesLine({ paragraphs: ps, author: 'Karen Dahl' })).toBe('Elles nemner artikkelen mellom anna Microsoft, Cisco, Google og Oracle.');
    expect(namesLine({ paragraphs: ps, author: 'Karen Dahl og Robert Lind' })).toBe('Elles nemner artikkelen mellom anna Microsoft, Cisco, Google og Oracle.');
    expect(namesLine({ paragraphs: ps })).toBe('Elles nemner artikkelen mellom anna Karen Dahl, Microsoft, Cisco og Google.');
  });

  it('leaves out a longer form of a name it already gives ("Windows Server 2022" beside "Windows Server")', () => {
    const p = ['The team moved from Windows Server to Windows Server 2022 and kept Microsoft Teams beside Teams Rooms.', 'Most staff use Outlook.'];
    expect(namesLine({ paragraphs: p })).toBe('Artikkelen nemner mellom anna Windows Server, Microsoft Teams og Outlook.');
  });
});

describe('summary', () => {
  // Gathered in the test, not here: a describe body runs before Stryker turns a mutant on.
  const newsFacts = () => gatherFacts(makeArticle({ contentType: 'news', paragraphs: ['The team met to plan the move.'] }), makeTopic());
  const keyPoints = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `Sentence ${i}.`, evidence: [i] }));
  const figure = { value: '5 prosent', values: ['5 prosent'], text: 'Costs rose by 5% this year.', evidence: [0] };

  it('points to the key sentences, "sitert" for one and "siterte" for several, and to the figures when there are any', () => {
    const news = newsFacts();
    expect(buildSummary({ ...news, keyPoints: keyPoints(1), figures: [] })).toEqual([
      'Dette er ein nyheitsartikkel om skytenester.',
      'Lesetida er om lag eitt minutt.',
      'Under «Hovudpunkt» står den viktigaste setninga frå artikkelen, sitert på engelsk.',
    ]);
    expect(buildSummary({ ...news, keyPoints: keyPoints(3), figures: [figure] })[2]).toBe(
      'Under «Hovudpunkt» står dei tre viktigaste setningane frå artikkelen, siterte på engelsk. Under «Tal frå teksten» står dei viktigaste tala i artikkelen, kvart med den engelske setninga det står i.',
    );
    // No words: no reading time, and no byline paragraph without author or date.
    expect(buildSummary({ ...news, keyPoints: [], figures: [figure], length: { words: 0, minutes: 1, paragraphs: 1 } })).toEqual([
      'Dette er ein nyheitsartikkel om skytenester.',
      'Under «Tal frå teksten» står dei viktigaste tala i artikkelen, kvart med den engelske setninga det står i.',
    ]);
    expect(buildSummary({ ...news, keyPoints: [], figures: [], length: { words: 0, minutes: 1, paragraphs: 1 } })).toEqual(['Dette er ein nyheitsartikkel om skytenester.']);
  });

  it("gives a thread's question with its asker and how many have replied", () => {
    const thread = gatherFacts(
      makeArticle({ kind: 'thread', title: 'Printer offline after the update?', paragraphs: ['Our office printer went offline after the last update. How do we get it back?'], author: 'Kari', published: '2024-04-03' }),
      makeTopic(),
    );
    const opening = 'Dette er ein tråd i Spiceworks-fellesskapet om skytenester. Spørsmålet frå Kari er: «How do we get it back?»';
    expect(buildSummary({ ...thread, replies: { count: 0, atLeast: false } })[0]).toBe(`${opening} Ingen har svart i tråden enno.`);
    expect(buildSummary({ ...thread, replies: { count: 1, atLeast: false } })[0]).toBe(`${opening} Tråden har eitt svar.`);
    expect(buildSummary({ ...thread, replies: { count: 12, atLeast: true } })[0]).toBe(`${opening} Tråden har minst 12 svar.`);
    expect(buildSummary(thread)[1]).toBe('Tråden vart starta av Kari 3. april 2024. Lesetida er om lag eitt minutt.');
    const { author: _author, ...noAuthor } = thread;
    expect(buildSummary(noAuthor).slice(0, 2)).toEqual([
      'Dette er ein tråd i Spiceworks-fellesskapet om skytenester. Spørsmålet i tråden er: «How do we get it back?»',
      'Tråden vart starta 3. april 2024. Lesetida er om lag eitt minutt.',
    ]);
    const { published: _published, ...noDate } = thread;
    expect(buildSummary(noDate)[1]).toBe('Tråden vart starta av Kari. Lesetida er om lag eitt minutt.');
  });

  it('gives no question for a thread that asks none, neither in its first post nor in its title', () => {
    const thread = gatherFacts(
      makeArticle({ kind: 'thread', title: 'Printer offline after the update', paragraphs: ['Our office printer went offline after the last update. Clearing the queue fixed it.'], author: 'Kari' }),
      makeTopic(),
    );
    expect(thread.question).toBeUndefined();
    expect(buildSummary({ ...thread, replies: { count: 2, atLeast: false } })[0]).toBe('Dette er ein tråd i Spiceworks-fellesskapet om skytenester. Tråden har to svar.');
  });
});
