import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { COPY_LIMITS, boundedCopy, measure } from '../../../src/core/extract/budget';

const parse = (body: string, head = '') => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).window.document;
const paras = (n: number) => Array.from({ length: n }, (_, i) => `<p>p${i}</p>`).join('');

describe('boundedCopy', () => {
  it('copies a page inside the limits whole, without script and style, and says nothing was cut', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle"}</script>';
    const doc = parse(`<h1>Title</h1><div><p>One <b>bold</b> line.</p><script>alert(1)</script><style>p{}</style></div>`, `<title>T</title>${ld}`);
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

  it('leaves out subtrees deeper than maxDepth and says the copy was cut', () => {
    const deep = '<div>'.repeat(6) + 'deep' + '</div>'.repeat(6);
    const { doc: out, cut } = boundedCopy(parse(`<p>shallow</p>${deep}<p>after</p>`), null, 3);
    expect(cut).toBe(true);
    expect(out.body.textContent).toBe('shallowafter');
    expect(measure(out.body).depth).toBe(3);
  });

  it('with a root, copies the first h1 before it when the h1 is outside, then the root only', () => {
    const doc = parse('<header><h1>Headline</h1></header><nav><p>menu</p></nav><article><p>Body text.</p></article>');
    const { doc: out, cut } = boundedCopy(doc, doc.querySelector('article'), 10);
    expect(cut).toBe(false);
    expect(out.body.innerHTML).toBe('<h1>Headline</h1><article><p>Body text.</p></article>');
  });
});
