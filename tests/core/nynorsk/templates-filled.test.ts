/**
 * Every template of src/strings/digest-templates.json, filled with many values the
 * fact card can give it (every text kind, counts 0-30 through the grammar
 * code, one and several key sentences, names, dates, terms), then checked by
 * the full checker: no Bokmål form, no agreement flag and no hint.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { allTemplateStrings, TEMPLATES } from '../../../src/core/digest/templates';
import { countOf, kindVars, listNn } from '../../../src/core/digest/format';
import { agreeNn, numberNn } from '../../../src/core/nn-grammar';
import { fill } from '../../../src/core/template';
import { createChecker, type NynorskChecker } from '../../../src/core/nynorsk/checker';
import { readNynorskData, readNynorskExtras } from '../../../src/node/nynorsk';
import type { TextKind } from '../../../src/core/digest/text-kind';

const data = readNynorskData();
const extras = readNynorskExtras();
// The checker and the filled texts are made in each test, not while the file is collected: Stryker turns a mutant on
// only after collection, so what is made then comes from unmutated code and could never fail a test.
let checker: NynorskChecker;
beforeEach(() => {
  checker = createChecker(data, extras);
});
const COUNTS = [0, 1, 2, 3, 5, 9, 10, 12, 21, 30];
const NAMES = [['Meta'], ['Devi Parikh', 'Erik Meijer'], ['Anthropic', 'Cohere', 'OpenAI']];

/** Value sets for each placeholder, given the text kind and a count. */
function valueSets(kind: TextKind, n: number, names: string[]): Record<string, string>[] {
  const k = kindVars(kind);
  const plural = n !== 1;
  const sentences = plural ? fill(TEMPLATES.summary.keyPointsMany, { count: numberNn(n) }) : TEMPLATES.summary.keyPointsOne;
  const base: Record<string, string> = {
    ...k,
    abbrev: 'MFA',
    asker: 'Ola Nordmann',
    author: listNn(names),
    count: String(numberNn(n)),
    date: '3. april 2024',
    en: 'firewall',
    group: TEMPLATES.nameGroups.people,
    k: numberNn(Math.min(n, 9)),
    n: numberNn(n),
    list: listNn(['2', '5', '7'].slice(0, Math.max(1, Math.min(3, n)))),
    minutes: countOf(n, 'minute'),
    name: names[0]!,
    names: listNn(names),
    nn: 'brannmur',
    paragraph: fill(TEMPLATES.faq.paragraph, { list: '3' }),
    paragraphs: fill(TEMPLATES.faq.paragraph, { list: listNn(['1', '4', '6'].slice(0, Math.max(1, Math.min(3, n)))) }),
    question: 'How do I reset MFA for a user?',
    quoted: agreeNn(TEMPLATES.participles.quoted, 'f', plural),
    reasons: 'ord i teksten og adressa',
    replies: countOf(n, 'reply'),
    sentence: 'A firewall filters traffic.',
    sentences,
    subject: 'ein brannmur',
    terms: '«firewall» (brannmur) og «phishing» (nettfiske)',
    title: 'Meta Struggles To Maintain AI Workforce',
    topic: 'IT-tryggleik',
    url: 'https://www.spiceworks.com/tech/artificial-intelligence/news/meta-ai/',
    words: countOf(n * 100 + n, 'word'),
  };
  return [base, { ...base, group: TEMPLATES.nameGroups.organisations }, { ...base, group: TEMPLATES.nameGroups.products }];
}

function filledTexts(): string[] {
  const out = new Set<string>();
  const templates = allTemplateStrings().filter((t) => t.includes('{'));
  for (const kind of Object.keys(TEMPLATES.kind) as TextKind[]) {
    for (const n of COUNTS) {
      for (const names of NAMES) {
        for (const vars of valueSets(kind, n, names)) for (const t of templates) out.add(fill(t, vars));
      }
    }
  }
  return [...out];
}

describe('filled templates', () => {
  it('fills every template many ways', () => {
    expect(filledTexts().length).toBeGreaterThan(300);
  });

  it('gives no Bokmål form, agreement flag or hint in any filled template', () => {
    const found = filledTexts().flatMap((t) => {
      const r = checker.check(t);
      return [...r.flagged, ...r.hints].map((f) => `${f.form} → ${f.suggestion ?? '?'} (${f.rule}) in «${t}»`);
    });
    expect([...new Set(found)].slice(0, 20)).toEqual([]);
  });

  it('would catch what the grammar code prevents (the test can fail)', () => {
    // Digits and a wrong participle, as hand-made fills used to give them.
    const wrong = [
      fill(TEMPLATES.summary.readingTime, { minutes: '1 minutt' }),
      fill(TEMPLATES.summary.keyPoints, { sentences: 'dei tre viktigaste setningane', the: 'artikkelen', quoted: 'sitert' }),
    ];
    const r = wrong.map((t) => checker.check(t));
    expect(r[0]!.flagged.map((f) => [f.form, f.suggestion])).toEqual([['1 minutt', 'eitt minutt']]);
    expect(r[1]!.hints.map((f) => [f.form, f.suggestion])).toEqual([['sitert', 'siterte']]);
  });
});
