/**
 * Reads the page's JSON-LD once: types (flattening @graph), articleSection,
 * keywords, headline, authors (resolving @id references), dates and breadcrumb names. Broken blocks are
 * ignored; nothing here is required.
 */

import { jsonLdBlocks, MAX_LD_DEPTH } from './jsonld-blocks';

/** What the extractor and the confirmation use from JSON-LD. */
export type JsonLdInfo = {
  types: string[];
  sections: string[];
  keywords: string[];
  headline?: string;
  /** People credited as authors, in page order; @id references are resolved. */
  authors: string[];
  /** Organisations credited as authors: only a last resort for the byline. */
  authorOrgs: string[];
  datePublished?: string;
  dateModified?: string;
  breadcrumbs: string[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const strs = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** State of one read: the author value found so far and every node with an @id, to resolve references. */
type Ctx = { info: JsonLdInfo; ids: Map<string, Obj>; author?: unknown; authorRank: number };

/** Articles name the writer; a WebPage or WebSite node's author is often just the publisher. */
const ARTICLE_TYPE = /Article|Posting|Report|Review/;

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (isObj(v) && typeof v.name === 'string') return v.name;
  return undefined;
}

/** Parses every `script[type="application/ld+json"]` of the document. */
export function readJsonLd(doc: Document): JsonLdInfo {
  const info: JsonLdInfo = { types: [], sections: [], keywords: [], authors: [], authorOrgs: [], breadcrumbs: [] };
  const ctx: Ctx = { info, ids: new Map(), authorRank: 0 };
  for (const data of jsonLdBlocks(doc)) visit(data, ctx, 0);
  // Resolved after every block is read: a Person may be defined after, or in another block than, the article naming it.
  if (ctx.author !== undefined) collectAuthors(ctx.author, ctx, 0);
  return info;
}

function visit(v: unknown, ctx: Ctx, depth: number): void {
  if (depth > MAX_LD_DEPTH) return;
  if (Array.isArray(v)) {
    for (const x of v) visit(x, ctx, depth + 1);
    return;
  }
  if (!isObj(v)) return;
  const info = ctx.info;
  if (typeof v['@id'] === 'string' && !ctx.ids.has(v['@id'])) ctx.ids.set(v['@id'], v);
  const types = strs(v['@type']);
  info.types.push(...types);
  if (types.includes('BreadcrumbList')) {
    const items = Array.isArray(v.itemListElement) ? v.itemListElement : [];
    for (const it of items) {
      const n = isObj(it) ? (nameOf(it.name) ?? (isObj(it.item) ? nameOf(it.item.name) : undefined)) : undefined;
      if (n) info.breadcrumbs.push(n);
    }
  } else {
    info.sections.push(...strs(v.articleSection));
    const kw = v.keywords;
    const kws = typeof kw === 'string' ? kw.split(',') : strs(kw);
    info.keywords.push(...kws.map((k) => k.trim()).filter(Boolean));
    if (!info.headline && typeof v.headline === 'string') info.headline = v.headline;
    const rank = types.some((t) => ARTICLE_TYPE.test(t)) ? 2 : 1;
    if (v.author && rank > ctx.authorRank) {
      ctx.author = v.author;
      ctx.authorRank = rank;
    }
    if (!info.datePublished && typeof v.datePublished === 'string') info.datePublished = v.datePublished;
    if (!info.dateModified && typeof v.dateModified === 'string') info.dateModified = v.dateModified;
  }
  if (v['@graph']) visit(v['@graph'], ctx, depth + 1);
}

/** Sorts an author value (string, Person, Organization, @id reference or a list of them) into people and organisations. */
function collectAuthors(v: unknown, ctx: Ctx, depth: number): void {
  if (depth > 3) return;
  if (Array.isArray(v)) {
    for (const x of v) collectAuthors(x, ctx, depth + 1);
    return;
  }
  if (typeof v === 'string') {
    const ref = ctx.ids.get(v);
    // The same depth as a name written there: the node it names is read for its name only, never followed further.
    if (ref) collectAuthors(ref, ctx, depth);
    else ctx.info.authors.push(v);
    return;
  }
  if (!isObj(v)) return;
  const ref = typeof v['@id'] === 'string' ? ctx.ids.get(v['@id']) : undefined;
  const node = ref && ref !== v ? { ...ref, ...v } : v;
  const name = personName(node);
  if (!name) return;
  if (strs(node['@type']).some((t) => /Organi[sz]ation|Corporation/.test(t))) ctx.info.authorOrgs.push(name);
  else ctx.info.authors.push(name);
}

/** A node's name, or given and family name when the page splits it. */
function personName(v: Obj): string | undefined {
  if (typeof v.name === 'string' && v.name.trim()) return v.name;
  const parts = [v.givenName, v.familyName].filter((x): x is string => typeof x === 'string' && !!x.trim());
  return parts.length ? parts.join(' ') : undefined;
}
