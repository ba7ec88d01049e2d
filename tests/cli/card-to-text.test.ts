import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCardCli } from '../../src/cli/card';
import { cardToText } from '../../src/cli/card-to-text';
import type { Card } from '../../src/core/types';
import { cardToHtml, cardToMarkdown } from '../../src/ui/card-export';
import { LIBRARY } from '../../src/core/library-data';
import { resolveCard } from '../../src/core/resolve';
import { text } from '../../src/strings/text';
import { META_PARAGRAPHS, makeArticle, makeTopic } from '../factories/article';

const metaUrl = 'https://www.spiceworks.com/tech/artificial-intelligence/news/meta-struggles-to-maintain-ai-workforce-following-high-level-exits/';

describe('cardToText', () => {
  it('prints a curated card with the same headings as the card in the browser', () => {
    const article = makeArticle({ url: metaUrl, canonicalUrl: metaUrl, paragraphs: META_PARAGRAPHS, published: '2024-04-03' });
    const out = cardToText(resolveCard(article, makeTopic({ id: 'ai', label: 'kunstig intelligens' }), { library: LIBRARY }).card);
    expect(out.split('\n')[0]).toBe('Meta slit med å halde på KI-ekspertane etter fleire tunge avgangar');
    // Capitalised, as the badge in the browser writes it.
    expect(out).toContain(`${text.topicLabel}: Kunstig intelligens`);
    expect(out).toContain(text.faqHeading);
    expect(out.match(/^\* /gm)).toHaveLength(5);
    expect(out).toContain(`${text.sourceLabel}: Spiceworks, 3. april 2024 <${metaUrl}>`);
    expect(out).toContain(`${text.engineLabel}: ${text.engineLibrary}`);
    expect(out).not.toMatch(/undefined/);
  });

  it('prints the fact card\'s key points with their paragraphs, and flagged forms', () => {
    const article = makeArticle({ paragraphs: META_PARAGRAPHS, author: 'Kari Nordmann' });
    const { card } = resolveCard(article, makeTopic(), { library: LIBRARY, engine: 'digest' });
    const out = cardToText({ ...card, language: { lang: 'nn', bokmalForms: ['ikke'] } });
    expect(out).toContain(text.keyPointsHeading);
    expect(out).toMatch(/^\* «.+» \(Avsnitt \d+\)$/m);
    expect(out).toContain(`${text.languageFlagged} ikke`);
  });
});

describe('card CLI --format', () => {
  const page = join(import.meta.dirname, '../fixtures/pages/meta-ai-workforce/source.html');

  it('prints the same text, Markdown, HTML and JSON as "Kopier kortet" makes', () => {
    const json = runCardCli([page, '--url', metaUrl, '--format', 'json']);
    expect(json.code).toBe(0);
    const card = JSON.parse(json.stdout) as Card;
    // Library cards' createdAt is not printed in these formats, so they match across runs.
    expect(runCardCli([page, '--url', metaUrl]).stdout).toBe(`${cardToText(card)}\n`);
    expect(runCardCli([page, '--url', metaUrl, '--format', 'markdown']).stdout).toBe(`${cardToMarkdown(card)}\n`);
    expect(runCardCli([page, '--url', metaUrl, '--format', 'html']).stdout).toBe(`${cardToHtml(card)}\n`);
    // Each run stamps its own createdAt.
    const again = JSON.parse(runCardCli([page, '--url', metaUrl, '--json']).stdout) as Card;
    expect({ ...again, createdAt: '' }).toEqual({ ...card, createdAt: '' });
  });

  it('refuses an unknown format', () => {
    const r = runCardCli([page, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ukjent format: pdf');
  });
});
