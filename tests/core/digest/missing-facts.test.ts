/**
 * Pages stripped of each fact (author, date, all but one paragraph, every
 * name, every term, all of them at once) still give complete sentences: no
 * empty heading, no "undefined", no question whose answer lacks its fact.
 */
import { describe, expect, it } from 'vitest';
import { buildDigestCard } from '../../../src/core/digest/index';
import type { Article } from '../../../src/core/types';
import { makeArticle, makeTopic } from '../../factories/article';
import { cardProblems, loadFixtureInputs } from './support';

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

describe('missing facts', () => {
  it('the full fixture card is the baseline: author, date, names and terms all present', () => {
    const card = buildDigestCard(base.article, base.topic);
    expect(cardProblems(card, base.article)).toEqual([]);
    expect(questions(base.article)).toEqual([
      'Kva handlar teksten om?',
      'Kven er nemnde i teksten?',
      'Når og av kven vart teksten publisert?',
      'Kva fagomgrep brukar teksten?',
      'Kvar kan eg lese meir?',
    ]);
  });

  it('no author: the source is Spiceworks alone and the question asks only when', () => {
    const a = strip({}, ['author']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.source.author).toBeUndefined();
    expect(fact(a, 'Kjelde')).toBe('Spiceworks');
    expect(questions(a)).toContain('Når vart teksten publisert?');
    expect(card.summary[1]).toMatch(/^Publisert 3\. april 2024\./);
  });

  it('no date: no Publisert fact and the question asks only who wrote it', () => {
    const a = strip({}, ['published', 'updated']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(fact(a, 'Publisert')).toBeUndefined();
    expect(card.source.published).toBeUndefined();
    expect(questions(a)).toContain('Kven har skrive teksten?');
    expect(card.summary[1]).toMatch(/^Skriven av Maren Holt\./);
  });

  it('an unreadable date counts as no date', () => {
    const a = strip({ published: 'sometime last spring' });
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(fact(a, 'Publisert')).toBeUndefined();
    expect(card.source.published).toBeUndefined();
  });

  it('no author and no date: the when-question is skipped, not half-answered', () => {
    const a = strip({}, ['author', 'published', 'updated']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(questions(a).some((q) => /publisert|skrive|starta/.test(q))).toBe(false);
    expect(card.summary[1]).toMatch(/^Teksten er på om lag/);
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

  it('no names and no terms: neither question is asked, no empty Namngjevne fact', () => {
    const a = strip({ paragraphs: PLAIN }, ['author', 'published', 'updated']);
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.facts?.some((f) => f.label.startsWith('Namngjevne'))).toBe(false);
    expect(card.terms).toEqual([]);
    expect(questions(a)).not.toContain('Kven er nemnde i teksten?');
    expect(questions(a)).not.toContain('Kva fagomgrep brukar teksten?');
    expect(card.faq.length).toBeGreaterThanOrEqual(3);
    expect(card.summary.some((s) => /nemner/.test(s))).toBe(false);
  });

  it('a bare one-sentence article with nothing else still gives a valid card with three full answers', () => {
    const a = makeArticle({ paragraphs: ['Short note.'], title: 'Note', contentType: undefined });
    const card = buildDigestCard(a, makeTopic({ reasons: [] }));
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.keyPoints).toEqual([]);
    expect(card.faq.map((f) => f.q)).toEqual(['Kva handlar teksten om?', 'Kor lang er teksten?', 'Kvar kan eg lese meir?']);
    expect(card.faq[0]?.a).toBe('Dette er ein artikkel om skytenester. Tittelen er «Note».');
  });

  it('a thread with a starter but no date says who started it', () => {
    const a = makeArticle({ kind: 'thread', contentType: 'thread', author: 'fjordadmin', title: 'Printer queue offline?', paragraphs: PLAIN });
    const card = buildDigestCard(a, makeTopic());
    expect(cardProblems(card, a)).toEqual([]);
    expect(card.summary[0]).toBe('Spørsmål i Spiceworks-fellesskapet om skytenester');
    expect(card.faq.find((f) => f.q === 'Kven starta tråden?')?.a).toBe('Tråden vart starta av fjordadmin.');
    expect(card.facts?.[0]).toEqual({ label: 'Kjelde', value: 'fjordadmin, Spiceworks-fellesskapet' });
  });

  it('a capitalised label from the taxonomy reads in lower case in the kind line and the FAQ', () => {
    const card = buildDigestCard(base.article, base.topic, { taxonomyLabel: () => 'Kunstig intelligens' });
    expect(card.summary[0]).toBe('Nyheitsartikkel om kunstig intelligens');
    expect(card.topic.label).toBe('kunstig intelligens');
  });

  it('an updated date different from the published one is stated as Oppdatert', () => {
    const a = strip({ published: '2024-04-03', updated: '2024-05-10' });
    const card = buildDigestCard(a, base.topic);
    expect(cardProblems(card, a)).toEqual([]);
    expect(fact(a, 'Oppdatert')).toBe('10. mai 2024');
    expect(card.faq.find((f) => /publisert/.test(f.q))?.a).toContain('Han vart sist oppdatert 10. mai 2024.');
  });
});
