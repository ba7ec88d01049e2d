/**
 * The page's JSON-LD blocks, parsed, and the types they declare. Apart from jsonld.ts (the full reading, for the
 * article code) because the pill's script needs the types alone to confirm an article (../confirm.ts), and must
 * stay small (issue 13).
 */

/** Every `script[type="application/ld+json"]` of the document, parsed; broken blocks are left out. */
export function jsonLdBlocks(doc: Document): unknown[] {
  const out: unknown[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      out.push(JSON.parse(s.textContent ?? ''));
    } catch {
      // Broken JSON: nothing here is required.
    }
  }
  return out;
}

/** Deeper than this, a node is not read (nor by jsonld.ts). */
export const MAX_LD_DEPTH = 4;

/** The `@type` strings of a node and its `@graph`, lists flattened, as jsonld.ts collects them. */
export function jsonLdTypes(v: unknown, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_LD_DEPTH) return out;
  if (Array.isArray(v)) {
    for (const x of v) jsonLdTypes(x, depth + 1, out);
    return out;
  }
  if (!v || typeof v !== 'object') return out;
  const node = v as Record<string, unknown>;
  const t = node['@type'];
  if (typeof t === 'string') out.push(t);
  else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') out.push(x);
  if (node['@graph']) jsonLdTypes(node['@graph'], depth + 1, out);
  return out;
}
