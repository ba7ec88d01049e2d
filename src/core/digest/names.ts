/**
 * The names a text mentions, as Nynorsk sentences: one sentence per kind
 * ("Blant verksemdene som blir nemnde, er A og B."), so that no list joins
 * lists with a second "og".
 */
import { fill } from '../template';
import { capitalise } from '../nn-grammar';
import type { Entities, Entity } from './entities';
import { listNn } from './format';
import { TEMPLATES } from './templates';

/** The kinds of name in the order the card lists them. */
export const NAME_GROUPS = ['people', 'organisations', 'products', 'languages', 'standards'] as const;
export type NameGroup = (typeof NAME_GROUPS)[number];

/** The entities of one group; older Entities without languages/standards count as empty. */
export function groupOf(e: Entities, g: NameGroup): Entity[] {
  return (e as Partial<Record<NameGroup, Entity[]>>)[g] ?? [];
}

/** Every entity, each kind capped at `perKind`. */
export function shownEntities(e: Entities, perKind: number): Entity[] {
  return NAME_GROUPS.flatMap((g) => groupOf(e, g).slice(0, perKind));
}

/**
 * "Blant personane som blir nemnde, er A og B." per kind with names: "blant"
 * because the names are found by rule and the list may not be whole.
 */
export function nameSentences(e: Entities, perKind: number): string[] {
  const out: string[] = [];
  for (const g of NAME_GROUPS) {
    const names = groupOf(e, g).slice(0, perKind).map((x) => x.name);
    if (names.length === 0) continue;
    out.push(capitalise(fill(TEMPLATES.nameSentence, { group: TEMPLATES.nameGroups[g], names: listNn(names) })));
  }
  return out;
}

/** The `n` names mentioned most (ties: first mentioned first), for "nemner mellom anna ...". */
export function topNames(e: Entities, n: number): Entity[] {
  return shownEntities(e, Infinity)
    .sort((a, b) => b.count - a.count || a.first.paragraph - b.first.paragraph || a.first.offset - b.first.offset)
    .slice(0, n);
}

/**
 * The one name the text keeps coming back to: named at least three times,
 * in at least two paragraphs, and more often than any other name.
 */
export function mostNamed(e: Entities): Entity | undefined {
  const [first, second] = topNames(e, 2);
  if (!first || first.count < 3 || first.paragraphs.length < 2) return undefined;
  return second && second.count >= first.count ? undefined : first;
}
