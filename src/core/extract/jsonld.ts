/**
 * Reads the page's JSON-LD once: types (flattening @graph), articleSection,
 * keywords, headline, author, dates and breadcrumb names. Broken blocks are
 * ignored; nothing here is required.
 */

/** What the extractor and the confirmation use from JSON-LD. */
export type JsonLdInfo = {
  types: string[];
  sections: string[];
  keywords: string[];
  headline?: string;
  author?: string;
  datePublished?: string;
  dateModified?: string;
  breadcrumbs: string[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const strs = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (isObj(v) && typeof v.name === 'string') return v.name;
  return undefined;
}

/** Parses every `script[type="application/ld+json"]` of the document. */
export function readJsonLd(doc: Document): JsonLdInfo {
  const info: JsonLdInfo = { types: [], sections: [], keywords: [], breadcrumbs: [] };
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    visit(data, info, 0);
  }
  return info;
}

function visit(v: unknown, info: JsonLdInfo, depth: number): void {
  if (depth > 4) return;
  if (Array.isArray(v)) {
    for (const x of v) visit(x, info, depth + 1);
    return;
  }
  if (!isObj(v)) return;
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
    if (!info.author && v.author) info.author = nameOf(v.author);
    if (!info.datePublished && typeof v.datePublished === 'string') info.datePublished = v.datePublished;
    if (!info.dateModified && typeof v.dateModified === 'string') info.dateModified = v.dateModified;
  }
  if (v['@graph']) visit(v['@graph'], info, depth + 1);
}
