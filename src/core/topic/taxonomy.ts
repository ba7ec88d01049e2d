/**
 * The fixed topic taxonomy (assets/taxonomy.json): stable ids, Nynorsk
 * labels, the URL-section map and a text lexicon per topic. Typed here so
 * that the rest of the code never reads raw JSON.
 */
import raw from '../../../assets/taxonomy.json';
import { TOPIC_IDS, type TopicId } from '../types';

/** One topic: id, Nynorsk label, names it goes by in metadata, weighted terms. */
export type TopicDef = { id: TopicId; label: string; aliases: string[]; lexicon: Record<string, number> };
/** Where a URL section points, and whether it settles the topic on its own. */
export type SectionDef = { topic: TopicId | null; strength: 'strong' | 'weak' };
export type Taxonomy = { topics: TopicDef[]; sections: Record<string, SectionDef>; securityRoot: string };

/** Every topic id is a string, so no other value is found in the list. */
const isTopicId = (v: unknown): v is TopicId => (TOPIC_IDS as readonly unknown[]).includes(v);

/** Checks the JSON's shape; throws on a broken asset so that tests catch it at once. */
export function parseTaxonomy(v: unknown): Taxonomy {
  const o = v as { topics?: unknown; sections?: unknown; securityRoot?: unknown };
  if (!Array.isArray(o.topics) || typeof o.sections !== 'object' || !o.sections) throw new Error('taxonomy: bad shape');
  const topics = o.topics.map((t: Record<string, unknown>) => {
    if (!isTopicId(t.id) || typeof t.label !== 'string' || !Array.isArray(t.aliases) || typeof t.lexicon !== 'object' || !t.lexicon) {
      throw new Error(`taxonomy: bad topic ${String(t.id)}`);
    }
    return { id: t.id, label: t.label, aliases: t.aliases as string[], lexicon: t.lexicon as Record<string, number> };
  });
  const sections: Record<string, SectionDef> = {};
  for (const [k, s] of Object.entries(o.sections as Record<string, { topic: unknown; strength: unknown }>)) {
    if (!(s.topic === null || isTopicId(s.topic)) || (s.strength !== 'strong' && s.strength !== 'weak')) throw new Error(`taxonomy: bad section ${k}`);
    sections[k] = { topic: s.topic, strength: s.strength };
  }
  return { topics, sections, securityRoot: typeof o.securityRoot === 'string' ? o.securityRoot : 'it-security' };
}

/** The taxonomy shipped with the extension. */
export const TAXONOMY: Taxonomy = parseTaxonomy(raw);

/** The Nynorsk label of a topic id. */
export function topicLabel(id: TopicId): string {
  return TAXONOMY.topics.find((t) => t.id === id)?.label ?? id;
}

/**
 * The topic a metadata name points at ("Artificial Intelligence",
 * "IT Careers", "cloud-computing"), via the URL-section map and the aliases.
 */
export function topicForName(name: string): TopicId | null {
  const n = name.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  const slug = n.replace(/ /g, '-');
  const sec = TAXONOMY.sections[slug];
  if (sec?.topic) return sec.topic;
  for (const t of TAXONOMY.topics) if (t.aliases.includes(n) || t.aliases.includes(n.replace(/-/g, ' '))) return t.id;
  return null;
}
