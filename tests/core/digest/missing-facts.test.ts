/**
 * Pages stripped of each fact (author, date, all but one paragraph, every
 * name, every term, all of them at once) still give complete sentences: no
 * empty heading, no "undefined", no question whose answer lacks its fact.
 */
import { describe, expect, it } from 'vitest';
import { buildDigestCard } from '../../../src/core/digest/index';
import type { Article } from '../../../src/core/types';
import { makeArticle, makeTopic } from '../../factories/article';
import { cardProblems, loadFixtureInputs } from '../../../support/digest/shared';

const base = loadFixtureInputs().find((i) => i.name === 'meta-ai-workforce');
if (!base) throw new Error('fixture meta-ai-workforce missing');

const strip = (over: Partial<Article>, drop: (keyof Article)[] = []): Article => {
  const a: Article = { ...base.article, ...over };
  for (const k of drop) delete a[k];
  return a;
};
const questions = (a: Article) => buildDigestCard(a, base.topic).faq.map((f) => f.q);
const fact = (a: Article, label: string) => buildDigestCard(a, base.topic).facts?.find((f) => f.label === label)?.value;

/** Our own sentences: no names (all lower case after the first word), no IT terms. */
const PLAIN = [
  'The committee met on a rainy morning to talk about the village fair and the plans for next summer.',
  'Most members wanted a smaller event with fewer stalls, more music and a longer break at noon.',
  'After a long talk they agreed to ask the neighbours for ideas before the next meeting in the spring.',
];

/** The base article with plain paragraphs: no names, terms or figures, so the FAQ falls back on questions about the text. */
const sparse = (over: Partial<Article> = {}, drop: (keyof Article)[] = []) => strip({ paragraphs: PLAIN, ...over }, drop);

describe('missing facts', () => {
  it('the full fixture card is the baseline: questions about the subject, author and date in the summary', () => {
    const card = buildDigestCard(base.article, base.topic);
    expect(cardProblems(card, base.article)).toEqual([]);
    expect(questions(base.article)).toEqual([
      'Kva handlar artikkelen om?',
      'Kven og kva nemner artikkelen?',
      'Kva heiter fagorda i artikkelen på nynorsk?',
    ]);
    expect(card.summary[1]).toBe('Artikkelen er skriven av Maren Holt og vart publisert 3. april 2024. Lesetida er om lag to minutt.');
  });

  it('no author: the source is Spiceworks alone and the fallback question asks only when', () => {
    const a = sparse({}, ['author']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.source.author).toBeUndefined();
    expect(fact(a, 'Kjelde')).toBe('Spiceworks');
    expect(questions(a)).toContain('Når vart artikkelen publisert?');
    expect(card.summary[1]).toMatch(/^Artikkelen vart publisert 3\. april 2024\. Lesetida er om lag eitt minutt\.$/);
  });

  it('no date: no Publisert fact and the fallback question asks only who wrote it', () => {
    const a = sparse({}, ['published', 'updated']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(fact(a, 'Publisert')).toBeUndefined();
    expect(card.source.published).toBeUndefined();
    expect(questions(a)).toContain('Kven skreiv artikkelen?');
    expect(card.summary[1]).toBe('Artikkelen er skriven av Maren Holt. Lesetida er om lag eitt minutt.');
  });

  it('an unreadable date counts as no date', () => {
    const a = strip({ published: 'sometime last spring' });
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(fact(a, 'Publisert')).toBeUndefined();
    expect(card.source.published).toBeUndefined();
  });

  it('no author and no date: the when-question is skipped, not half-answered', () => {
    const a = sparse({}, ['author', 'published', 'updated']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(questions(a).some((q) => /publisert|skreiv|starta/.test(q))).toBe(false);
    expect(card.summary[1]).toBe('Lesetida er om lag eitt minutt.');
  });

  it('one paragraph: at most one paragraph of evidence, and still three questions', () => {
    const a = strip({ paragraphs: [base.article.paragraphs[3] as string] });
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.faq.length).toBeGreaterThanOrEqual(3);
    for (const f of card.faq) expect(f.evidence.every((i) => i === 0)).toBe(true);
    expect(card.keyPoints?.length).toBeGreaterThan(0);
    expect(card.keyPoints?.every((k) => k.evidence[0] === 0)).toBe(true);
  });

  it('no names, terms or figures: none of those questions is asked, no empty Namngjevne fact', () => {
    const a = sparse({}, ['author', 'published', 'updated']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.facts?.some((f) => f.label.startsWith('Namngjevne'))).toBe(false);
    expect(card.terms).toEqual([]);
    expect(card.figures).toEqual([]);
    expect(questions(a)).not.toContain('Kven og kva nemner artikkelen?');
    expect(questions(a)).not.toContain('Kva heiter fagorda i artikkelen på nynorsk?');
    expect(card.faq.length).toBeGreaterThanOrEqual(3);
    expect(card.summary.some((s) => /nemner|Tal frå teksten/.test(s))).toBe(false);
  });

  it('a bare one-sentence article with nothing else still gives a valid card with three full answers', () => {
    const a = makeArticle({ paragraphs: ['Short note.'], title: 'Note', contentType: undefined });
    const card = buildDigestCard(a, makeTopic({ reasons: [] }));
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.keyPoints).toEqual([]);
    expect(card.faq.map((f) => f.q)).toEqual(['Kva handlar artikkelen om?', 'Kor lang er artikkelen?', 'Kvar kan eg lese heile artikkelen?']);
    expect(card.faq[0]?.a).toBe('Dette er ein artikkel om skytenester. Den engelske tittelen er «Note».');
    expect(card.faq[1]?.a).toBe('Artikkelen er på om lag to ord, fordelte på eitt avsnitt. Lesetida er om lag eitt minutt.');
  });

  it('a thread with a starter but no date says who started it and what is asked', () => {
    const a = makeArticle({ kind: 'thread', contentType: 'thread', author: 'fjordadmin', title: 'Printer queue offline?', paragraphs: PLAIN });
    const card = buildDigestCard(a, makeTopic());
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.summary[0]).toBe('Dette er ein tråd i Spiceworks-fellesskapet om skytenester. Spørsmålet frå fjordadmin er: «Printer queue offline?»');
    expect(card.summary[1]).toBe('Tråden vart starta av fjordadmin. Lesetida er om lag eitt minutt.');
    expect(card.faq.find((f) => f.q === 'Kva spør fjordadmin om?')?.a).toBe('Spørsmålet er: «Printer queue offline?»');
    expect(card.facts?.[0]).toEqual({ label: 'Kjelde', value: 'fjordadmin, Spiceworks-fellesskapet' });
  });

  it('a thread says how many replies it has, with one in the singular and a lower bound said as such', () => {
    const thread = (replies: { count: number; atLeast: boolean }) =>
      buildDigestCard(makeArticle({ kind: 'thread', contentType: 'thread', title: 'Printer queue offline?', paragraphs: PLAIN, replies }), makeTopic());
    expect(thread({ count: 1, atLeast: false }).summary[0]).toContain('Tråden har eitt svar.');
    expect(thread({ count: 4, atLeast: false }).summary[0]).toContain('Tråden har fire svar.');
    expect(thread({ count: 20, atLeast: true }).summary[0]).toContain('Tråden har minst 20 svar.');
    expect(thread({ count: 0, atLeast: false }).summary[0]).toContain('Ingen har svart i tråden enno.');
    expect(thread({ count: 4, atLeast: false }).facts?.find((f) => f.label === 'Tal på svar')?.value).toBe('fire');
    expect(thread({ count: 20, atLeast: true }).facts?.find((f) => f.label === 'Tal på svar')?.value).toBe('minst 20');
  });

  it('a capitalised label from the taxonomy reads in lower case in the summary and the FAQ', () => {
    const card = buildDigestCard(base.article, base.topic, { taxonomyLabel: () => 'Kunstig intelligens' });
    expect(card.summary[0]).toMatch(/^Dette er ein nyheitsartikkel om kunstig intelligens\./);
    expect(card.topic.label).toBe('kunstig intelligens');
  });

  it('an updated date different from the published one is stated as Oppdatert', () => {
    const a = sparse({ published: '2024-04-03', updated: '2024-05-10' });
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(fact(a, 'Oppdatert')).toBe('10. mai 2024');
    expect(card.faq.find((f) => /publisert/.test(f.q))?.a).toContain('Sist oppdatert 10. mai 2024.');
  });

  it('a thread with a starter and a date says both who started it and when', () => {
    const a = makeArticle({ kind: 'thread', contentType: 'thread', author: 'fjordadmin', published: base.article.published, title: 'Printer queue offline?', paragraphs: PLAIN });
    const card = buildDigestCard(a, makeTopic());
    expect(card.summary[1]).toMatch(/^Tråden vart starta av fjordadmin \S.*2024\./);
  });

  it('the terms question names at most four terms, however many the text uses', () => {
    const a = sparse({
      paragraphs: [
        'The firewall blocked the malware before the phishing mail reached anyone in the office.',
        'After the ransomware scare the team added encryption to every backup and moved the router behind the VPN.',
        'A new DNS server and a proxy server now sit in the data centre next to the load balancer.',
      ],
    });
    const card = buildDigestCard(a, base.topic);
    const terms = card.faq.find((f) => f.q.startsWith('Kva heiter fagorda'));
    expect(card.terms?.length).toBeGreaterThan(4);
    expect(terms?.a.match(/«/g)).toHaveLength(4);
  });
});
