/**
 * The fact card on the real third-party texts in /work/shared/fixtures/texts
 * (read at test time, never copied into the repo; skipped, and said so, when
 * the folder is absent): card-wide checks, known titles and dates, names
 * checked against a gold list made by reading each text.
 */
import { describe, expect, it } from 'vitest';
import { buildDigestCard, findEntities } from '../../../src/core/digest/index';
import { formatDateNn } from '../../../src/core/format-nn';
import { loadNodeChecker } from '../../../src/node/nynorsk';
import { MUST_FIND, SHARED_GOLD } from '../../../support/digest/gold';
import { cardProblems, loadSharedInputs, nynorskStrings, scoreNames } from '../../../support/digest/shared';

const shared = loadSharedInputs();

describe('fact card on the shared real texts', () => {
  if (shared.skipped) {
    it.skip(`SKIPPED: ${shared.skipped}`, () => {});
    console.warn(`[digest] ${shared.skipped}`);
    return;
  }
  const checker = loadNodeChecker();

  it('found the texts, each with a gold list of names', () => {
    expect(shared.inputs.length).toBeGreaterThan(10);
    for (const i of shared.inputs) expect(SHARED_GOLD[i.name], i.name).toBeDefined();
  });

  for (const { name, article, topic } of shared.inputs) {
    it(`${name}: complete card, known facts, Nynorsk clean`, () => {
      const card = buildDigestCard(article, topic);
      expect(cardProblems(card, article)).toEqual([]);
      expect(card.title).toBe(article.title);
      if (article.published) expect(card.facts?.find((f) => f.label === 'Publisert')?.value).toBe(formatDateNn(article.published));
      const shown = (card.facts ?? []).filter((f) => f.label.startsWith('Namngjevne')).map((f) => f.value).join(' | ');
      for (const n of MUST_FIND[name] ?? []) expect(shown).toContain(n);
      const flagged = nynorskStrings(card).flatMap((s) => checker.check(s).flagged.map((f) => f.form));
      expect(flagged).toEqual([]);
    });
  }

  it('known dates and kinds: the JSON explainer is dated 11. oktober 2022, the switch article 26. juli 2022', () => {
    const byName = new Map(shared.inputs.map((i) => [i.name, i]));
    const json = byName.get('devops-what-is-json');
    const sw = byName.get('networking-what-is-network-switch');
    if (!json || !sw) throw new Error('expected shared texts missing');
    const jc = buildDigestCard(json.article, json.topic);
    expect(jc.facts?.find((f) => f.label === 'Publisert')?.value).toBe('11. oktober 2022');
    expect(jc.summary[0]).toMatch(/^Dette er ein forklarande artikkel om .*\. Artikkelen gjer greie for kva «JSON» er\./);
    expect(jc.facts?.find((f) => f.label === 'Kjelde')?.value).toBe('Chiradeep BasuMallick, Spiceworks');
    const sc = buildDigestCard(sw.article, sw.topic);
    expect(sc.facts?.find((f) => f.label === 'Publisert')?.value).toBe('26. juli 2022');
    expect(sc.summary[0]).toBe('Dette er ein forklarande artikkel om nettverk. Artikkelen gjer greie for kva «network switch» er.');
    expect(sc.terms?.map((t) => t.en)).toEqual(expect.arrayContaining(['network switch', 'switch', 'MAC address']));
  });

  it('named-entity precision over all shared texts is at least 0.9 (a thing listed twice under two names counts as wrong), recall at least 0.8, and no name has the wrong kind more than once', () => {
    let predicted = 0;
    let correct = 0;
    let rightKind = 0;
    let gold = 0;
    let found = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const i of shared.inputs) {
      const g = SHARED_GOLD[i.name];
      if (!g) continue;
      const s = scoreNames(findEntities(i.article.paragraphs), g);
      predicted += s.predicted;
      correct += s.correct;
      rightKind += s.rightKind;
      gold += s.gold;
      found += s.found;
      wrong.push(...s.wrong.map((w) => `${i.name}: ${w}`));
      missed.push(...s.missed.map((w) => `${i.name}: ${w}`));
    }
    console.info(`[digest] names on the shared texts: precision ${correct}/${predicted} = ${(correct / predicted).toFixed(3)}, recall ${found}/${gold} = ${(found / gold).toFixed(3)}, right kind ${rightKind}/${correct}`);
    expect(predicted).toBeGreaterThan(30);
    expect(correct / predicted, wrong.join('; ')).toBeGreaterThanOrEqual(0.9);
    expect(found / gold, missed.join('; ')).toBeGreaterThanOrEqual(0.8);
    expect(correct - rightKind).toBeLessThanOrEqual(1);
  });
});
