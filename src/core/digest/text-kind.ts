/**
 * What kind of text the article is (news, explainer, how-to, interview,
 * community question ...), from the URL's content type, the title and the
 * opening sentence. Drives the card's first line and the "what is it about"
 * answer.
 */
import type { Article } from '../types';

/** The kinds of text the card's first line distinguishes. */
export type TextKind = 'news' | 'explainer' | 'howto' | 'article' | 'guest-article' | 'interview' | 'question' | 'thread';

const EXPLAINER_TITLE = /^\s*(what\s+(is|are)\b|what['’]s\s+(an?|the)\s|(an?\s+)?introduction\s+to\b|.*\bexplained\b)/i;
const EXPLAINER_BODY = /\b(is|are)\s+defined\s+as\b/i;
const HOWTO_TITLE = /^\s*(how\s+to\b|\d+\s+(ways|steps|tips)\s+to\b|(a\s+)?(step-by-step\s+)?guide\s+to\b)/i;

/** The kind of text, for the card's first line. */
export function textKind(article: Article): TextKind {
  if (article.kind === 'thread') {
    const opening = article.paragraphs.slice(0, 2).join(' ');
    return /\?\s*$/.test(article.title) || /\?/.test(opening) ? 'question' : 'thread';
  }
  const opening = article.paragraphs.slice(0, 2).join(' ');
  if (EXPLAINER_TITLE.test(article.title) || EXPLAINER_BODY.test(opening)) return 'explainer';
  if (HOWTO_TITLE.test(article.title)) return 'howto';
  switch (article.contentType) {
    case 'news':
      return 'news';
    case 'guest-article':
      return 'guest-article';
    case 'interviews':
      return 'interview';
    default:
      return 'article';
  }
}
