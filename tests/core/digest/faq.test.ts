/** The fact card's FAQ (buildFaq through buildDigestCard): which questions a page gets and how their answers read. Our own sentences. */
import { describe, expect, it } from 'vitest';
import { buildDigestCard } from '../../../src/core/digest/index';
import { makeArticle, makeTopic } from '../../factories/article';

const faqOf = (over: Parameters<typeof makeArticle>[0]) => buildDigestCard(makeArticle(over), makeTopic()).faq;

describe('buildFaq', () => {
  it('drops a Nynorsk term\'s explanation in brackets inside the terms answer, and keeps it in the terms list', () => {
    const paragraphs = ['The vendor shipped a patch for the flaw last week, and the help desk rolled it out to every laptop over the weekend.'];
    const card = buildDigestCard(makeArticle({ paragraphs }), makeTopic());
    expect(card.terms).toContainEqual({ en: 'patch', nn: 'oppdatering (feilretting)' });
    const answer = card.faq.find((f) => f.q.startsWith('Kva heiter fagorda'))?.a;
    expect(answer).toBe('Artikkelen brukar mellom anna «patch» (oppdatering), «help desk» (brukarstøtte) og «vendor» (leverandør).');
  });

  it('asks what a thread asks only when the thread has a question, and never breaks on a thread without one', () => {
    const url = 'https://community.spiceworks.com/t/printer-queue-stuck/123';
    const over = { url, canonicalUrl: url, kind: 'thread' as const, author: 'fjordadmin' };
    const statement = faqOf({ ...over, title: 'Printer queue stuck after the update', paragraphs: ['The printer queue on the office server has been stuck since the update on Monday.', 'Restarting the spooler service fixed it for us.'] });
    expect(statement.length).toBeGreaterThanOrEqual(3);
    expect(statement.some((f) => /^Kva spør/.test(f.q))).toBe(false);
    const asked = faqOf({ ...over, title: 'Printer queue stuck?', paragraphs: ['Why is the printer queue on the office server stuck since the update on Monday?', 'Restarting the spooler service fixed it for us.'] });
    expect(asked.find((f) => /^Kva spør/.test(f.q))?.a).toContain('«Why is the printer queue on the office server stuck since the update on Monday?»');
  });

  it('asks how long the text is with the adjective agreeing: "Kor lang er artikkelen?", "Kor langt er intervjuet?"', () => {
    const bare = { paragraphs: ['Short note.'], title: 'Note' };
    const q = (contentType: 'interviews' | 'news') => buildDigestCard(makeArticle({ ...bare, contentType }), makeTopic({ reasons: [] })).faq.map((f) => f.q);
    expect(q('news')).toContain('Kor lang er artikkelen?');
    expect(q('interviews')).toContain('Kor langt er intervjuet?');
  });

  it('does not spell out an abbreviation that is itself the English term: «SD-WAN» (programvaredefinert fjernnett)', () => {
    const paragraphs = ['The branch offices moved from MPLS to SD-WAN last year, and the help desk now manages every link from one console.'];
    const answer = buildDigestCard(makeArticle({ paragraphs }), makeTopic()).faq.find((f) => f.q.startsWith('Kva heiter fagorda'))?.a;
    expect(answer).toContain('«SD-WAN» (programvaredefinert fjernnett)');
    expect(answer).not.toContain('(SD-WAN,');
  });
});

