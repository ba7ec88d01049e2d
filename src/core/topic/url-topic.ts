/**
 * The topic a Spiceworks URL names by itself (its section, or the security
 * root), for the pill before the card exists. Reads a small derived map, not
 * the taxonomy with its lexicons: this runs in the pill's script (content-pill.js).
 */
import raw from '../../../assets/url-topics.json';
import type { TopicId } from '../types';

export type UrlTopic = { id: TopicId; label: string };
export type UrlTopics = { securityRoot: UrlTopic; sections: Record<string, UrlTopic> };

export const URL_TOPICS = raw as unknown as UrlTopics;

/** The topic the URL settles on its own, or null (weak or unknown sections, threads, other pages). */
export function topicFromUrl(href: string, map: UrlTopics = URL_TOPICS): UrlTopic | null {
  let parts: string[];
  try {
    const u = new URL(href);
    if (u.hostname !== 'www.spiceworks.com') return null;
    parts = u.pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
  if (parts.length < 3) return null;
  if (parts[0] === 'it-security') return map.securityRoot;
  return Object.prototype.hasOwnProperty.call(map.sections, parts[1]!) ? map.sections[parts[1]!]! : null;
}
