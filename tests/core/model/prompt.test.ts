import { describe, expect, it } from 'vitest';
import { buildCombineMessages, buildMessages, buildRepairMessages, planPrompt, relevantTerms } from '../../../src/core/model/prompt';
import { estimateMessagesTokens, estimateTokens } from '../../../src/core/model/tokens';
import { DEFAULT_PREFS } from '../../../src/core/model/types';
import { makeArticle } from '../../factories/article';
import { GOOD_CONTENT, TEST_ARTICLE, TEST_TOPIC } from '../../../support/model-server';

const TERMS = [
  { en: 'ransomware', nn: 'løysepengevirus' },
  { en: 'multi-factor authentication', nn: 'fleirfaktorautentisering', aka: ['MFA'] },
  { en: 'zero trust', nn: 'nulltillit' },
  { en: 'large language model', nn: 'stor språkmodell', aka: ['LLM'] },
  { en: 'artificial intelligence', nn: 'kunstig intelligens', aka: ['AI'] },
];

describe('estimateTokens', () => {
  it('counts words by length and punctuation marks', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('the cat')).toBe(2);
    expect(estimateTokens('infrastructure')).toBe(4);
    expect(estimateTokens('Hi, you.')).toBe(4);
    // Numbers count by length like words.
    expect(estimateTokens('20261203')).toBe(2);
    expect(estimateTokens('on 3 May')).toBe(3);
  });
  it('grows with the text', () => {
    const t = TEST_ARTICLE.paragraphs.join(' ');
    expect(estimateTokens(t + ' ' + t)).toBe(2 * estimateTokens(t));
  });
  it('adds four tokens of framing per chat message', () => {
    expect(estimateMessagesTokens([])).toBe(0);
    expect(estimateMessagesTokens([{ content: '' }])).toBe(4);
    expect(estimateMessagesTokens([{ content: 'the cat' }, { content: 'Hi, you.' }])).toBe(2 + 4 + 4 + 4);
  });
});

describe('relevantTerms', () => {
  it('keeps only the terms the text uses, matching whole words and abbreviations in capitals', () => {
    const used = relevantTerms('Attackers used ransomware; MFA was off. Zero trust next.', TERMS).map((t) => t.en);
    expect(used.sort()).toEqual(['multi-factor authentication', 'ransomware', 'zero trust']);
    expect(relevantTerms('they said "ai" is a word in Portuguese', TERMS)).toEqual([]);
    expect(relevantTerms('plain AI news', TERMS).map((t) => t.en)).toEqual(['artificial intelligence']);
  });

  it('gives the terms longest first, each English term once whatever its case', () => {
    const text = 'Attackers used ransomware; MFA was off. Zero trust next.';
    expect(relevantTerms(text, TERMS).map((t) => t.en)).toEqual(['multi-factor authentication', 'ransomware', 'zero trust']);
    const twice = [
      { en: 'Ransomware', nn: 'løysepengevirus' },
      { en: 'ransomware', nn: 'utpressingsvirus' },
    ];
    expect(relevantTerms(text, twice)).toEqual([{ en: 'Ransomware', nn: 'løysepengevirus' }]);
  });

  it('matches whole words only, special characters as written, and mixed-case terms in any case', () => {
    // The terms' lines may take MAX_TERM_TOKENS (200) with a line break each: 20 lines of 9 tokens, not 22.
    const words = 'app bug code data disk file host link load log mail menu node port root site tag test user wifi zip web key job'.split(' ');
    const many = words.map((en) => ({ en, nn: 'eit ord på nynorsk for det' }));
    expect(relevantTerms(`The ${words.join(', ')} all changed.`, many)).toHaveLength(20);
    expect(relevantTerms('OpenAI and AIX servers were both hit', TERMS)).toEqual([]);
    expect(relevantTerms('The AI2 institute released a model', TERMS)).toEqual([]);
    expect(relevantTerms('The agent is written in C++ and Rust.', [{ en: 'C++', nn: 'C++' }])).toEqual([{ en: 'C++', nn: 'C++' }]);
    // Not all capitals: any case matches (a USB-C port, usb-c charging; Wi-Fi 6E, wi-fi 6e).
    expect(relevantTerms('Laptops now charge over usb-c.', [{ en: 'USB-C', nn: 'USB-C' }])).toHaveLength(1);
    expect(relevantTerms('The new access points support wi-fi 6e.', [{ en: 'Wi-Fi 6E', nn: 'Wi-Fi 6E' }])).toHaveLength(1);
    // All capitals and digits: only in capitals (5g is five grams, not the network).
    expect(relevantTerms('The sensor weighs 5g.', [{ en: '5G', nn: '5G' }])).toEqual([]);
    expect(relevantTerms('The sensor uses 5G.', [{ en: '5G', nn: '5G' }])).toHaveLength(1);
  });

  it('never matches a blank alias, even where a space stands between two marks', () => {
    expect(relevantTerms('The admin asked: “Why?”', [{ en: 'firewall', nn: 'brannmur', aka: [' '] }])).toEqual([]);
    expect(relevantTerms('OpenAI asked: “Why?”', [{ en: 'AI', nn: 'KI', aka: [' '] }])).toEqual([]);
  });

  it('keeps at most 30 terms, and no more than fit in 200 tokens', () => {
    const many = Array.from({ length: 35 }, (_, i) => ({ en: `kw${i + 10}`, nn: 'ord' }));
    const text = many.map((t) => t.en).join(' ');
    expect(relevantTerms(text, many)).toEqual(many.slice(0, 30));
    // Twelve terms of 19 tokens each, plus one for the line break: ten fill the 200 tokens exactly.
    const wide = Array.from({ length: 12 }, (_, i) => ({ en: `tool${i + 10}`, nn: Array<string>(16).fill('ord').join(' ') }));
    expect(estimateTokens(`${wide[0]!.en} = ${wide[0]!.nn}`)).toBe(19);
    expect(relevantTerms(wide.map((t) => t.en).join(' '), wide)).toEqual(wide.slice(0, 10));
  });

  it('leaves out an entry with a blank English or Nynorsk side, even when the text uses it', () => {
    const text = 'The firewall blocked the ransomware.';
    const terms = [
      { en: 'firewall', nn: '  ' },
      { en: ' ', nn: 'brannmur', aka: ['firewall'] },
      { en: 'ransomware', nn: 'løysepengevirus' },
    ];
    expect(relevantTerms(text, terms)).toEqual([{ en: 'ransomware', nn: 'løysepengevirus' }]);
  });
});

describe('buildMessages', () => {
  // Built in each test, not when the suite is collected: the mutation run credits a test only with the code it runs itself.
  const build = () => buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS, { terms: TERMS });
  it('sends the title, metadata, topic and numbered paragraphs, never HTML', () => {
    const msgs = build();
    const user = msgs[1]!.content;
    expect(msgs.map((m) => m.role)).toEqual(['system', 'user']);
    expect(user).toContain(`Title: ${TEST_ARTICLE.title}`);
    expect(user).toContain('Topic: IT-tryggleik (security)');
    expect(user).toContain('Published: 2026-03-18');
    TEST_ARTICLE.paragraphs.forEach((p, i) => expect(user).toContain(`\n${i}: ${p}`));
    expect(user).not.toMatch(/<[a-z][^>]*>/i);
  });
  it('puts the metadata on one line under the title, parted by bars, and without metadata the article follows the title', () => {
    const lines = buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS)[1]!.content.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `Title: ${TEST_ARTICLE.title}`,
      'Author: Test Writer | Published: 2026-03-18 | Section: data-security | Topic: IT-tryggleik (security)',
      'Article:',
    ]);
    const bare = makeArticle({ title: 'Cloud Costs Rise for Small IT Teams' });
    expect(buildMessages(bare, undefined, DEFAULT_PREFS)[1]!.content.split('\n')).toEqual([
      'Title: Cloud Costs Rise for Small IT Teams',
      'Article:',
      '0: A first paragraph about cloud costs.',
      '1: A second paragraph about budgets.',
    ]);
  });
  it('holds the terminology entries the article uses and no others', () => {
    const user = build()[1]!.content;
    expect(user).toContain('ransomware = løysepengevirus');
    expect(user).toContain('multi-factor authentication/MFA = fleirfaktorautentisering');
    expect(user).not.toContain('språkmodell');
  });
  it('lists the terms on one line after the header, and leaves the line out when no term is used', () => {
    const lines = buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS, { terms: TERMS })[1]!.content.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Terms: '));
    expect(lines[at]?.slice('Terms: '.length).split('; ').sort()).toEqual([
      'multi-factor authentication/MFA = fleirfaktorautentisering',
      'ransomware = løysepengevirus',
      'zero trust = nulltillit',
    ]);
    expect(lines[at + 1]).toBe('Article:');
    for (const terms of [[], undefined, [{ en: 'blockchain', nn: 'blokkjede' }]]) {
      const bare = buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS, terms ? { terms } : {})[1]!.content.split('\n');
      expect(bare.some((l) => l.startsWith('Terms'))).toBe(false);
      // The header's lines, then the article at once: no empty or stray line between.
      expect(bare.indexOf('Article:')).toBe(2);
      expect(bare.slice(0, 3).every(Boolean)).toBe(true);
    }
  });
  it('shows only the date of a published time, and looks for terms in the title too', () => {
    const a = makeArticle({ title: 'Zero Trust Comes to Small Offices', published: '2026-03-18T08:30:00Z' });
    const user = buildMessages(a, undefined, DEFAULT_PREFS, { terms: TERMS })[1]!.content;
    expect(user.split('\n').slice(1, 3)).toEqual(['Published: 2026-03-18', 'Terms: zero trust = nulltillit']);
  });
  it('asks for a card, a part or a combined card, each with its length, in four lines', () => {
    const card = build()[0]!.content;
    expect(card.split('\n')).toHaveLength(4);
    expect(card).toContain('Write a card about it.');
    expect(card).toContain('summary: 4-6 paragraphs; faq: 5-7 questions.');
    const part = buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS, { part: { from: 2, to: 4, index: 1, count: 3 } });
    expect(part[0]!.content).toContain('You get one part of a longer English article. Summarise this part only.');
    expect(part[0]!.content).toContain('summary: 1-2 paragraphs; faq: 1-3 questions.');
    expect(part[0]!.content).not.toContain('Write a card');
    expect(part[1]!.content.split('\n')).toContain('Part 2 of 3, paragraphs 2-3:');
    const combine = buildCombineMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS, [GOOD_CONTENT, GOOD_CONTENT])[0]!.content;
    expect(combine).toContain('Combine them into one card for the whole article.');
    expect(combine).toContain('summary: 4-6 paragraphs; faq: 5-7 questions.');
    expect(combine).not.toContain('Write a card');
  });
  it('asks for Nynorsk in the chosen norm and for JSON', () => {
    const sys = build()[0]!.content;
    expect(sys).toContain('e-infinitive (å skrive, å lese)');
    expect(sys).toMatch(/Nynorsk \(not Bokmål/);
    expect(sys).toContain('e-infinitive');
    expect(sys).toContain('"me/oss"');
    const a = buildMessages(TEST_ARTICLE, TEST_TOPIC, { infinitive: 'a', pronoun: 'vi', length: 'short' })[0]!.content;
    expect(a).toContain('a-infinitive (å skriva');
    expect(a).toContain('"vi/oss"');
    expect(a).toContain('summary: 2-3');
    expect(sys).toContain('summary: 4-6');
  });
});

describe('planPrompt', () => {
  it('keeps a normal article in one prompt within 1.1 × article tokens + 600', () => {
    const plan = planPrompt(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS, { terms: TERMS });
    expect(plan.split).toBe(false);
    expect(plan.parts).toHaveLength(1);
    expect(plan.parts[0]!.tokens).toBeLessThanOrEqual(1.1 * plan.articleTokens + 600);
  });

  const long = makeArticle({
    paragraphs: Array.from({ length: 60 }, (_, i) => `Paragraph ${i} explains how a municipal IT team moved service ${i} to the cloud and what it cost them in licences, staff time and training over three years.`),
  });
  it('splits a long article into parts that each fit the limit and cover every paragraph once', () => {
    const plan = planPrompt(long, undefined, DEFAULT_PREFS, { maxPromptTokens: 800 });
    expect(plan.split).toBe(true);
    expect(plan.parts.length).toBeGreaterThan(1);
    for (const p of plan.parts) expect(p.tokens).toBeLessThanOrEqual(800);
    const covered = plan.parts.flatMap((p) => Array.from({ length: p.range.to - p.range.from }, (_, k) => p.range.from + k));
    expect(covered).toEqual(long.paragraphs.map((_, i) => i));
    expect(plan.parts[1]!.messages[1]!.content).toContain(`Part 2 of ${plan.parts.length}, paragraphs ${plan.parts[1]!.range.from}-`);
    expect(plan.parts[1]!.messages[1]!.content).toContain(`\n${plan.parts[1]!.range.from}: `);
  });
  it('counts the title and every paragraph as article tokens', () => {
    const plan = planPrompt(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS);
    expect(plan.articleTokens).toBe(estimateTokens(TEST_ARTICLE.title) + TEST_ARTICLE.paragraphs.reduce((n, p) => n + estimateTokens(p), 0));
  });
  it('keeps a prompt of exactly the limit whole, and a single paragraph however long, but splits two', () => {
    const t = planPrompt(long, undefined, DEFAULT_PREFS).parts[0]!.tokens;
    expect(planPrompt(long, undefined, DEFAULT_PREFS, { maxPromptTokens: t }).split).toBe(false);
    expect(planPrompt(long, undefined, DEFAULT_PREFS, { maxPromptTokens: t - 1 }).split).toBe(true);
    const one = makeArticle({ paragraphs: [long.paragraphs.join(' ')] });
    expect(planPrompt(one, undefined, DEFAULT_PREFS, { maxPromptTokens: 300 })).toMatchObject({ split: false, parts: [{ range: { from: 0, to: 1 } }] });
    const two = makeArticle({ paragraphs: [long.paragraphs.slice(0, 20).join(' '), long.paragraphs.slice(20, 40).join(' ')] });
    expect(planPrompt(two, undefined, DEFAULT_PREFS, { maxPromptTokens: 300 }).parts.map((p) => p.range)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
  });
  it('fills each part as far as the limit allows, with the terms counted in', () => {
    const terms = [
      { en: 'cloud', nn: 'skya, nettskya eller skytenestene til ein leverandør utanfor verksemda', aka: ['cloud services'] },
      { en: 'licences', nn: 'lisensar, lisenskostnader og avtalar om bruksrett for programvare' },
      { en: 'staff time', nn: 'arbeidstid for dei tilsette i kommunen og i verksemda elles' },
      { en: 'training', nn: 'opplæring, kurs og rettleiing for dei tilsette som skal bruke tenestene' },
      { en: 'municipal', nn: 'kommunal, som høyrer til kommunen eller blir driven av han' },
    ];
    for (const max of [700, 800, 1200]) {
      const plan = planPrompt(long, undefined, DEFAULT_PREFS, { maxPromptTokens: max, terms });
      expect(plan.parts.length).toBeGreaterThan(1);
      const next = (i: number) => estimateTokens(`${i}: ${long.paragraphs[i]}`);
      plan.parts.forEach((p, k) => {
        expect(p.tokens).toBeLessThanOrEqual(max);
        // One more paragraph would not have fitted, give or take the estimate's slack (10 tokens, one a paragraph, the header).
        if (k < plan.parts.length - 1) expect(p.tokens + next(p.range.to)).toBeGreaterThan(max - 40);
      });
    }
  });
  it('does not split under the default limit', () => {
    expect(planPrompt(long, undefined, DEFAULT_PREFS).split).toBe(false);
  });
  it('gives the combine step the parts one a line, the terms the article uses, and no empty line', () => {
    const terms = [{ en: 'cloud', nn: 'sky' }];
    const second = { ...GOOD_CONTENT, title: 'Del to' };
    const lines = buildCombineMessages(long, undefined, DEFAULT_PREFS, [GOOD_CONTENT, second], terms)[1]!.content.split('\n');
    expect(lines).toEqual([
      `Title: ${long.title}`,
      'Terms: cloud = sky',
      'The article has 60 paragraphs, numbered 0-59. Keep the evidence numbers.',
      `Part 1: ${JSON.stringify(GOOD_CONTENT)}`,
      `Part 2: ${JSON.stringify(second)}`,
    ]);
    const bare = buildCombineMessages(long, undefined, DEFAULT_PREFS, [GOOD_CONTENT])[1]!.content.split('\n');
    expect(bare.slice(0, 2)).toEqual([`Title: ${long.title}`, 'The article has 60 paragraphs, numbered 0-59. Keep the evidence numbers.']);
  });
  it('asks the repair round for the flagged words, with a suggestion where there is one, in the chosen norm', () => {
    const repair = buildRepairMessages(DEFAULT_PREFS, GOOD_CONTENT, [{ form: 'ikke', suggestion: 'ikkje' }, { form: 'hva' }]);
    expect(repair[1]!.content).toContain('These words are Bokmål, not Nynorsk: «ikke» → «ikkje», «hva». Rewrite');
    expect(repair[0]!.content).toContain('e-infinitive (å skrive, å lese)');
  });
  it('groups paragraphs into parts of about 200 tokens even when the limit leaves no room for them', () => {
    const plan = planPrompt(long, undefined, DEFAULT_PREFS, { maxPromptTokens: 100 });
    expect(plan.parts.length).toBeGreaterThan(1);
    expect(plan.parts.length).toBeLessThan(long.paragraphs.length / 3);
  });
  it('fills a part of the 200-token floor up to exactly 200 tokens of paragraphs', () => {
    // Each numbered line "i: …" is 49 tokens, and its line break one more: four paragraphs make exactly 200.
    const text = 'The help desk team moved the file server to a cloud host over one weekend. Staff could still log in on Monday, but the old drive maps broke, so they fixed them.';
    const even = makeArticle({ paragraphs: Array.from({ length: 12 }, () => text) });
    expect(estimateTokens(`11: ${text}`)).toBe(49);
    expect(planPrompt(even, undefined, DEFAULT_PREFS, { maxPromptTokens: 100 }).parts.map((p) => p.range)).toEqual([
      { from: 0, to: 4 },
      { from: 4, to: 8 },
      { from: 8, to: 12 },
    ]);
  });
  it('counts a line break for each paragraph: short paragraphs of 9 tokens take 10 each, twenty to a part of 200', () => {
    const short = makeArticle({ paragraphs: Array.from({ length: 25 }, () => 'Staff got new laptops.') });
    expect(estimateTokens('24: Staff got new laptops.')).toBe(9);
    expect(planPrompt(short, undefined, DEFAULT_PREFS, { maxPromptTokens: 100 }).parts.map((p) => p.range)).toEqual([
      { from: 0, to: 20 },
      { from: 20, to: 25 },
    ]);
  });

  it('combine and repair prompts do not resend the article', () => {
    const combine = buildCombineMessages(long, undefined, DEFAULT_PREFS, [GOOD_CONTENT, GOOD_CONTENT]);
    expect(combine.map((m) => m.role)).toEqual(['system', 'user']);
    expect(combine[1]!.content).not.toContain(long.paragraphs[3]);
    expect(combine[1]!.content).toContain('numbered 0-59');
    const repair = buildRepairMessages(DEFAULT_PREFS, GOOD_CONTENT, [{ form: 'ikke', suggestion: 'ikkje' }, { form: 'hva' }]);
    expect(repair[1]!.content).toContain('«ikke» → «ikkje», «hva»');
    expect(repair[1]!.content).toContain(JSON.stringify(GOOD_CONTENT));
    expect(estimateMessagesTokens(repair)).toBeLessThan(estimateMessagesTokens(buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS)) + 600);
  });
});
