/**
 * npx tsx bench/hostile/extract.ts [--only NAME] [--runs N]
 * Times each stage of the Node pipeline (jsdom parse, understandPage =
 * confirm + extract + topic, buildDigestCard through resolveCard) on the
 * hostile pages of issue 12, and the CLI end to end in a child process
 * (exit code, stderr, wall time). Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { confirmArticle } from '../../src/core/confirm';
import { extractArticle } from '../../src/core/extract';
import { recognisePage } from '../../src/core/recognise';
import { detectTopic } from '../../src/core/topic';
import { buildDigestCard } from '../../src/core/digest';
import { HOSTILE_URL, bigTextPage, deepBesideArticle, deepPage, manyLinksPage, plainTextPage } from './pages';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const cliToo = !args.includes('--no-cli');

const PAGES: Record<string, () => string> = {
  'deep-2000': () => deepPage(2000),
  'deep-5000': () => deepPage(5000),
  'deep-beside-5000': () => deepBesideArticle(5000),
  'links-20000': () => manyLinksPage(20000),
  'text-5MB': () => bigTextPage(5_000_000),
  'spaces-50000+!': () => plainTextPage(' ', 50_000),
  'spaces-200000+!': () => plainTextPage(' ', 200_000),
  'dots-20000': () => plainTextPage('.', 20_000, ''),
  'dots-spaced-20000': () => plainTextPage('. ', 20_000, 'A'),
};

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)}`;

function stage<T>(f: () => T): { v?: T; t: string; err?: string } {
  const t0 = performance.now();
  try {
    const v = f();
    return { v, t: ms(t0) };
  } catch (e) {
    return { t: ms(t0), err: String((e as Error).message).slice(0, 60) };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'nk-hostile-'));
console.log('| page | size | parse ms | confirm ms | extract ms | paragraphs | topic ms | digest ms | CLI exit | CLI s | CLI stderr |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [name, make] of Object.entries(PAGES)) {
  if (only && !name.includes(only)) continue;
  const html = make();
  const parse = stage(() => new JSDOM(html, { url: HOSTILE_URL }).window.document);
  const doc = parse.v!;
  const page = recognisePage(HOSTILE_URL);
  const confirm = stage(() => confirmArticle(doc, page));
  const extract = stage(() => extractArticle(doc, HOSTILE_URL, page));
  const article = extract.v;
  const topic = article ? stage(() => detectTopic(article)) : undefined;
  const digest = article && topic?.v ? stage(() => buildDigestCard(article, topic.v!)) : undefined;
  let cli = { code: '-', s: '-', err: '' };
  if (cliToo) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const t0 = performance.now();
    const r = spawnSync('npx', ['tsx', 'src/cli/card.ts', file, '--engine', 'digest'], { encoding: 'utf8', timeout: 120_000 });
    cli = { code: String(r.status ?? r.signal), s: ((performance.now() - t0) / 1000).toFixed(1), err: (r.stderr || '').trim().split('\n')[0]?.slice(0, 70) ?? '' };
  }
  const cell = (s?: { t: string; err?: string }) => (s ? (s.err ? `${s.t} (${s.err})` : s.t) : '-');
  console.log(
    `| ${name} | ${(html.length / 1e6).toFixed(2)} MB | ${cell(parse)} | ${cell(confirm)} | ${cell(extract)} | ${article?.paragraphs.length ?? 0} | ${cell(topic)} | ${cell(digest)} | ${cli.code} | ${cli.s} | ${cli.err} |`,
  );
}
