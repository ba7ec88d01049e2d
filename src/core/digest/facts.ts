/**
 * The fact card's labelled facts in Nynorsk: source, dates, length, topic
 * and the names the article mentions. A fact without a value is left out.
 */
import { fill } from '../template';
import type { Card } from '../types';
import type { DigestFacts } from './digest-facts';
import type { Entity } from './entities';
import { capitalise, listNn, numberNn } from './format';
import { TEMPLATES } from './templates';

type Fact = NonNullable<Card['facts']>[number];

/** How many names of each kind the facts list. */
export const NAMES_PER_KIND = 6;
/** How many topic reasons the topic fact shows. */
const REASONS = 2;

function sourceValue(f: DigestFacts): string {
  const t = TEMPLATES.facts;
  if (f.isThread) return f.author ? fill(t.sourceThreadAuthor, { author: f.author }) : t.sourceThread;
  return f.author ? fill(t.sourceAuthor, { author: f.author }) : t.sourceValue;
}

function topicValue(f: DigestFacts): string {
  const t = TEMPLATES.facts;
  const topic = capitalise(f.topicLabel);
  const reasons = f.topic.reasons
    .map((r) => r.trim())
    .filter((r) => r && !/^også\s/.test(r))
    .slice(0, REASONS);
  return reasons.length ? fill(t.topicReasons, { topic, reasons: reasons.join('; ') }) : fill(t.topicValue, { topic });
}

const names = (list: Entity[]) => listNn(list.slice(0, NAMES_PER_KIND).map((e) => e.name));

/** The labelled facts, in a fixed order. */
export function buildFacts(f: DigestFacts): Fact[] {
  const t = TEMPLATES.facts;
  const out: Fact[] = [{ label: t.source, value: sourceValue(f) }];
  if (f.published) out.push({ label: t.published, value: f.published });
  if (f.updated) out.push({ label: t.updated, value: f.updated });
  if (f.length.words > 0) out.push({ label: t.length, value: fill(t.lengthValue, { minutes: f.length.minutes, words: numberNn(f.length.words) }) });
  out.push({ label: t.topic, value: topicValue(f) });
  if (f.entities.people.length) out.push({ label: t.people, value: names(f.entities.people) });
  if (f.entities.organisations.length) out.push({ label: t.organisations, value: names(f.entities.organisations) });
  if (f.entities.products.length) out.push({ label: t.products, value: names(f.entities.products) });
  return out;
}
