/**
 * Document fuzzing: the repo's own fixture pages (tests/fixtures/pages) and,
 * where present, the shared texts placed in our templates at run time (read
 * only, never written anywhere), mutated as text and as a DOM, then run
 * through the whole core: recognisePage → confirmArticle → extractArticle
 * (jsdom) → detectTopic → buildDigestCard → validateCard, plus the harness's
 * own sanity checks (support/sanity.ts).
 *
 * Inputs are small descriptions (a source index, a URL choice, a list of
 * operations), so that a failure prints short and replays exactly.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { confirmArticle } from '../../src/core/confirm';
import { buildDigestCard } from '../../src/core/digest';
import { extractArticle } from '../../src/core/extract';
import { recognisePage } from '../../src/core/recognise';
import { detectTopic } from '../../src/core/topic';
import { ArticleSchema, TopicResultSchema } from '../../src/core/schema/article';
import { validateCard } from '../../src/core/validate';
import { loadFixturePages } from '../fixtures';
import { loadSharedPages } from '../shared-pages';
import { cardProblems } from './sanity';

export type DocSource = { name: string; url: string; html: string };

/** The pages to mutate: ours always, the shared texts when the folder is there. */
export function loadDocSources(): { sources: DocSource[]; skipped?: string } {
  const ours = loadFixturePages().map((p) => ({ name: p.name, url: p.url, html: p.html }));
  const shared = loadSharedPages();
  return { sources: [...ours, ...shared.pages.map((p) => ({ name: `shared:${p.name}`, url: p.url, html: p.html }))], ...(shared.skipped ? { skipped: shared.skipped } : {}) };
}

// ---------------------------------------------------------------- arbitraries

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Pieces of Unicode junk: lone surrogates, controls, NUL, bidi and zero-width marks, combining runs, emoji. */
export const JUNK_PIECES = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009F',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDFFF\uD800',
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2069', '\u061C',
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\uFFFD', '\uFFFE', '\uFFFF',
  '\u0301'.repeat(40), 'e\u0301', '👩‍💻', '🇳🇴', '\u{1F600}', '\u3000', '\u00A0', '\u2028', '\u2029',
  'שלום', 'مرحبا', 'Ωmega', 'ﬁ', 'Ⅻ', '１２３', '$1.2 million', '50 %', '1,000,000', '2026-02-30', 'v2.0.1',
  '&lt;b&gt;bold&lt;/b&gt;', '&lt;img src=x onerror=alert(1)&gt;', '&lt;/p&gt;', '&amp;amp;', '&#0;', '&#xD800;', '&#x202E;', '&nbsp;',
];

/** Text made of junk pieces, random code units and ordinary words. */
export const junkText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...JUNK_PIECES) },
      { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
      { weight: 3, arbitrary: fc.constantFrom('the', 'cloud', 'security', 'Microsoft', 'said', '.', ',', ' ', '\n', 'Windows 10', 'AI', 'IT director') },
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((a) => a.join(''));

/** Markup that breaks the document when spliced into the HTML text. */
const BROKEN_MARKUP = [
  '<div', '</div>', '</p>', '<p <p>', '<!--', '-->', '<![CDATA[', ']]>', '<script>', '</script>', '<style>', '<title>', '</body>', '</html>',
  '<html><body>', '<table><tr><td>', '<svg><foreignObject><p>', '<math><mi>', '<template>', '<noscript>', '<textarea>', '<plaintext>',
  '<iframe srcdoc="<p>x</p>">', '<a href="javascript:alert(1)">', '<h1>', '</h1><h1>', '<!DOCTYPE html>', '<?xml version="1.0"?>', '<base href="http://evil.example/">',
  '"\'><', '&', '&#', '&#x', '\u0000', '<p>\uD800</p>', '<', '>', '<<<>>>', '</article></main>',
];

/** Snippets injected into the body: scripts, styles and other non-content elements, with tag-like text inside. */
const INJECTIONS = [
  '<script>document.write("<p>Injected paragraph from a script, it must not be read as article text.</p>")</script>',
  '<script>var x = "<h1>fake</h1>"; if (a < b && c > d) {}</script>',
  '<style>p { display: none } .x::after { content: "<b>styled</b>" }</style>',
  '<noscript><p>Please enable JavaScript to read this article, the site needs it for comments.</p></noscript>',
  '<template><p>Template content that is never shown in the page but sits in the DOM all the same.</p></template>',
  '<iframe srcdoc="&lt;p&gt;framed&lt;/p&gt;"></iframe>',
  '<svg><script>alert(1)</script><text>SVG text</text></svg>',
  '<math><mtext><p>math text</p></mtext></math>',
  '<p hidden>A hidden paragraph with more than forty characters of text in it.</p>',
  '<p style="display:none">An invisible paragraph with more than forty characters in it.</p>',
  '<div aria-hidden="true"><p>Aria-hidden paragraph with more than forty characters of text.</p></div>',
  '<p><script>1</script>Text around a script <style>b{}</style> in the middle of a paragraph.</p>',
  '<!-- a comment <p>with a paragraph inside</p> -->',
  '<p>&lt;script&gt;alert("escaped")&lt;/script&gt; is what the page literally says here.</p>',
  '<p>undefined NaN [object Object] null</p>',
  '<img src="x" onerror="alert(1)" alt="<b>alt</b>">',
  '<form><input value="<p>"><textarea><p>textarea</p></textarea></form>',
  '<object data="x"><p>Fallback content of an object element, long enough to count.</p></object>',
  '<p>' + 'Word '.repeat(400) + '</p>',
  '<ul>' + '<li>item</li>'.repeat(300) + '</ul>',
  '<table>' + '<tr><td>1</td><td>2</td></tr>'.repeat(200) + '</table>',
  '<a href="https://example.com/">' + 'link '.repeat(50) + '</a>'.repeat(1),
];

/** Things put into <head>: titles, meta tags and JSON-LD with the wrong types and junk. */
const HEAD_INJECTIONS = [
  '<title><b>Bold</b> title &lt;i&gt;escaped&lt;/i&gt; - Spiceworks</title>',
  '<title></title>',
  '<title>' + 'Very long title '.repeat(100) + '</title>',
  '<meta property="og:title" content="<script>alert(1)</script>">',
  '<meta property="og:title" content="">',
  '<meta name="author" content="">',
  '<meta name="author" content="' + 'A'.repeat(5000) + '">',
  '<meta property="article:published_time" content="NaN">',
  '<meta property="article:published_time" content="not a date">',
  '<meta property="article:published_time" content="99999-99-99T99:99:99Z">',
  '<meta property="article:modified_time" content="-271821-04-20">',
  '<meta property="article:section" content="[object Object]">',
  '<meta property="article:tag" content="<b>tag</b>">',
  '<meta name="description" content="' + 'desc '.repeat(2000) + '">',
  '<link rel="canonical" href="javascript:alert(1)">',
  '<link rel="canonical" href="">',
  '<link rel="canonical" href="https://www.spiceworks.com/tech/cloud/news/other-article/">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":42,"author":{"name":{"first":"A"}},"datePublished":"NaN"}</script>',
  '<script type="application/ld+json">{"@type":["Article",null,7],"headline":null,"author":[null,{"name":null},"<b>Bold</b>"],"keywords":{"a":1}}</script>',
  '<script type="application/ld+json">{"@graph":[{"@graph":[{"@graph":[{"@type":"Article","headline":"Deep"}]}]}]}</script>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"</script><p>broken</p>"}</script>',
  '<script type="application/ld+json">{not json at all</script>',
  '<script type="application/ld+json">' + '['.repeat(5000) + ']'.repeat(5000) + '</script>',
  '<script type="application/ld+json">{"@type":"CollectionPage"}</script>',
  '<script type="application/ld+json">{"@type":"NewsArticle","articleSection":' + JSON.stringify(Array.from({ length: 500 }, (_, i) => `s${i}`)) + '}</script>',
  '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"\\ud800\\u0000\\u202e"}}</script>',
  '<meta name="generator" content="Discourse 3.2">',
];

const TAGS = ['div', 'section', 'article', 'main', 'p', 'span', 'blockquote', 'ul', 'li', 'table', 'td', 'b', 'a', 'aside', 'nav', 'footer', 'header', 'figure'];
const ATTR_NAMES = ['class', 'id', 'style', 'hidden', 'aria-hidden', 'itemprop', 'role', 'data-post-id', 'lang', 'dir', 'href', 'title', 'onclick', 'contenteditable', 'xmlns'];
const ATTR_VALUES = [
  'hidden', 'comment', 'comments', 'sidebar', 'footer', 'ad advert sponsored', 'share social', 'entry-content', 'articleBody', 'article-content', 'cooked',
  'topic-body crawler-post', 'display:none', 'visibility:hidden', 'rtl', 'true', '', 'javascript:alert(1)', '<b>', '"\'><script>', '\u0000', '\uD800', 'x'.repeat(3000),
];

const target = fc.nat({ max: 100_000 });

/** Size options: the unit tests keep inputs small; the long run goes bigger. */
export type DocScale = { hugeText: number; depth: number; dup: number };
export const UNIT_SCALE: DocScale = { hugeText: 200_000, depth: 1_500, dup: 20 };
/** Depth stays under ~4,500: deeper, jsdom's own recursive tree walks overflow the stack (a jsdom limit, not the product's). */
export const LONG_SCALE: DocScale = { hugeText: 1_000_000, depth: 3_000, dup: 60 };

export type StringOp =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'cut'; at: number; len: number };

export type DomOp =
  | { op: 'delete'; target: number }
  | { op: 'duplicate'; target: number; times: number }
  | { op: 'nest'; target: number; depth: number; tag: string }
  | { op: 'move'; target: number; dest: number }
  | { op: 'hugeText'; target: number; unit: string; times: number }
  | { op: 'attr'; target: number; name: string; value: string }
  | { op: 'inject'; target: number; html: string }
  | { op: 'head'; html: string }
  | { op: 'junk'; target: number; text: string; replace: boolean };

export type DocInput = { source: number; url: { kind: 'own' } | { kind: 'other'; index: number } | { kind: 'junk'; suffix: string }; stringOps: StringOp[]; domOps: DomOp[] };

const stringOp: fc.Arbitrary<StringOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat({ max: 1000 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat({ max: 1000 }), text: fc.oneof(fc.constantFrom(...BROKEN_MARKUP), junkText) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat({ max: 1000 }), len: fc.nat({ max: 2000 }) }),
);

function domOp(scale: DocScale): fc.Arbitrary<DomOp> {
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), target }),
    fc.record({ op: fc.constant('duplicate' as const), target, times: fc.integer({ min: 1, max: scale.dup }) }),
    fc.record({
      op: fc.constant('nest' as const),
      target,
      depth: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 50 }) }, { weight: 1, arbitrary: fc.integer({ min: 50, max: scale.depth }) }),
      tag: fc.constantFrom(...TAGS),
    }),
    fc.record({ op: fc.constant('move' as const), target, dest: target }),
    fc.record({
      op: fc.constant('hugeText' as const),
      target,
      unit: fc.constantFrom('a', 'Word ', 'The cloud grew. ', '1,000 ', '$5 ', 'x\u0301', '\u00A0', '\n', 'Microsoft Azure and AWS said. ', 'https://example.com/a ', '((((', '-- '),
      times: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 2_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 2_000, max: scale.hugeText }) }),
    }),
    fc.record({ op: fc.constant('attr' as const), target, name: fc.constantFrom(...ATTR_NAMES), value: fc.oneof(fc.constantFrom(...ATTR_VALUES), junkText) }),
    fc.record({ op: fc.constant('inject' as const), target, html: fc.constantFrom(...INJECTIONS) }),
    fc.record({ op: fc.constant('head' as const), html: fc.constantFrom(...HEAD_INJECTIONS) }),
    fc.record({ op: fc.constant('junk' as const), target, text: junkText, replace: fc.boolean() }),
  );
}

/** A document input over `sourceCount` sources. */
export function docInput(sourceCount: number, scale: DocScale = UNIT_SCALE): fc.Arbitrary<DocInput> {
  return fc.record({
    source: fc.nat({ max: sourceCount - 1 }),
    url: fc.oneof(
      { weight: 6, arbitrary: fc.constant({ kind: 'own' as const }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('other' as const), index: fc.nat({ max: sourceCount - 1 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), suffix: fc.oneof(junkText, fc.constantFrom('?a=<b>', '#\u0000', '/../../', '%E0%A4%A', '%00', ':80', '\uD800')) }) },
    ),
    stringOps: fc.array(stringOp, { maxLength: 3 }),
    domOps: fc.array(domOp(scale), { minLength: 1, maxLength: 8 }),
  });
}

// ---------------------------------------------------------------- applying

const pos = (len: number, at: number) => Math.floor((len * at) / 1000);

export function applyStringOps(html: string, ops: readonly StringOp[]): string {
  let s = html;
  for (const o of ops) {
    const p = pos(s.length, o.at);
    if (o.op === 'truncate') s = s.slice(0, p);
    else if (o.op === 'insert') s = s.slice(0, p) + o.text + s.slice(p);
    else s = s.slice(0, p) + s.slice(p + o.len);
  }
  return s;
}

/** Elements an operation can aim at: body and everything in it. */
function elements(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return doc.documentElement ? [doc.documentElement] : [];
  return [body, ...Array.from(body.querySelectorAll('*'))];
}

export function applyDomOps(doc: Document, ops: readonly DomOp[]): void {
  for (const o of ops) {
    if (o.op === 'head') {
      (doc.head ?? doc.documentElement)?.insertAdjacentHTML('beforeend', o.html);
      continue;
    }
    const els = elements(doc);
    if (!els.length) return;
    const el = els[o.target % els.length]!;
    const isBody = el === doc.body;
    switch (o.op) {
      case 'delete':
        if (!isBody) el.remove();
        break;
      case 'duplicate':
        if (!isBody) for (let i = 0; i < o.times; i++) el.after(el.cloneNode(true));
        break;
      case 'nest': {
        if (isBody) break;
        // The chain is built detached, top down, then put in el's place with el at its bottom:
        // wrapping el one level at a time moves the page's subtree `depth` times (minutes in jsdom).
        const top = doc.createElement(o.tag);
        let leaf = top;
        for (let i = 1; i < o.depth; i++) leaf = leaf.appendChild(doc.createElement(o.tag));
        el.replaceWith(top);
        leaf.append(el);
        break;
      }
      case 'move': {
        const dest = els[o.dest % els.length]!;
        if (!isBody && !el.contains(dest)) dest.append(el);
        break;
      }
      case 'hugeText': {
        const p = doc.createElement('p');
        p.textContent = o.unit.repeat(o.times);
        el.append(p);
        break;
      }
      case 'attr':
        try {
          el.setAttribute(o.name, o.value);
        } catch {
          /* an invalid attribute name is the harness's problem, not the page's */
        }
        break;
      case 'inject':
        el.insertAdjacentHTML('beforeend', o.html);
        break;
      case 'junk':
        if (o.replace) el.textContent = o.text;
        else el.append(doc.createTextNode(o.text));
        break;
    }
  }
}

// ---------------------------------------------------------------- running

export type Outcome =
  | { status: 'card' }
  | { status: 'no-card' }
  /** The harness could not build the input in jsdom (a jsdom limit); not counted against the product. */
  | { status: 'skipped'; detail: string }
  /** An exception escaped the core. */
  | { status: 'crash'; detail: string }
  /** The core made a card (or article, or topic) that its own guards reject. */
  | { status: 'rejected'; detail: string }
  /** The validator accepted a card that fails the sanity checks. */
  | { status: 'invalid-accepted'; detail: string; problems: string[] };

const NOW = new Date('2026-12-01T00:00:00Z');
const errText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) + `\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(e));

export function urlFor(input: DocInput, sources: readonly DocSource[]): string {
  const own = sources[input.source]!.url;
  if (input.url.kind === 'own') return own;
  if (input.url.kind === 'other') return sources[input.url.index % sources.length]!.url;
  return own + input.url.suffix;
}

/** The mutated HTML of an input (for writing a counterexample to a file). */
export function mutatedHtml(input: DocInput, sources: readonly DocSource[]): string {
  const src = sources[input.source % sources.length]!;
  const dom = new JSDOM(applyStringOps(src.html, input.stringOps), { url: src.url });
  try {
    applyDomOps(dom.window.document, input.domOps);
    return dom.serialize();
  } finally {
    dom.window.close();
  }
}

/**
 * Runs one input through the whole core and judges the result. `coreMs` is
 * the product's time (recognise → card → validate), without the harness's
 * own jsdom parse, mutations and teardown: the time goal is about our code.
 */
export function runDocument(input: DocInput, sources: readonly DocSource[]): Outcome & { coreMs?: number } {
  let t0 = 0;
  let t1 = 0;
  const o = runDocumentTimed(input, sources, () => (t0 = performance.now()), () => (t1 = performance.now()));
  return t0 && t1 ? { ...o, coreMs: t1 - t0 } : o;
}

function runDocumentTimed(input: DocInput, sources: readonly DocSource[], startClock: () => void, stopClock: () => void): Outcome {
  const src = sources[input.source % sources.length]!;
  const url = urlFor(input, sources);
  const html = applyStringOps(src.html, input.stringOps);
  // jsdom needs a valid URL for the document; the pipeline gets the fuzzed one.
  const dom = new JSDOM(html, { url: src.url });
  const doc = dom.window.document;
  try {
    applyDomOps(doc, input.domOps);
  } catch (e) {
    closeQuietly(dom);
    return { status: 'skipped', detail: `jsdom could not apply the mutations: ${errText(e)}` };
  }
  try {
    startClock();
    const page = recognisePage(url);
    if (page.kind === 'none') return { status: 'no-card' };
    confirmArticle(doc, page);
    const article = extractArticle(doc, url, page);
    if (!article) return { status: 'no-card' };
    if (!v.is(ArticleSchema, article)) return { status: 'rejected', detail: 'extractArticle returned something ArticleSchema rejects' };
    if (article.paragraphs.length === 0) return { status: 'no-card' };
    const topic = detectTopic(article);
    if (!v.is(TopicResultSchema, topic)) return { status: 'rejected', detail: `detectTopic returned something TopicResultSchema rejects: ${JSON.stringify(topic).slice(0, 200)}` };
    const card = buildDigestCard(article, topic, { now: NOW });
    const n = article.paragraphs.length;
    const check = validateCard(card, n);
    // Words such as "NaN" that the page itself holds (text, attributes, injected markup) may be quoted.
    const injected = input.domOps.map((o) => ('html' in o ? o.html : 'text' in o ? o.text : 'value' in o ? o.value : '')).join('\n');
    const problems = cardProblems(card, { paragraphCount: n, sourceText: `${html}\n${injected}\n${url}` });
    if (!check.ok) return { status: 'rejected', detail: `validateCard rejected the digest card: ${check.errors.join(', ')}${problems.length ? `; sanity: ${problems.join('; ')}` : ''}` };
    if (problems.length) return { status: 'invalid-accepted', detail: problems.join('; '), problems };
    return { status: 'card' };
  } catch (e) {
    return { status: 'crash', detail: errText(e) };
  } finally {
    stopClock();
    closeQuietly(dom);
  }
}

/** Closes the jsdom window; jsdom's own recursion may fail on a very deep tree, which is no concern of the product. */
function closeQuietly(dom: JSDOM): void {
  try {
    dom.window.close();
  } catch {
    /* jsdom limit */
  }
}

/** Throws with the outcome's detail unless it is a card or no card (the unit-test property). */
export function assertDocumentOk(o: Outcome): void {
  if (o.status === 'card' || o.status === 'no-card' || o.status === 'skipped') return;
  throw new Error(`${o.status}: ${o.detail}`);
}
