/**
 * The corpus: every page fixture of the repo, and every shared third-party
 * text placed in our templates (read at test time; skipped, and said so, when
 * the shared folder is absent).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePage } from '../../support/evaluate';
import { loadFixturePages } from '../../support/fixtures';
import { loadSharedPages } from '../../support/shared-pages';

describe('corpus: repo page fixtures', () => {
  for (const f of loadFixturePages()) {
    it(`${f.name}: ${f.expected.kind}${f.expected.confirmed === false ? ' (not confirmed)' : ''}`, () => {
      const ev = evaluatePage(f.html, f.url, f.expected);
      expect(ev.page.kind).toBe(f.expected.kind);
      if (f.expected.kind === 'none') return;
      expect(ev.confirmed).toBe(f.expected.confirmed);
      if (!f.expected.confirmed) return;
      expect(ev.survivors).toEqual([]);
      expect(ev.forbiddenParagraphs).toEqual([]);
      expect(ev.topic?.id).toBe(f.expected.topic);
    });
  }
});

const shared = loadSharedPages();
describe('corpus: shared texts in our templates', () => {
  if (shared.skipped) {
    it.skip(`SKIPPED: ${shared.skipped}`, () => {});
    console.warn(`[corpus] ${shared.skipped}`);
    return;
  }
  it('found the shared texts', () => expect(shared.pages.length).toBeGreaterThan(0));
  for (const p of shared.pages) {
    it(`${p.name}: ${p.expected.kind} / ${p.expected.topic ?? '-'}`, () => {
      const ev = evaluatePage(p.html, p.url, p.expected);
      expect(ev.page.kind).toBe(p.expected.kind);
      if (p.expected.kind === 'none') return;
      expect(ev.confirmed).toBe(true);
      expect(ev.survivors).toEqual([]);
      expect(ev.forbiddenParagraphs).toEqual([]);
      // Every content paragraph of the text survives extraction.
      expect(ev.contentFound).toBe(ev.contentExpected);
      if (p.realUrl) expect(ev.topic?.id).toBe(p.expected.topic);
    });
  }
});
