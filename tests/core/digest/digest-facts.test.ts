/** The facts a card is written from, worked out once from the article (our own sentences). */
import { describe, expect, it } from 'vitest';
import { boundedParagraphs, DIGEST_LIMITS, gatherFacts } from '../../../src/core/digest/digest-facts';
import { makeArticle, makeTopic } from '../../factories/article';

const { maxParagraphChars: PARA, maxTotalChars: TOTAL } = DIGEST_LIMITS;

describe('bounded paragraphs', () => {
  it('leaves paragraphs within the limits as they are', () => {
    const ps = ['One short paragraph.', '', 'x'.repeat(PARA)];
    expect(boundedParagraphs(ps)).toEqual(ps);
  });

  it('cuts a long paragraph at the last space before the limit, or hard at the limit when that space is early', () => {
    const words = 'word '.repeat(PARA); // 5 × PARA characters
    const cut = boundedParagraphs([words])[0] ?? '';
    expect(cut.length).toBeLessThanOrEqual(PARA);
    expect(cut.length).toBeGreaterThan(PARA - 5);
    expect(cut).toBe(words.slice(0, cut.length));
    expect(cut.endsWith('word')).toBe(true);
    // One space early on, then no more: a hard cut at the limit.
    const solid = `ab ${'x'.repeat(2 * PARA)}`;
    expect(boundedParagraphs([solid])[0]).toBe(solid.slice(0, PARA));
    // A space just past half the limit is a place to cut.
    const half = `${'x'.repeat(PARA / 2 + 1)} ${'y'.repeat(PARA)}`;
    expect(boundedParagraphs([half])[0]).toBe('x'.repeat(PARA / 2 + 1));
    // One exactly at half is not: cutting there would drop half the paragraph.
    const early = `${'x'.repeat(PARA / 2)} ${'y'.repeat(PARA)}`;
    expect(boundedParagraphs([early])[0]).toBe(early.slice(0, PARA));
  });

  it('stops reading when the total is spent, leaving later paragraphs empty so evidence indices still match', () => {
    const n = Math.ceil(TOTAL / PARA) + 3;
    // Each paragraph is cut to the paragraph limit first; what counts against the total is what is kept.
    const ps = Array.from({ length: n }, () => 'x'.repeat(PARA + 50));
    const out = boundedParagraphs(ps);
    expect(out).toHaveLength(n);
    expect(out.join('').length).toBe(TOTAL);
    expect(out.slice(0, TOTAL / PARA).every((p) => p.length === PARA)).toBe(true);
    expect(out.slice(TOTAL / PARA).every((p) => p === '')).toBe(true);
    // The paragraph that crosses the total is cut to what is left.
    const full = Array.from({ length: TOTAL / PARA - 1 }, () => 'x'.repeat(PARA));
    expect(boundedParagraphs([...full, 'x'.repeat(PARA - 10), 'y'.repeat(100), 'z']).slice(-3)).toEqual(['x'.repeat(PARA - 10), 'y'.repeat(10), '']);
  });
});

describe('gathered facts', () => {
  const paragraphs = ['Kari Nordmann wrote this piece about cloud costs in small firms.', 'Budgets are tight this year, and many teams are moving work back.', 'Kari Nordmann is a contributor.'];

  it('trims the author and finds the paragraphs that name her; a blank author is none', () => {
    const f = gatherFacts(makeArticle({ author: '  Kari Nordmann ', paragraphs }), makeTopic());
    expect(f.author).toBe('Kari Nordmann');
    expect(f.authorParagraphs).toEqual([0, 2]);
    const blank = gatherFacts(makeArticle({ author: '   ', paragraphs }), makeTopic());
    expect(blank.author).toBeUndefined();
    expect('author' in blank).toBe(false);
    expect(blank.authorParagraphs).toEqual([]);
  });

  it('gives dates in Nynorsk, and an update date only when it differs from the publishing date', () => {
    const f = gatherFacts(makeArticle({ published: '2024-04-03T10:00:00Z', updated: '2024-05-01' }), makeTopic());
    expect(f.published).toBe('3. april 2024');
    expect(f.updated).toBe('1. mai 2024');
    const same = gatherFacts(makeArticle({ published: '2024-04-03', updated: '2024-04-03T18:00:00Z' }), makeTopic());
    expect(same.published).toBe('3. april 2024');
    expect('updated' in same).toBe(false);
    const none = gatherFacts(makeArticle({ published: 'last week' }), makeTopic());
    expect('published' in none).toBe(false);
  });

  it('takes the canonical URL before the page URL, the trimmed title, and the topic label as it reads in a sentence', () => {
    const f = gatherFacts(makeArticle({ url: 'https://www.spiceworks.com/a?x=1', canonicalUrl: 'https://www.spiceworks.com/a', title: '  A Title  ' }), makeTopic({ label: 'Skytenester' }));
    expect(f.url).toBe('https://www.spiceworks.com/a');
    expect(f.title).toBe('A Title');
    expect(f.topicLabel).toBe('skytenester');
    expect(gatherFacts(makeArticle({ url: 'https://www.spiceworks.com/b', canonicalUrl: '' }), makeTopic()).url).toBe('https://www.spiceworks.com/b');
    expect(gatherFacts(makeArticle(), makeTopic(), { taxonomyLabel: () => 'Kunstig intelligens' }).topicLabel).toBe('kunstig intelligens');
  });

  it('keeps the thread facts (question, replies, posts) for threads only, and the subject for explainers only', () => {
    const thread = makeArticle({
      kind: 'thread',
      title: 'Printer offline after the update?',
      paragraphs: ['Our office printer went offline after the last update. How do we get it back?', 'Restart the print spooler and it should come back.'],
      replies: { count: 1, atLeast: false },
      postStarts: [0, 1],
    });
    const t = gatherFacts(thread, makeTopic());
    expect(t.isThread).toBe(true);
    expect(t.replies).toEqual({ count: 1, atLeast: false });
    expect(t.postStarts).toEqual([0, 1]);
    expect(t.question?.paragraph).toBe(0);
    const article = gatherFacts({ ...thread, kind: 'article' }, makeTopic());
    expect(article.isThread).toBe(false);
    expect(['question', 'replies', 'postStarts'].filter((k) => k in article)).toEqual([]);

    const explainer = gatherFacts(
      makeArticle({ title: 'What Is Edge Computing?', paragraphs: ['Edge computing is a way of processing data near where it is made, not in a far data centre.'] }),
      makeTopic(),
    );
    expect(explainer.kind).toBe('explainer');
    expect(explainer.subject?.toLowerCase()).toBe('edge computing');
    expect(explainer.definition?.paragraph).toBe(0);
    const news = gatherFacts(makeArticle({ contentType: 'news', title: 'Edge Computing Grows', paragraphs: ['Edge computing is a way of processing data near where it is made.'] }), makeTopic());
    expect(['subject', 'definition'].filter((k) => k in news)).toEqual([]);
    // A thread that asks "What is ...?" is a question, not an explainer: no subject.
    const asks = gatherFacts(makeArticle({ kind: 'thread', title: 'What Is Edge Computing?', paragraphs: ['Edge computing is a way of processing data near where it is made, not in a far data centre.'] }), makeTopic());
    expect(asks.kind).toBe('question');
    expect(['subject', 'definition'].filter((k) => k in asks)).toEqual([]);
  });

  it('gives an explainer whose text never defines its subject the subject but no definition, not an empty one', () => {
    const explainer = gatherFacts(
      makeArticle({
        title: 'What Is Edge Computing?',
        paragraphs: ['Edge computing moves processing close to the cameras and sensors that make the data.', 'Retailers use edge computing to count shoppers without sending video to the cloud.'],
      }),
      makeTopic(),
    );
    expect(explainer.kind).toBe('explainer');
    expect(explainer.subject?.toLowerCase()).toBe('edge computing');
    expect(Object.keys(explainer)).not.toContain('definition');
  });

  it('gives an explainer whose title names no subject neither subject nor definition', () => {
    const explainer = gatherFacts(
      makeArticle({
        title: 'Zero Trust Explained',
        paragraphs: ['Zero trust is defined as a security model that checks every request.', 'No device is trusted because it sits inside the office network.'],
      }),
      makeTopic(),
    );
    expect(explainer.kind).toBe('explainer');
    expect(['subject', 'definition'].filter((k) => k in explainer)).toEqual([]);
  });

  it('gives a thread that asks nothing and states no replies or posts no question, replies or post keys', () => {
    const t = gatherFacts(
      makeArticle({ kind: 'thread', title: 'Printer fleet notes from the branch office', paragraphs: ['We replaced the printers in the branch office last week.', 'The new ones print faster.'] }),
      makeTopic(),
    );
    expect(t.isThread).toBe(true);
    expect(['question', 'replies', 'postStarts'].filter((k) => k in t)).toEqual([]);
  });

  it('keeps at most the asked-for number of terms', () => {
    const article = makeArticle({ paragraphs: ['The firewall blocks phishing mail, and encryption protects every endpoint on the network.'] });
    expect(gatherFacts(article, makeTopic()).terms.length).toBeGreaterThan(1);
    expect(gatherFacts(article, makeTopic(), { maxTerms: 1 }).terms).toHaveLength(1);
  });

  it('reads key points the thread way on a thread only: a reply without a verb is no key point there', () => {
    const paragraphs = ['Has anyone seen a backup appliance stop waking from sleep after a firmware update?', 'The old storage shed behind the main office building near the loading dock.'];
    const thread = gatherFacts(makeArticle({ kind: 'thread', title: 'Backup appliance asleep?', paragraphs }), makeTopic());
    expect(thread.keyPoints.map((k) => k.text)).not.toContain(paragraphs[1]);
    const article = gatherFacts(makeArticle({ paragraphs }), makeTopic());
    expect(article.keyPoints.map((k) => k.text)).toContain(paragraphs[1]);
  });

  it("ranks a term of the article's topic first: on a cloud article 'hybrid cloud' before 'virtual machine'", () => {
    const article = makeArticle({ title: 'Notes from the IT team', paragraphs: ['The team moved each virtual machine to a hybrid cloud setup last month.'] });
    expect(gatherFacts(article, makeTopic(), { maxTerms: 1 }).terms.map((t) => t.en)).toEqual(['hybrid cloud']);
    expect(gatherFacts(article, makeTopic({ id: 'security', label: 'sikkerheit' }), { maxTerms: 1 }).terms.map((t) => t.en)).toEqual(['virtual machine']);
  });
});
