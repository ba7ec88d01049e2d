/** The fact card's parts one by one, on sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { extractKeyPoints, findEntities, findTerms, pickTerms, TERMS } from '../../../src/core/digest/index';
import { countOf, evidenceOf, inSentence, listNn, paragraphsNn } from '../../../src/core/digest/format';
import { measureLength } from '../../../src/core/digest/reading';
import { splitSentences } from '../../../src/core/digest/sentences';
import { parseTerms } from '../../../src/core/digest/terms';
import { textKind } from '../../../src/core/digest/text-kind';
import { makeArticle } from '../../factories/article';

describe('sentences', () => {
  it('splits on sentence ends but not after abbreviations, initials or decimals', () => {
    const p = 'Dr. Smith met the U.S. team on Monday. Revenue rose 3.5 percent, e.g. in Europe! Was it enough? "Yes," he said.';
    expect(splitSentences(p).map((s) => s.text)).toEqual([
      'Dr. Smith met the U.S. team on Monday.',
      'Revenue rose 3.5 percent, e.g. in Europe!',
      'Was it enough?',
      '"Yes," he said.',
    ]);
  });

  it('gives offsets that slice the paragraph exactly', () => {
    const p = '  First one here.   Second one there.';
    for (const s of splitSentences(p, 7)) {
      expect(p.slice(s.start, s.start + s.text.length)).toBe(s.text);
      expect(s.paragraph).toBe(7);
    }
  });
});

describe('key points (TextRank)', () => {
  const paras = [
    'Ransomware attacks on hospitals rose sharply this year, according to a new report on healthcare security.',
    'The report says ransomware gangs target hospitals because downtime puts patients at risk and pressures them to pay.',
    'Click here to subscribe to our newsletter for weekly security news and offers.',
    'Hospitals that kept offline backups restored their systems faster and refused to pay the ransomware gangs.',
    'What should a hospital do first?',
    'The weather was mild.',
    'Experts advise hospitals to test backups, segment networks and train staff to spot phishing emails used by ransomware gangs.',
  ];
  // Computed in each test, not here: a describe body runs before Stryker turns a mutant on.
  const keyPoints = () => extractKeyPoints(paras);

  it('picks 3-5 central sentences verbatim, in article order, each with its paragraph', () => {
    const kps = keyPoints();
    expect(kps.length).toBeGreaterThanOrEqual(3);
    expect(kps.length).toBeLessThanOrEqual(5);
    for (const k of kps) expect(paras[k.evidence[0] as number]).toContain(k.text);
    const idx = kps.map((k) => k.evidence[0] as number);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });

  it('skips chrome, questions and very short sentences', () => {
    const texts = keyPoints().map((k) => k.text).join(' ');
    expect(texts).not.toMatch(/subscribe|What should|weather/);
  });

  it('ranks the sentence that shares most with the others above an off-topic one', () => {
    const off = 'The company also sponsors a local football team and a summer music festival in the city centre.';
    const r = extractKeyPoints([...paras.slice(0, 2), off, paras[3] as string, paras[6] as string], { min: 3, max: 3 });
    expect(r.map((k) => k.text)).not.toContain(off);
  });

  it('ranks a very long text on a sample of its sentences and still quotes verbatim', () => {
    const subjects = ['The backup team', 'Our firewall vendor', 'The patching crew', 'A monitoring service', 'The licensing office', 'Storage engineers', 'The help desk'];
    const verbs = ['reviewed', 'rewrote', 'tested', 'approved', 'questioned'];
    const objects = ['the recovery plan for the branch offices', 'the rules for remote access to servers', 'the schedule for laptop updates', 'the budget for cloud storage next year'];
    const long = Array.from({ length: 420 }, (_, i) => `${subjects[i % 7]} ${verbs[i % 5]} ${objects[i % 4]} during week ${i}.`);
    const r = extractKeyPoints(long);
    expect(r.length).toBeGreaterThanOrEqual(3);
    expect(r.length).toBeLessThanOrEqual(5);
    for (const k of r) expect(long[k.evidence[0] as number]).toBe(k.text);
  });

  it('returns nothing for a text with no usable sentence', () => {
    expect(extractKeyPoints(['Short.', 'Menu', 'Is this it?'])).toEqual([]);
  });
});

describe('terms', () => {
  it('the list has at least 150 distinct English terms, each with a Nynorsk equivalent', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(TERMS.map((t) => t.en.toLowerCase())).size).toBe(TERMS.length);
    const want: Record<string, string> = {
      'large language model': 'stor språkmodell',
      ransomware: 'løysepengevirus',
      switch: 'svitsj',
      firewall: 'brannmur',
      'data center': 'datasenter',
      'machine learning': 'maskinlæring',
    };
    for (const [en, nn] of Object.entries(want)) expect(TERMS.find((t) => t.en === en)?.nn).toBe(nn);
    expect(TERMS.find((t) => t.en === 'cloud')?.nn).toMatch(/sky/);
    expect(() => parseTerms({ terms: [{ en: 'x' }] })).toThrow();
  });

  it('finds plurals, abbreviations and spelling variants on word boundaries, longest term first, in order of first use', () => {
    const hits = findTerms([
      'Two firewalls and several LLMs were patched in the datacentre.',
      'A large language model runs on data centers; no firewall was touched. Cloudy weather.',
    ]);
    expect(hits.map((h) => h.en)).toEqual(['firewall', 'large language model', 'data center']);
    expect(hits.find((h) => h.en === 'firewall')?.count).toBe(2);
    expect(hits.find((h) => h.en === 'large language model')?.paragraphs).toEqual([0, 1]);
    expect(hits.some((h) => h.en === 'language model' || h.en === 'cloud')).toBe(false);
  });

  it('abbreviations are case-sensitive; a verb "switch to" and a "switch" without network words do not count', () => {
    expect(findTerms(['We will switch to a new vendor. The ai team agreed.']).map((h) => h.en)).toEqual(['vendor']);
    expect(findTerms(['Managers can support the switch to a new role.']).map((h) => h.en)).toEqual([]);
    expect(findTerms(['Plug the switch into a free port on the network.']).map((h) => h.en)).toEqual(['switch', 'network']);
  });

  it('picks at most eight, everyday words last, most telling first (equals in the order of first use)', () => {
    const hits = findTerms(['computer user network internet software hardware ransomware phishing firewall malware botnet spam encryption patch backup']);
    const picked = pickTerms(hits, 8);
    expect(picked.length).toBe(8);
    expect(picked.every((h) => !h.generic)).toBe(true);
    expect(picked.map((h) => h.first.offset)).toEqual([...picked.map((h) => h.first.offset)].sort((a, b) => a - b));
    const ranked = pickTerms(findTerms(['The server kept the password in plain text. Ransomware had spread over the VPN, and the ransomware note asked for bitcoin.']), 8);
    expect(ranked.map((h) => h.en)).toEqual(['ransomware', 'virtual private network', 'server', 'password']);
  });
});

describe('named entities', () => {
  const paras = [
    'Microsoft and OpenAI expanded their partnership on Tuesday, the companies said.',
    'The deal was announced by Satya Nadella, chief executive of Microsoft, at an event in Seattle.',
    'Analysts at Gartner expect Azure and ChatGPT Enterprise customers to benefit first.',
    '"We are pleased," said Jane Okafor, a partner at Northwind Capital.',
    'However, Nadella did not say when Windows 12 will ship.',
    'Cloud costs remain a worry for many customers.',
  ];
  // Computed in each test, not here: a describe body runs before Stryker turns a mutant on.
  const entities = () => findEntities(paras);
  const names = (xs: { name: string }[]) => xs.map((x) => x.name);

  it('finds people by given name or by cue, and joins a later surname to the full name', () => {
    const e = entities();
    expect(names(e.people)).toEqual(['Satya Nadella', 'Jane Okafor']);
    expect(e.people[0]?.paragraphs).toEqual([1, 4]);
  });

  it('finds organisations from the gazetteer, suffixes and employer cues', () => {
    const e = entities();
    expect(names(e.organisations)).toEqual(['Microsoft', 'OpenAI', 'Gartner', 'Northwind Capital']);
  });

  it('finds products with versions', () => {
    const e = entities();
    expect(names(e.products)).toEqual(expect.arrayContaining(['Azure', 'Windows 12']));
  });

  it('does not take sentence-initial words, weekdays or places it cannot place for names', () => {
    const e = entities();
    const all = [...names(e.people), ...names(e.organisations), ...names(e.products)];
    for (const w of ['However', 'Tuesday', 'Seattle', 'Cloud', 'The', 'Analysts']) expect(all).not.toContain(w);
  });

  it('takes community handles quoted at the start of a paragraph or after "Spiceuser" for people, not list labels', () => {
    const c = findEntities([
      'Fjordadmin: “We rolled back the update on every print server.”',
      'As Spiceuser Northbay puts it, the patch was rushed.',
      'Cost: steady workloads can be cheaper on owned hardware.',
    ]);
    expect(names(c.people)).toEqual(['Fjordadmin', 'Northbay']);
    expect([...names(c.organisations), ...names(c.products)]).toEqual([]);
  });

  it('finds nothing in text without names', () => {
    const none = findEntities(['The team met to plan the move.', 'Everyone agreed on the budget.']);
    expect(none).toEqual({ people: [], organisations: [], products: [], languages: [], standards: [] });
  });
});

describe('text kind', () => {
  it('tells news, explainers, how-tos, interviews and community questions apart', () => {
    expect(textKind(makeArticle({ contentType: 'news' }))).toBe('news');
    expect(textKind(makeArticle({ contentType: 'articles', title: 'What Is Edge Computing?' }))).toBe('explainer');
    expect(textKind(makeArticle({ contentType: 'articles', paragraphs: ['Edge computing is defined as processing data near its source.'] }))).toBe('explainer');
    expect(textKind(makeArticle({ contentType: 'articles', title: 'How to Harden Your VPN' }))).toBe('howto');
    expect(textKind(makeArticle({ contentType: 'interviews' }))).toBe('interview');
    expect(textKind(makeArticle({ contentType: 'articles', title: "What's Going On With Budgets" }))).toBe('article');
    expect(textKind(makeArticle({ kind: 'thread', title: 'Printer offline?' }))).toBe('question');
    expect(textKind(makeArticle({ kind: 'thread', title: 'Friday fun thread', paragraphs: ['Post your desk.'] }))).toBe('thread');
  });
});

describe('Nynorsk formatting', () => {
  it('lists, numbers, paragraph references and reading time', () => {
    expect(listNn(['A'])).toBe('A');
    expect(listNn(['A', 'B', 'C'])).toBe('A, B og C');
    expect(countOf(12500, 'word')).toBe('12\u00a0500 ord');
    expect(countOf(1, 'minute')).toBe('eitt minutt');
    expect(paragraphsNn([0, 3, 4])).toBe('avsnitt 1, 4 og 5');
    const words = Array.from({ length: 850 }, () => 'word').join(' ');
    expect(measureLength([words])).toEqual({ words: 850, minutes: 4, paragraphs: 1 });
    expect(measureLength(['One two.']).minutes).toBe(1);
  });

  it('topic labels read in lower case inside a sentence, but abbreviations keep their capitals', () => {
    expect(inSentence('Kunstig intelligens')).toBe('kunstig intelligens');
    expect(inSentence('Nettverk')).toBe('nettverk');
    expect(inSentence('IT-tryggleik')).toBe('IT-tryggleik');
    expect(inSentence('DevOps og programvare')).toBe('DevOps og programvare');
    expect(inSentence('skytenester')).toBe('skytenester');
  });
});

describe('evidence paragraphs', () => {
  it('lists each paragraph once, in reading order (10 after 9), and at most five', () => {
    expect(evidenceOf([9, 2, 10, 2, 0])).toEqual([0, 2, 9, 10]);
    expect(evidenceOf([7, 3, 12, 1, 5, 3, 9])).toEqual([1, 3, 5, 7, 9]);
    expect(evidenceOf([4, 1, 3], 2)).toEqual([1, 3]);
  });
});
