/**
 * A cheap bound on a saved page before jsdom parses it: jsdom takes tens of
 * seconds on a page nested thousands of levels deep or holding megabytes of
 * text, before extraction's own budget can help. One linear scan of the
 * HTML estimates nesting (start tags minus end tags, void and
 * self-closing elements left out), counts tags and text, and cuts the HTML
 * where a limit is first passed; the parser closes what is left open.
 */

export const HTML_LIMITS = { maxDepth: 512, maxTags: 40_000, maxTextChars: 1_500_000 };

const VOID = new Set('area base br col embed hr img input link meta param source track wbr p li dt dd option tr td th'.split(' '));
const RAW = new Set(['script', 'style', 'textarea', 'title']);

/** The HTML, cut where a limit is passed; `cut` names the limit. */
export function boundHtml(html: string, limits = HTML_LIMITS): { html: string; cut?: 'depth' | 'tags' | 'text' } {
  // [^<>]: an unclosed '<' must not make every later '<' scan to the end of the file.
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
  let depth = 0;
  let tags = 0;
  let text = 0;
  let last = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    text += m.index - last;
    if (text > limits.maxTextChars) return { html: html.slice(0, m.index), cut: 'text' };
    const name = (m[2] ?? '').toLowerCase();
    const selfClosing = m[0].endsWith('/>');
    if (m[1]) depth = Math.max(0, depth - (VOID.has(name) ? 0 : 1));
    else {
      if (++tags > limits.maxTags) return { html: html.slice(0, m.index), cut: 'tags' };
      if (!VOID.has(name) && !selfClosing) depth++;
      if (depth > limits.maxDepth) return { html: html.slice(0, m.index), cut: 'depth' };
      if (RAW.has(name)) {
        // Script and style text is not markup: skip to the end tag.
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = TAG.lastIndex;
        const end = close.exec(html);
        TAG.lastIndex = end ? end.index : html.length;
      }
    }
    last = TAG.lastIndex;
  }
  return { html };
}
