import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { COPY_LIMITS, MAX_DEPTH_TIMES_TEXT, boundedCopy, measure, surelyWithin, withWork, type Limits } from '../../../src/core/extract/budget';
import { DEFAULT_LIMITS } from '../../../src/core/extract';
import { fixturePageNames, loadFixturePage } from '../../../support/browser/site';

const parse = (body: string, head = '') => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).window.document;
const paras = (n: number) => Array.from({ length: n }, (_, i) => `<p>p${i}</p>`).join('');

describe('boundedCopy', () => {
  it('copies a page inside the limits whole, without script and style, and says nothing was cut', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle"}</script>';
    // An HTML comment (an ad slot's marker) is no page text either.
    const doc = parse(`<h1>Title</h1><div><p>One <b>bold</b> line.</p><!-- ad slot: leaderboard --><script>alert(1)</script><style>p{}</style></div>`, `<title>T</title>${ld}`);
    const { doc: out, cut } = boundedCopy(doc, null, 10);
    expect(cut).toBe(false);
    expect(out.body.innerHTML).toBe('<h1>Title</h1><div><p>One <b>bold</b> line.</p></div>');
    expect(out.head.querySelector('script[type="application/ld+json"]')?.textContent).toBe('{"@type":"NewsArticle"}');
    expect(Array.from(out.head.querySelectorAll('title'), (t) => t.textContent)).toContain('T');
  });

  it('stops after COPY_LIMITS.maxElements elements, keeps the first ones in order and says the copy was cut', () => {
    const n = COPY_LIMITS.maxElements + 5;
    const { doc: out, cut } = boundedCopy(parse(paras(n)), null, 10);
    expect(cut).toBe(true);
    const ps = Array.from(out.body.getElementsByTagName('p'));
    expect(ps).toHaveLength(COPY_LIMITS.maxElements);
    expect(ps[0]?.textContent).toBe('p0');
    expect(ps.at(-1)?.textContent).toBe(`p${COPY_LIMITS.maxElements - 1}`);
  });

  it('is not cut at exactly COPY_LIMITS.maxElements elements', () => {
    const { doc: out, cut } = boundedCopy(parse(paras(COPY_LIMITS.maxElements)), null, 10);
    expect(cut).toBe(false);
    expect(out.body.getElementsByTagName('p')).toHaveLength(COPY_LIMITS.maxElements);
  });

  it('stops at COPY_LIMITS.maxTextChars characters of text and says the copy was cut', () => {
    const long = 'x'.repeat(COPY_LIMITS.maxTextChars + 10);
    const { doc: out, cut } = boundedCopy(parse(`<p>${long}</p><p>after</p>`), null, 10);
    expect(cut).toBe(true);
    expect(out.body.textContent).toBe('x'.repeat(COPY_LIMITS.maxTextChars));
  });

  it('is not cut at exactly COPY_LIMITS.maxTextChars characters, and copies the elements after them', () => {
    const text = 'x'.repeat(COPY_LIMITS.maxTextChars);
    const { doc: out, cut } = boundedCopy(parse(`<p>${text}</p><hr><img src="chart.png" alt="">`), null, 10);
    expect(cut).toBe(false);
    expect(out.body.textContent).toBe(text);
    expect(out.body.querySelectorAll('hr, img')).toHaveLength(2);
  });

  it('leaves out subtrees deeper than maxDepth and says the copy was cut', () => {
    const deep = '<div>'.repeat(6) + 'deep' + '</div>'.repeat(6);
    const { doc: out, cut } = boundedCopy(parse(`<p>shallow</p>${deep}<p>after</p>`), null, 3);
    expect(cut).toBe(true);
    expect(out.body.textContent).toBe('shallowafter');
    expect(measure(out.body).depth).toBe(3);
  });

  it('copies the head of a document without a body and gives an empty body', () => {
    const doc = parse('<p>Removed with the body.</p>', '<title>Headless</title>');
    doc.body.remove();
    const { doc: out, cut } = boundedCopy(doc, null, 10);
    expect(cut).toBe(false);
    expect(Array.from(out.head.querySelectorAll('title'), (t) => t.textContent)).toContain('Headless');
    expect(out.body.innerHTML).toBe('');
  });

  it('with a root, copies the first h1 before it when the h1 is outside, then the root only', () => {
    const doc = parse('<header><h1>Headline</h1></header><nav><p>menu</p></nav><article><p>Body text.</p></article>');
    const { doc: out, cut } = boundedCopy(doc, doc.querySelector('article'), 10);
    expect(cut).toBe(false);
    expect(out.body.innerHTML).toBe('<h1>Headline</h1><article><p>Body text.</p></article>');
    // An h1 inside the root is copied once, in its place.
    const inside = parse('<nav><p>menu</p></nav><article><h1>Headline</h1><p>Body text.</p></article>');
    expect(boundedCopy(inside, inside.querySelector('article'), 10).doc.body.innerHTML).toBe('<article><h1>Headline</h1><p>Body text.</p></article>');
  });

  it('copies the body of a page whose script removed its head', () => {
    const doc = parse('<article><p>Body text.</p></article>', '<title>Gone</title>');
    doc.head.remove();
    const { doc: out, cut } = boundedCopy(doc, null, 10);
    expect(cut).toBe(false);
    expect(out.body.innerHTML).toBe('<article><p>Body text.</p></article>');
  });
});

const doc = (html: string) => new JSDOM(html).window.document;

/** A page whose body holds `levels` nested divs (body is level 1, so the innermost div is at level levels + 1) and `text` characters. */
function nested(levels: number, text = 'x'): Document {
  return doc(`<!doctype html><html><head></head><body>${'<div>'.repeat(levels)}${text}${'</div>'.repeat(levels)}</body></html>`);
}

/** What extraction decides by the walk: past the budget or not. */
const overByWalk = (d: Document, limits: Limits) => withWork(measure(d.documentElement, limits)).over !== undefined;

describe('measure', () => {
  it('counts the characters of text only: a commented-out block of markup is no text', () => {
    const story = 'Cloud providers raised the price of object storage again this quarter.';
    const disabled = `<!-- <div class="promo">${'<a href="/deals/">Deal of the day</a>'.repeat(100)}</div> -->`;
    const m = measure(parse(`<article><p>${story}</p>${disabled}</article>`).body);
    expect(m).toEqual({ elements: 2, depth: 2, textChars: story.length });
    // Within a text limit the comment alone would pass.
    expect(measure(parse(`<p>${story}</p>${disabled}`).body, { ...DEFAULT_LIMITS, maxTextChars: 1_000 }).over).toBeUndefined();
  });

  it('leaves out the style sheet of an inline SVG icon, whose tag name is lower case', () => {
    const icon = `<svg viewBox="0 0 24 24"><style>${'.icon-share{fill:#0a66c2;stroke:none}'.repeat(20)}</style><path d="M0 0h24v24H0z"/></svg>`;
    const m = measure(parse(`<p>Share this article</p>${icon}`).body);
    expect(m.textChars).toBe('Share this article'.length);
  });

  it('measures the subtree of the root it is given, not what follows it', () => {
    const page = parse(`<main><article><h1>Storage Prices Rise</h1><p>Cloud providers raised prices.</p></article><aside>${paras(30)}</aside></main>`);
    const article = page.querySelector('article')!;
    expect(measure(article)).toEqual({ elements: 2, depth: 1, textChars: 'Storage Prices Rise'.length + 'Cloud providers raised prices.'.length });
    // Its last element the deepest: the walk climbs back to the root and stops there.
    const last = parse(`<article><p>Intro.</p><div><p>End <b>here</b>.</p></div></article><aside>${paras(30)}</aside>`).querySelector('article')!;
    expect(measure(last)).toMatchObject({ elements: 4, depth: 3 });
    // The root the last child of its parent, with more page after the parent.
    const inner = parse(`<main><article><p>Intro.</p><p>End.</p></article></main><footer>${paras(30)}</footer>`).querySelector('article')!;
    expect(measure(inner)).toEqual({ elements: 2, depth: 1, textChars: 'Intro.End.'.length });
  });

  it('is within at exactly maxElements elements and maxTextChars characters, and over one past either', () => {
    const body = parse(paras(10)).body; // 10 elements, 'p0'…'p9': 20 characters
    expect(measure(body, { ...DEFAULT_LIMITS, maxElements: 10, maxTextChars: 20 }).over).toBeUndefined();
    expect(measure(body, { ...DEFAULT_LIMITS, maxElements: 9 }).over).toBe('elements');
    expect(measure(body, { ...DEFAULT_LIMITS, maxTextChars: 19 }).over).toBe('text');
  });

  it('keeps the first limit passed when depth × text is past MAX_DEPTH_TIMES_TEXT as well', () => {
    // 50 levels, then 100,000 characters (50 × 100,000 > MAX_DEPTH_TIMES_TEXT), then more elements than allowed.
    const deep = `${'<div>'.repeat(50)}${'w'.repeat(100_000)}${'</div>'.repeat(50)}`;
    const m = measure(parse(`${deep}${paras(20)}`).body, { ...DEFAULT_LIMITS, maxElements: 60 });
    expect(m.depth * m.textChars).toBeGreaterThan(MAX_DEPTH_TIMES_TEXT);
    expect(withWork(m).over).toBe('elements');
  });
});

describe('surelyWithin (the walk skipped)', () => {
  it('says so at exactly maxElements elements and maxTextChars characters below the root, as measure does', () => {
    const page = parse(paras(8)); // head, body and 8 paragraphs below <html>; 'p0'…'p7': 16 characters
    const exact = { ...DEFAULT_LIMITS, maxElements: 10, maxTextChars: 16 };
    expect(overByWalk(page, exact)).toBe(false);
    expect(surelyWithin(page, exact)).toBe(true);
    expect(surelyWithin(page, { ...exact, maxElements: 9 })).toBe(false);
    expect(surelyWithin(page, { ...exact, maxTextChars: 15 })).toBe(false);
  });

  it('says no (measure decides) for a document without a root element', () => {
    const empty = new JSDOM('').window.document;
    empty.documentElement.remove();
    expect(surelyWithin(empty)).toBe(false);
  });

  it('says so for an ordinary article page, so extraction does not walk it', () => {
    const page = doc(loadFixturePage('review-nanog-ipv6-default').html);
    expect(surelyWithin(page, DEFAULT_LIMITS)).toBe(true);
    expect(overByWalk(page, DEFAULT_LIMITS)).toBe(false);
  });

  it('never says so for a page the walk finds past a limit (every fixture, tight limits)', () => {
    const limitsList: Limits[] = [
      DEFAULT_LIMITS,
      { ...DEFAULT_LIMITS, maxElements: 50 },
      { ...DEFAULT_LIMITS, maxElements: 200 },
      { ...DEFAULT_LIMITS, maxTextChars: 2_000 },
      { ...DEFAULT_LIMITS, maxTextChars: 5_000 },
      { ...DEFAULT_LIMITS, maxDepth: 5 },
      { ...DEFAULT_LIMITS, maxDepth: 9 },
    ];
    let skipped = 0;
    let over = 0;
    for (const name of fixturePageNames()) {
      const page = doc(loadFixturePage(name).html);
      for (const limits of limitsList) {
        const sure = surelyWithin(page, limits);
        const byWalk = overByWalk(page, limits);
        if (sure) expect(byWalk, `${name} ${JSON.stringify(limits)}`).toBe(false);
        skipped += sure ? 1 : 0;
        over += byWalk ? 1 : 0;
      }
    }
    // Both outcomes happen in this matrix: the check is neither always true nor always false.
    expect(skipped).toBeGreaterThan(0);
    expect(over).toBeGreaterThan(0);
  });

  it('draws the depth line where measure does', () => {
    const limits = { ...DEFAULT_LIMITS, maxDepth: 20 };
    // 19 divs under body: the deepest element is at level 20, the limit.
    expect(surelyWithin(nested(19), limits)).toBe(true);
    expect(overByWalk(nested(19), limits)).toBe(false);
    expect(surelyWithin(nested(20), limits)).toBe(false);
    expect(overByWalk(nested(20), limits)).toBe(true);
  });

  it('leaves depth × text to the walk once the text allows fewer levels than maxDepth', () => {
    // 40,000 characters allow MAX_DEPTH_TIMES_TEXT / 40,000 = 100 levels.
    const text = 'y'.repeat(40_000);
    expect(MAX_DEPTH_TIMES_TEXT / text.length).toBe(100);
    expect(surelyWithin(nested(99, text))).toBe(true);
    expect(overByWalk(nested(99, text), DEFAULT_LIMITS)).toBe(false);
    expect(surelyWithin(nested(100, text))).toBe(false);
    expect(withWork(measure(nested(100, text).documentElement)).over).toBe('work');
  });

  it('counts script text as text (an upper bound), so a page the walk finds within may still be walked', () => {
    const page = doc(`<html><head><script>${'z'.repeat(3_000)}</script></head><body><p>short</p></body></html>`);
    const limits = { ...DEFAULT_LIMITS, maxTextChars: 2_000 };
    expect(overByWalk(page, limits)).toBe(false);
    expect(surelyWithin(page, limits)).toBe(false);
  });
});
