/**
 * The topic badge: the Nynorsk topic label, with the detector's reasons one
 * click away in a native <details> (keyboard and screen-reader friendly).
 */
import type { Card } from '../core/types';
import { text } from '../strings/text';

export function TopicBadge({ topic }: { topic: Card['topic'] }) {
  const reasons = topic.reasons ?? [];
  return (
    <div class="nk-topic" data-testid="topic" data-topic={topic.id}>
      <span class="nk-topic__badge">
        <span class="nk-visually-hidden">{text.topicLabel}: </span>
        {upperFirst(topic.label)}
      </span>
      {reasons.length > 0 && (
        <details class="nk-topic__why">
          <summary>{text.topicReasons}</summary>
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Badges start with a capital letter, whatever case the taxonomy uses. */
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
