/**
 * The fact card's labelled facts in Nynorsk: source, dates, replies, length,
 * topic and the names the text mentions by kind. A fact without a value is
 * left out.
 */
import { fill } from '../template';
import { numberNn } from '../nn-grammar';
import type { Card } from '../types';
import type { DigestFacts } from './digest-facts';
import { capitalise, countOf, listNn } from './format';
import { groupOf, NAME_GROUPS } from './names';
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

/** The labelled facts, in a fixed order. */
export function buildFacts(f: DigestFacts): Fact[] {
  const t = TEMPLATES.facts;
  const out: Fact[] = [{ label: t.source, value: sourceValue(f) }];
  if (f.published) out.push({ label: f.isThread ? t.threadStarted : t.published, value: f.published });
  if (f.updated) out.push({ label: t.updated, value: f.updated });
  if (f.replies) out.push({ label: t.replies, value: fill(f.replies.atLeast ? t.repliesValueAtLeast : t.repliesValue, { count: numberNn(f.replies.count, 'n') }) });
  if (f.length.words > 0) out.push({ label: t.length, value: fill(t.lengthValue, { minutes: countOf(f.length.minutes, 'minute'), words: countOf(f.length.words, 'word') }) });
  out.push({ label: t.topic, value: topicValue(f) });
  for (const g of NAME_GROUPS) {
    const list = groupOf(f.entities, g);
    if (list.length) out.push({ label: t[g], value: listNn(list.slice(0, NAMES_PER_KIND).map((e) => e.name)) });
  }
  return out;
}
