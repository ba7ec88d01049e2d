/**
 * Builds Spiceworks-like HTML pages from a structured spec, in several
 * templates, with the site's boilerplate in place. Used to write the repo's
 * page fixtures and, at test time only, to place the shared third-party texts
 * in the same markup. Markup follows /work/shared/fixtures/README.md; what
 * could not be verified (JSON-LD, og:/article: meta, breadcrumbs) varies by
 * template so that nothing depends on one of them.
 */

/** One block of an article body, as the shared texts type them. */
export type Block =
  | { type: 'p' | 'h2' | 'h3' | 'h4' | 'li' | 'see_more' | 'caption' | 'promo' | 'image'; text: string }
  | { type: 'toc'; items: string[] };

export type ArticleTemplate = 'gauge' | 'classic' | 'expert' | 'bare';

export type ArticleSpec = {
  url: string;
  title: string;
  template: ArticleTemplate;
  blocks: Block[];
  author?: string;
  authorRole?: string;
  authorBio?: string;
  published?: string;
  lastUpdated?: string;
  description?: string;
  /** JSON-LD articleSection/keywords, only where the page spec wants them. */
  ldSection?: string;
  keywords?: string[];
  breadcrumbs?: string[];
  moreOn?: { topic: string; links: string[] };
  /** Adds cookie banner, newsletter box, share bar and an ad marker. */
  chrome?: boolean;
};

/** A page and the boilerplate strings it carries that extraction must drop. */
export type BuiltPage = { html: string; boilerplate: string[]; notParagraphs: string[] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** URL-safe slug of a title (also used to place texts at synthetic URLs). */
export const slugify = slug;

const COOKIE = 'We use cookies to improve your experience on our site. By continuing you accept our use of cookies.';
const NEWSLETTER = 'Sign up for the Spiceworks newsletter and get the latest IT news in your inbox every week.';
const QUESTIONS = 'Do you still have questions? Head over to the Spiceworks Community to find answers.';

function ext(text: string, href = 'https://example.com/'): string {
  return `<a href="${esc(href)}" target="_blank" rel="noopener">${esc(text)}<span class="screen-reader-text">Opens a new window</span></a>`;
}

function bodyHtml(blocks: Block[], t: ArticleTemplate, out: BuiltPage): string {
  const parts: string[] = [];
  let list: string[] = [];
  let tocN = 0;
  const flush = () => {
    if (list.length) parts.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const b of blocks) {
    if (b.type !== 'li') flush();
    switch (b.type) {
      case 'li':
        list.push(`<li>${esc(b.text)}</li>`);
        break;
      case 'p':
        parts.push(`<p>${esc(b.text)}</p>`);
        break;
      case 'h2':
      case 'h3':
      case 'h4':
        tocN++;
        parts.push(`<${b.type} id="_${String(tocN).padStart(3, '0')}">${esc(b.text)}</${b.type}>`);
        break;
      case 'see_more': {
        const title = b.text.replace(/^see more\s*:\s*/i, '');
        parts.push(`<p><strong>See More:</strong> <a href="https://www.spiceworks.com/tech/tech-general/articles/${slug(title)}/">${esc(title)}</a></p>`);
        out.boilerplate.push(`See More: ${title}`);
        break;
      }
      case 'image':
        parts.push(
          `<figure class="${t === 'classic' ? 'wp-caption' : 'image-block'}"><img src="https://brightspot.example/${slug(b.text)}.jpg" alt="${esc(b.text)}" width="800" height="450">`,
        );
        break;
      case 'caption': {
        const text = b.text.replace(/\s*\|\s*Source\s*$/i, '');
        // Captions follow an image; when the shared text has none, open a figure.
        const last = parts[parts.length - 1] ?? '';
        if (!last.startsWith('<figure') || last.endsWith('</figure>')) parts.push(`<figure><img src="https://brightspot.example/x.jpg" alt="">`);
        parts[parts.length - 1] += `<figcaption>${esc(text)} | ${ext('Source')}</figcaption></figure>`;
        out.boilerplate.push(`${text} | Source`);
        break;
      }
      case 'promo':
        parts.push(`<p class="promo"><em>${esc(b.text)}</em></p>`);
        out.boilerplate.push(b.text.slice(0, 40));
        break;
      case 'toc': {
        const items = b.items.map((x, i) => `<li><a href="#_${String(i + 1).padStart(3, '0')}">${esc(x)}</a></li>`).join('');
        const cls = t === 'classic' ? 'ez-toc-container' : 'toc';
        parts.push(`<div class="${cls}"><p class="toc-title">Table of Contents</p><ul>${items}</ul></div>`);
        out.notParagraphs.push(...b.items);
        break;
      }
    }
  }
  flush();
  // Close a figure left open by an image without caption.
  return parts.map((p) => (p.startsWith('<figure') && !p.endsWith('</figure>') ? `${p}</figure>` : p)).join('\n');
}

function jsonLd(s: ArticleSpec): string {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': s.template === 'expert' ? 'Article' : 'NewsArticle',
    headline: s.title,
    mainEntityOfPage: s.url,
  };
  if (s.author) ld.author = { '@type': 'Person', name: s.author };
  if (s.published) ld.datePublished = `${s.published}T09:00:00-05:00`;
  if (s.ldSection) ld.articleSection = s.ldSection;
  if (s.keywords) ld.keywords = s.keywords.join(', ');
  const graph: unknown[] = [ld];
  if (s.breadcrumbs) {
    graph.push({
      '@type': 'BreadcrumbList',
      itemListElement: ['Home', ...s.breadcrumbs].map((name, i) => ({ '@type': 'ListItem', position: i + 1, name })),
    });
  }
  return `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>`;
}

function authorBox(s: ArticleSpec, t: ArticleTemplate, out: BuiltPage): string {
  if (!s.author) return '';
  const bio = s.authorBio ?? `${s.author} writes about enterprise technology for Spiceworks and has covered the IT industry for a decade.`;
  out.boilerplate.push(bio);
  const cls = t === 'classic' ? 'about-author' : 'author-box';
  return `<div class="${cls}"><img src="https://brightspot.example/author.jpg" alt=""><p class="author-box-name"><a href="https://www.spiceworks.com/user/about/${slug(s.author)}/">${esc(s.author)}</a></p><p class="author-role">${esc(s.authorRole ?? 'Contributing Writer')}</p><p>${esc(bio)}</p></div>`;
}

function moreOnBlock(s: ArticleSpec, t: ArticleTemplate, out: BuiltPage): string {
  if (!s.moreOn) return '';
  out.boilerplate.push(`MORE ON ${s.moreOn.topic.toUpperCase()}`, ...s.moreOn.links);
  const links = s.moreOn.links.map((l) => `<li><a href="https://www.spiceworks.com/tech/tech-general/news/${slug(l)}/">${esc(l)}</a></li>`).join('');
  if (t === 'classic') return `<p><strong>MORE ON ${esc(s.moreOn.topic.toUpperCase())}</strong></p><ul>${links}</ul>`;
  return `<div class="more-on"><h3>MORE ON ${esc(s.moreOn.topic.toUpperCase())}</h3><ul>${links}</ul></div>`;
}

function chromeTop(s: ArticleSpec, out: BuiltPage): string {
  if (!s.chrome) return '';
  out.boilerplate.push(COOKIE, NEWSLETTER, '- Advertisement -');
  return `<div id="onetrust-banner-sdk" class="cookie-banner"><p>${COOKIE}</p><button>Accept</button></div>`;
}

function shareBar(s: ArticleSpec): string {
  return s.chrome
    ? `<div class="social-share"><span>Share</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>`
    : '';
}

function newsletter(s: ArticleSpec): string {
  return s.chrome ? `<div class="newsletter-signup"><p>${NEWSLETTER}</p><form><input type="email"><button>Subscribe</button></form></div>` : '';
}

/** Builds a www.spiceworks.com article page in the spec's template. */
export function buildArticlePage(s: ArticleSpec): BuiltPage {
  const out: BuiltPage = { html: '', boilerplate: [QUESTIONS, 'Opens a new window'], notParagraphs: [] };
  const t = s.template;
  const suffix = t === 'classic' ? ' – Spiceworks News and Insights' : ' - Spiceworks';
  const head: string[] = [`<meta charset="utf-8">`, `<title>${esc(s.title + suffix)}</title>`];
  if (t === 'gauge' || t === 'expert') {
    head.push(`<link rel="canonical" href="${esc(s.url)}">`, `<meta property="og:type" content="article">`, `<meta property="og:title" content="${esc(s.title)}">`);
    head.push(`<meta property="og:url" content="${esc(s.url)}">`, `<meta property="og:site_name" content="Spiceworks">`);
    if (s.published) head.push(`<meta property="article:published_time" content="${s.published}T09:00:00+00:00">`);
    if (s.description) head.push(`<meta name="description" content="${esc(s.description)}">`);
    if (s.author) head.push(`<meta name="author" content="${esc(s.author)}">`);
  }
  if (t === 'gauge') head.push(jsonLd(s));
  if (t === 'expert' && s.keywords) for (const k of s.keywords) head.push(`<meta property="article:tag" content="${esc(k)}">`);

  const crumbs =
    s.breadcrumbs && t !== 'bare'
      ? `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="https://www.spiceworks.com/">Home</a></li>${s.breadcrumbs.map((c) => `<li><a href="https://www.spiceworks.com/tech/${slug(c)}/">${esc(c)}</a></li>`).join('')}</ol></nav>`
      : '';
  const byline = s.author
    ? t === 'classic'
      ? `<div class="post-meta"><span class="byline">By <a rel="author" href="https://www.spiceworks.com/user/about/${slug(s.author)}/">${esc(s.author)}</a></span>${s.published ? ` <span class="date">${longDate(s.published)}</span>` : ''}</div>`
      : `<div class="article-meta"><a class="author-name" href="https://www.spiceworks.com/user/about/${slug(s.author)}/">${esc(s.author)}</a>${s.published ? ` <time datetime="${s.published}">${longDate(s.published)}</time>` : ''}</div>`
    : '';
  const updated = s.lastUpdated ? `<p class="last-updated">Last Updated: ${longDate(s.lastUpdated)}</p>` : '';
  if (s.lastUpdated) out.boilerplate.push('Last Updated:');
  const body = bodyHtml(s.blocks, t, out);
  const ad = s.chrome ? `<div class="ad-marker"><p>- Advertisement -</p></div>` : '';
  const footerNote = `<p class="community-cta">${QUESTIONS}</p>`;

  const nav = `<header class="site-header"><a class="logo" href="https://www.spiceworks.com/">Spiceworks</a><nav class="main-menu"><ul><li><a href="https://www.spiceworks.com/tech/artificial-intelligence/">AI</a></li><li><a href="https://www.spiceworks.com/tech/cloud/">Cloud</a></li><li><a href="https://www.spiceworks.com/it-security/">Security</a></li><li><a href="https://community.spiceworks.com/">Community</a></li></ul></nav></header>`;
  const siteFooter = `<footer class="site-footer"><p>© Spiceworks Inc. All rights reserved.</p><a href="https://www.spiceworks.com/editorial-standards/">Editorial standards</a></footer>`;
  let main: string;
  switch (t) {
    case 'gauge':
      main = `<main id="main" class="site-main"><article class="post type-post"><header class="entry-header">${crumbs}<h1 class="entry-title">${esc(s.title)}</h1>${byline}</header>${shareBar(s)}<div class="entry-content">${updated}${body}${ad}${newsletter(s)}${moreOnBlock(s, t, out)}${authorBox(s, t, out)}${footerNote}</div></article></main>`;
      break;
    case 'classic':
      main = `<div id="content" class="content-area"><div class="single-post">${crumbs}<h1 class="post-title">${esc(s.title)}</h1>${byline}<div class="post-content">${updated}${body}${moreOnBlock(s, t, out)}${ad}</div>${authorBox(s, t, out)}${shareBar(s)}${newsletter(s)}<div class="sw-cta">${footerNote}</div></div></div>`;
      break;
    case 'expert':
      main = `<main><div class="article-wrap" itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">${esc(s.title)}</h1>${byline}${shareBar(s)}<div class="article-body" itemprop="articleBody">${updated}${body}${ad}</div>${moreOnBlock(s, t, out)}${authorBox(s, t, out)}${newsletter(s)}${footerNote}</div></main>`;
      break;
    case 'bare':
      main = `<div class="wrapper"><h1>${esc(s.title)}</h1>${byline}<div class="text">${updated}${body}${moreOnBlock(s, t, out)}${authorBox(s, t, out)}${footerNote}${ad}${newsletter(s)}</div></div>`;
      break;
  }
  out.html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n<body class="single">\n${chromeTop(s, out)}\n${nav}\n${main}\n${siteFooter}\n</body>\n</html>\n`;
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2024-04-03" → "April 3, 2024", as the site prints dates. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTH_NAMES[(m ?? 1) - 1]} ${d}, ${y}`;
}

/** One post of a community thread. */
export type PostSpec = {
  author: string;
  paragraphs: string[];
  /** Quotes this earlier post's first paragraph (Discourse aside.quote). */
  quotes?: { author: string; text: string };
  signature?: string;
  onebox?: { title: string; text: string };
  likes?: number;
};

export type ThreadSpec = {
  url: string;
  title: string;
  category: string;
  tags: string[];
  posts: PostSpec[];
  view: 'js' | 'crawler';
  published?: string;
};

/** Builds a community.spiceworks.com (Discourse) thread page in the JS or crawler view. */
export function buildThreadPage(s: ThreadSpec): BuiltPage {
  const out: BuiltPage = { html: '', boilerplate: [], notParagraphs: [] };
  const postHtml = (p: PostSpec, i: number): string => {
    const parts: string[] = [];
    if (p.quotes) {
      parts.push(`<aside class="quote no-group" data-username="${esc(p.quotes.author)}"><div class="title">${esc(p.quotes.author)}:</div><blockquote><p>${esc(p.quotes.text)}</p></blockquote></aside>`);
      // The quoted text stays once (in the post it came from): checked by paragraph counts.
    }
    parts.push(...p.paragraphs.map((x) => `<p>${esc(x)}</p>`));
    if (p.onebox) {
      parts.push(`<aside class="onebox allowlistedgeneric"><header class="source"><a href="https://example.com/">example.com</a></header><article class="onebox-body"><h3>${esc(p.onebox.title)}</h3><p>${esc(p.onebox.text)}</p><p><a href="https://example.com/">Read more</a></p></article></aside>`);
      out.boilerplate.push(p.onebox.text);
    }
    if (p.signature) {
      parts.push(`<div class="user-signature"><p>${esc(p.signature)}</p></div>`);
      out.boilerplate.push(p.signature);
    }
    const likes = p.likes ? `<div class="post-likes">${p.likes} Spice ups</div>` : '';
    const date = s.published ?? '2024-05-02';
    if (s.view === 'js') {
      return `<article id="post_${i + 1}" data-post-id="${9000 + i}" class="boxed onscreen-post"><div class="row"><div class="topic-avatar"></div><div class="topic-body"><div class="topic-meta-data"><div class="names"><span class="first username"><a href="/u/${slug(p.author)}">${esc(p.author)}</a></span></div><div class="post-infos"><time datetime="${date}T10:${String(10 + i).padStart(2, '0')}:00Z">May 2</time></div></div><div class="regular contents"><div class="cooked">${parts.join('')}</div><section class="post-menu-area">${likes}<button>Reply</button></section></div></div></div></article>`;
    }
    return `<div id="post_${i + 1}" class="topic-body crawler-post" itemprop="${i === 0 ? 'mainEntity' : 'comment'}" itemscope itemtype="http://schema.org/${i === 0 ? 'DiscussionForumPosting' : 'Comment'}"><div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="/u/${slug(p.author)}"><span itemprop="name">${esc(p.author)}</span></a></span><time itemprop="datePublished" datetime="${date}T10:00:00Z" class="post-time">May 2</time></div><div class="post" itemprop="text">${parts.join('')}</div><div itemprop="interactionStatistic" class="post-likes">${likes}</div></div>`;
  };
  const posts = s.posts.map(postHtml).join('\n');
  const tags = s.tags.map((t) => `<a href="/tag/${slug(t)}" class="discourse-tag simple">${esc(t)}</a>`).join(' ');
  const header = `<div id="topic-title"><h1><a href="${esc(s.url)}" class="fancy-title">${esc(s.title)}</a></h1><div class="topic-category"><a class="badge-category__wrapper" href="/c/${slug(s.category)}/7"><span class="badge-category__name category-name">${esc(s.category)}</span></a><div class="list-tags">${tags}</div></div></div>`;
  const suggested = `<div class="suggested-topics"><h2>Suggested topics</h2><table><tr><td><a href="/t/printer-keeps-going-offline/1">Printer keeps going offline</a></td></tr></table></div>`;
  out.boilerplate.push('Suggested topics', 'Printer keeps going offline');
  const meta = `<meta name="generator" content="Discourse 3.3.0 - https://github.com/discourse/discourse version abc"><meta property="og:type" content="website"><meta property="og:title" content="${esc(s.title)}"><link rel="canonical" href="${esc(s.url)}">`;
  const body =
    s.view === 'js'
      ? `<section id="main"><div id="main-outlet">${header}<div class="post-stream">${posts}</div>${suggested}</div></section>`
      : `<div id="main-outlet" class="wrap">${header}<div itemscope itemtype="http://schema.org/DiscussionForumPosting">${posts}</div>${suggested}</div>`;
  out.html = `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${esc(s.title)} - ${esc(s.category)} - Spiceworks Community</title>${meta}</head>\n<body><header class="d-header"><a href="/">Spiceworks Community</a></header>\n${body}\n</body></html>\n`;
  return out;
}

/** A non-article page (static page, listing, author page, error page). */
export function buildStaticPage(opts: { title: string; heading?: string; html: string; ogType?: string; ld?: string }): string {
  const ld = opts.ld ? `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': opts.ld, name: opts.title })}</script>` : '';
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(opts.title)} - Spiceworks</title>${opts.ogType ? `<meta property="og:type" content="${opts.ogType}">` : ''}${ld}</head>\n<body><header class="site-header"><a href="https://www.spiceworks.com/">Spiceworks</a></header>\n<main>${opts.heading === undefined ? '' : `<h1>${esc(opts.heading)}</h1>`}${opts.html}</main>\n<footer class="site-footer"><p>© Spiceworks Inc.</p></footer></body></html>\n`;
}
