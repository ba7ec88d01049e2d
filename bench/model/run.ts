/**
 * npm run bench:model: measures the model engine against the fake model
 * server (support/model-server.ts).
 *  1. Prompt size against article size (estimated tokens) for the repo's page
 *     fixtures (tests/fixtures/pages) and, when present, the shared texts in
 *     /work/shared/fixtures/texts (read at run time, never copied). Goal: one
 *     prompt ≤ 1.1 × article tokens + 600.
 *  2. Our overhead: time from the call to the first visible partial text,
 *     minus the server's own time to first byte. Goal: < 50 ms.
 *  3. Requests for a cached article. Goal: 0.
 * Writes bench/model/RESULTS.md (pass --no-write to only print).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { memoryStore, ModelCache } from '../../src/core/model/cache';
import { generateModelCard } from '../../src/core/model/generate';
import { DEFAULT_MAX_PROMPT_TOKENS, planPrompt } from '../../src/core/model/prompt';
import { DEFAULT_PREFS, type ModelConfig, type Provider, type Term } from '../../src/core/model/types';
import { detectTopic } from '../../src/core/topic';
import type { Article, TopicResult } from '../../src/core/types';
import { understandPage } from '../../src/core/understand';
import { startModelServer, TEST_ARTICLE, TEST_TOPIC } from '../../support/model-server';
import { SHARED_TEXTS_DIR } from '../../support/shared-dir';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = SHARED_TEXTS_DIR;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const terms: Term[] = (() => {
  try {
    const raw = JSON.parse(readFileSync(join(ROOT, 'assets/terms.json'), 'utf8')) as { terms?: Term[] };
    return raw.terms ?? [];
  } catch {
    return [];
  }
})();

type Sample = { name: string; source: 'repo' | 'shared' | 'synthetic'; article: Article; topic: TopicResult };

function repoSamples(): Sample[] {
  const dir = join(ROOT, 'tests/fixtures/pages');
  if (!existsSync(dir)) return [];
  const out: Sample[] = [];
  for (const name of readdirSync(dir).sort()) {
    const html = join(dir, name, 'source.html');
    const spec = join(dir, name, 'page.json');
    if (!existsSync(html) || !existsSync(spec)) continue;
    const { url } = JSON.parse(readFileSync(spec, 'utf8')) as { url: string };
    const dom = new JSDOM(readFileSync(html, 'utf8'), { url });
    const u = understandPage(dom.window.document, url);
    if (u.ok) out.push({ name, source: 'repo', article: u.article, topic: u.topic });
  }
  return out;
}

function sharedSamples(): Sample[] {
  if (!existsSync(SHARED)) return [];
  return readdirSync(SHARED)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const t = JSON.parse(readFileSync(join(SHARED, f), 'utf8')) as { id: string; url: string | null; title: string; paragraphs: string[]; author?: string | null; published?: string | null };
      const url = t.url ?? `https://www.spiceworks.com/tech/tech-general/news/${t.id}/`;
      const article: Article = {
        url,
        canonicalUrl: url,
        kind: 'article',
        title: t.title,
        ...(t.author ? { author: t.author } : {}),
        ...(t.published ? { published: t.published } : {}),
        tags: [],
        breadcrumbs: [],
        jsonLd: { types: [], sections: [], keywords: [] },
        meta: {},
        paragraphs: t.paragraphs.filter((p) => p.trim()),
      };
      return { name: t.id, source: 'shared' as const, article, topic: detectTopic(article) };
    })
    .filter((s) => s.article.paragraphs.length > 0);
}

type Marks = { fetchStart?: number; firstChunk?: number };

/** fetch that notes when it was called and when the first body chunk arrived. */
const timedFetch =
  (marks: Marks): typeof fetch =>
  async (input, init) => {
    marks.fetchStart = performance.now();
    const res = await fetch(input, init);
    if (!res.body) return res;
    const tap = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        marks.firstChunk ??= performance.now();
        ctl.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(tap), { status: res.status, statusText: res.statusText, headers: res.headers });
  };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const f1 = (n: number) => n.toFixed(1);

async function main() {
  const write = !process.argv.includes('--no-write');
  const lines: string[] = [];
  const log = (s = '') => {
    lines.push(s);
    console.log(s);
  };

  // 1. Prompt size.
  const samples = [...repoSamples(), ...sharedSamples()];
  const shared = samples.filter((s) => s.source === 'shared');
  if (shared.length > 1) {
    // A long article built at run time from all shared texts, to exercise the split (not stored anywhere).
    const all = shared.flatMap((s) => s.article.paragraphs);
    samples.push({ name: 'synthetic-long (all shared texts joined)', source: 'synthetic', article: { ...shared[0]!.article, paragraphs: all }, topic: shared[0]!.topic });
  }
  log('## Prompt size against article size');
  log();
  log(`Estimated tokens (src/core/model/tokens.ts), default prefs, terminology from assets/terms.json (${terms.length} entries), limit ${DEFAULT_MAX_PROMPT_TOKENS} tokens per prompt.`);
  if (!existsSync(SHARED)) log(`\n(${SHARED} is absent: the shared texts were skipped.)`);
  log();
  log('| fixture | source | paragraphs | article tokens | prompt tokens | parts | prompt / article | goal ≤ 1.1×a+600 |');
  log('|---|---|---:|---:|---:|---:|---:|---|');
  let worst = 0;
  let fails = 0;
  for (const s of samples) {
    const plan = planPrompt(s.article, s.topic, DEFAULT_PREFS, { terms });
    const a = plan.articleTokens;
    const biggest = Math.max(...plan.parts.map((p) => p.tokens));
    const total = plan.parts.reduce((n, p) => n + p.tokens, 0);
    // For a split article each part is held to the goal against its own paragraphs.
    const ok = plan.split
      ? plan.parts.every((p) => p.tokens <= 1.1 * planPrompt({ ...s.article, paragraphs: s.article.paragraphs.slice(p.range.from, p.range.to) }, s.topic, DEFAULT_PREFS, { terms }).articleTokens + 600)
      : biggest <= 1.1 * a + 600;
    if (!ok) fails++;
    worst = Math.max(worst, (total - 600) / a);
    log(`| ${s.name} | ${s.source} | ${s.article.paragraphs.length} | ${a} | ${plan.split ? `${total} (max part ${biggest})` : total} | ${plan.parts.length} | ${f1(total / a)} | ${ok ? 'yes' : '**no**'} |`);
  }
  log();
  log(`${samples.length - fails} of ${samples.length} within the goal. Largest (prompt − 600) / article: ${worst.toFixed(3)}.`);

  // 2. Overhead to first visible text, per provider.
  const server = await startModelServer({ slowDelayMs: 40 });
  const load = loadavg().map((n) => n.toFixed(1)).join(', ');
  log();
  log('## Overhead: first visible text against the server\'s own time to first byte');
  log();
  log(`Fake server on 127.0.0.1, scenario "slow" (40 ms before the first byte and between pieces), ${RUNS} runs per provider after 3 warm-up runs; no cache. Load average at the start: ${load} (2 cores; other jobs were running). Tails (p95, max) follow the machine's load; the median is the engine's cost. Overhead = (call → first onPartial with text) − (server: request body received → first byte written); it includes the loopback transfer and fetch. "Our code" = (call → fetch called: cache key, prompt) + (first body chunk at the client → onPartial: decoding, SSE/NDJSON, partial JSON).`);
  log();
  log('| provider | server TTFB median (ms) | first text median (ms) | overhead median (ms) | overhead p95 (ms) | overhead max (ms) | our code median / p95 (ms) | < 50 ms: median / p95 |');
  log('|---|---:|---:|---:|---:|---:|---:|---|');
  const providers: Provider[] = ['openai', 'ollama', 'anthropic'];
  const config = (provider: Provider): ModelConfig => ({
    provider,
    endpoint: server.endpoints[provider],
    model: 'nn-slow',
    ...(provider === 'ollama' ? {} : { apiKey: server.apiKey }),
    prefs: DEFAULT_PREFS,
  });
  for (const provider of providers) {
    const overheads: number[] = [];
    const ttfbs: number[] = [];
    const firsts: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      server.reset();
      let first: number | undefined;
      const marks: Marks = {};
      const t0 = performance.now();
      await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(provider), {
        fetch: timedFetch(marks),
        terms,
        onPartial: (p) => {
          if (first === undefined && (p.title || p.draft || p.summary.length)) first = performance.now();
        },
      });
      const req = server.requests[0]!;
      if (first === undefined || req.firstByteAt === undefined) throw new Error('no partial text');
      if (i < 3) continue;
      const ttfb = req.firstByteAt - req.receivedAt;
      ttfbs.push(ttfb);
      firsts.push(first - t0);
      overheads.push(first - t0 - ttfb);
      ours.push((marks.fetchStart ?? t0) - t0 + (first - (marks.firstChunk ?? first)));
    }
    const med = pct(overheads, 50);
    log(
      `| ${provider} | ${f1(pct(ttfbs, 50))} | ${f1(pct(firsts, 50))} | ${f1(med)} | ${f1(pct(overheads, 95))} | ${f1(Math.max(...overheads))} | ${f1(pct(ours, 50))} / ${f1(pct(ours, 95))} | ${med < 50 ? 'yes' : '**no**'} / ${pct(overheads, 95) < 50 ? 'yes' : 'no'} |`,
    );
  }

  // 3. Cache.
  log();
  log('## Cached article');
  log();
  log('| provider | first call requests | second call requests | second call time (ms) | from cache |');
  log('|---|---:|---:|---:|---|');
  for (const provider of providers) {
    const cache = new ModelCache(memoryStore());
    server.reset();
    const c = { ...config(provider), model: 'nn-writer' };
    const a = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, c, { fetch, cache });
    const before = server.requests.length;
    const t0 = performance.now();
    const b = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, c, { fetch, cache });
    const dt = performance.now() - t0;
    log(`| ${provider} | ${a.requests} | ${b.requests} (server saw ${server.requests.length - before}) | ${f1(dt)} | ${b.fromCache ? 'yes' : '**no**'} |`);
  }
  await server.close();

  if (write) {
    const head = [
      '# Model engine: measured',
      '',
      `Command: \`npm run bench:model\` (writes this file; \`BENCH_RUNS=n\` sets the runs). Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Figures vary a little from run to run; the goals are what matters.`,
      '',
    ];
    writeFileSync(join(import.meta.dirname, 'RESULTS.md'), [...head, ...lines, ''].join('\n'));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
