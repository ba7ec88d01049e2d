/** Named people, organisations and products as one Nynorsk phrase ("personane A og B, verksemda C"). */
import { fill } from '../template';
import type { Entities, Entity } from './entities';
import { listNn } from './format';
import { TEMPLATES } from './templates';

/** The names of each kind, at most `perKind` of each, in order of first mention. */
export function namesPhrase(e: Entities, perKind: number): string | undefined {
  const t = TEMPLATES.names;
  const part = (list: Entity[], one: string, many: string) => {
    const names = list.slice(0, perKind).map((x) => x.name);
    if (names.length === 0) return undefined;
    return fill(names.length === 1 ? one : many, { names: listNn(names) });
  };
  const parts = [
    part(e.people, t.person, t.people),
    part(e.organisations, t.organisation, t.organisations),
    part(e.products, t.product, t.products),
  ].filter((p): p is string => !!p);
  if (parts.length === 0) return undefined;
  // Groups are separated by commas, the last by "og"; names inside a group already use "og".
  return listNn(parts);
}

/** Every entity shown in `namesPhrase`, for evidence. */
export function shownEntities(e: Entities, perKind: number): Entity[] {
  return [...e.people.slice(0, perKind), ...e.organisations.slice(0, perKind), ...e.products.slice(0, perKind)];
}
