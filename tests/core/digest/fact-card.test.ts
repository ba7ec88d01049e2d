/**
 * The fact card on every repo page fixture that is an article or a thread,
 * through the real pipeline (jsdom → understandPage → buildDigestCard):
 * card-wide checks, facts against known values, names against the gold,
 * and the Nynorsk checker on every Nynorsk string.
 */
import { describe, expect, it } from 'vitest';
import { buildDigestCard, findEntities } from '../../../src/core/digest/index';
import { formatDateNn } from '../../../src/core/format-nn';
import { loadNodeChecker } from '../../../src/node/nynorsk';
import { FIXTURE_GOLD, MUST_FIND } from '../../../support/digest/gold';
import { cardProblems, loadFixtureInputs, nynorskStrings, scoreNames } from '../../../support/digest/shared';

const inputs = loadFixtureInputs();
const checker = loadNodeChecker();
const NOW = new Date('2026-01-02T03:04:05Z');

describe('fact card on the repo page fixtures', () => {
  it('has fixtures with secondary topics, so that the card is seen to carry them', () => {
    expect(inputs.some((i) => i.topic.secondary.length > 0)).toBe(true);
  });

  it('has fixtures to run on, most with a gold list of names', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(5);
    expect(inputs.filter((i) => FIXTURE_GOLD[i.name]).length).toBeGreaterThanOrEqual(8);
    const noGold = inputs.filter((i) => !FIXTURE_GOLD[i.name]).map((i) => i.name);
    if (noGold.length) console.warn(`[digest] fixtures without a gold list of names (card checks only): ${noGold.join(', ')}`);
  });

  for (const { name, article, topic, expected } of inputs) {
    describe(name, () => {
      // Built in each test, not here: a describe body runs before Stryker turns a mutant on.
      const build = () => buildDigestCard(article, topic, { now: NOW });

      it('is a complete, valid card with no broken sentence', () => {
        const card = build();
        expect(cardProblems(card, article)).toEqual([]);
        expect(card.createdAt).toBe(NOW.toISOString());
        expect(card.keyPoints?.length).toBeGreaterThanOrEqual(Math.min(3, article.paragraphs.length));
      });

      it('states the known title, author and date', () => {
        const card = build();
        if (expected?.title) expect(card.title).toBe(expected.title);
        else expect(card.title).toBe(article.title);
        const facts = Object.fromEntries((card.facts ?? []).map((f) => [f.label, f.value]));
        if (expected?.author) {
          expect(card.source.author).toBe(expected.author);
          expect(facts['Kjelde']).toContain(expected.author);
        }
        if (expected?.published) {
          expect(facts[article.kind === 'thread' ? 'Starta' : 'Publisert']).toBe(formatDateNn(expected.published));
          expect(card.summary.join(' ')).toContain(formatDateNn(expected.published));
        }
      });

      it('names the people, organisations and products a reader finds in the text', () => {
        const card = build();
        const gold = FIXTURE_GOLD[name];
        if (!gold) return;
        const s = scoreNames(findEntities(article.paragraphs), gold);
        expect(s.wrong).toEqual([]);
        const shown = (card.facts ?? []).filter((f) => f.label.startsWith('Namngjevne')).map((f) => f.value).join(' | ');
        for (const n of MUST_FIND[name] ?? []) expect(shown).toContain(n);
      });

      it('says the topic in Nynorsk and why', () => {
        const card = build();
        expect(card.topic.id).toBe(topic.id);
        expect(card.summary[0]).toContain(topic.label);
        // "Kvifor dette emnet?" shows the detector's reasons and secondary topics as they came.
        expect(card.topic.reasons).toEqual(topic.reasons);
        expect(topic.reasons.length).toBeGreaterThan(0);
        expect(card.topic.secondary).toEqual(topic.secondary);
      });

      it('has no Bokmål forms in its Nynorsk text', () => {
        const card = build();
        const flagged = nynorskStrings(card).flatMap((s) => checker.check(s).flagged.map((f) => f.form));
        expect(flagged).toEqual([]);
      });
    });
  }

  it('a thread is introduced as a community question and its FAQ speaks of the thread', () => {
    const threads = inputs.filter((i) => i.article.kind === 'thread');
    expect(threads.length).toBeGreaterThan(0);
    for (const t of threads) {
      const card = buildDigestCard(t.article, t.topic);
      expect(card.summary[0]).toMatch(/^Dette er ein tråd i Spiceworks-fellesskapet (?:der nokon spør )?om /);
      expect(card.faq.some((f) => /tråden/.test(f.q + f.a))).toBe(true);
    }
  });
});
