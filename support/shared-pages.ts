/**
 * Places the real, third-party texts of /work/shared/fixtures/texts/*.json
 * (or $SHARED_FIXTURES) in our Spiceworks-like templates, at runtime only:
 * the texts are never written into the repository. When the folder is
 * absent, `loadSharedPages` says so and returns no pages, and callers report
 * the skip plainly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArticlePage, buildStaticPage, buildThreadPage, slugify, type ArticleTemplate, type Block } from './page-builder';
import type { PageExpectation } from './fixtures';
import { SHARED_TEXTS_DIR } from './shared-dir';

/** The shape of one shared text (see the folder's README). */
export type SharedText = {
  id: string;
  url: string | null;
  site: string;
  title: string;
  topic: string | null;
  secondary_topics: string[];
  kind: 'article' | 'news' | 'forum-thread' | 'community-digest' | 'non-article';
  completeness: string;
  published: string | null;
  author: string | null;
  paragraphs: string[];
  blocks?: { type: string; text: string }[];
};

/** One built page: where it pretends to live, its HTML and what it must give. */
export type SharedPage = {
  name: string;
  textId: string;
  template: string;
  url: string;
  /** True when the URL is the text's real Spiceworks URL with a section that names a topic. */
  realUrl: boolean;
  html: string;
  expected: PageExpectation & { content: string[] };
};

/** Where the shared texts live; overridable for CI. */
export const SHARED_DIR = SHARED_TEXTS_DIR;

/** Paragraphs of the texts that are chrome by construction (not content to keep). */
const NOISE = [
  /^-\s*advertisement\s*-$/i,
  /^pinterest linkedin tumblr$/i,
  /^this article is more than \d+ years? old$/i,
  // A line holding only a date is page metadata (it becomes the published date), not content.
  /^((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?[a-z]{3,9}\s+\d{1,2},?\s+\d{4}$/i,
];

const cleanTitle = (t: string) => t.replace(/\s*\(.*\)\s*$/, '').trim();
const isoDay = (s: string | null) => (s ? /^\d{4}-\d{2}-\d{2}/.exec(s)?.[0] : undefined);
const normal = (s: string) => s.replace(/\s*Opens a new window\b/g, '').replace(/\s+/g, ' ').trim();

/** Reads the shared texts, or returns `{ skipped }` with the reason. */
export function loadSharedTexts(dir = SHARED_DIR): { texts: SharedText[]; skipped?: string } {
  if (!existsSync(dir)) return { texts: [], skipped: `shared texts not found at ${dir}: skipped` };
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return { texts: files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SharedText) };
}

/** The text's body as builder blocks: typed blocks where the text has them, else paragraphs. */
function toBlocks(t: SharedText, title: string): Block[] {
  const src = t.blocks ?? t.paragraphs.map((text) => ({ type: 'p', text }));
  const out: Block[] = [];
  for (let i = 0; i < src.length; i++) {
    const b = src[i]!;
    const text = b.text.replace(/^#+\s*/, '');
    if (i < 3 && normal(text) === normal(title)) continue; // the page heading already shows it
    if (/^table of contents$/i.test(text)) {
      const items: string[] = [];
      while (src[i + 1]?.type === 'li') items.push(src[++i]!.text);
      out.push({ type: 'toc', items });
      continue;
    }
    const type = ['p', 'h2', 'h3', 'h4', 'li', 'see_more', 'caption', 'promo', 'image'].includes(b.type) ? b.type : 'p';
    out.push({ type: type as 'p', text: b.type === 'p' && /^#+\s/.test(b.text) ? text : b.text });
  }
  // "## Heading" lines inside paragraph-only texts become headings.
  return out.map((b) => (b.type === 'p' && t.paragraphs.includes(`## ${b.text}`) ? { type: 'h2', text: b.text } : b));
}

const MORE_ON = /^more on\s+\S/i;
const moreOnIndex = (blocks: Block[]) => blocks.findIndex((b) => 'text' in b && MORE_ON.test(b.text));

/** Texts after the text's own "MORE ON" heading: related links and author box, never content. */
function afterMoreOn(blocks: Block[]): string[] {
  const i = moreOnIndex(blocks);
  if (i < 0) return [];
  return blocks.slice(i).flatMap((b) => ('text' in b && b.text.trim().length > 20 ? [normal(b.text)] : []));
}

/** The content paragraphs the extraction should keep (for recall). */
function contentOf(allBlocks: Block[]): string[] {
  const i = moreOnIndex(allBlocks);
  const blocks = i < 0 ? allBlocks : allBlocks.slice(0, i);
  return blocks
    .filter((b): b is { type: 'p' | 'li'; text: string } => (b.type === 'p' || b.type === 'li') && !NOISE.some((re) => re.test(b.text.trim())))
    .filter((b) => !/^last updated\s*:/i.test(b.text))
    .map((b) => normal(b.text))
    .filter(Boolean);
}

function realSpiceworksArticleUrl(url: string | null): boolean {
  return !!url && /^https:\/\/www\.spiceworks\.com\/(tech|it-security)\/[^/]+\/(news|articles|guest-article|interviews)\/[^/]+\/$/.test(url);
}

const ARTICLE_TEMPLATES: ArticleTemplate[] = ['gauge', 'classic', 'bare'];

/** Builds every shared text into pages (several templates each). */
export function buildSharedPages(texts: SharedText[]): SharedPage[] {
  const pages: SharedPage[] = [];
  texts.forEach((t, n) => {
    const title = cleanTitle(t.title);
    const blocks = toBlocks(t, title);
    const base = { topic: t.topic ?? undefined, secondary: t.secondary_topics, title };
    if (t.kind === 'non-article') {
      const html = buildStaticPage({ title, heading: title, html: blocks.map((b) => (b.type === 'p' ? `<p>${esc(b.text)}</p>` : `<h2>${esc('text' in b ? b.text : '')}</h2>`)).join('\n') });
      pages.push({ name: `${t.id}@static`, textId: t.id, template: 'static', url: `https://www.spiceworks.com/${slugify(title)}/`, realUrl: false, html, expected: { kind: 'none', content: [] } });
      return;
    }
    if (t.kind === 'forum-thread') {
      const paras = blocks.filter((b) => b.type !== 'toc').map((b) => ('text' in b ? b.text : ''));
      const id = /\/topic\/(\d+)-/.exec(t.url ?? '')?.[1] ?? String(900000 + n);
      for (const view of ['js', 'crawler'] as const) {
        const built = buildThreadPage({ url: `https://community.spiceworks.com/t/${slugify(title)}/${id}`, title, category: 'Spiceworks Community', tags: [], view, posts: [{ author: 'Spiceuser', paragraphs: paras }] });
        pages.push({
          name: `${t.id}@discourse-${view}`,
          textId: t.id,
          template: `discourse-${view}`,
          url: `https://community.spiceworks.com/t/${slugify(title)}/${id}`,
          realUrl: false,
          html: built.html,
          expected: { ...base, kind: 'thread', confirmed: true, boilerplate: [...built.boilerplate, 'Opens a new window'], content: contentOf(blocks) },
        });
      }
      return;
    }
    const real = realSpiceworksArticleUrl(t.url);
    const url = real ? t.url! : `https://www.spiceworks.com/tech/tech-general/${t.kind === 'news' ? 'news' : 'articles'}/${slugify(title)}/`;
    const [author, role] = (t.author ?? '').split(/\s*\((.*)\)\s*/);
    for (const template of ARTICLE_TEMPLATES) {
      const built = buildArticlePage({
        url,
        title,
        template,
        blocks,
        author: author || undefined,
        authorRole: role || undefined,
        published: isoDay(t.published),
        chrome: template !== 'bare',
        moreOn: moreOnIndex(blocks) < 0 ? { topic: 'Tech General', links: ['Five Habits of Effective Help Desk Teams'] } : undefined,
      });
      const noise = t.paragraphs.filter((p) => NOISE.some((re) => re.test(p.trim())));
      pages.push({
        name: `${t.id}@${template}`,
        textId: t.id,
        template,
        url,
        realUrl: real,
        html: built.html,
        expected: {
          ...base,
          kind: 'article',
          confirmed: true,
          boilerplate: [...built.boilerplate, ...noise.map((x) => x.trim()), ...afterMoreOn(blocks), ...(blocks.some((b) => 'text' in b && /^last updated\s*:/i.test(b.text)) ? ['Last Updated:'] : [])],
          notParagraphs: built.notParagraphs,
          content: contentOf(blocks),
        },
      });
    }
  });
  return pages;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Loads and builds the shared pages; `skipped` says why there are none. */
export function loadSharedPages(dir = SHARED_DIR): { pages: SharedPage[]; skipped?: string } {
  const { texts, skipped } = loadSharedTexts(dir);
  return { pages: buildSharedPages(texts), skipped };
}
