/**
 * Named entities, one test per class of fault an editor found on real pages,
 * each on short sentences written for the test (never copied text).
 */
import { describe, expect, it } from 'vitest';
import { findEntities, type Entities, type Entity } from '../../../src/core/digest/index';

const names = (xs: readonly Entity[] | undefined) => (xs ?? []).map((x) => x.name);
const everything = (e: Entities) => [...e.people, ...e.organisations, ...e.products, ...(e.languages ?? []), ...(e.standards ?? [])];

describe('named entities: fault classes', () => {
  it('1. a company named after a person is an organisation, not a person', () => {
    const e = findEntities([
      'Salaries for cloud architects rose again this spring, according to Robert Half’s annual salary survey.',
      'Linda Marsh, a staffing agency in Leeds, placed twice as many network engineers as last year.',
      'A study by Peter Holloway found that most help desks are understaffed.',
      'Peter Holloway’s report covers 900 firms in six countries.',
      'The auditors from Ernst & Young and the consultants at Booz Allen Hamilton agreed.',
      '“We hire for attitude,” said Karen Dahl, head of recruiting at Robert Half.',
    ]);
    expect(names(e.people)).toEqual(['Karen Dahl']);
    expect(names(e.organisations)).toEqual(['Robert Half', 'Linda Marsh', 'Peter Holloway', 'Ernst & Young', 'Booz Allen Hamilton']);
    expect(e.organisations[0]?.count).toBe(2);
    // A person with a title keeps being a person even when a report of theirs is cited.
    const p = findEntities(['Robert Lind, chief economist at Northwind Bank, said rates will fall.', 'Robert Lind’s report is due in May.']);
    expect(names(p.people)).toEqual(['Robert Lind']);
  });

  it('2. a geographic word inside an organisation name is kept', () => {
    const e = findEntities([
      'Engineers at the North American Network Operators Group meeting discussed route leaks.',
      'The European Data Protection Board issued new guidance on Friday.',
      'South African Broadcasting Corporation staff were told on Monday.',
      'North of the city, a new data centre opened.',
    ]);
    expect(names(e.organisations)).toEqual(['North American Network Operators Group', 'European Data Protection Board', 'South African Broadcasting Corporation']);
    expect(everything(e).map((x) => x.name)).not.toContain('North');
  });

  it('3. programming languages and standards are their own kinds, not products', () => {
    const e = findEntities([
      'The plug-in is written in TypeScript, and its back end uses Python and Java.',
      'New access points support Wi-Fi 7, also called IEEE 802.11be, as well as IPv6 and Bluetooth 5.3.',
      'Laptops add USB-C ports, PCIe 5.0 storage and TLS 1.3 by default, and phones use 5G and HTTP/3.',
      'Parts of the tool are in Rust, and the installer is written in Go.',
      'Go to the settings page and choose a new theme.',
    ]);
    expect(names(e.products)).toEqual([]);
    expect(names(e.languages)).toEqual(['TypeScript', 'Python', 'Java', 'Rust', 'Go']);
    expect(names(e.standards)).toEqual(['Wi-Fi 7', 'IPv6', 'Bluetooth 5.3', 'USB-C', 'PCIe 5.0', 'TLS 1.3', '5G', 'HTTP/3']);
    expect(e.standards?.[0]?.count).toBe(2); // 802.11be is Wi-Fi 7
    expect(e.languages?.[0]?.kind).toBe('language');
    expect(e.standards?.[0]?.kind).toBe('standard');
    expect(names(e.organisations)).toEqual(['IEEE']);
  });

  it('4. photo credits and captions are not the text: no names from them', async () => {
    const paras = [
      'Image credit: Jane Doe',
      'Technicians replaced the cooling units in the server hall over one weekend.',
      'A technician checks a rack. Photo: John Smith/Getty Images',
      'Photo by Maria Lopez on Unsplash',
      'Racks in the new hall | Source: Shutterstock',
      'Credit: Peter Hansen',
      'The rollout (Image courtesy of Tom Berg) took three months.',
      'David Moss, the site manager, said the work went to plan.',
    ];
    const e = findEntities(paras);
    expect(names(e.people)).toEqual(['David Moss']);
    expect(everything(e).map((x) => x.name)).toEqual(['David Moss']);
    const { isCredit, withoutCredits } = await import('../../../src/core/digest/credits');
    expect(isCredit('Photo: John Smith/Getty Images')).toBe(true);
    expect(isCredit('Technicians replaced the cooling units.')).toBe(false);
    const s = 'The rollout (Image courtesy of Tom Berg) took three months.';
    expect(withoutCredits(s)).toHaveLength(s.length);
    expect(withoutCredits(s)).not.toContain('Tom Berg');
  });

  it('5. one thing named two ways is one entity with the fullest name and the mentions merged', () => {
    const e = findEntities([
      'Amazon Web Services (AWS) and Microsoft Azure still lead the cloud market.',
      'Many firms run AWS next to Azure and Google Cloud Platform, and Amazon itself reported higher profits.',
      'GCP is cheaper for some batch workloads.',
      'Microsoft Copilot now sits inside Microsoft 365 (M365), and Copilot costs extra.',
      'Prices for M365 rose in April, and Google Cloud raised storage prices too.',
      'The North American Network Operators Group (NANOG) met in June; NANOG said routing security is the priority.',
    ]);
    expect(names(e.products)).toEqual(['Amazon Web Services', 'Microsoft Azure', 'Google Cloud Platform', 'Microsoft Copilot', 'Microsoft 365']);
    const by = new Map(e.products.map((x) => [x.name, x]));
    expect(by.get('Amazon Web Services')?.count).toBe(2);
    expect(by.get('Amazon Web Services')?.paragraphs).toEqual([0, 1]);
    expect(by.get('Microsoft Azure')?.count).toBe(2);
    expect(by.get('Google Cloud Platform')?.count).toBe(3);
    expect(by.get('Google Cloud Platform')?.paragraphs).toEqual([1, 2, 4]);
    expect(by.get('Microsoft Copilot')?.count).toBe(2);
    expect(by.get('Microsoft 365')?.count).toBe(2);
    // The company is not its cloud service: "Amazon" stays an organisation of its own.
    expect(names(e.organisations)).toEqual(['Amazon', 'North American Network Operators Group']);
    expect(e.organisations[1]?.count).toBe(2);
    // The bare form alone keeps its own name.
    expect(names(findEntities(['Most of our workloads run on Azure now.', 'We moved the last servers to Azure in May.']).products)).toEqual(['Azure']);
  });
});

describe('named entities: one-letter and symbol languages', () => {
  const languages = (p: string) => findEntities([p]).languages;

  it('a one-letter name is a language with "programming language" after it or another language beside it', () => {
    expect(names(languages('Most of the old engine is written in the C programming language, the team said.'))).toEqual(['C']);
    expect(names(languages('Parts of the engine are written in Java and C, the team said in its notes.'))).toEqual(['Java', 'C']);
  });

  it('a one-letter name without such a cue is no language ("option C")', () => {
    expect(names(languages('The team chose option C for the rollout of the new office network last week.'))).toEqual([]);
    expect(names(languages('Teams graded B or C in the Python review got two more days of training.'))).toEqual(['Python']);
  });

  it('"C++" is a language, found where the text writes it', () => {
    const [cpp] = languages('Most of the engine is written in modern C++ these days, the team said.');
    expect(cpp).toMatchObject({ name: 'C++', kind: 'language', first: { paragraph: 0, offset: 40 } });
  });
});

describe('named entities: organisations by cue', () => {
  it('"a study by" makes a name of up to four capitalised words an organisation, not a longer run', () => {
    expect(names(findEntities(['The survey comes from a study by Northwind Blue Harbour Analytics, which asked 500 firms.']).organisations)).toEqual([
      'Northwind Blue Harbour Analytics',
    ]);
    expect(names(findEntities(['The survey comes from a study by Northwind Blue Harbour Fjord Analytics, which asked 500 firms.']).organisations)).toEqual([]);
  });
});

describe('named entities: an abbreviation is its long name again', () => {
  it('counts a later abbreviation as a mention of the name it was defined for in brackets', () => {
    const e = findEntities(['The National Security Agency (NSA) warned about the flaw on Monday.', 'Later the NSA said that the flaw was being exploited.']);
    expect(e.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['National Security Agency', 2, [0, 1]]]);
    // A name no list knows: only the brackets tie "NDG" to it.
    const own = findEntities(['The Nordic Data Group (NDG) warned about the flaw on Monday.', 'Later a second warning from NDG reached every bank.']);
    expect(own.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Nordic Data Group', 2, [0, 1]]]);
  });

  it('reads an abbreviation with "&" in it by its letters: "NR&DG" for "Nordic Research & Development Group"', () => {
    const e = findEntities(['The Nordic Research & Development Group (NR&DG) warned about the flaw on Monday.', 'Later a second warning from NR&DG reached every bank.']);
    expect(e.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Nordic Research & Development Group', 2, [0, 1]]]);
  });

  it('counts an abbreviation of a name the text spells out as that name, without brackets', () => {
    const e = findEntities(['The National Security Agency warned about the flaw on Monday.', 'Later the NSA said that the flaw was being exploited.']);
    expect(e.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['National Security Agency', 2, [0, 1]]]);
  });
});

describe('named entities: small words inside a name', () => {
  it('"and" goes on in a name that already has "of" or "for" after an organisation noun', () => {
    expect(names(findEntities(['Staff at the Nordvik Institute of Marine Biology and Fisheries counted the seals.']).organisations)).toEqual([
      'Nordvik Institute of Marine Biology and Fisheries',
    ]);
    expect(names(findEntities(['The Westford Centre for Energy and Climate Studies published the figures.']).organisations)).toEqual([
      'Westford Centre for Energy and Climate Studies',
    ]);
  });

  it('"and" between two names is no part of either, even after an "of" outside them', () => {
    expect(names(findEntities(['Karen Dahl and Robert Lind spoke about budgets on Friday.']).people)).toEqual(['Karen Dahl', 'Robert Lind']);
    expect(names(findEntities(['A panel of Karen Dahl and Robert Lind spoke about budgets on Friday.']).people)).toEqual(['Karen Dahl', 'Robert Lind']);
  });

  it('a name goes on across more than one space, but not across a possessive', () => {
    expect(names(findEntities(['The report was written by Karen  Dahl for the council.']).people)).toEqual(['Karen Dahl']);
    expect(names(findEntities(['“We hire for attitude,” said Karen Dahl’s deputy Robert Lind on Friday.']).people)).toEqual(['Karen Dahl', 'Robert Lind']);
    // The possessive of a one-letter name too.
    expect(names(findEntities(['At the meeting on Monday, X’s Linda Yaccarino said the site would grow.']).people)).toEqual(['Linda Yaccarino']);
  });
});

describe('named entities: where a name stops', () => {
  it('"of" and "for" go on only after an organisation noun: a person "of" a firm and an organisation "in" a city stay apart', () => {
    const e = findEntities(['Robert Lind of Northwind Bank said the rates will fall.', 'Staff at Northwind Group in Oslo were told on Monday.']);
    expect(names(e.people)).toEqual(['Robert Lind']);
    expect(names(e.organisations)).toEqual(['Northwind Bank', 'Northwind Group']);
  });

  it('"&" or a word that is no name at the start of a run is trimmed: "the UK & Nordic Data Group"', () => {
    expect(names(findEntities(['Staff from the UK & Nordic Data Group attended the meeting.']).organisations)).toEqual(['Nordic Data Group']);
  });

  it('a word opening a sentence before a known name is no part of it: "Rival Google"', () => {
    expect(names(findEntities(['Rival Google released a similar model in May.']).organisations)).toEqual(['Google']);
    // Also where the sentence opens with a quotation mark or a bracket: the first word is still the first word.
    expect(names(findEntities(['“Rival Google has the same problem with its data centres,” said Maria Lopez.']).organisations)).toEqual(['Google']);
    const teams = findEntities(['“Teams that patch weekly see fewer incidents,” the report says.', 'Most teams still patch once a month, the survey found.']);
    expect(everything(teams)).toEqual([]);
  });

  it('a lone word opening a sentence is not a name, even with an organisation cue after it', () => {
    expect(everything(findEntities(['Contracting, a staffing firm found, pays better than a permanent role.']))).toEqual([]);
  });
});

describe('named entities: organisations by shape', () => {
  it('a place word, more words and a head noun make an organisation; a place word and a head noun alone do not', () => {
    const e = findEntities(['The Central Statistics Office reported fewer IT vacancies, and the Central Office of the bank agreed.']);
    expect(names(e.organisations)).toEqual(['Central Statistics Office']);
  });

  it('a title-case term ending in a head noun is no organisation without a place word: "Security Operations Center"', () => {
    expect(everything(findEntities(['Many firms now run a Security Operations Center around the clock.']))).toEqual([]);
  });
});

describe('named entities: people and the words around them', () => {
  it('a particle inside a name does not count as one of its words: "Karen van Dijk"', () => {
    expect(names(findEntities(['Karen van Dijk said the budget would grow.']).people)).toEqual(['Karen van Dijk']);
  });

  it('a known name the article also writes in lower case is no name when it opens a sentence: "Teams that patch"', () => {
    const e = findEntities(['Teams that patch weekly see fewer incidents than those that wait.', 'Most teams still patch once a month, the survey found.']);
    expect(everything(e)).toEqual([]);
    // Also when a word that is no name follows it ("IT"): "Core" is a processor line only mid-sentence.
    expect(everything(findEntities(['Core IT services moved to a hosted platform in May.', 'The core team stayed in Oslo.']))).toEqual([]);
  });

  it('a given name the text also writes as a word still opens a person\'s name: "Mark Zuckerberg" beside "a mark"', () => {
    const e = findEntities(['Mark Zuckerberg has personally called researchers with generous offers to keep them.', 'The offers left a mark on the rivals that lost staff.']);
    expect(names(e.people)).toEqual(['Mark Zuckerberg']);
    const g = findEntities(['Grace Okafor leads the network team at Fabrikam Bank, and she said the grace period for the old VPN ends in May.']);
    expect(names(g.people)).toEqual(['Grace Okafor']);
    // Not when a known name follows it: "Bill Microsoft" is an order to send a bill.
    const b = findEntities(['Bill Microsoft for every extra seat, the finance team told the IT department.', 'The bill for the extra seats came in May.']);
    expect(names(b.people)).toEqual([]);
    // Only the given name is let off: a common word after it is no surname ("Max Performance" beside "performance").
    const m = findEntities(['Max Performance mode drains the laptop battery in about two hours.', 'The performance of the laptop drops sharply on battery.']);
    expect(names(m.people)).toEqual([]);
  });
});

describe('named entities: abbreviations and SQL', () => {
  it('a two-letter name is not taken for the initials of another: "HP" and "Hollis Partners" stay apart', () => {
    const e = findEntities(['HP laptops were the most common, and Hollis Partners, a consultancy, bought 300 of them.']);
    expect(e.organisations.map((x) => [x.name, x.count])).toEqual([
      ['HP', 1],
      ['Hollis Partners', 1],
    ]);
  });

  it('"SQL" is a language, except in a text about SQL Server, where it is shorthand for the server; other languages stay', () => {
    expect(names(findEntities(['Queries are written in SQL, and the reports in Python.']).languages)).toEqual(['SQL', 'Python']);
    const server = findEntities(['The backup of SQL Server failed overnight.', 'The SQL writer stopped, and the Python scripts that check it did not notice.']);
    expect(names(server.products)).toEqual(['SQL Server']);
    expect(names(server.languages)).toEqual(['Python']);
  });
});

describe('named entities: lone words', () => {
  const pairs = (xs: readonly Entity[]) => xs.map((x) => [x.name, x.count]);

  it('a lone unknown word that acts ("published", "said") is an organisation, and counts again where it opens a sentence', () => {
    expect(pairs(findEntities(['On Tuesday, Nortex published a fix for the flaw.']).organisations)).toEqual([['Nortex', 1]]);
    expect(pairs(findEntities(['On Monday, Nortex said the fix is ready.', 'Nortex will publish the details next week.']).organisations)).toEqual([['Nortex', 2]]);
  });

  it('a surname alone is the person named in full before', () => {
    const e = findEntities(['Karen Whitfield leads the network team in Oslo.', 'Later, Whitfield said the budget would grow.']);
    expect(e.people.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Karen Whitfield', 2, [0, 1]]]);
  });

  it('a community member named by handle is a person: "Spiceuser Duckworth", "Duckworth: “...”"', () => {
    expect(names(findEntities(['As Spiceuser Duckworth put it, the fix took ten minutes.']).people)).toEqual(['Duckworth']);
    expect(names(findEntities(['Duckworth: “We patched every server on Monday.”']).people)).toEqual(['Duckworth']);
  });

  it('an abbreviation opening a sentence is the name it abbreviates', () => {
    const e = findEntities(['The North American Network Operators Group met in June.', 'NANOG said routing security is the priority.']);
    expect(pairs(e.organisations)).toEqual([['North American Network Operators Group', 2]]);
    const members = findEntities(['The North American Network Operators Group met in June.', 'NANOG members voted on the new rules.']);
    expect(pairs(members.organisations)).toEqual([['North American Network Operators Group', 2]]);
  });

  it('a lone word inside a longer name the text uses is no organisation of its own: "Nortex" beside "Nortex Systems"', () => {
    const e = findEntities(['Engineers at Nortex Systems fixed the flaw in May.', 'Later, Nortex said the fix is ready.']);
    expect(pairs(e.organisations)).toEqual([['Nortex Systems', 1]]);
  });

  it('a known name that starts with "The" keeps it: "The Register"', () => {
    expect(names(findEntities(['The Register reported the flaw first.']).organisations)).toEqual(['The Register']);
  });

  it('the tail of a longer name after a small word is no name of its own: "Windows Update for Business"', () => {
    expect(everything(findEntities(['Admins can pause Windows Update for Business for a week.'])).map((x) => x.name)).toEqual(['Windows']);
  });
});

describe('named entities: counts and paragraphs', () => {
  it('lists a paragraph once however often it names the thing, and in order when names are merged', () => {
    const acme = findEntities(['Acme Corp said the update from Acme Corp closes the holes.']);
    expect(acme.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Acme Corp', 2, [0]]]);
    const aws = findEntities(['Amazon Web Services (AWS) leads the market.', 'Many firms run AWS for batch jobs.', 'Amazon Web Services raised prices in May.']);
    expect(aws.products.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Amazon Web Services', 3, [0, 1, 2]]]);
  });
});

describe('named entities: languages by context', () => {
  const languages = (...ps: string[]) => names(findEntities(ps).languages);

  it('a one-letter language in a list of languages', () => {
    expect(languages('Parts of the engine are written in C, Python and Java.')).toEqual(['C', 'Python', 'Java']);
  });

  it('an ambiguous name is a language with a programming word after it, or another language in the sentence', () => {
    expect(languages('The team moved its Rust code to a new repository.')).toEqual(['Rust']);
    expect(languages('Parts of the tool are in Rust, and the rest is in Python.')).toEqual(['Rust', 'Python']);
  });

  it('an ambiguous name without a programming cue is no language: "met with Julia"', () => {
    expect(languages('The team met with Julia on Monday to plan the move.')).toEqual([]);
  });
});

describe('named entities: a known organisation with more words after it', () => {
  const kinds = (p: string) => {
    const e = findEntities([p]);
    return { organisations: names(e.organisations), products: names(e.products) };
  };

  it('is the organisation with its suffix, a product with a product name or a model number, else the organisation alone', () => {
    expect(kinds('Shares of Microsoft Corp rose two percent on Friday.')).toEqual({ organisations: ['Microsoft Corp'], products: [] });
    expect(kinds('Most teams now manage laptops with Microsoft Intune.')).toEqual({ organisations: [], products: ['Microsoft Intune'] });
    expect(kinds('The new Dell XPS 13 ships in May.')).toEqual({ organisations: [], products: ['Dell XPS 13'] });
    // A year is no model number: the report is not a product, its publisher is named.
    expect(kinds('The Gartner 2025 Hype Cycle puts AI agents at the peak.')).toEqual({ organisations: ['Gartner'], products: [] });
  });
});

describe('named entities: a person-shaped organisation, one cue at a time', () => {
  const orgs = (p: string) => names(findEntities([p]).organisations);
  const people = (p: string) => names(findEntities([p]).people);

  it('an employer after a title ("a director at")', () => {
    expect(orgs('“We hire for attitude,” said Karen Dahl, a director at Michael Page.')).toEqual(['Michael Page']);
    expect(people('“We hire for attitude,” said Karen Dahl, a director at Michael Page.')).toEqual(['Karen Dahl']);
  });

  it('a noun before it, its report after it, or "according to" it with a report word', () => {
    expect(orgs('Staffing firm Michael Page placed 300 engineers.')).toEqual(['Michael Page']);
    expect(orgs('Michael Page’s annual salary survey covers 900 firms.')).toEqual(['Michael Page']);
    expect(orgs('Pay rose 4 percent, according to Michael Page research.')).toEqual(['Michael Page']);
    // Without the report word, "according to" cites a person.
    expect(people('Pay rose 4 percent, according to Michael Page.')).toEqual(['Michael Page']);
  });
});

describe('named entities: standards and symbol languages are read once', () => {
  it('counts a standard once per mention wherever it sits among other standards in the sentence', () => {
    // "Bluetooth" comes before "Wi-Fi 7" in the text but after it in the list of standard patterns.
    const e = findEntities(['Most keyboards now connect over Bluetooth.', 'The dock adds Bluetooth and Wi-Fi 7 to older laptops.']);
    expect(e.standards.map((x) => [x.name, x.count, x.paragraphs])).toEqual([
      ['Bluetooth', 2, [0, 1]],
      ['Wi-Fi 7', 1, [1]],
    ]);
  });

  it('finds a name after a standard where the text has it, and once', () => {
    const s = 'Laptops with Wi-Fi 7 ship from Dell in May.';
    const [dell] = findEntities([s]).organisations;
    expect(dell).toMatchObject({ name: 'Dell', count: 1, first: { paragraph: 0, offset: s.indexOf('Dell') } });
  });
});

describe('named entities: captions', () => {
  it('takes no names from a caption, also from its first sentence', () => {
    const e = findEntities(['Karen Dahl checks a rack in the new hall. Photo: John Smith/Getty Images', 'The new hall holds 400 racks, the site manager said.']);
    expect(everything(e)).toEqual([]);
  });

  it('takes the names from a sentence that a bracketed credit opens, and none from the credit', () => {
    const e = findEntities(['(Photo: Jane Doe/Getty Images) Microsoft said on Tuesday that it would cut the price of its storage tiers.']);
    expect(everything(e).map((x) => x.name)).toEqual(['Microsoft']);
  });

  it('keeps the name that ends the sentence before a name-and-agency credit', () => {
    // Over 30 words, so no caption; "Corp." does not end the sentence, so the credit is in it.
    const p = 'Engineers at the plant spent most of the winter replacing the old compressors, and the start-up of the new export pipeline was pushed back to the spring, according to Nortex Corp. Anna Berg/Reuters';
    expect(everything(findEntities([p])).map((x) => x.name)).toEqual(['Nortex Corp']);
  });
});

describe('named entities: the shape of a person\'s name', () => {
  it('takes a double-barrelled surname as one word of a person\'s name', () => {
    expect(names(findEntities(['Karen Smith-Jones, the site manager, said the work went to plan.']).people)).toEqual(['Karen Smith-Jones']);
  });

  it('takes no camel-case product name for a person, even after "by"', () => {
    expect(everything(findEntities(['Snapshots taken by Nortex CloudVault cannot be changed for 30 days.']))).toEqual([]);
  });
});

describe('named entities: trimming a run', () => {
  it('drops a word that is no name and the "&" before it from the end of a name: "Northwind Bank & AI start-ups"', () => {
    expect(names(findEntities(['The new rules worry Northwind Bank & AI start-ups alike.']).organisations)).toEqual(['Northwind Bank']);
  });

  it('a known name that is no name on its own ("EU") opening a longer run is trimmed, not listed: "the EU Digital Services Act"', () => {
    expect(everything(findEntities(['The EU Digital Services Act applies to large platforms from February.']))).toEqual([]);
  });
});

describe('named entities: a person-shaped organisation named again', () => {
  it('counts its last word alone as the organisation again: "Michael Page", then "Page said"', () => {
    const e = findEntities(['Staffing firm Michael Page placed 300 engineers last year.', 'Page said demand for cloud skills is still rising.']);
    expect(e.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Michael Page', 2, [0, 1]]]);
    expect(e.people).toEqual([]);
  });

  it('is an organisation when read as a person without a title first and as an organisation after', () => {
    const e = findEntities(['Demand for cloud skills keeps rising, Michael Page said.', 'Michael Page’s annual salary survey covers 900 firms.']);
    expect(e.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Michael Page', 2, [0, 1]]]);
    expect(e.people).toEqual([]);
  });
});

describe('named entities: small words between names', () => {
  it('"and" before a known name ends an organisation\'s name: "Institute of Marine Biology and Microsoft"', () => {
    const e = findEntities(['The Nordvik Institute of Marine Biology and Microsoft signed a research deal.']);
    expect(names(e.organisations)).toEqual(['Nordvik Institute of Marine Biology', 'Microsoft']);
    const p = findEntities(['Staff at the Westford Centre for Climate Data and Azure engineers built the model.']);
    expect(names(p.organisations)).toEqual(['Westford Centre for Climate Data']);
    expect(names(p.products)).toEqual(['Azure']);
  });

  it('a known name with a small word in it is read whole: "Cybersecurity and Infrastructure Security Agency"', () => {
    expect(names(findEntities(['A warning from the Cybersecurity and Infrastructure Security Agency went out on Friday.']).organisations)).toEqual([
      'Cybersecurity and Infrastructure Security Agency',
    ]);
    // Also after a word that is no part of it: "The" opening the sentence.
    expect(names(findEntities(['The Cybersecurity and Infrastructure Security Agency issued a warning on Friday.']).organisations)).toEqual([
      'Cybersecurity and Infrastructure Security Agency',
    ]);
  });
});

describe('named entities: abbreviations of names with small words', () => {
  const orgs = (...ps: string[]) => findEntities(ps).organisations.map((x) => [x.name, x.count, x.paragraphs]);

  it('reads the initials of the capitalised words: "NIMR" for "Nordvik Institute of Marine Research"', () => {
    expect(orgs('The Nordvik Institute of Marine Research (NIMR) counted the seals.', 'NIMR said the count rose again.')).toEqual([['Nordvik Institute of Marine Research', 2, [0, 1]]]);
  });

  it('or of every word: "DOE" for "Department of Energy"', () => {
    expect(orgs('The US Department of Energy (DOE) funds the lab.', 'Later the DOE said the lab would grow.')).toEqual([['Department of Energy', 2, [0, 1]]]);
  });
});

describe('named entities: an ambiguous language name needs its place in the sentence', () => {
  it('a person met is no language, though the sentence names one: "met Julia ... the Python port"', () => {
    const e = findEntities(['Karen Dahl met Julia on Monday to talk about the Python port.']);
    expect(names(e.languages)).toEqual(['Python']);
  });
});

describe('named entities: a number before a name', () => {
  it('a year after an opening word is no part of the name that follows: "In 2024 Microsoft raised ..."', () => {
    const e = findEntities(['In 2024 Microsoft raised the price of Teams.', 'By 2030 Gartner expects most firms to run AI agents.']);
    expect(names(e.organisations)).toEqual(['Microsoft', 'Gartner']);
    expect(names(e.products)).toEqual(['Teams']);
  });
});

describe('named entities: names that start in lower case', () => {
  it('finds known products written with a lower-case prefix: "macOS", "iOS", "vSphere"', () => {
    const e = findEntities(['Laptops run macOS and Windows, and phones run iOS or Android.', 'Most admins manage their vSphere hosts from one console.']);
    expect(names(e.products)).toEqual(['macOS', 'Windows', 'iOS', 'Android', 'vSphere']);
  });
});

describe('named entities: chrome, headings and standards written another way', () => {
  it('takes no names from a share bar or sign-up box', () => {
    const e = findEntities(['Cisco patched the flaw on Monday.', 'Follow us on LinkedIn for more news like this.']);
    expect(names(e.organisations)).toEqual(['Cisco']);
  });

  it('counts no mention of a person in a title-case heading', () => {
    const e = findEntities(['Karen Whitfield leads the network team in Oslo.', 'Backups, Budgets, Whitfield: What Changed In Oslo']);
    expect(e.people.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Karen Whitfield', 1, [0]]]);
  });

  it('names a standard in one spelling however the text writes it: "WiFi 6e" is "Wi-Fi 6E"', () => {
    expect(names(findEntities(['The new access points support WiFi 6e and WPA3.']).standards)).toEqual(['Wi-Fi 6E', 'WPA3']);
  });
});

describe('named entities: organisations that start with a language or a place', () => {
  it('a language name followed by more than version numbers is no language: "Python Software Foundation"', () => {
    const e = findEntities(['The Python Software Foundation funds the work.']);
    expect(names(e.organisations)).toEqual(['Python Software Foundation']);
    expect(names(e.languages)).toEqual([]);
  });

  it('keeps a place word opening a three-word organisation name: "North Atlantic Group"', () => {
    expect(names(findEntities(['Staff at the North Atlantic Group were told on Monday.']).organisations)).toEqual(['North Atlantic Group']);
  });

  it('counts a three-letter abbreviation opening a sentence as the name it abbreviates: "NDG members"', () => {
    const e = findEntities(['The Nordic Data Group met in June.', 'NDG members voted on the new rules.']);
    expect(e.organisations.map((x) => [x.name, x.count, x.paragraphs])).toEqual([['Nordic Data Group', 2, [0, 1]]]);
  });
});

describe('named entities: surnames with an inner capital or an apostrophe', () => {
  it('finds "O\'Brien", "McDonald", "DeVries", "MacLeod" after a given name or a person cue', () => {
    const e = findEntities([
      "Sean O'Brien, a network engineer at Contoso, said the rollout took three weeks.",
      'Lisa McDonald, who runs the help desk at Fabrikam, said tickets will fall once the patch is in.',
      'Pieter DeVries, an analyst at Northwind, said most firms will wait for the second release.',
      'Ann MacLeod said the team will move the file servers to Azure next year.',
      'McDonald added that the old scripts still run.',
    ]);
    expect(names(e.people)).toEqual(["Sean O'Brien", 'Lisa McDonald', 'Pieter DeVries', 'Ann MacLeod']);
    expect(e.people[1]?.count).toBe(2);
  });

  it('a product with an inner capital is still no surname: "Mark PowerShell", "Ben YouTube"', () => {
    const e = findEntities([
      'Admins who script in PowerShell and run DevOps pipelines said the FortiGate rules will need a review.',
      'Ben YouTube said nothing, and Mark PowerShell, an engineer, wrote the scripts.',
    ]);
    expect(names(e.people)).toEqual([]);
  });
});

describe('named entities: a given name that is also a small word', () => {
  it('finds "Will Townsend" with a person cue, though the text writes "will" as a word', () => {
    const e = findEntities([
      'Will Townsend, an analyst at Moor Insights, said the new access points will need more power per port.',
      'Most campuses will wait a year, said Will Townsend, principal analyst at the firm.',
    ]);
    expect(names(e.people)).toEqual(['Will Townsend']);
    expect(e.people[0]?.count).toBe(2);
  });

  it('a question that opens with "Will" names no person: "Will this work?", "Will Microsoft ...?", "Will Contoso ...?"', () => {
    const e = findEntities([
      'Will this work? Admins will find out when the patch lands.',
      'Will Microsoft fix the printer bug before Patch Tuesday?',
      'Will Contoso ship the fix this week, as a spokesperson said it would?',
      'Will Nadella, the chief executive, say more at the next earnings call?',
    ]);
    expect(names(e.people)).toEqual([]);
    expect(names(e.organisations)).toContain('Microsoft');
  });

  it('without a person cue such a word opens no name: "Per Fabrikam\'s new policy"', () => {
    expect(names(findEntities(['Per Fabrikam’s new policy, admins rotate the keys every 90 days.']).people)).toEqual([]);
  });
});

describe('named entities: wire stories', () => {
  it('a dateline names the agency that sent the story, not one it is about; a report that cites the agency still names it', () => {
    const e = findEntities([
      'OSLO (Reuters) - Northwind Energy ASA said on Tuesday it would halve its spending on offshore wind next year.',
      'LONDON, Dec 3 (AFP) - Contoso said its new data centre would open in the spring.',
    ]);
    expect(names(e.organisations)).toEqual(['Northwind Energy ASA', 'Contoso']);
    const cited = findEntities(['Northwind Energy ASA will sell the field, Reuters reported on Tuesday, citing two sources.']);
    expect(names(cited.organisations)).toContain('Reuters');
  });

  it('a group of people that opens a sentence and "said" or "warned" is no organisation: "Analysts said", "Researchers warned"', () => {
    const e = findEntities([
      'Analysts said the outage would cost the retailer millions.',
      'Researchers warned that the flaw was easy to exploit.',
      'Contoso said the fix was rolling out.',
    ]);
    expect(names(everything(e))).toEqual(['Contoso']);
  });

  it('a place word never leaves half a name: "British Airways" is not "Airways", "Norwegian Air" not "Air"', () => {
    const e = findEntities([
      'British Airways said it would add flights to Oslo.',
      'In a statement, Norwegian Air said it would cut jobs.',
      'American Express said revenue rose in the third quarter.',
      'Contoso said the fix was rolling out.',
    ]);
    const all = names(everything(e));
    for (const half of ['Airways', 'Air', 'Express']) expect(all).not.toContain(half);
    expect(all).toContain('Contoso');
  });

  it('a known name or a title after a place word still stands: "European Microsoft customers", "French President Emmanuel Macron"', () => {
    const e = findEntities([
      'The rule hits European Microsoft customers hardest.',
      'Its rival, Chinese Huawei, said sales rose.',
      'He spoke to French President Emmanuel Macron about the rules.',
      'It affects North American AWS customers.',
    ]);
    const all = names(everything(e));
    for (const known of ['Microsoft', 'Huawei', 'Emmanuel Macron', 'AWS']) expect(all).toContain(known);
  });
});
