import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectParagraphs } from '../../../src/core/extract/blocks';

const root = (html: string) => {
  const doc = new JSDOM(`<!DOCTYPE html><html><body><main>${html}</main></body></html>`).window.document;
  return doc.querySelector('main')!;
};
const paragraphs = (html: string) => collectParagraphs(root(html)).paragraphs;

describe('collectParagraphs: list items, quotes and cells', () => {
  it('reads a list item without paragraphs inside as one paragraph', () => {
    expect(paragraphs('<ul><li>Back up the <b>mail server</b> first.</li><li>Then the file shares.</li></ul>')).toEqual([
      'Back up the mail server first.',
      'Then the file shares.',
    ]);
  });

  it('reads the paragraphs inside a list item, quote or cell once, however deeply they are wrapped', () => {
    expect(paragraphs('<ul><li><p>Inside a list item.</p></li></ul>')).toEqual(['Inside a list item.']);
    expect(paragraphs('<ul><li><div><span><p>Wrapped in a div and a span.</p></span></div></li></ul>')).toEqual(['Wrapped in a div and a span.']);
    expect(paragraphs('<blockquote><section><p>A quoted paragraph.</p><p>And a second.</p></section></blockquote>')).toEqual([
      'A quoted paragraph.',
      'And a second.',
    ]);
    expect(paragraphs('<table><tr><td><div><p>A cell paragraph.</p></div></td></tr></table>')).toEqual(['A cell paragraph.']);
  });

  it('reads paragraphs in plain wrappers in document order', () => {
    expect(paragraphs('<div><p>First.</p><div><p>Second.</p></div></div><p>Third.</p>')).toEqual(['First.', 'Second.', 'Third.']);
  });
});
