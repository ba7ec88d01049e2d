/** What kind of text an article is, from its content type, title and opening (our own titles). */
import { describe, expect, it } from 'vitest';
import { textKind } from '../../../src/core/digest/text-kind';
import { makeArticle } from '../../factories/article';

describe('text kind', () => {
  it('takes the kind from the content type when title and opening say nothing more', () => {
    expect(textKind(makeArticle({ contentType: 'news' }))).toBe('news');
    expect(textKind(makeArticle({ contentType: 'guest-article' }))).toBe('guest-article');
    expect(textKind(makeArticle({ contentType: 'interviews' }))).toBe('interview');
    expect(textKind(makeArticle({ contentType: 'articles' }))).toBe('article');
    expect(textKind(makeArticle({ contentType: undefined }))).toBe('article');
  });

  it('reads an explainer or a how-to from the title before the content type', () => {
    for (const title of ['What Is Zero Trust?', 'What are SD-WANs', "What's a Hypervisor", 'An Introduction to Kubernetes', 'Edge Computing Explained']) {
      expect(textKind(makeArticle({ contentType: 'news', title })), title).toBe('explainer');
    }
    for (const title of ['How to Patch a Print Server', '5 Ways to Cut Cloud Costs', 'A Step-by-Step Guide to VLANs', 'Guide to Backups']) {
      expect(textKind(makeArticle({ contentType: 'news', title })), title).toBe('howto');
    }
    expect(textKind(makeArticle({ contentType: 'news', title: 'How Vendors Price Licences' }))).toBe('news');
  });

  it('reads an explainer from a definition in the first two paragraphs only', () => {
    const definition = 'Edge computing is defined as processing data near where it is made.';
    expect(textKind(makeArticle({ contentType: 'news', paragraphs: ['An opening line about costs.', definition] }))).toBe('explainer');
    expect(textKind(makeArticle({ contentType: 'news', paragraphs: ['One.', 'Two.', definition] }))).toBe('news');
  });

  it('calls a thread a question when its title or its first two paragraphs ask one, else a thread', () => {
    expect(textKind(makeArticle({ kind: 'thread', title: 'Printer offline?  ', paragraphs: ['It stopped.'] }))).toBe('question');
    expect(textKind(makeArticle({ kind: 'thread', title: 'Printer offline', paragraphs: ['It stopped.', 'Has anyone seen this?'] }))).toBe('question');
    expect(textKind(makeArticle({ kind: 'thread', title: 'Printer offline', paragraphs: ['It stopped.', 'It is old.', 'Any ideas?'] }))).toBe('thread');
    expect(textKind(makeArticle({ kind: 'thread', title: 'What? No coffee', paragraphs: ['Post your mug.'] }))).toBe('thread');
    // A thread is never an explainer, whatever its title.
    expect(textKind(makeArticle({ kind: 'thread', title: 'What Is DNS Explained', paragraphs: ['Post your notes.'] }))).toBe('thread');
  });
});
