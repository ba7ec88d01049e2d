import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../src/core/library-data';
import { resolveCard } from '../../src/core/resolve';
import type { Card } from '../../src/core/types';
import { cardToHtml, cardToMarkdown, cardToText, formatCard, mdEscape } from '../../src/ui/card-export';
import { text } from '../../src/strings/text';
import { META_PARAGRAPHS, makeArticle, makeTopic } from '../factories/article';
import { sampleCard } from './sample-card';

const digest = () => resolveCard(makeArticle({ paragraphs: META_PARAGRAPHS, author: 'Kari Nordmann' }), makeTopic(), { library: LIBRARY, engine: 'digest' }).card;

describe('card export', () => {
  it('says where the card came from in every format, and that quotes are English only when there are some', () => {
    const library = sampleCard();
    const fact = digest();
    expect(fact.keyPoints?.length).toBeGreaterThan(0);
    for (const f of ['text', 'markdown', 'html'] as const) {
      const lib = formatCard(library, f);
      expect(lib, f).toContain('Kortet er laga med Nynorsk-kort ut frå «A Test Card About Artificial Intelligence»');
      expect(lib, f).toContain(library.source.url);
      expect(lib, f).toContain(text.engineLibrary);
      for (const note of [text.exportQuoted, text.exportQuotedPoints, text.exportQuotedFigures]) expect(lib, f).not.toContain(note);
    }
  });

  it('names in its note only the quotes the card has: key points, figures or both', () => {
    const fact = digest();
    const figure = { value: '40 prosent', text: 'Costs fell by 40 percent.', evidence: [0] };
    const cases: [Card, string][] = [
      [{ ...fact, figures: [] }, text.exportQuotedPoints],
      [{ ...fact, figures: [figure] }, text.exportQuoted],
      [{ ...fact, keyPoints: [], figures: [figure] }, text.exportQuotedFigures],
    ];
    for (const [card, note] of cases) {
      const out = formatCard(card, 'text');
      expect(out).toContain(note);
      for (const other of [text.exportQuoted, text.exportQuotedPoints, text.exportQuotedFigures].filter((n) => n !== note)) expect(out).not.toContain(other);
    }
  });

  it('Markdown: headings, the FAQ as a list, the source link', () => {
    const md = cardToMarkdown(sampleCard());
    expect(md.split('\n')[0]).toBe('# Eit testkort om kunstig intelligens');
    expect(md).toContain(`## ${text.faqHeading}`);
    expect(md.match(/^- \*\*.+\*\* {2}$/gm)).toHaveLength(3);
    expect(md).toContain(`[${text.sourceLink}](<${sampleCard().source.url}>)`);
  });

  it('Markdown escapes what would turn into markup', () => {
    expect(mdEscape('a *b* [c](d) <e> _f_')).toBe('a \\*b\\* \\[c\\](d) \\<e\\> \\_f\\_');
    expect(mdEscape('# not a heading')).toBe('\\# not a heading');
    const md = cardToMarkdown(sampleCard({ title: 'Kva er *viktig*?' }));
    expect(md.split('\n')[0]).toBe('# Kva er \\*viktig\\*?');
  });

  it('HTML: lang="nn" on the card, lang="en" on every English quote, and everything escaped', () => {
    const card = { ...digest(), title: 'Ein nynorsk tittel', summary: ['Tal & teikn: 3 < 4, «sitat» og "hermeteikn".'] };
    const html = cardToHtml(card);
    const doc = new JSDOM(html).window.document;
    const article = doc.querySelector('article')!;
    expect(article.getAttribute('lang')).toBe('nn');
    expect(html).toContain('Tal &amp; teikn: 3 &lt; 4, «sitat» og &quot;hermeteikn&quot;.');
    const english = [...doc.querySelectorAll('[lang=en]')].map((e) => e.textContent);
    for (const k of card.keyPoints!) expect(english).toContain(k.text);
    expect(doc.querySelector('cite[lang=en]')?.textContent).toBe(card.sourceTitle);
    expect(doc.querySelector('a')?.getAttribute('href')).toBe(card.source.url);
    expect(doc.querySelectorAll('dt')).toHaveLength(card.faq.length);
  });

  it('plain text keeps the CLI layout and ends with the origin', () => {
    const out = cardToText(sampleCard());
    expect(out.split('\n')[0]).toBe('Eit testkort om kunstig intelligens');
    expect(out.trimEnd().split('\n').pop()).toBe('Kortet er laga med Nynorsk-kort ut frå «A Test Card About Artificial Intelligence» på Spiceworks.');
    expect(formatCard(sampleCard(), 'json')).toBe(JSON.stringify(sampleCard(), null, 2));
  });

  it('writes the topic with a capital, as the badge and the facts list do, in every format', () => {
    const card = { ...sampleCard(), topic: { ...sampleCard().topic, label: 'kunstig intelligens' } };
    expect(cardToText(card)).toContain('\nEmne: Kunstig intelligens\n');
    expect(cardToMarkdown(card)).toContain('**Emne:** Kunstig intelligens');
    expect(cardToHtml(card)).toContain('<strong>Emne:</strong> Kunstig intelligens</p>');
  });
});
