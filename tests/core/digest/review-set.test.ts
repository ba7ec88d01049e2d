/**
 * The review set: ten held-out pages (tests/fixtures/pages/review-*, page.json
 * `"reviewSet": true`) written after the digest rules and labelled by reading
 * them, never by running the rules. Each page goes through the real pipeline
 * (jsdom → understandPage → buildDigestCard) and the card is checked against
 * the labels: the author exactly; every name the card shows under
 * "Namngjevne ..." and every name `findEntities` finds is a labelled name of
 * the same kind (precision, overall ≥ 0.9; no unlabelled "person"); the
 * expected terms are glossed and the ones that must not be are not.
 *
 * The cards' text and a score table go to artifacts/review-cards.txt (and the
 * console) for a person to read.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cardToText } from '../../../src/cli/card-to-text';
import { buildDigestCard, findEntities, TERMS } from '../../../src/core/digest/index';
import type { Article, Card, TopicResult } from '../../../src/core/types';
import { understandPage } from '../../../src/core/understand';
import { loadFixturePages, parsePage, PAGES_DIR } from '../../../support/fixtures';

const NOW = new Date('2026-01-02T03:04:05Z');
const ARTIFACT = fileURLToPath(new URL('../../../artifacts/review-cards.txt', import.meta.url));

type Kind = 'person' | 'organisation' | 'product' | 'language' | 'standard';
type Labels = {
  author: string | null;
  people: string[];
  organisations: string[];
  products: string[];
  languages: string[];
  standards: string[];
  terms: { expected: string[]; notExpected: string[] };
  /** Names of one thing; reported when a card lists both, not asserted. */
  aliases?: string[][];
};
type ReviewMeta = { reviewSet?: boolean; labels?: Labels; traps?: string[] };

const LABEL_KEYS: Record<Kind, keyof Omit<Labels, 'author' | 'terms' | 'aliases'>> = {
  person: 'people',
  organisation: 'organisations',
  product: 'products',
  language: 'languages',
  standard: 'standards',
};

/** The kind a "Namngjevne ..." fact lists, from its label; undefined for a label this test does not know. */
function kindOfFact(label: string): Kind | undefined {
  if (/person/i.test(label)) return 'person';
  if (/programmeringsspråk|språk/i.test(label)) return 'language';
  if (/standard/i.test(label)) return 'standard';
  if (/verksemd|organisasjon/i.test(label)) return 'organisation';
  if (/produkt|teneste/i.test(label)) return 'product';
  return undefined;
}

/** A fact value "A, B og C" as names. */
const splitNames = (v: string) => v.split(/, | og /).map((s) => s.trim()).filter(Boolean);

/** Kinds the labels give a name ("AWS" may be both organisation and product); a shown "X (Y)" counts when X or Y is labelled. */
function labelledKinds(labels: Labels, name: string): Kind[] {
  const forms = [name, ...(/^(.+?) \((.+)\)$/.exec(name)?.slice(1) ?? [])];
  return (Object.keys(LABEL_KEYS) as Kind[]).filter((k) => forms.some((f) => labels[LABEL_KEYS[k]].includes(f)));
}

type Named = { name: string; kind: Kind | undefined; from: 'card' | 'findEntities' };
type Verdict = Named & { verdict: 'right' | 'wrong kind' | 'not a labelled name'; labelled: Kind[] };

type Review = {
  name: string;
  url: string;
  labels: Labels;
  traps: string[];
  article?: Article;
  topic?: TopicResult;
  card?: Card;
  error?: string;
  verdicts: Verdict[];
  cardTerms: string[];
};

/** Every name the card shows and every name findEntities finds, with a verdict against the labels. */
function judgeNames(article: Article, card: Card, labels: Labels): Verdict[] {
  const ents = findEntities(article.paragraphs) as unknown as Record<string, { name: string; kind: string }[] | undefined>;
  const found: Named[] = ['people', 'organisations', 'products', 'languages', 'standards'].flatMap((k) => (ents[k] ?? []).map((e) => ({ name: e.name, kind: e.kind as Kind, from: 'findEntities' as const })));
  const shown: Named[] = (card.facts ?? [])
    .filter((f) => f.label.startsWith('Namngjevne'))
    .flatMap((f) => splitNames(f.value).map((name) => ({ name, kind: kindOfFact(f.label), from: 'card' as const })));
  const seen = new Set<string>();
  const out: Verdict[] = [];
  for (const n of [...shown, ...found]) {
    const key = `${n.name}\u0000${n.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const labelled = labelledKinds(labels, n.name);
    const verdict = labelled.length === 0 ? 'not a labelled name' : n.kind && labelled.includes(n.kind) ? 'right' : 'wrong kind';
    out.push({ ...n, labelled, verdict });
  }
  return out;
}

/** The review pages through the pipeline (jsdom → understandPage), loaded once: the inputs. */
function loadReviews(): Review[] {
  return loadFixturePages()
    .map((f) => ({ f, meta: JSON.parse(readFileSync(join(PAGES_DIR, f.name, 'page.json'), 'utf8')) as ReviewMeta }))
    .filter(({ meta }) => meta.reviewSet === true && meta.labels)
    .map(({ f, meta }) => {
      const r: Review = { name: f.name, url: f.url, labels: meta.labels as Labels, traps: meta.traps ?? [], verdicts: [], cardTerms: [] };
      try {
        const u = understandPage(parsePage(f.html, f.url), f.url);
        if (!u.ok) throw new Error(`pipeline gave ${u.reason}`);
        r.article = u.article;
        r.topic = u.topic;
      } catch (e) {
        r.error = e instanceof Error ? e.message : String(e);
      }
      return r;
    });
}

/**
 * A review page with its card and the verdicts on its names. Made in each test, not at load:
 * the module body runs before Stryker turns a mutant on, so nothing made there can kill one.
 */
function judged(page: Review): Review {
  const { article, topic } = page;
  if (page.error || !article || !topic) return page;
  const r: Review = { ...page };
  try {
    r.card = buildDigestCard(article, topic, { now: NOW });
    r.verdicts = judgeNames(article, r.card, r.labels);
    r.cardTerms = (r.card.terms ?? []).map((t) => t.en);
  } catch (e) {
    r.error = e instanceof Error ? e.message : String(e);
  }
  return r;
}

const pages = loadReviews();
const inTermList = (en: string) => TERMS.some((t) => t.en === en);

function precision(vs: Verdict[]): { right: number; total: number } {
  return { right: vs.filter((v) => v.verdict === 'right').length, total: vs.length };
}

/** Labelled names that the card shows or findEntities finds, in any form (information only: the labels hold alternative forms, so this is a lower bound). */
function recall(r: Review): { found: number; total: number; missed: string[] } {
  const all = [...new Set((Object.values(LABEL_KEYS) as (keyof Labels)[]).flatMap((k) => r.labels[k] as string[]))];
  const got = new Set(r.verdicts.flatMap((v) => [v.name, ...(/^(.+?) \((.+)\)$/.exec(v.name)?.slice(1) ?? [])]));
  const missed = all.filter((n) => !got.has(n));
  return { found: all.length - missed.length, total: all.length, missed };
}

/** Names of one thing (labels.aliases) that the card lists separately. */
function aliasRepeats(r: Review): string[][] {
  const shown = new Set(r.verdicts.filter((v) => v.from === 'card').map((v) => v.name));
  return (r.labels.aliases ?? []).filter((group) => group.filter((n) => shown.has(n)).length > 1);
}

function report(reviews: readonly Review[]): string {
  const lines: string[] = ['REVIEW SET: fact cards of the held-out review pages (tests/fixtures/pages/review-*)', `Made ${new Date().toISOString()} by tests/core/digest/review-set.test.ts`, ''];
  const all = reviews.flatMap((r) => r.verdicts);
  const p = precision(all);
  lines.push(`Name precision overall (card + findEntities, right kind): ${p.right}/${p.total} = ${p.total ? (p.right / p.total).toFixed(3) : 'n/a'}`, '');
  lines.push('page | author (label → card) | names right/total | labelled names found | expected terms glossed | notExpected glossed');
  for (const r of reviews) {
    const q = precision(r.verdicts);
    const exp = r.labels.terms.expected.filter(inTermList);
    const got = exp.filter((t) => r.cardTerms.includes(t));
    const bad = r.labels.terms.notExpected.filter((t) => r.cardTerms.includes(t));
    const rc = recall(r);
    lines.push(`${r.name} | ${r.labels.author ?? '-'} → ${r.card?.source.author ?? '-'} | ${q.right}/${q.total} | ${rc.found}/${rc.total} | ${got.length}/${exp.length} | ${bad.join(', ') || '-'}`);
  }
  lines.push('');
  for (const r of reviews) {
    lines.push('#'.repeat(78), `# ${r.name}`, `# ${r.url}`, '#'.repeat(78));
    if (r.traps.length) lines.push('Traps:', ...r.traps.map((t) => `  - ${t}`));
    if (r.error || !r.card) {
      lines.push(`ERROR: ${r.error ?? 'no card'}`, '');
      continue;
    }
    lines.push(`Topic: ${r.topic?.id} (${r.topic?.reasons.join('; ')})`);
    lines.push(`Author: label ${JSON.stringify(r.labels.author)}, card ${JSON.stringify(r.card.source.author ?? null)}`);
    const off = r.verdicts.filter((v) => v.verdict !== 'right');
    lines.push(`Names: ${precision(r.verdicts).right}/${r.verdicts.length} right${off.length ? `; off: ${off.map((v) => `${v.name} [${v.kind ?? '?'} via ${v.from}; ${v.verdict}${v.labelled.length ? `, labelled ${v.labelled.join('/')}` : ''}]`).join('; ')}` : ''}`);
    const rc = recall(r);
    lines.push(`Labelled names not found (any form): ${rc.missed.join(', ') || '-'}`);
    const rep = aliasRepeats(r);
    if (rep.length) lines.push(`Aliases listed separately on the card: ${rep.map((g) => g.join(' / ')).join('; ')}`);
    const missedTerms = r.labels.terms.expected.filter((t) => inTermList(t) && !r.cardTerms.includes(t));
    const badTerms = r.labels.terms.notExpected.filter((t) => r.cardTerms.includes(t));
    lines.push(`Terms on the card: ${r.cardTerms.join(', ') || '-'}`);
    if (missedTerms.length) lines.push(`Expected terms missing: ${missedTerms.join(', ')}`);
    if (badTerms.length) lines.push(`Terms that must not be glossed: ${badTerms.join(', ')}`);
    lines.push('', cardToText(r.card), '');
  }
  return lines.join('\n');
}

describe('review set: fact cards against labels made by reading', () => {
  it('has the ten review pages, each labelled', () => {
    expect(pages.map((r) => r.name)).toHaveLength(10);
    for (const r of pages) {
      expect(Object.keys(r.labels).sort()).toEqual(expect.arrayContaining(['author', 'languages', 'organisations', 'people', 'products', 'standards', 'terms']));
      // A label term that is not in assets/terms.json cannot be glossed; the label must not ask for it.
      for (const t of r.labels.terms.expected) expect(inTermList(t), `${r.name}: "${t}" is not in assets/terms.json`).toBe(true);
    }
  });

  for (const page of pages) {
    describe(page.name, () => {
      it('goes through the pipeline to a card', () => {
        const r = judged(page);
        expect(r.error).toBeUndefined();
        expect(r.card).toBeDefined();
      });

      it(`names the author exactly: ${JSON.stringify(page.labels.author)}`, () => {
        const r = judged(page);
        expect(r.card?.source.author ?? null).toBe(r.labels.author);
      });

      it('calls no one a person who is not a labelled person', () => {
        const r = judged(page);
        const people = r.verdicts.filter((v) => v.kind === 'person' && !r.labels.people.includes(v.name));
        expect(people.map((v) => `${v.name} (${v.from}${v.labelled.length ? `; labelled ${v.labelled.join('/')}` : '; not a labelled name'})`)).toEqual([]);
      });

      it('shows and finds only labelled names, each of the right kind (reported; the set-wide precision is asserted below)', () => {
        const r = judged(page);
        const off = r.verdicts.filter((v) => v.verdict !== 'right').map((v) => `${v.name} [${v.kind ?? '?'} via ${v.from}]: ${v.verdict}`);
        const p = precision(r.verdicts);
        console.log(`[review] ${r.name}: names ${p.right}/${p.total} right${off.length ? ` — ${off.join('; ')}` : ''}`);
        expect(p.total).toBeGreaterThanOrEqual(0);
      });

      it('glosses the expected terms', () => {
        const r = judged(page);
        const missing = r.labels.terms.expected.filter((t) => inTermList(t) && !r.cardTerms.includes(t));
        expect(missing, `card terms: ${r.cardTerms.join(', ')}`).toEqual([]);
      });

      it('glosses none of the terms that must not be glossed', () => {
        const r = judged(page);
        const bad = r.labels.terms.notExpected.filter((t) => r.cardTerms.includes(t));
        expect(bad, `card terms: ${r.cardTerms.join(', ')}`).toEqual([]);
      });
    });
  }

  it('name precision over the whole set is at least 0.9', () => {
    const p = precision(pages.flatMap((r) => judged(r).verdicts));
    console.log(`[review] name precision overall: ${p.right}/${p.total} = ${p.total ? (p.right / p.total).toFixed(3) : 'n/a'}`);
    expect(p.total).toBeGreaterThan(0);
    expect(p.right / p.total).toBeGreaterThanOrEqual(0.9);
  });

  afterAll(() => {
    const text = report(pages.map(judged));
    mkdirSync(join(ARTIFACT, '..'), { recursive: true });
    writeFileSync(ARTIFACT, `${text}\n`);
    console.log(text);
  });
});
