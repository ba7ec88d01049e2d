/** IT terms: names that hold a term, ranking, and the Nynorsk of the list. Our own sentences throughout. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTerms, parseTerms, pickTerms, TERMS, type TermEntry } from '../../../src/core/digest/terms';
import { SHARED_TEXTS_DIR } from '../../../support/shared-dir';

const ens = (paragraphs: string[]) => findTerms(paragraphs).map((h) => h.en);

describe('terms inside names', () => {
  it('skips a term that is part of a capitalised product name', () => {
    expect(ens(['Admins open Update Compliance each morning to see which laptops missed a fix.'])).not.toContain('compliance');
    expect(ens(['Allow the app through Windows Defender Firewall on each laptop.'])).not.toContain('firewall');
    expect(ens(['The council rolled out Microsoft Copilot to staff and GitHub Copilot to its developers.'])).not.toContain('copilot');
  });

  it('a term used only as a name is not a term, even where a sentence opens with it', () => {
    expect(ens(['The bank gave Copilot to every analyst in March.', 'Copilot now drafts most of the weekly reports.'])).not.toContain('copilot');
  });

  it('a lower-case use elsewhere still counts, and only that use is counted', () => {
    const hits = findTerms(['Allow the app through Windows Defender Firewall on each laptop.', 'A firewall at the edge blocks the rest.']);
    const fw = hits.find((h) => h.en === 'firewall');
    expect(fw?.count).toBe(1);
    expect(fw?.first.paragraph).toBe(1);
    expect(ens(['Our auditors ask about compliance every quarter.', 'They also read the Update Compliance reports.'])).toContain('compliance');
  });

  it('a concept written with capitals counts when the text also writes it in lower case', () => {
    const hits = findTerms(['We moved to a Zero Trust model last year.', 'Under zero trust, every request is checked.']);
    expect(hits.find((h) => h.en === 'zero trust')?.count).toBe(2);
    expect(hits.find((h) => h.en === 'zero trust')?.first.paragraph).toBe(0);
  });

  it('a title-case heading is no name: its term counts beside the lower-case uses', () => {
    const hits = findTerms(['How a Network Switch Works', 'A network switch forwards frames between the ports of one office.']);
    expect(hits.find((h) => h.en === 'network switch')).toMatchObject({ count: 2, first: { paragraph: 0 } });
  });

  it('a sentence-initial use counts when the text also uses the term in lower case, even if it names it too', () => {
    const hits = findTerms(['Ransomware hit the hospital in May.', 'The Ransomware Task Force met, and the ransomware gang asked for money.']);
    const r = hits.find((h) => h.en === 'ransomware');
    expect(r?.count).toBe(2);
    expect(r?.first.paragraph).toBe(0);
  });

  it('acronyms, sentence-initial terms and terms spelt with capitals still count', () => {
    expect(ens(['Staff reach the intranet through the VPN and sign in with MFA.'])).toEqual(['virtual private network', 'multi-factor authentication']);
    expect(ens(['Ransomware hit the council in May.'])).toEqual(['ransomware']);
    expect(ens(['Firewalls at each site now block the old ports.'])).toEqual(['firewall']);
    // "Wi-Fi Alliance" is a name and "Wi-Fi 7" a standard's name (the card lists it as a standard); "the office Wi-Fi" is the term.
    expect(findTerms(['The Wi-Fi Alliance certified the first Wi-Fi 7 laptops.']).find((h) => h.en === 'Wi-Fi')).toBeUndefined();
    expect(findTerms(['Guests can use the office Wi-Fi without a password.']).find((h) => h.en === 'Wi-Fi')?.count).toBe(1);
    // A lower-case term next to a name is still the term.
    expect(ens(['The firewall Contoso sold us blocks the old ports.'])).toEqual(['firewall']);
  });
});

describe('ranking', () => {
  const paras = [
    'Every user on the network got an email from the help desk on Monday.',
    'The email said a server in the data center was down and each computer had to restart.',
    'In fact a ransomware gang had used phishing to reach the server through the VPN.',
    'Multi-factor authentication stopped the gang before the backups were touched.',
  ];
  // Picked in each test, not here: a describe body runs before Stryker turns a mutant on.
  const pick = () => pickTerms(findTerms(paras), 8);

  it('returns the most telling terms first, everyday words last', () => {
    const picked = pick();
    const first4 = picked.slice(0, 4).map((h) => h.en);
    expect(first4.every((en) => !TERMS.find((t) => t.en === en)?.generic)).toBe(true);
    const firstGeneric = picked.findIndex((h) => h.generic);
    expect(firstGeneric).toBeGreaterThan(0);
    expect(picked.slice(firstGeneric).every((h) => h.generic)).toBe(true);
  });

  it('puts multi-word terms and abbreviations before single everyday-ish words', () => {
    const picked = pick();
    const at = (en: string) => picked.findIndex((h) => h.en === en);
    expect(at('multi-factor authentication')).toBeGreaterThanOrEqual(0);
    expect(at('multi-factor authentication')).toBeLessThan(at('ransomware'));
    expect(at('virtual private network')).toBeLessThan(at('phishing'));
    expect(at('data center')).toBeLessThan(at('backup'));
  });

  it('a term the text returns to outranks one used once; a part of a longer term ranks below it', () => {
    const hits = findTerms(['Phishing mail keeps coming. The phishing wave hit twice. A public cloud bill and a vulnerability too.', 'Phishing again, and the cloud team wants a bigger budget.']);
    const order = pickTerms(hits).map((h) => h.en);
    expect(order[0]).toBe('phishing');
    expect(order.indexOf('public cloud')).toBeLessThan(order.indexOf('cloud'));
  });

  it('general words are marked generic in the list, and the words every reader knows everyday', () => {
    const general = ['software', 'server', 'password', 'spam', 'hacker', 'search engine', 'social media', 'help desk', 'layoff', 'hype'];
    for (const en of general) expect(TERMS.find((t) => t.en === en)?.generic, en).toBe(true);
    const everyday = ['user', 'network', 'device', 'computer', 'internet', 'email', 'website'];
    for (const en of everyday) expect(TERMS.find((t) => t.en === en)?.everyday, en).toBe(true);
  });

  it('never glosses the words every reader knows, however often they occur', () => {
    const hits = findTerms(['Every user on the network has a device, and each device reaches the internet.', 'The firewall logs show each device twice.']);
    expect(hits.map((h) => h.en)).toEqual(expect.arrayContaining(['user', 'device']));
    expect(pickTerms(hits).map((h) => h.en)).toEqual(['firewall']);
  });
});

describe('Nynorsk of the list', () => {
  it('single sign-on is shared sign-in, not one-time sign-in; sårbarheit is feminine', () => {
    expect(TERMS.find((t) => t.en === 'single sign-on')?.nn).toBe('felles pålogging');
    expect(TERMS.find((t) => t.en === 'exploit')?.nn).toMatch(/\bei sårbarheit\b/);
  });

  it('no feminine noun (-heit, -ing, -else, -teneste) takes a masculine or neuter article', () => {
    for (const t of TERMS) expect(t.nn, t.en).not.toMatch(/\b(?:ein|eit)\s+(?:\p{L}+\s+)?\p{L}*(?:heit|ing|else|teneste)\b/u);
  });
});

describe('terms on a real text (shared text, read at test time)', () => {
  const file = join(SHARED_TEXTS_DIR, 'community-digest-ai-hype-train.json');
  it.skipIf(!existsSync(file))('a text that only names Microsoft Copilot gets no "copilot" gloss', () => {
    const paragraphs = (JSON.parse(readFileSync(file, 'utf8')) as { paragraphs: string[] }).paragraphs;
    expect(paragraphs.join(' ')).toMatch(/Microsoft Copilot/);
    expect(findTerms(paragraphs).map((h) => h.en)).not.toContain('copilot');
  });
});

describe('terms: the text’s own focus', () => {
  it('puts a term of the title or of the topic before another term used as often, never before one used more', () => {
    const paragraphs = [
      'The outage hit one region, and the regional endpoint was left without a record for hours.',
      'Multicloud designs can reduce that risk, but a tested disaster recovery plan does more.',
    ];
    const hits = findTerms(paragraphs);
    const plain = pickTerms(hits, 8).map((h) => h.en);
    const focused = pickTerms(hits, 8, TERMS, { title: 'Two cloud outages in nine days', topicTerms: new Set(['multicloud']) }).map((h) => h.en);
    expect(plain.indexOf('endpoint')).toBeLessThan(plain.indexOf('multicloud'));
    expect(focused.indexOf('multicloud')).toBeLessThan(focused.indexOf('endpoint'));
    expect(focused[0]).toBe('outage');
    const twice = findTerms([...paragraphs, 'Every endpoint now has a second record.']);
    const f2 = pickTerms(twice, 8, TERMS, { title: 'x', topicTerms: new Set(['multicloud']) }).map((h) => h.en);
    expect(f2.indexOf('endpoint')).toBeLessThan(f2.indexOf('multicloud'));
  });
});

describe('terms: the spelling the text uses', () => {
  it('quotes "licence" where the text never writes "license"', () => {
    expect(findTerms(['Every licence is checked each year.', 'Licences cost too much for small firms.']).map((h) => h.en)).toContain('licence');
    expect(findTerms(['The license was renewed, and the licences were checked.']).map((h) => h.en)).toContain('license');
    // Other terms in the text do not stand in the way, nor does the other spelling inside a product's name.
    expect(findTerms(['Every licence for the VPN is checked each year.']).map((h) => h.en)).toEqual(['licence', 'virtual private network']);
    expect(findTerms(['The License Server app tracks every licence we buy.']).map((h) => [h.en, h.count])).toEqual([['licence', 1]]);
  });

  it('a text that writes two other spellings is quoted in the list\'s own', () => {
    const hits = findTerms(['The new data centre opens in May.', 'Power for the datacentre comes from the river.']);
    expect(hits.map((h) => [h.en, h.count])).toEqual([['data center', 2]]);
  });
});

describe('terms: a capital word after the term makes a name', () => {
  const hit = (paragraphs: string[], en: string) => findTerms(paragraphs).find((h) => h.en === en);

  it('a sentence that opens with a product name is no use of the term in it', () => {
    expect(hit(['Firewall Manager shows every blocked port on the office network.'], 'firewall')).toBeUndefined();
  });

  it('a name in mid-sentence does not add to the count of the common noun', () => {
    expect(hit(['Our firewall is new, and Firewall Manager shows each rule it applies.'], 'firewall')?.count).toBe(1);
  });

  it('a capitalised term after "for" or "of" that follows a capitalised word is part of a name ("Defender for Endpoint")', () => {
    const paragraphs = ['Microsoft Defender for Endpoint flagged the laptop, and every endpoint in the office got the update.'];
    expect(hit(paragraphs, 'endpoint')?.count).toBe(1);
  });

  it('after "of" that follows a lower-case word, a capitalised term is no name and counts beside lower-case uses', () => {
    const paragraphs = ['The board asked for a review of Zero Trust progress last month.', 'Under zero trust, every request is checked.'];
    expect(hit(paragraphs, 'zero trust')?.count).toBe(2);
  });

  it('reads a reply that opens with a lower-case "and" before a capitalised term', () => {
    const paragraphs = ['and Firewall rules on the branch router block the port too.', 'The firewall itself was fine.'];
    expect(hit(paragraphs, 'firewall')?.count).toBe(2);
  });

  it('a following word with a capital inside it ("iPhones") does not make a name', () => {
    expect(hit(['Encryption iPhones turn on by default keeps the data on every phone safe.'], 'encryption')?.count).toBe(1);
  });
});

describe('terms: words after the term that make it another word (notNext)', () => {
  // A fresh copy of the list in each test: the scanners are compiled once per list, so the shared TERMS would keep
  // the scanners of whichever test compiled them first.
  const hit = (paragraphs: string[], en: string) => findTerms(paragraphs, [...TERMS]).find((h) => h.en === en);

  it('skips "switch" before any of its listed words, and counts it elsewhere', () => {
    // Each text has a network word ("router"), without which "switch" never counts.
    expect(hit(['The office will switch to a new router in May.'], 'switch')).toBeUndefined();
    expect(hit(['The team had to switch over before the router failed.'], 'switch')).toBeUndefined();
    expect(hit(['A switch in the basement links every router of the office.'], 'switch')?.count).toBe(1);
  });

  it('reads the next word whatever its case: "Wi-Fi calling" is the feature, as "Wi-Fi Calling" is', () => {
    expect(hit(['Turn on Wi-Fi calling to make calls from the basement.'], 'Wi-Fi')).toBeUndefined();
    expect(hit(['Guests can use the office Wi-Fi without a password.'], 'Wi-Fi')?.count).toBe(1);
  });

  it('takes a space where the list writes a hyphen, and a hyphen where it writes a space', () => {
    expect(hit(['Guests can use the office Wi Fi without a password.'], 'Wi-Fi')?.count).toBe(1);
    expect(hit(['Staff must turn on multi factor authentication this week.'], 'multi-factor authentication')?.count).toBe(1);
    expect(hit(['The plan moves every account to single-sign-on next year.'], 'single sign-on')?.count).toBe(1);
    // A word broken at a line-end hyphen and joined again ("multi-\nfactor") keeps the space after the hyphen.
    expect(hit(['Staff must turn on multi- factor authentication this week.'], 'multi-factor authentication')?.count).toBe(1);
  });
});

describe('terms: camel case and empty paragraphs', () => {
  it('a lower-case term written with a capital inside ("eDiscovery") is an ordinary use', () => {
    const hits = findTerms(['Legal runs an eDiscovery search before each audit.'], [{ en: 'ediscovery', nn: 'elektronisk innsyn' }]);
    expect(hits.map((h) => [h.en, h.count])).toEqual([['ediscovery', 1]]);
  });

  it('reads past a paragraph left empty by the reading budget, and finds nothing in a text of empty paragraphs', () => {
    expect(findTerms(['Our firewall blocks the port.', '', 'The firewall logs every attempt.']).map((h) => [h.en, h.count, h.paragraphs])).toEqual([['firewall', 2, [0, 2]]]);
    expect(findTerms(['', ''])).toEqual([]);
  });
});

describe('terms: odd letters', () => {
  it('a word the list only matches by Unicode case folding (long s: "ſerver") is no term, and the rest is still found', () => {
    expect(ens(['Every ſerver and paſsword here is behind a firewall.'])).toEqual(['firewall']);
  });
});

describe('terms: lists of one kind only', () => {
  // Each kind of form (abbreviations, matched with their case; other forms, without) has its own scanner: a list with no
  // form of one kind once gave that scanner an empty pattern, which matched the empty string at one offset forever.
  it('finds terms with a list that holds no abbreviation, and with one that holds nothing else', () => {
    expect(findTerms(['Enrol each laptop before you hand it out.'], [{ en: 'enrol', nn: 'registrere' }]).map((h) => h.en)).toEqual(['enrol']);
    expect(findTerms(['Connect over the VPN first.'], [{ en: 'VPN', nn: 'VPN' }]).map((h) => h.en)).toEqual(['VPN']);
    expect(findTerms(['Nothing to see here.'], [])).toEqual([]);
  });
});

describe('terms: the text’s own spelling', () => {
  // British «enrol» and American «enroll» differ by one final letter; neither is the plural of the other.
  const ENROL: TermEntry[] = [{ en: 'enrol', nn: 'registrere', aka: ['enroll'] }];

  it('quotes a term in the spelling the text writes, also when the two differ by a final letter', () => {
    const us = findTerms(['Enroll each laptop in Intune before you hand it out.', 'Devices that users enroll themselves get the same policies.'], ENROL);
    expect(us.map((h) => [h.en, h.count])).toEqual([['enroll', 2]]);
    const uk = findTerms(['Enrol each laptop in Intune before you hand it out.', 'Users can enrol their own phones too.'], ENROL);
    expect(uk.map((h) => h.en)).toEqual(['enrol']);
  });
});

describe('terms: where a sentence starts', () => {
  // A term the text writes only with a capital counts where the capital is the sentence's, not where it makes a name.
  const count = (paragraphs: string[], en: string) => findTerms(paragraphs).find((h) => h.en === en)?.count;

  it('a sentence that opens mid-paragraph, after a closing quote or after two spaces, opens with a capital', () => {
    expect(count(['The old ports stayed open for years. Firewalls at each site now block them.'], 'firewall')).toBe(1);
    expect(count(['“We closed the old ports,” the admin said. Firewalls at each site now block them.'], 'firewall')).toBe(1);
    expect(count(['The audit ended in May.  “Firewalls first,” the report said of the branch offices.'], 'firewall')).toBe(1);
  });

  it('a line of its own inside a paragraph, or a bulleted item, opens with a capital', () => {
    expect(count(['Lessons from the outage\nFirewalls at each site now block the old ports.'], 'firewall')).toBe(1);
    expect(count(['What changed after the audit:\n  • Firewalls at each site now block the old ports.'], 'firewall')).toBe(1);
    expect(count(['Lessons from the outage\n  • Firewalls at each site now block the old ports.'], 'firewall')).toBe(1);
    expect(count(['• Firewalls at each site now block the old ports.'], 'firewall')).toBe(1);
  });

  it('a capital in mid-sentence is a name even after an earlier sentence of the same paragraph', () => {
    expect(count(['The bank ran a trial in March. Its board then gave Copilot to every analyst.'], 'copilot')).toBeUndefined();
  });
});

describe('terms: title-case headings', () => {
  const count = (paragraphs: string[], en: string) => findTerms(paragraphs).find((h) => h.en === en)?.count;

  it('a term spelt with capitals counts in a heading, where every word has a capital anyway', () => {
    expect(count(['Why Your Office Wi-Fi Keeps Dropping Calls', 'Guests say that calls drop in the meeting rooms after lunch.'], 'Wi-Fi')).toBe(1);
  });

  it('a capitalised word in a heading is not yet a term: the text must use it in lower case', () => {
    expect(count(['Copilot Comes to Every Council Laptop', 'The assistant will draft the minutes of each meeting.'], 'copilot')).toBeUndefined();
    expect(count(['Copilot Comes to Every Council Laptop', 'Staff ask whether a copilot can draft the minutes of each meeting.'], 'copilot')).toBe(2);
  });
});

describe('terms: plurals', () => {
  // Lists that hold a word and a shorter word it starts with: a plural is its own word's plural, never the shorter word.
  it('reads "routers" as router when "route" is listed too, and "specs" as spec when "spy" is', () => {
    const net: TermEntry[] = [{ en: 'router', nn: 'ruter' }, { en: 'route', nn: 'rute' }];
    expect(findTerms(['The routers in each branch office were replaced in May.'], net).map((h) => [h.en, h.count])).toEqual([['router', 1]]);
    const spec: TermEntry[] = [{ en: 'spec', nn: 'spesifikasjon' }, { en: 'spy', nn: 'spion' }];
    expect(findTerms(['The laptop specs list 32 GB of memory and a fast disk.'], spec).map((h) => [h.en, h.count])).toEqual([['spec', 1]]);
  });
});

describe('terms: abbreviations the text writes', () => {
  const vpn = (paragraphs: string[]) => findTerms(paragraphs).find((h) => h.en === 'virtual private network');

  it('keeps the abbreviation of a term the text never spells out, in the singular', () => {
    expect(vpn(['Staff connect over the VPN from home.'])?.abbrev).toBe('VPN');
    expect(vpn(['The firm runs two VPNs, one per provider.'])?.abbrev).toBe('VPN');
  });

  it('drops it when the text spells the term out, before or after the abbreviation', () => {
    for (const paragraphs of [
      ['Staff connect over the VPN from home.', 'A virtual private network hides the office traffic.'],
      ['A virtual private network hides the office traffic.', 'Staff connect over the VPN from home.'],
    ]) {
      expect(vpn(paragraphs)?.count).toBe(2);
      expect(vpn(paragraphs)?.abbrev).toBeUndefined();
    }
  });

  it('lists each paragraph that uses a term once, in order', () => {
    expect(vpn(['The VPN is slow, and the VPN client crashes.', 'We replaced the VPN in June.'])).toMatchObject({ count: 3, paragraphs: [0, 1] });
  });
});

describe('terms: words of the field an ambiguous term needs', () => {
  const sw = (paragraphs: string[]) => findTerms(paragraphs).find((h) => h.en === 'switch')?.count;

  it('a switch with no network word near is no network switch', () => {
    expect(sw(['Flip the switch by the door to turn off the hall lights.'])).toBeUndefined();
  });

  it('a field word counts whole, in any case, also at the start of the next paragraph', () => {
    expect(sw(['The report says the switch in the hall failed.'])).toBeUndefined(); // "port" inside "report"
    expect(sw(['A switch inside the portable heater broke again.'])).toBeUndefined(); // "port" inside "portable"
    expect(sw(['Each Ethernet cable runs to the switch in the basement.'])).toBe(1);
    expect(sw(['Cabling the New Office', 'Network cables run to a switch in the basement.'])).toBe(1);
  });
});

describe('terms: the list itself', () => {
  const full = { en: 'switch', nn: 'svitsj', aka: ['network switch'], notNext: ['to'], context: ['router'], generic: false, everyday: false };

  it('takes a well-formed entry as it is', () => {
    expect(parseTerms({ terms: [full, { en: 'VPN', nn: 'VPN' }] })).toEqual([full, { en: 'VPN', nn: 'VPN' }]);
  });

  it('refuses a list without a terms array, and each kind of broken entry', () => {
    expect(() => parseTerms({})).toThrow('terms: bad shape');
    expect(() => parseTerms({ terms: 'switch=svitsj' })).toThrow('terms: bad shape');
    const broken: Record<string, unknown>[] = [
      { ...full, en: 42 },
      { ...full, nn: ['svitsj'] },
      { ...full, en: '' },
      { ...full, nn: '' },
      { ...full, aka: 'network switch' },
      { ...full, aka: ['network switch', 2] },
      { ...full, notNext: 'to' },
      { ...full, context: 'router' },
      { ...full, generic: 'yes' },
      { ...full, everyday: 1 },
    ];
    for (const b of broken) expect(() => parseTerms({ terms: [{ en: 'VPN', nn: 'VPN' }, b] }), JSON.stringify(b)).toThrow('terms: bad entry 1');
  });
});

describe('terms: plural and spelling forms', () => {
  const count = (paragraphs: string[], en: string, terms?: readonly TermEntry[]) => findTerms(paragraphs, terms).find((h) => h.en === en)?.count;

  it('finds -ies plurals of a consonant + y, -s plurals of a vowel + y, and -es plurals of -s, -x, -ch, -sh', () => {
    expect(count(['Two vulnerabilities were patched this week.'], 'vulnerability')).toBe(1);
    expect(count(['Attackers used two zero-days against the mail server.'], 'zero-day')).toBe(1);
    expect(count(['Rotate the encryption keys every year.'], 'encryption key')).toBe(1);
    expect(count(['Both data breaches started with one stolen password.'], 'data breach')).toBe(1);
    expect(count(['The vendor shipped three patches in May.'], 'patch')).toBe(1);
  });

  it('an abbreviation with a hyphen is found with a hyphen or a space', () => {
    expect(count(['The branch offices moved to SD-WAN last year.'], 'SD-WAN')).toBe(1);
    expect(count(['The branch offices moved to SD WAN last year.'], 'SD-WAN')).toBe(1);
  });

  it('a name in capitals longer than six letters is no abbreviation: it is found in lower case too', () => {
    expect(count(['Routers take their settings over netconf now.'], 'NETCONF', [{ en: 'NETCONF', nn: 'NETCONF' }])).toBe(1);
  });

  it('a word that only starts with a listed next word does not stop the term ("offers" is not "off")', () => {
    expect(count(['The new switch offers 48 ports for the office network.'], 'switch')).toBe(1);
  });
});

describe('terms: whole words only', () => {
  it('a term inside a longer word, after a hyphen or in lower case where the list has an abbreviation, is no use of it', () => {
    expect(ens(['Install the anti-malware agent on each laptop.'])).toEqual(['laptop']);
    expect(ens(['Install the antimalware agent on each laptop.'])).toEqual(['laptop']);
    expect(ens(['The team stitched a patchwork of old tools together.'])).toEqual([]);
    expect(ens(['Both teams will ram the change through before May.'])).toEqual([]);
  });
});
