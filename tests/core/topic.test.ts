import * as v from 'valibot';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNodeChecker } from '../../src/node/nynorsk';
import taxonomyJson from '../../assets/taxonomy.json';
import { extractArticle } from '../../src/core/extract/index';
import { recognisePage } from '../../src/core/recognise';
import { detectTopic, quoted, TAXONOMY, topicForName } from '../../src/core/topic/index';
import { parseTaxonomy } from '../../src/core/topic/taxonomy';
import { TOPIC_IDS, type Article } from '../../src/core/types';
import { TopicResultSchema } from '../../src/core/schema/article';
import { loadFixturePages, parsePage } from '../../support/fixtures';

const LABELS: Record<string, string> = {
  ai: 'kunstig intelligens',
  security: 'IT-tryggleik',
  cloud: 'skytenester',
  networking: 'nettverk',
  data: 'data, databasar og lagring',
  devops: 'programvareutvikling og DevOps',
  hardware: 'maskinvare og datasenter',
  software: 'operativsystem og programvare',
  careers: 'IT-karriere og arbeidsliv',
  business: 'teknologibransjen',
};

const KNOWN_SECTIONS = [
  'artificial-intelligence', 'devops', 'networking', 'cloud', 'edge-computing', 'big-data', 'iot', 'data-center', 'it-strategy', 'tech-general', 'it-careers-skills', 'innovation',
  'security-general', 'network-security', 'identity-access-management', 'endpoint-security', 'data-security', 'vulnerability-management', 'web-security', 'application-security',
];

function article(over: Partial<Article>): Article {
  return {
    url: 'https://www.spiceworks.com/tech/tech-general/news/x/',
    canonicalUrl: 'https://www.spiceworks.com/tech/tech-general/news/x/',
    kind: 'article',
    title: '',
    tags: [],
    breadcrumbs: [],
    jsonLd: { types: [], sections: [], keywords: [] },
    meta: {},
    paragraphs: [],
    ...over,
  };
}

describe('taxonomy', () => {
  it('has exactly the product ids with their Nynorsk labels', () => {
    expect(TAXONOMY.topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
    for (const t of TAXONOMY.topics) expect(t.label).toBe(LABELS[t.id]);
  });
  it('maps every known URL section', () => {
    for (const s of KNOWN_SECTIONS) expect(TAXONOMY.sections[s], s).toBeDefined();
  });
  it('has a lexicon for every topic and rejects a broken file', () => {
    for (const t of TAXONOMY.topics) expect(Object.keys(t.lexicon).length).toBeGreaterThan(10);
    expect(() => parseTaxonomy({ ...taxonomyJson, topics: [{ id: 'nope', label: 'x', aliases: [], lexicon: {} }] })).toThrow();
  });
  it('parses a well-formed taxonomy and rejects each kind of broken topic or section', () => {
    const parsed = parseTaxonomy(taxonomyJson);
    expect(parsed.topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
    expect(parsed.sections['artificial-intelligence']).toEqual({ topic: 'ai', strength: 'strong' });
    expect(parsed.securityRoot).toBe('it-security');
    const topic = { id: 'ai', label: 'kunstig intelligens', aliases: ['ai'], lexicon: { llm: 3 } };
    const ok = { topics: [topic], sections: { 'artificial-intelligence': { topic: 'ai', strength: 'strong' }, news: { topic: null, strength: 'weak' } } };
    expect(parseTaxonomy(ok)).toEqual({ ...ok, securityRoot: 'it-security' });
    expect(parseTaxonomy({ ...ok, securityRoot: 'security' }).securityRoot).toBe('security');
    for (const id of ['nope', 7, null, undefined, ['ai'], '']) expect(() => parseTaxonomy({ ...ok, topics: [{ ...topic, id }] }), String(id)).toThrow(/bad topic/);
    expect(() => parseTaxonomy({ ...ok, topics: [{ ...topic, label: 1 }] })).toThrow(/bad topic/);
    expect(() => parseTaxonomy({ ...ok, topics: [{ ...topic, aliases: 'ai' }] })).toThrow(/bad topic/);
    for (const lexicon of ['llm', undefined, null]) expect(() => parseTaxonomy({ ...ok, topics: [{ ...topic, lexicon }] }), String(lexicon)).toThrow(/bad topic ai/);
    expect(() => parseTaxonomy({ ...ok, sections: { x: { topic: 'nope', strength: 'strong' } } })).toThrow(/bad section x/);
    expect(() => parseTaxonomy({ ...ok, sections: { x: { topic: 'ai', strength: 'medium' } } })).toThrow(/bad section x/);
    expect(() => parseTaxonomy({ ...ok, sections: null })).toThrow(/bad shape/);
    expect(() => parseTaxonomy({ sections: {} })).toThrow(/bad shape/);
    expect(() => parseTaxonomy({ ...ok, sections: 'news' })).toThrow(/bad shape/);
  });
  it('finds topics by metadata names', () => {
    expect(topicForName('Artificial Intelligence')).toBe('ai');
    expect(topicForName('network-security')).toBe('security');
    expect(topicForName('IT Careers')).toBe('careers');
    expect(topicForName('Gardening')).toBeNull();
  });
  it('finds a topic by a URL-section name that is no alias ("Cyber Risk Management", "identity-access-management")', () => {
    expect(topicForName('Cyber Risk Management')).toBe('security');
    expect(topicForName('identity-access-management')).toBe('security');
    expect(topicForName('IT Careers Skills')).toBe('careers');
    // Metadata names come with stray spaces, underscores and hyphens.
    expect(topicForName(' Cloud Computing ')).toBe('cloud');
    expect(topicForName('Cloud  Computing')).toBe('cloud');
    expect(topicForName('big_data')).toBe('data');
    expect(topicForName('cloud-computing')).toBe('cloud');
    expect(topicForName('IT-karriere og arbeidsliv')).toBe('careers');
  });
});

describe('detectTopic on every fixture page', () => {
  for (const f of loadFixturePages().filter((p) => p.expected.topic)) {
    it(`${f.name} → ${f.expected.topic}`, () => {
      const a = extractArticle(parsePage(f.html, f.url), f.url, recognisePage(f.url))!;
      const t = detectTopic(a);
      expect(v.is(TopicResultSchema, t)).toBe(true);
      expect(t.id).toBe(f.expected.topic);
      expect(t.label).toBe(LABELS[t.id]);
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
      expect(t.secondary.length).toBeLessThanOrEqual(2);
      expect(t.secondary).not.toContain(t.id);
      for (const s of f.expected.secondary ?? []) expect(t.secondary).toContain(s);
      expect(t.reasons.length).toBeGreaterThan(0);
    });
  }

  it('the Meta article is ai with careers secondary, for the right reasons, even from its text alone', () => {
    const f = loadFixturePages().find((p) => p.name === 'meta-ai-workforce')!;
    const a = extractArticle(parsePage(f.html, f.url), f.url, recognisePage(f.url))!;
    const t = detectTopic(a);
    expect(t.id).toBe('ai');
    expect(t.secondary[0]).toBe('careers');
    expect(t.reasons).toContain('«artificial-intelligence» i nettadressa');
    expect(t.reasons.some((r) => r.startsWith('mellom anna orda ') && r.includes('«LLM»'))).toBe(true);
    expect(t.confidence).toBeGreaterThanOrEqual(0.9);
    const textOnly = detectTopic(a, { ignore: ['url', 'metadata'] });
    expect(textOnly.id).toBe('ai');
    expect(textOnly.secondary).toContain('careers');
  });
});

describe('detectTopic signals', () => {
  const aiText = ['The team trained a large language model on support tickets, and the chatbot now answers routine questions with generative AI.'];
  it('the URL section beats the text', () => {
    const t = detectTopic(article({ url: 'https://www.spiceworks.com/tech/cloud/news/x/', section: 'cloud', title: 'A chatbot for the help desk', paragraphs: aiText }));
    expect(t.id).toBe('cloud');
    expect(t.reasons[0]).toBe('«cloud» i nettadressa');
  });
  it('every /it-security/ section is security', () => {
    const t = detectTopic(article({ url: 'https://www.spiceworks.com/it-security/some-new-section/news/x/', section: 'some-new-section', paragraphs: aiText }));
    expect(t.id).toBe('security');
  });
  it('a general section leaves the topic to the text', () => {
    expect(detectTopic(article({ section: 'tech-general', paragraphs: aiText })).id).toBe('ai');
  });
  it('JSON-LD articleSection and the MORE ON heading count when the URL says nothing', () => {
    const a = article({ section: 'tech-general', paragraphs: aiText, jsonLd: { types: ['NewsArticle'], sections: ['Networking'], keywords: [] } });
    expect(detectTopic(a).id).toBe('networking');
    expect(detectTopic(a).reasons).toContain('sida er merkt «Networking»');
    const b = article({ section: 'tech-general', paragraphs: aiText, moreOn: 'MORE ON DEVOPS' });
    expect(detectTopic(b).id).toBe('devops');
  });
  it('a Discourse category counts for threads', () => {
    const a = article({ kind: 'thread', section: 'Security', title: 'Odd login attempts', paragraphs: ['We see odd login attempts on the file server every night.'] });
    expect(detectTopic(a).id).toBe('security');
    expect(detectTopic(a).reasons[0]).toBe('kategorien «Security» i fellesskapet');
  });
  it('is sure of a topic that alone has signals, and half sure between two equal ones', () => {
    const plain = ['Nothing to see here at all.'];
    const alone = detectTopic(article({ section: 'tech-general', title: 'Hello', paragraphs: plain, jsonLd: { types: ['NewsArticle'], sections: ['Networking'], keywords: [] } }));
    expect(alone).toMatchObject({ id: 'networking', confidence: 0.99 });
    const tied = detectTopic(article({ section: 'tech-general', title: 'Hello', paragraphs: plain, jsonLd: { types: ['NewsArticle'], sections: ['Networking', 'Cloud'], keywords: [] } }));
    expect(['networking', 'cloud']).toContain(tied.id);
    // No lead over the second (0.4 × 0) and half of all the signal (0.3 × ½) on top of the base 0.3.
    expect(tied.confidence).toBe(0.45);
  });
  it('is less sure the closer the second topic comes to the first', () => {
    const plain = ['Nothing to see here at all.'];
    const t = detectTopic(article({ section: 'tech-general', title: 'Hello', paragraphs: plain, meta: { 'article:section': 'Cloud' }, jsonLd: { types: ['NewsArticle'], sections: ['Networking'], keywords: [] } }));
    expect(t.id).toBe('networking');
    // Networking 10, cloud 8: 0.3 + 0.4 × (10 − 8) / 10 + 0.3 × 10 / 18 = 0.5467.
    expect(t.confidence).toBe(0.55);
  });
  it('one lexicon word among the tags is a hint, not a secondary topic; two of them are', () => {
    const plain = ['Nothing to see here at all.'];
    const ld = { types: ['NewsArticle'], sections: ['Networking'], keywords: [] };
    const one = detectTopic(article({ section: 'tech-general', title: 'Hello', paragraphs: plain, jsonLd: ld, tags: ['LLM'] }));
    expect(one.id).toBe('networking');
    expect(one.secondary).toEqual([]);
    // Networking 10, ai 3 (a title-weighted term, a third of it): 0.3 + 0.4 × 7 / 10 + 0.3 × 10 / 13 = 0.8108.
    expect(one.confidence).toBe(0.81);
    const two = detectTopic(article({ section: 'tech-general', title: 'Hello', paragraphs: plain, jsonLd: ld, tags: ['LLM', 'ChatGPT'] }));
    expect(two.secondary).toEqual(['ai']);
    expect(two.reasons).toContain('emnet kunstig intelligens passar òg (merkelappane «LLM» og «ChatGPT»)');
  });
  it('falls back with low confidence when nothing is known', () => {
    const t = detectTopic(article({ title: 'Hello', paragraphs: ['Nothing to see here at all.'] }));
    expect(v.is(TopicResultSchema, t)).toBe(true);
    expect(t.confidence).toBeLessThan(0.3);
  });
  it.skipIf(!existsSync('assets/nynorsk/bokmal.json'))('labels and every kind of reason pass the Nynorsk checker', () => {
    const checker = loadNodeChecker();
    const reasons = new Set<string>();
    for (const f of loadFixturePages().filter((p) => p.expected.topic)) {
      const a = extractArticle(parsePage(f.html, f.url), f.url, recognisePage(f.url))!;
      for (const r of detectTopic(a).reasons) reasons.add(r);
    }
    reasons.add(detectTopic(article({ title: 'x', paragraphs: ['y'] })).reasons.join(' '));
    // English names quoted from the page («...», terms after the colon) are not Nynorsk text.
    const nynorskPart = (r: string) => r.replace(/«[^»]*»/g, '').replace(/:.*$/, '');
    const texts = [...TAXONOMY.topics.map((t) => t.label), ...[...reasons].map(nynorskPart)];
    const flagged = texts.flatMap((t) => checker.check(t).flagged.map((f) => `${t}: ${f.form}`));
    expect(flagged).toEqual([]);
    expect(reasons.size).toBeGreaterThan(5);
  });

  it('reasons are written in Nynorsk forms', () => {
    const t = detectTopic(article({ section: 'artificial-intelligence', url: 'https://www.spiceworks.com/tech/artificial-intelligence/news/x/', paragraphs: aiText }));
    expect(t.reasons.join(' ')).toMatch(/i nettadressa|ord i teksten/);
    expect(t.reasons.join(' ')).not.toMatch(/\b(ikke|hva|hvordan|fra|og også|delen)\b/);
  });
});

describe('detectTopic: each signal on its own', () => {
  const plain = ['Nothing to see here at all.'];
  const aiText = ['The team trained a large language model on support tickets, and the chatbot now answers routine questions with generative AI.'];
  const bare = (over: Partial<Article>) => detectTopic(article({ section: 'tech-general', title: 'Hello', paragraphs: plain, ...over }));

  it('an unknown URL section says nothing; a weak one (it-strategy) only leans, and the text about AI wins', () => {
    expect(detectTopic(article({ url: 'https://www.spiceworks.com/tech/quantum/news/x/', section: 'quantum', paragraphs: aiText })).id).toBe('ai');
    const weak = detectTopic(article({ url: 'https://www.spiceworks.com/tech/it-strategy/news/x/', section: 'it-strategy', paragraphs: aiText }));
    expect(weak.id).toBe('ai');
  });

  it('reads the section from either metadata tag, and gives a reason once however many tags repeat it', () => {
    const parsely = bare({ meta: { 'parsely-section': 'Cloud' } });
    expect(parsely.id).toBe('cloud');
    expect(parsely.reasons).toEqual(['bolken «Cloud» i metadata']);
    expect(bare({ meta: { 'article:section': 'Cloud', 'parsely-section': 'Cloud' } }).reasons).toEqual(['bolken «Cloud» i metadata']);
  });

  it('reads the MORE ON heading by its topic name or, failing that, by its words', () => {
    expect(bare({ moreOn: 'MORE ON DATA' })).toMatchObject({ id: 'data', reasons: ['lenkjeboksen «MORE ON DATA»'] });
    expect(bare({ moreOn: 'More on Ransomware' }).id).toBe('security');
  });

  it('reads a thread\'s category without its bracketed note, and an article\'s section is no category', () => {
    const url = 'https://community.spiceworks.com/t/odd-logins/123';
    const thread = (section?: string) => detectTopic(article({ url, canonicalUrl: url, kind: 'thread', title: 'Hello', paragraphs: plain, ...(section ? { section } : {}) }));
    expect(thread('Identity and Access Management (General)')).toMatchObject({ id: 'security', reasons: ['kategorien «Identity and Access Management (General)» i fellesskapet'] });
    expect(thread()).toMatchObject({ id: 'business', reasons: ['ingen tydelege signal; teknologibransjen som standard'] });
    const a = detectTopic(article({ url: 'https://www.spiceworks.com/tech/cloud/news/x/', section: 'cloud', paragraphs: plain }));
    expect(a.reasons).toEqual(['«cloud» i nettadressa']);
  });

  it('reads keywords from JSON-LD, both keyword meta tags and the tags, each word once, at most four in a reason', () => {
    expect(bare({ jsonLd: { types: [], sections: [], keywords: ['Ransomware'] } })).toMatchObject({ id: 'security', reasons: ['merkelappen «Ransomware»'] });
    expect(bare({ meta: { keywords: 'Ransomware, Phishing' } }).reasons).toEqual(['merkelappane «Ransomware» og «Phishing»']);
    expect(bare({ meta: { news_keywords: 'Ransomware,Phishing' } }).reasons).toEqual(['merkelappane «Ransomware» og «Phishing»']);
    expect(bare({ meta: { keywords: 'Ransomware, Phishing' }, tags: ['Phishing'] }).reasons).toEqual(['merkelappane «Ransomware» og «Phishing»']);
    const five = bare({ tags: ['Ransomware', 'Phishing', 'Malware', 'Zero-day', 'Exploit'] });
    expect(five.reasons).toEqual(['merkelappane «Ransomware», «Phishing», «Malware» og «Zero-day»']);
  });

  it('a tag that names a topic counts more than one lexicon word, and tags together count no more than a JSON-LD section', () => {
    // Named tag 4 points, beside the JSON-LD section's 10: 0.3 + 0.4 × 6 / 10 + 0.3 × 10 / 14 = 0.754.
    expect(bare({ jsonLd: { types: [], sections: ['Networking'], keywords: [] }, tags: ['Data'] }).confidence).toBe(0.75);
    const many = bare({ jsonLd: { types: [], sections: ['Networking'], keywords: [] }, tags: ['Cloud', 'SaaS', 'Cloud Computing', 'Skytenester'] });
    expect(many.id).toBe('networking');
    expect(many.secondary).toEqual(['cloud']);
  });

  it('reads the breadcrumbs', () => {
    expect(bare({ breadcrumbs: ['Home', 'Cloud'] })).toMatchObject({ id: 'cloud', reasons: ['brødsmulestigen «Cloud»'] });
  });

  it('leaves out the signal families it is told to ignore', () => {
    expect(detectTopic(article({ url: 'https://www.spiceworks.com/tech/cloud/news/x/', section: 'cloud', paragraphs: aiText }), { ignore: ['url'] }).id).toBe('ai');
    expect(detectTopic(article({ paragraphs: aiText, jsonLd: { types: [], sections: ['Networking'], keywords: [] } }), { ignore: ['metadata'] }).id).toBe('ai');
    expect(detectTopic(article({ paragraphs: aiText }), { ignore: ['text'] })).toMatchObject({ id: 'business', confidence: 0.1 });
  });

  it('gives weak text less weight than strong text, and lets the text decide a tie', () => {
    // One AI word in the body (3 of the 6 that count fully) is worth 4, less than a metadata section (8).
    expect(bare({ meta: { 'article:section': 'Cloud' }, paragraphs: ['The help desk added a chatbot and an LLM last spring.'] }).id).toBe('cloud');
    // Metadata ai 8 against a cloud text of full weight 8: the topic with words in the text wins.
    const tie = detectTopic(article({ section: 'tech-general', title: 'Hello', meta: { 'article:section': 'Artificial Intelligence' }, paragraphs: ['Cloud costs rose as the cloud migration to AWS and Azure went on, and SaaS bills grew.'] }));
    expect(tie.id).toBe('cloud');
  });

  it('quotes at most four of the words the text uses', () => {
    const t = bare({ paragraphs: ['The chatbot uses a large language model. Generative AI and machine learning help. ChatGPT and deep learning too.'] });
    expect(t.reasons).toEqual(['mellom anna orda «large language model», «generative AI», «machine learning» og «ChatGPT» i teksten']);
  });

  it('is at least 90 % sure when a strong URL section alone gives the primary topic', () => {
    const t = detectTopic(article({ url: 'https://www.spiceworks.com/tech/artificial-intelligence/news/x/', section: 'artificial-intelligence', paragraphs: ['Cloud costs rose as the cloud migration to AWS and Azure went on, and SaaS bills grew.'] }));
    expect(t).toMatchObject({ id: 'ai', confidence: 0.9 });
  });

  it('takes a secondary topic from the text when it has at least 6 points and a quarter of the top', () => {
    const careers = 'We are hiring and the salary is good.';
    const ai = 'The team uses a large language model, generative AI, machine learning, ChatGPT and deep learning.';
    // ai 9 (title) + 15 = 24, careers 6: exactly a quarter.
    expect(bare({ title: 'LLM', paragraphs: [ai, careers] }).secondary).toEqual(['careers']);
    // ai 9 + 15 + 2 (a chatbot) = 26: careers falls short of a quarter.
    expect(bare({ title: 'LLM', paragraphs: [`${ai} A chatbot helps.`, careers] }).secondary).toEqual([]);
  });
});

describe('topic reasons quote the page', () => {
  it('cuts a long section, tag or link-box name short, so that a reason stays one line', () => {
    const long = 'cloud '.repeat(400).trim();
    const topic = detectTopic(article({ tags: [long], moreOn: `More on ${long}`, paragraphs: ["Cloud storage and cloud costs."] }));
    for (const r of topic.reasons) expect(r.length).toBeLessThanOrEqual(120);
    expect(quoted(long)).toMatch(/^«cloud cloud .*…»$/);
    expect(quoted(' DevOps ')).toBe('«DevOps»');
  });
  it('keeps a name of sixty characters whole and cuts a longer one at 59, without a space before the ellipsis', () => {
    const sixty = 'Zero Trust Network Access for Remote Workers and Small Sites';
    expect(sixty).toHaveLength(60);
    expect(quoted(sixty)).toBe(`«${sixty}»`);
    expect(quoted(`${sixty}s`)).toBe('«Zero Trust Network Access for Remote Workers and Small Site…»');
    expect(quoted('Zero Trust Network Access for Remote Workers and Branches: A Guide')).toBe('«Zero Trust Network Access for Remote Workers and Branches:…»');
  });
});
