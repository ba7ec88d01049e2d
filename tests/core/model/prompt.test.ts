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
  it('asks for Nynorsk in the chosen norm and for JSON', () => {
    const sys = build()[0]!.content;
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
  it('does not split under the default limit', () => {
    expect(planPrompt(long, undefined, DEFAULT_PREFS).split).toBe(false);
  });
  it('combine and repair prompts do not resend the article', () => {
    const combine = buildCombineMessages(long, undefined, DEFAULT_PREFS, [GOOD_CONTENT, GOOD_CONTENT]);
    expect(combine[1]!.content).not.toContain(long.paragraphs[3]);
    expect(combine[1]!.content).toContain('numbered 0-59');
    const repair = buildRepairMessages(DEFAULT_PREFS, GOOD_CONTENT, [{ form: 'ikke', suggestion: 'ikkje' }, { form: 'hva' }]);
    expect(repair[1]!.content).toContain('«ikke» → «ikkje», «hva»');
    expect(repair[1]!.content).toContain(JSON.stringify(GOOD_CONTENT));
    expect(estimateMessagesTokens(repair)).toBeLessThan(estimateMessagesTokens(buildMessages(TEST_ARTICLE, TEST_TOPIC, DEFAULT_PREFS)) + 600);
  });
});
