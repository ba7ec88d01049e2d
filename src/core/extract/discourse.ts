/**
 * Community threads (Discourse): the first post and the answers, in order,
 * without quotes of earlier posts, signatures or link-preview widgets.
 * Works on the JavaScript view (article[data-post-id] .cooked) and on the
 * crawler view (div.topic-body.crawler-post [itemprop=text]).
 */
import { collectParagraphs } from './blocks';
import { cleanText } from './text';

/** What the thread view gives beyond paragraphs. */
export type ThreadContent = {
  paragraphs: string[];
  author?: string;
  published?: string;
  category?: string;
  postCount: number;
  /** Index into `paragraphs` where each post starts (a post that kept no text has none). */
  postStarts: number[];
  /** Replies the thread says it has (Discourse's reply count), where the page states it; else undefined. */
  replyCount?: number;
};

/** Elements inside a post that repeat or decorate rather than say something. */
const DROP = 'aside.quote, .quote, aside.onebox, .onebox, .read-more, .user-signature, .signature, [class*="signature"], .cooked-signature';

/** The post bodies of the thread, first post first. */
function postBodies(doc: Document): { body: Element; post: Element }[] {
  const js = Array.from(doc.querySelectorAll('article[data-post-id]'));
  if (js.length > 0) {
    return js.flatMap((post) => {
      const body = post.querySelector('.cooked');
      return body ? [{ body, post }] : [];
    });
  }
  let crawler = Array.from(doc.querySelectorAll('div.crawler-post'));
  if (crawler.length === 0) crawler = Array.from(doc.querySelectorAll('[itemtype$="DiscussionForumPosting"], [itemprop="comment"]'));
  return crawler.flatMap((post) => {
    const body = post.querySelector('[itemprop="text"], [itemprop="articleBody"], .post');
    return body ? [{ body, post }] : [];
  });
}

/** Text without whitespace: compared so, a quote matches its post whether or not its paragraphs have a break between them in the markup. */
const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Reads the thread's posts. Returns null when the page has no Discourse
 * post markup (the caller then falls back to Readability).
 */
export function extractThread(doc: Document): ThreadContent | null {
  const posts = postBodies(doc);
  if (posts.length === 0) return null;
  const paragraphs: string[] = [];
  const earlier: string[] = [];
  const postStarts: number[] = [];
  for (const { body } of posts) {
    const copy = body.cloneNode(true) as Element;
    for (const el of Array.from(copy.querySelectorAll(DROP))) el.remove();
    // A blockquote that repeats an earlier post is a quote, not an answer.
    for (const bq of Array.from(copy.querySelectorAll('blockquote'))) {
      const t = squash(cleanText(bq.textContent ?? ''));
      if (t && earlier.some((e) => e.includes(t))) bq.remove();
    }
    const { paragraphs: all } = collectParagraphs(copy);
    // A line typed as "> ..." quotes an earlier post by hand: a quote, not an answer.
    const ps = all.filter((p) => !/^>/.test(p));
    const sig = signatureStart(ps);
    const kept = ps.slice(0, sig);
    if (kept.length) postStarts.push(paragraphs.length);
    paragraphs.push(...kept);
    earlier.push(squash(kept.join('')));
  }
  // posts is not empty (checked above).
  const first = posts[0]!.post;
  const authorEl = first.querySelector('.names .username a, .names .first a, [itemprop="author"] [itemprop="name"], .creator [itemprop="name"], .creator a');
  const time = first.querySelector('time[datetime], [itemprop="datePublished"]');
  const category = doc.querySelector('#topic-title .category-name, .topic-category .category-name, .category-name, .badge-category__name');
  const out: ThreadContent = {
    paragraphs,
    author: cleanText(authorEl?.textContent ?? '') || undefined,
    published: time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? undefined,
    category: cleanText(category?.textContent ?? '') || undefined,
    postCount: posts.length,
    postStarts,
  };
  const replies = replyCount(doc);
  if (replies !== undefined) out.replyCount = replies;
  return out;
}

/**
 * The reply count the page states: schema.org commentCount (crawler view,
 * JSON-LD) or Discourse's reply counter. A long thread shows only its first
 * posts, so the posts on the page are a lower bound, not the count.
 */
function replyCount(doc: Document): number | undefined {
  const el = doc.querySelector('[itemprop="commentCount"], meta[itemprop="commentCount"], .topic-map .replies .number, .topic-map__stats .replies .number');
  const raw = el?.getAttribute('content') ?? el?.textContent ?? '';
  const n = Number(raw.replace(/[^\d]/g, ''));
  return raw.trim() && Number.isInteger(n) ? n : undefined;
}

/** A short sign-off line: "Thanks, Tom", "Cheers!", "Kind regards, Ann B." */
const SIGN_OFF = /^(?:thanks|thank you|thx|cheers|regards|best regards|kind regards|best|br|rgds|ta)\b[\s,.!-]*[\p{L} .'’-]{0,30}$/iu;

/** Index where a plain-text signature starts ("-- " line, "Sent from my ...", a sign-off), or the length. */
function signatureStart(ps: string[]): number {
  for (let i = Math.max(1, ps.length - 3); i < ps.length; i++) {
    const p = ps[i]!;
    if (/^(--|—|__+)\s/.test(p) || /^sent from my\b/i.test(p) || (p.length <= 40 && SIGN_OFF.test(p))) return i;
  }
  return ps.length;
}
