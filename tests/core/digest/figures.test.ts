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
    expect(f[1]).toEqual({ value: '4,5 milliardar dollar', values: ['4,5 milliardar dollar'], text: paragraphs[2], evidence: [2] });
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

  it('reads a range written with an en or em dash as one, says "millionar" for half a million, and takes a comparative only right after the figure', () => {
    const v = (s: string) => findFigures([s]).map((x) => x.value);
    expect(v('Licences cost $25–$35 a month per seat, the vendor said in its price list.')).toEqual(['25–35 dollar per månad per lisens']);
    expect(v('Licences cost $25—$35 a month per seat, the vendor said in its price list.')).toEqual(['25–35 dollar per månad per lisens']);
    expect(v('The city spent $0.5 million on new laptops for its schools this year.')).toEqual(['0,5 millionar dollar']);
    expect(v('Some 30% of the staff now work from home more often than before.')).toEqual(['om lag 30 prosent']);
  });

  it('puts "kanskje" before a figure only where "maybe" or "perhaps" stands right before it, however much space the text leaves', () => {
    const f = findFigures([
      'Perhaps the fix is a $40 cable from the local shop, the admin wrote back.',
      'The budget is tight, perhaps  $5,000 for the whole fix, so we cannot buy new hardware.',
    ]);
    expect(f.map((x) => x.value)).toEqual(['40 dollar', 'kanskje 5\u00a0000 dollar']);
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

  it('reads a past value in a capitalised headline too ("Two Years Ago")', () => {
    expect(findFigures(['Cloud Spending Was Up 40% Two Years Ago, the Survey of Buyers Says.']).map((x) => x.value)).toEqual(['40 prosent for to år sidan']);
  });

  it('gives no figure for a run of digits too long to be a number, and does not fail on it', () => {
    const digits = '9'.repeat(400);
    expect(findFigures([`The dump showed $${digits} to $5 in the balance field, which nobody could explain at all.`]).map((x) => x.value)).toEqual(['5 dollar']);
    expect(findFigures([`The report put uptime at ${digits}% and errors at 2% across the whole fleet last week.`]).map((x) => x.value)).toEqual(['2 prosent']);
    expect(findFigures([`The report put uptime at ${digits}% to 5% across the whole fleet last week.`]).map((x) => x.value)).toEqual(['5 prosent']);
    expect(findFigures([`The dump showed ${digits} million euros and €3 million in the ledger of the fleet.`]).map((x) => x.value)).toEqual(['3 millionar euro']);
  });

  it('names the currency after a scale word in Nynorsk, in the plural but for exactly one', () => {
    const v = (s: string) => findFigures([s]).map((x) => x.value);
    expect(v('The firm raised 2 million euros from investors in its latest funding round.')).toEqual(['2 millionar euro']);
    expect(v('The council set aside 5 thousand pounds for the new library computers this year.')).toEqual(['5 tusen pund']);
    expect(v('The vendor booked 3 billion dollars in cloud revenue during the last quarter.')).toEqual(['3 milliardar dollar']);
    // What follows the currency word is what the sum is per.
    expect(v('The firm earns 2 million euros a year from its managed backup customers.')).toEqual(['2 millionar euro per år']);
    expect(v('The bill is £1.5 trillion in total for the whole sector over ten years of work.')).toEqual(['1,5 billionar pund']);
    // A scaled count without a currency says nothing the card can translate.
    expect(v('The platform now has 190 million users across the world, the company said.')).toEqual([]);
  });

  it('keeps what a price is per: seat and licence as lisens, employee, day, hour, week, month and year', () => {
    const v = (s: string) => findFigures([s]).map((x) => x.value);
    expect(v('Licences cost $12 per seat per year for schools and charities in the region.')).toEqual(['12 dollar per lisens per år']);
    expect(v('The licence costs €8 per licence a month for every small business customer.')).toEqual(['8 euro per lisens per månad']);
    expect(v('Support costs £3 per employee per week for each of the office branches.')).toEqual(['3 pund per tilsett per veke']);
    expect(v('Consultants charge $150 per hour for the migration work on legacy systems.')).toEqual(['150 dollar per time']);
    expect(v('The cloud tier bills $2 a day for the monitored laptops and phones.')).toEqual(['2 dollar per dag']);
    // A time first and then what it is per: both, in the sentence's order (the second unit was dropped).
    expect(v('The cloud tier bills $2 a day per device for the monitored laptops and phones.')).toEqual(['2 dollar per dag per eining']);
    expect(v('Seats are $30 per user per month each, billed yearly to the firm.')).toEqual(['30 dollar per brukar per månad per stykk']);
    expect(v('Support runs $40 a month per licence for the schools in the county.')).toEqual(['40 dollar per månad per lisens']);
    // Two units at most: a third "per" is not read into the figure.
    expect(v('Seats are $30 per user per month per device, billed yearly to the firm.')).toEqual(['30 dollar per brukar per månad']);
  });

  it('says how long ago a past value was, with the number in words and the noun in the plural', () => {
    const v = (s: string) => findFigures([s]).map((x) => x.value);
    expect(v('Spending on tools is now 12%, down from about 20% two weeks ago in the survey.')).toEqual(['12 prosent og ned frå om lag 20 prosent for to veker sidan']);
    expect(v('The backlog fell to 8%, up from 5% 3 days ago according to the tracker.')).toEqual(['8 prosent og opp frå 5 prosent for tre dagar sidan']);
    expect(v('The share dropped to 4%, up from 2% a week ago after the patch landed.')).toEqual(['4 prosent og opp frå 2 prosent for éi veke sidan']);
  });

  it('keeps comparatives, qualifiers and "or less" with their figures, and at most two figures a sentence', () => {
    const v = (s: string) => findFigures([s]).map((x) => x.values);
    expect(v('Prices were 10% higher, 5% lower and 3% cheaper than last year in the shop.')).toEqual([['10 prosent høgare', '5 prosent lågare']]);
    expect(v('Nearly 40% of admins, at least 25% of managers and under 10% of users agreed.')).toEqual([['nesten 40 prosent', 'minst 25 prosent']]);
    expect(v('Just 5% of the budget and only $200 of the fund went to training last year.')).toEqual([['berre 5 prosent', 'berre 200 dollar']]);
    expect(v('Prices fell to 30%, down from about 45% before the new vendor came along.')).toEqual([['30 prosent', 'ned frå om lag 45 prosent']]);
    expect(v('Wages rose 5% or less in most regions and 8% or higher in the capital city.')).toEqual([['5 prosent eller mindre', '8 prosent eller meir']]);
    expect(v('Revenue rose 5 percent and costs fell 3 per cent over the twelve months.')).toEqual([['5 prosent', '3 prosent']]);
  });

  it('leaves a year out beside a figure, and lists the figures in the order of the sentence', () => {
    const f = findFigures(['Growth was 7.5% in the year to March 2021 according to the national office.', 'The fund grew by 12% to $400 million over the year, the firm reported today.']);
    expect(f.map((x) => [x.value, x.values, x.evidence])).toEqual([
      ['7,5 prosent', ['7,5 prosent'], [0]],
      ['12 prosent og 400 millionar dollar', ['12 prosent', '400 millionar dollar'], [1]],
    ]);
    // The first two in reading order, whatever kind each is.
    expect(findFigures(['They paid $30 for 20% of the shares and 10% of the votes last year.']).map((x) => x.values)).toEqual([['30 dollar', '20 prosent']]);
  });

  it('leaves out a question even behind a closing quote, a sentence under six words, and a sentence seen before', () => {
    expect(findFigures(['About 42% of the IT leaders asked said what exactly?"', 'Costs rose 5% this year.'])).toEqual([]);
    const same = 'Revenue rose 5 percent and costs fell 3 per cent over the twelve months.';
    expect(findFigures([same, same]).map((x) => x.evidence)).toEqual([[0]]);
    expect(findFigures(['Costs rose by 5% this year.']).map((x) => x.value)).toEqual(['5 prosent']);
    const words = (n: number) => `Costs rose by 5% this year${' and more'.repeat((n - 5) / 2)}.`;
    expect(findFigures([words(59)])).toHaveLength(1);
    expect(findFigures([words(61)])).toEqual([]);
  });

  it('keeps the first sentences with figures when there are more than room for', () => {
    const f = findFigures(['The project started in 2019 with a small team of volunteers.', 'The team of 40 engineers saw costs rise by 12% over the year.', 'Spending on tools rose by 7% in the last quarter of the year.', 'Spending on cloud rose by 9% in the last quarter of the year.'], 2);
    expect(f.map((x) => x.evidence[0])).toEqual([1, 2]);
    expect(findFigures(['The team of 40 engineers saw costs rise by 12% over the year.'], 0)).toEqual([]);
  });
});

describe('figures: the Nynorsk words for scales, qualifiers, comparatives, past values and rates', () => {
  const v = (s: string) => findFigures([s]).map((x) => x.value);

  it('writes exactly one thousand, billion or trillion in the singular', () => {
    expect(v('The school got a grant of 1 thousand pounds for new laptops this spring.')).toEqual(['1 tusen pund']);
    expect(v('The deal was worth $1 billion in cash and shares, the company said.')).toEqual(['1 milliard dollar']);
    expect(v('Global IT spending will pass $1 trillion this year, analysts say now.')).toEqual(['1 billion dollar']);
  });

  it('says "under" for "fewer than" before a figure', () => {
    expect(v('Fewer than 5% of the servers still run the old operating system today.')).toEqual(['under 5 prosent']);
  });

  it('keeps each comparative after a percentage in Nynorsk', () => {
    expect(v('Staff spent 20% less time on tickets after the change this year.')).toEqual(['20 prosent mindre']);
    expect(v('The team logged 35% fewer incidents after the firewall upgrade.')).toEqual(['35 prosent færre']);
    expect(v('Outages were 50% shorter with the new failover setup in place.')).toEqual(['50 prosent kortare']);
    expect(v('Boot times are 20% faster on the new laptops, the vendor says.')).toEqual(['20 prosent raskare']);
    expect(v('Backups ran 30% slower after the storage migration last month.')).toEqual(['30 prosent tregare']);
    expect(v('The new plan is 15% cheaper than the old one for small teams.')).toEqual(['15 prosent billegare']);
    expect(v('The new disks are 25% larger than the ones they replace.')).toEqual(['25 prosent større']);
    expect(v('Mailboxes grew 10% bigger after the retention policy changed.')).toEqual(['10 prosent større']);
    expect(v("The patch files are 40% smaller than last quarter's updates.")).toEqual(['40 prosent mindre']);
    // In a title-case headline the comparative has a capital.
    expect(v("New Laptops Boot 20% Faster Than Last Year's Models")).toEqual(['20 prosent raskare']);
  });

  it('says how many months or that one day ago a past value was', () => {
    expect(v('The share was 12% two months ago and has doubled since then.')).toEqual(['12 prosent for to månader sidan']);
    expect(v('Error rates were 3% a day ago and are near zero now after the fix.')).toEqual(['3 prosent for éin dag sidan']);
  });

  it('keeps a price per license (American spelling) or per person', () => {
    expect(v('The suite costs $9 per license per month for small offices.')).toEqual(['9 dollar per lisens per månad']);
    expect(v('Training costs £200 per person for the two-day course in London.')).toEqual(['200 pund per person']);
  });
});
