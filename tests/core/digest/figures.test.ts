/** Figures with the sentences they come from (our own example sentences). */
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../src/core/digest/figures';

describe('figures', () => {
  it('shows percentages, money and counts in Nynorsk notation with the English sentence and its paragraph', () => {
    const paragraphs = [
      'The survey was run by an independent firm over the summer months.',
      'About 42% of the IT leaders asked said they plan to cut cloud spending next year.',
      'The company paid $4.5 billion for the security vendor in a deal that closed in March.',
      'More than 12,000 customers were affected by the outage, according to the status page.',
    ];
    const f = findFigures(paragraphs);
    // A bare count ("12 000" customers) is left out: the card cannot say in Nynorsk what it counts.
    expect(f.map((x) => x.value)).toEqual(['om lag 42 prosent', '4,5 milliardar dollar']);
    expect(f[1]).toEqual({ value: '4,5 milliardar dollar', values: ['4,5 milliardar dollar'], units: [true], unit: true, text: paragraphs[2], evidence: [2] });
  });

  it('writes one million in the singular and leaves years and model numbers out', () => {
    const f = findFigures([
      'The vendor said the fund had grown to €1 million by the end of the quarter.',
      'Support for the old release ends in 2025 for all of the affected customers.',
      'The Model 3000 router is still sold in some shops across the region today.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['1 million euro']);
  });

  it('keeps the words around a sum that change what it says: "more than", "about", "per user per month"', () => {
    const f = findFigures([
      'At roughly £24 per user per month, the annual bill came to about £115,000 for the whole firm.',
      'The parent company advanced more than $9 billion to providers while systems were down.',
      'Addresses still sell for up to $35 each on the transfer market, brokers said this week.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['om lag 24 pund per brukar per månad og om lag 115\u00a0000 pund', 'meir enn 9 milliardar dollar', 'opptil 35 dollar per stykk']);
  });

  it('puts the currency that follows a scale word after it, and leaves years out when stronger figures are there', () => {
    const f = findFigures([
      'Since the firm completed its 69 billion dollar acquisition, prices have gone up for many.',
      'About 30 percent of the customers asked said they would move some workloads away.',
      'The first version of the product shipped in 2009 to a handful of large customers.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['69 milliardar dollar', 'om lag 30 prosent']);
  });

  it('leaves out questions, short fragments and text without figures, and keeps at most four, strongest first', () => {
    expect(findFigures(['Did 40% of users really agree with that claim made here?', 'Up 5%.', 'No numbers in this sentence at all, just words.'])).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) => `In the test run number ${i} the team measured ${10 + i}% more throughput than before.`);
    many.push('The project started in 2019 with a small team of volunteers and some servers.');
    const f = findFigures(many);
    expect(f).toHaveLength(4);
    expect(f.every((x) => x.value.endsWith('prosent meir'))).toBe(true);
  });

  it('reads "$25 to $35" and "between 10% and 15%" as one range each, and leaves bare small counts out', () => {
    const f = findFigures([
      'Addresses still sell for roughly $25 to $35 each on the transfer market, brokers said.',
      'Prices rose between 10% and 15% over the year, according to the brokers at the meeting.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['om lag 25–35 dollar per stykk', '10–15 prosent']);
    const years = findFigures(['The share of such bugs fell from 76% in 2019 to 24% in 2024, the company reported this week.']);
    expect(years.map((x) => x.value)).toEqual(['76 prosent og 24 prosent']);
    expect(findFigures(['Most teams expect budgets to grow by 5-8% next year, the survey of managers found.']).map((x) => x.value)).toEqual(['5–8 prosent']);
    expect(findFigures(['Some customers waited more than 14 hours for the service to come back online.', 'The Windows 11 users were not affected by the problem at all, the firm said.'])).toEqual([]);
  });

  it('keeps "or more" and "maybe" with the figure', () => {
    const f = findFigures([
      'Roles that need these skills command premiums of 10% or more in the largest cities.',
      'The budget is tight, maybe $5,000 for the whole fix, so we cannot buy new hardware.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['10 prosent eller meir', 'kanskje 5\u00a0000 dollar']);
  });

  it('says when a percentage is a difference or a past value, not a share', () => {
    const f = findFigures([
      'Its first service shipped with fewer defects but took 30% longer to build than a comparable one.',
      'Close to half of the users now reach it over the new protocol, up from about 30% five years ago.',
      'Our reseller is pushing hard, but those models cost roughly 40% more than the older ones we have.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['30 prosent lengre', 'opp frå om lag 30 prosent for fem år sidan', 'om lag 40 prosent meir']);
  });

  it('says "for eitt år sidan" and "for éin månad sidan" for one year or month ago, in the singular', () => {
    const f = findFigures([
      'Half of the help desk calls are now about passwords, up from 20% one year ago in the same survey.',
      'Our cloud bill is now down to $900 a month, down from $1,500 one month ago before the cleanup.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['opp frå 20 prosent for eitt år sidan', '900 dollar per månad og ned frå 1\u00a0500 dollar for éin månad sidan']);
  });

  it('reads "a year ago" as a time, not as a rate per year', () => {
    const f = findFigures([
      'Half of the help desk calls are now about passwords, up from 20% a year ago in the same survey.',
      'Our cloud bill is now down to $900 a month, down from $1,500 a month ago before the cleanup.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['opp frå 20 prosent for eitt år sidan', '900 dollar per månad og ned frå 1\u00a0500 dollar for éin månad sidan']);
  });

  it('gives no figure for a run of digits too long to be a number, and does not fail on it', () => {
    const digits = '9'.repeat(400);
    expect(findFigures([`The dump showed $${digits} to $5 in the balance field, which nobody could explain at all.`]).map((x) => x.value)).not.toContain(`${digits}–5 dollar`);
  });
});
