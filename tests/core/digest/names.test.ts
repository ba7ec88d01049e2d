/** The names a text mentions: which are shown, in which order, and which one it keeps coming back to. */
import { describe, expect, it } from 'vitest';
import type { Entities, Entity, EntityKind } from '../../../src/core/digest/entities';
import { groupOf, mostNamed, nameSentences, shownEntities, topNames } from '../../../src/core/digest/names';

const entity = (name: string, kind: EntityKind, count: number, paragraphs: number[], offset = 0): Entity => ({
  name,
  kind,
  count,
  first: { paragraph: paragraphs[0] ?? 0, offset },
  paragraphs,
});
const none: Entities = { people: [], organisations: [], products: [], languages: [], standards: [] };

describe('names', () => {
  it('lists one sentence per kind with names, in the order people, organisations, products, languages, standards', () => {
    const e: Entities = {
      people: [entity('Kari Nordmann', 'person', 1, [0])],
      organisations: [entity('Acme', 'organisation', 2, [1]), entity('Globex', 'organisation', 1, [2]), entity('Initech', 'organisation', 1, [3])],
      products: [],
      languages: [entity('Rust', 'language', 1, [4])],
      standards: [entity('TLS', 'standard', 1, [5])],
    };
    expect(nameSentences(e, 2)).toEqual([
      'Blant personane som blir nemnde, er Kari Nordmann.',
      'Blant verksemdene og organisasjonane som blir nemnde, er Acme og Globex.',
      'Blant programmeringsspråka som blir nemnde, er Rust.',
      'Blant standardane som blir nemnde, er TLS.',
    ]);
    expect(nameSentences(none, 4)).toEqual([]);
    expect(shownEntities(e, 2).map((x) => x.name)).toEqual(['Kari Nordmann', 'Acme', 'Globex', 'Rust', 'TLS']);
  });

  it('reads older entities without languages or standards as having none', () => {
    const old = { people: [entity('Ola', 'person', 1, [0])], organisations: [], products: [] } as unknown as Entities;
    expect(groupOf(old, 'languages')).toEqual([]);
    expect(groupOf(old, 'people').map((x) => x.name)).toEqual(['Ola']);
    expect(nameSentences(old, 4)).toEqual(['Blant personane som blir nemnde, er Ola.']);
  });

  it('ranks names by how often they are named, ties by the first mention (paragraph, then place in it)', () => {
    const e: Entities = {
      ...none,
      people: [entity('Late', 'person', 2, [3], 0), entity('Often', 'person', 5, [4])],
      organisations: [entity('EarlyOffset', 'organisation', 2, [1], 5), entity('Earliest', 'organisation', 2, [1], 2)],
      products: [entity('Once', 'product', 1, [0])],
    };
    expect(topNames(e, Infinity).map((x) => x.name)).toEqual(['Often', 'Earliest', 'EarlyOffset', 'Late', 'Once']);
    expect(topNames(e, 2).map((x) => x.name)).toEqual(['Often', 'Earliest']);
  });

  it('finds the one name the text keeps coming back to: three mentions, two paragraphs, more than any other', () => {
    const main = entity('Meta', 'organisation', 3, [0, 2]);
    expect(mostNamed({ ...none, organisations: [main] })?.name).toBe('Meta');
    expect(mostNamed({ ...none, organisations: [main], people: [entity('Kari', 'person', 2, [1, 3])] })?.name).toBe('Meta');
    // A tie with another name: neither runs through the text.
    expect(mostNamed({ ...none, organisations: [main], people: [entity('Kari', 'person', 3, [1, 3])] })).toBeUndefined();
    // Too few mentions, or all in one paragraph.
    expect(mostNamed({ ...none, organisations: [entity('Meta', 'organisation', 2, [0, 2])] })).toBeUndefined();
    expect(mostNamed({ ...none, organisations: [entity('Meta', 'organisation', 6, [1])] })).toBeUndefined();
    expect(mostNamed(none)).toBeUndefined();
  });
});
