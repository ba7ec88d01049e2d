import { describe, expect, it } from 'vitest';
import { LIBRARY, LIBRARY_FILE_COUNT } from '../../src/core/library-data';
import { findEvidence, isLibraryEntry, matchLibrary, normaliseForMatch, slugOf } from '../../src/core/library';
import { META_PARAGRAPHS, makeArticle } from '../factories/article';

const META_SLUG = 'meta-struggles-to-maintain-ai-workforce-following-high-level-exits';

describe('built-in library', () => {
  it('loads every library file as a well-formed entry', () => {
    expect(LIBRARY_FILE_COUNT).toBeGreaterThan(0);
    expect(LIBRARY).toHaveLength(LIBRARY_FILE_COUNT);
  });

  it('keeps the five questions of the seed for the Meta card', () => {
    const meta = LIBRARY.find((e) => e.match.slugs.includes(META_SLUG));
    expect(meta?.card.faq).toHaveLength(5);
  });
});

describe('matchLibrary', () => {
  it('matches the Meta article by slug under any section', () => {
    for (const section of ['tech/artificial-intelligence/news', 'tech/it-careers-skills/articles', 'it-security/security-general/news']) {
      const url = `https://www.spiceworks.com/${section}/${META_SLUG}/`;
      const m = matchLibrary(makeArticle({ url, canonicalUrl: url, paragraphs: ['Short unrelated text.'] }), LIBRARY);
      expect(m?.by).toBe('slug');
    }
  });

  it('matches a copy at another URL by its fingerprint', () => {
    const url = 'https://www.spiceworks.com/tech/artificial-intelligence/news/ai-talent-leaves-big-tech/';
    const m = matchLibrary(makeArticle({ url, canonicalUrl: url, title: 'AI talent leaves', paragraphs: META_PARAGRAPHS }), LIBRARY);
    expect(m?.by).toBe('fingerprint');
  });

  it('never matches another article about Meta and AI', () => {
    const url = 'https://www.spiceworks.com/tech/artificial-intelligence/news/meta-releases-new-llama-model/';
    const paragraphs = [
      'Meta released a new Llama model on Tuesday, and Mark Zuckerberg said it beats rivals.',
      'The model is open to researchers; Meta says 30% more tokens were used in training.',
      'OpenAI and Anthropic did not comment.',
    ];
    expect(matchLibrary(makeArticle({ url, canonicalUrl: url, title: 'Meta releases Llama', paragraphs }), LIBRARY)).toBeNull();
  });

  it('does not match on a name inside a longer word', () => {
    const paragraphs = ['Metadata tools: devi parikhson, abhishek dash, erik meijerson and zuckerbergs with 30%.'];
    expect(matchLibrary(makeArticle({ paragraphs }), LIBRARY)).toBeNull();
  });

  it('does not match on a name at the end of a longer word', () => {
    const paragraphs = ['Ultrameta notes: kdevi parikh, mabhishek das, superik meijer, antizuckerberg and 130%.'];
    expect(matchLibrary(makeArticle({ paragraphs }), LIBRARY)).toBeNull();
    // The same names as words of their own do match.
    const words = ['Ultra meta notes: k devi parikh, m abhishek das, sup erik meijer, anti zuckerberg and 1 30%.'];
    expect(matchLibrary(makeArticle({ paragraphs: words }), LIBRARY)?.by).toBe('fingerprint');
  });
});

describe('matchLibrary with an entry of our own', () => {
  const entry = (slugs: string[], all: string[], any: string[], minAny: number) => ({ ...LIBRARY[0]!, match: { slugs, fingerprint: { all, any, minAny } } });
  const at = (slug: string, paragraphs: string[]) => makeArticle({ url: `https://www.spiceworks.com/tech/cloud/news/${slug}/`, canonicalUrl: `https://www.spiceworks.com/tech/cloud/news/${slug}/`, title: 'T', paragraphs });

  it('matches any one of its slugs', () => {
    expect(matchLibrary(at('second-slug', ['x']), [entry(['first-slug', 'second-slug'], ['nothing'], [], 0)])?.by).toBe('slug');
  });

  it('needs every "all" term and at least minAny of the "any" terms; exactly minAny is enough', () => {
    const e = entry(['elsewhere'], ['acme', 'quantum'], ['alpha', 'beta', 'gamma'], 2);
    expect(matchLibrary(at('a', ['Acme built a quantum thing with alpha and beta.']), [e])?.by).toBe('fingerprint');
    expect(matchLibrary(at('a', ['Acme built a thing with alpha and beta.']), [e])).toBeNull();
    expect(matchLibrary(at('a', ['Acme built a quantum thing with alpha.']), [e])).toBeNull();
  });

  it('reads the title too, and a term at the very start or end of the text', () => {
    const e = entry(['elsewhere'], ['acme'], ['quantum'], 1);
    const url = 'https://www.spiceworks.com/tech/hardware/news/acme-builds-a-computer/';
    // "Acme" only opens the title; "quantum" only ends the last paragraph.
    const copy = makeArticle({ url, canonicalUrl: url, title: 'Acme builds a new computer', paragraphs: ['The start-up says its chip runs cool.', 'Its design is quantum'] });
    expect(matchLibrary(copy, [e])?.by).toBe('fingerprint');
    expect(matchLibrary({ ...copy, title: 'A new computer' }, [e])).toBeNull();
  });

  it('does not take a term that runs on into digits, or a figure that has more digits in front', () => {
    const e = entry(['elsewhere'], ['acme', 'ai'], ['30%'], 1);
    expect(matchLibrary(at('a', ['Acme and AI teams grew 30 percent.']), [e])?.by).toBe('fingerprint');
    // AI2 is another name, and 130 % another figure.
    expect(matchLibrary(at('a', ['Acme partners with AI2; its teams grew 30 percent.']), [e])).toBeNull();
    expect(matchLibrary(at('a', ['Acme and AI teams grew 130 percent.']), [e])).toBeNull();
  });

  it('takes a term with pattern characters as it is written', () => {
    const e = entry(['elsewhere'], ['acme', 'c++'], [], 0);
    expect(matchLibrary(at('a', ['Acme rewrote its engine in C++ last year.']), [e])?.by).toBe('fingerprint');
    expect(matchLibrary(at('a', ['Acme rewrote its engine in C last year.']), [e])).toBeNull();
  });

  it('matches by the slug of the address the page was opened at, or of its canonical address', () => {
    const e = entry(['acme-builds-a-computer'], ['nothing-here'], [], 0);
    const ours = 'https://www.spiceworks.com/tech/hardware/news/acme-builds-a-computer/';
    const renamed = 'https://www.spiceworks.com/tech/hardware/news/acme-computer-update/';
    expect(matchLibrary(makeArticle({ url: ours, canonicalUrl: renamed, paragraphs: ['x'] }), [e])?.by).toBe('slug');
    expect(matchLibrary(makeArticle({ url: renamed, canonicalUrl: ours, paragraphs: ['x'] }), [e])?.by).toBe('slug');
  });
});

describe('helpers', () => {
  it('normalises percentages and case', () => {
    expect(normaliseForMatch('More than 30 percent, 30 %  and 30 per cent')).toBe('more than 30%, 30% and 30%');
    expect(normaliseForMatch('30percent and 40 prosent')).toBe('30% and 40%');
    // Only the whole word: "percentage points", "per centre" and "prosentpoeng" are other words.
    expect(normaliseForMatch('A 3 percentage point rise, 4 per centre and 2 prosentpoeng')).toBe('a 3 percentage point rise, 4 per centre and 2 prosentpoeng');
  });

  it('takes the slug from a URL with or without trailing slash', () => {
    expect(slugOf('https://www.spiceworks.com/tech/cloud/news/some-story/')).toBe('some-story');
    expect(slugOf('https://www.spiceworks.com/tech/cloud/news/some-story?x=1')).toBe('some-story');
    expect(slugOf('not a url')).toBeUndefined();
  });

  it('finds evidence paragraphs that hold every term of a group', () => {
    expect(findEvidence(META_PARAGRAPHS, [['Anthropic', 'Cohere']])).toEqual([5]);
    expect(findEvidence(META_PARAGRAPHS, [['zuckerberg'], ['compute']])).toEqual([2, 4]);
    expect(findEvidence(META_PARAGRAPHS, [['nothing-like-this']])).toEqual([]);
    // Every term of a group, not one of them; an empty group holds nothing; at most `max` paragraphs.
    expect(findEvidence(META_PARAGRAPHS, [['Anthropic', 'nothing-like-this']])).toEqual([]);
    expect(findEvidence(META_PARAGRAPHS, [[]])).toEqual([]);
    expect(findEvidence(META_PARAGRAPHS, [['a']])).toEqual([0, 1, 2]);
    expect(findEvidence(META_PARAGRAPHS, [['a']], 5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('isLibraryEntry', () => {
  const good = () => ({
    id: 'acme-quantum',
    match: { slugs: ['acme-builds-quantum-thing'], fingerprint: { all: ['acme'], any: ['quantum', 'alpha'], minAny: 1 } },
    card: { title: 'Acme byggjer', sourceTitle: 'Acme builds', summary: ['Acme byggjer noko.'], faq: [{ q: 'Kva?', a: 'Noko.', anchors: [['acme'], ['quantum', 'alpha']] }] },
  });
  /** A good entry with the value at a dotted path replaced (removed when undefined): a library file is JSON of any shape. */
  const withValue = (path: string, value: unknown): unknown => {
    const e = good();
    const keys = path.split('.');
    let o = e as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    if (value === undefined) delete o[last];
    else o[last] = value;
    return e;
  };
  const broken: [string, string, unknown][] = [
    ['id not a string', 'id', 1],
    ['no match', 'match', undefined],
    ['slugs not a list', 'match.slugs', 'acme-builds-quantum-thing'],
    ['a slug not a string', 'match.slugs.1', 7],
    ['no fingerprint', 'match.fingerprint', undefined],
    ['an "all" term not a string', 'match.fingerprint.all.1', null],
    ['an "any" term not a string', 'match.fingerprint.any.2', 1],
    ['minAny not a whole number', 'match.fingerprint.minAny', 1.5],
    ['no card', 'card', undefined],
    ['title not a string', 'card.title', ['Acme']],
    ['no sourceTitle', 'card.sourceTitle', undefined],
    ['a summary line not a string', 'card.summary.1', {}],
    ['faq not a list', 'card.faq', {}],
    ['a question not a string, after a good one', 'card.faq.1', { q: 1, a: 'Noko.', anchors: [] }],
    ['an answer not a string', 'card.faq.0.a', 2],
    ['anchors not a list', 'card.faq.0.anchors', 'acme'],
    ['an anchor group with a term not a string', 'card.faq.0.anchors.2', [3]],
    ['a question that is null', 'card.faq.0', null],
    ['a fingerprint that is null', 'match.fingerprint', null],
    ['an author not a string', 'card.author', 3],
  ];

  it('takes a well-formed entry, an empty FAQ too', () => {
    expect(isLibraryEntry(good())).toBe(true);
    expect(isLibraryEntry({ ...good(), card: { ...good().card, faq: [] } })).toBe(true);
  });

  it('refuses what is not an object', () => {
    expect(isLibraryEntry(null)).toBe(false);
    expect(isLibraryEntry('acme-quantum')).toBe(false);
  });

  it.each(broken)('refuses an entry with %s', (_, path, value) => {
    expect(isLibraryEntry(withValue(path, value))).toBe(false);
  });
});

