import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../src/core/extract/jsonld';
import { jsonLdBlocks, jsonLdTypes } from '../../../src/core/extract/jsonld-blocks';

const read = (...blocks: unknown[]) => {
  const scripts = blocks.map((b) => `<script type="application/ld+json">${JSON.stringify(b)}</script>`).join('');
  return readJsonLd(new JSDOM(`<!DOCTYPE html><html><head>${scripts}</head><body></body></html>`).window.document);
};
const article = (author: unknown) => ({ '@type': 'NewsArticle', headline: 'H', author });

describe('readJsonLd authors', () => {
  it('reads a Person by its name', () => {
    expect(read(article({ '@type': 'Person', name: 'Jane Smith' })).authors).toEqual(['Jane Smith']);
  });

  it('joins given and family name when the Person has no usable name', () => {
    expect(read(article({ '@type': 'Person', givenName: 'Jane', familyName: 'Smith' })).authors).toEqual(['Jane Smith']);
    expect(read(article({ '@type': 'Person', name: '  ', givenName: 'Jane', familyName: 'Smith' })).authors).toEqual(['Jane Smith']);
    expect(read(article({ '@type': 'Person', name: 42, givenName: 'Jane', familyName: 'Smith' })).authors).toEqual(['Jane Smith']);
    expect(read(article({ '@type': 'Person', givenName: 'Jane', familyName: ' ' })).authors).toEqual(['Jane']);
  });

  it('skips a Person with neither a name nor given and family names', () => {
    expect(read(article({ '@type': 'Person', name: ' ', givenName: '', familyName: 7 })).authors).toEqual([]);
    expect(read(article([{ '@type': 'Person' }, { '@type': 'Person', name: 'Ola Nordmann' }])).authors).toEqual(['Ola Nordmann']);
  });

  it('sorts organisations apart and resolves @id references across blocks', () => {
    const info = read(article([{ '@id': '#p1' }, { '@type': 'Organization', name: 'Spiceworks Staff' }]), { '@id': '#p1', '@type': 'Person', givenName: 'Kari', familyName: 'Nordmann' });
    expect(info.authors).toEqual(['Kari Nordmann']);
    expect(info.authorOrgs).toEqual(['Spiceworks Staff']);
  });

  it('reads an author inside up to three nested lists, and none nested deeper', () => {
    expect(read(article([[['Jane Smith']]])).authors).toEqual(['Jane Smith']);
    expect(read(article([[[['Jane Smith']]]])).authors).toEqual([]);
  });
});

describe('readJsonLd headline', () => {
  it('keeps the first string headline: a later node neither replaces nor clears it', () => {
    expect(read({ '@type': 'WebPage', headline: 'First' }, { '@type': 'NewsArticle', headline: 'Second' }).headline).toBe('First');
    expect(read({ '@graph': [{ '@type': 'NewsArticle', headline: 'Only' }, { '@type': 'WebPage' }] }).headline).toBe('Only');
  });

  it('skips a headline that is not a string and takes a later one that is', () => {
    expect(read({ '@type': 'NewsArticle', headline: 42 }).headline).toBeUndefined();
    expect(read({ '@type': 'WebPage', headline: ['A list'] }, { '@type': 'NewsArticle', headline: 'Later' }).headline).toBe('Later');
  });
});

describe('readJsonLd fields', () => {
  it('splits keywords at commas without blanks, keeps the first date and the first article author, and reads a loosely typed script', () => {
    const info = read(
      { '@type': 'NewsArticle', keywords: 'AI talent, Meta, , hiring', datePublished: '2024-04-03', dateModified: '2024-04-05', author: { '@type': 'Person', name: 'Jane Smith' } },
      { '@type': 'NewsArticle', datePublished: '2020-01-01', dateModified: '2020-01-02', author: { '@type': 'Person', name: 'Ola Nordmann' } },
    );
    expect(info.keywords).toEqual(['AI talent', 'Meta', 'hiring']);
    expect([info.datePublished, info.dateModified]).toEqual(['2024-04-03', '2024-04-05']);
    expect(info.authors).toEqual(['Jane Smith']);
    const loose = readJsonLd(new JSDOM('<!DOCTYPE html><html><head><script type=" Application/LD+JSON ">{"@type":"NewsArticle","headline":"Loose"}</script></head></html>').window.document);
    expect(loose.headline).toBe('Loose');
  });

  it('resolves an @id reference to the first node with that @id', () => {
    const info = read(article({ '@id': '#p1' }), { '@id': '#p1', '@type': 'Person', name: 'Kari Nordmann' }, { '@id': '#p1', '@type': 'Person', name: 'Someone Else' });
    expect(info.authors).toEqual(['Kari Nordmann']);
  });
});

describe('readJsonLd nesting', () => {
  it('reads a node four levels down (a @graph inside a @graph) and none deeper', () => {
    const node = { '@type': 'NewsArticle', headline: 'Deep', articleSection: 'Cloud' };
    // The block is level 0, its @graph list 1, the inner node 2, its @graph list 3, the article 4.
    const four = read({ '@graph': [{ '@type': 'WebPage', '@graph': [node] }] });
    expect([four.types, four.headline, four.sections]).toEqual([['WebPage', 'NewsArticle'], 'Deep', ['Cloud']]);
    const five = read({ '@graph': [{ '@type': 'WebPage', '@graph': [[node]] }] });
    expect([five.types, five.headline, five.sections]).toEqual([['WebPage'], undefined, []]);
  });
});

describe('readJsonLd on broken blocks', () => {
  it('skips null wherever a node may stand and reads the rest', () => {
    const info = read(
      null,
      [null, { '@type': 'BreadcrumbList', itemListElement: [null, { name: 'Cloud' }] }],
      { '@graph': [null, { '@type': 'NewsArticle', headline: 'After null', author: [null, { '@type': 'Person', name: 'Jane Smith' }] }] },
    );
    expect(info.types).toEqual(['BreadcrumbList', 'NewsArticle']);
    expect(info.breadcrumbs).toEqual(['Cloud']);
    expect(info.headline).toBe('After null');
    expect(info.authors).toEqual(['Jane Smith']);
  });
});

describe('readJsonLd breadcrumb names given as lists', () => {
  it('joins a list name with commas, skipping blanks, and falls back to the item name when the list is empty', () => {
    const info = read({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { name: ['Windows', '', { name: 'Server 2022' }] },
        { name: [], item: { name: 'Active Directory' } },
      ],
    });
    expect(info.breadcrumbs).toEqual(['Windows, Server 2022', 'Active Directory']);
  });
});

describe('readJsonLd breadcrumb names that are not strings', () => {
  it('falls back to the item name when a crumb name is null, and skips a number among the names of a crumb', () => {
    const info = read({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: null, item: { '@id': 'https://community.spiceworks.com/c/windows', name: 'Windows' } },
        { '@type': 'ListItem', position: 2, name: ['Windows Server', { '@type': 'Thing', name: 2022 }] },
        { '@type': 'ListItem', position: 3, name: 'Active Directory' },
      ],
    });
    expect(info.breadcrumbs).toEqual(['Windows', 'Windows Server', 'Active Directory']);
  });
});

describe('readJsonLd sources', () => {
  it('reads only scripts typed as JSON-LD, not other JSON data on the page', () => {
    const doc = new JSDOM(
      '<!DOCTYPE html><html><head><script type="application/json">{"@type":"NewsArticle","headline":"App state"}</script>' +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Patch Tuesday fixes 60 flaws"}</script></head></html>',
    ).window.document;
    expect(readJsonLd(doc).headline).toBe('Patch Tuesday fixes 60 flaws');
  });

  it('resolves an author given as a bare @id string to the Person with that @id', () => {
    const info = read({ '@graph': [article('https://www.spiceworks.com/#/schema/person/jsmith'), { '@id': 'https://www.spiceworks.com/#/schema/person/jsmith', '@type': 'Person', name: 'Jane Smith' }] });
    expect(info.authors).toEqual(['Jane Smith']);
  });

  it('reads a bare @id reference as deep as a plain name: three nested lists, and none deeper', () => {
    const person = { '@id': '#jsmith', '@type': 'Person', name: 'Jane Smith' };
    expect(read({ '@graph': [article([[['#jsmith']]]), person] }).authors).toEqual(['Jane Smith']);
    expect(read({ '@graph': [article([[[['#jsmith']]]]), person] }).authors).toEqual([]);
  });
});

describe('the types alone (jsonld-blocks.ts, for the pill)', () => {
  const typesOf = (...blocks: unknown[]) => {
    const doc = new JSDOM(`<!DOCTYPE html><html><head>${blocks.map((b) => `<script type="application/ld+json">${typeof b === 'string' ? b : JSON.stringify(b)}</script>`).join('')}</head><body></body></html>`).window.document;
    return { alone: jsonLdBlocks(doc).flatMap((b) => jsonLdTypes(b)), full: readJsonLd(doc).types };
  };
  const deep = (n: number): unknown => (n === 0 ? { '@type': 'TooDeep' } : { '@type': `Level${n}`, '@graph': [deep(n - 1)] });

  for (const [what, blocks] of [
    ['a plain article', [{ '@type': 'NewsArticle' }]],
    ['a list of types and a @graph', [{ '@graph': [{ '@type': ['WebPage', 'CollectionPage'] }, { '@type': 'BreadcrumbList' }, [{ '@type': 'Person' }]] }]],
    ['broken and odd blocks', ['{ not json', 'null', '"NewsArticle"', [{ '@type': 7 }, { '@type': ['Article', null] }]]],
    ['nesting past the depth read', [deep(6)]],
  ] as const) {
    it(`are the types the full reading gives: ${what}`, () => {
      const { alone, full } = typesOf(...blocks);
      expect(alone).toEqual(full);
      expect(alone.length).toBeGreaterThan(0);
    });
  }

  it('stop at the same depth as the full reading', () => {
    expect(typesOf(deep(6)).alone).not.toContain('TooDeep');
  });
});
