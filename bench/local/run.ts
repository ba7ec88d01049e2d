/**
 * npm run bench:local: the on-device model engine as the extension runs it, in real
 * Chromium and Firefox ESR, with no network (a server on 127.0.0.1 serves everything).
 *
 * The page (bench/local/page.ts, bundled by esbuild) runs createEngineHost +
 * createWllamaRuntime with the packaged worker (scripts/build/wllama-worker.mjs) and
 * wllama.wasm. Node runs the model engine's own pipeline, generateModelCard
 * (src/core/model/generate.ts): planPrompt with LOCAL_MAX_PROMPT_TOKENS, the local provider's
 * request (cardContentGrammar with LOCAL_CARD_BOUNDS, LOCAL_CONTEXT_TOKENS), the OpenAI-style
 * stream the background's localEngineFetch makes of the host's events, parseAnswer with the
 * article's paragraph count. The only stand-in is the transport between background and engine
 * host (a port in the extension, page.evaluate here); times are taken in the page.
 *
 *  1. Speed: TEST_ARTICLE (support/model-server.ts), each browser, single-threaded and
 *     cross-origin isolated with 2 threads, RUNS runs each in a fresh page (so every load is
 *     cold and no prompt is cached); medians.
 *  2. Every article text in ../shared/fixtures/texts (when present), once per browser, in the
 *     configuration the extension would use on this machine, one page, the model kept loaded
 *     (as the engine host keeps it): does each answer pass parseAnswer?
 *  3. With NYNORSK_KORT_GGUF=<file.gguf>: 1 on that model, and a quality pass over TEST_ARTICLE
 *     and all shared article texts in Chromium, with the Nynorsk checker (loadChecker) and its
 *     repair round, as in the extension; cards to artifacts/local-cards/<id>.json|.txt.
 *
 * Flags: --runs=N (default 3, or BENCH_RUNS)  --browser=chromium|firefox|all  --no-sweep  --no-write
 *   --texts=N (real-model pass: only the first N texts)
 * Writes bench/local/RESULTS.md. Exit 1 when a run fails or a tiny-model answer does not pass parseAnswer.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { JSDOM } from 'jsdom';
import { localEngineFetch, type EngineTransport } from '../../src/background/local-engine';
import { cardToText } from '../../src/cli/card-to-text';
import { TERMS } from '../../src/core/digest';
import { isModelError } from '../../src/core/model/errors';
import { generateModelCard, parseAnswer, type GenerateResult } from '../../src/core/model/generate';
import { extractJson } from '../../src/core/model/parse';
import { LOCAL_CONTEXT_TOKENS, LOCAL_MAX_PROMPT_TOKENS } from '../../src/core/model/providers/local';
import { DEFAULT_PREFS, type CardContent, type ModelConfig } from '../../src/core/model/types';
import { loadChecker, NYNORSK_DATA_PATH, type NynorskChecker } from '../../src/core/nynorsk';
import type { Article, TopicResult } from '../../src/core/types';
import { understandPage } from '../../src/core/understand';
import { LOCAL_ENDPOINT } from '../../src/core/local/models';
import { writeTinyLlamaGguf } from '../../support/gguf';
import { TEST_ARTICLE, TEST_TOPIC } from '../../support/model-server';
import { buildSharedPages, loadSharedTexts } from '../../support/shared-pages';
import { SHARED_TEXTS_DIR } from '../../support/shared-dir';
import { launch, type BenchBrowser, type BenchPage, type BrowserName } from './browsers';
import type { BenchChatResult } from './page';

const ROOT = join(import.meta.dirname, '..', '..');
const HERE = join(ROOT, 'bench', 'local');
const CARDS_DIR = join(ROOT, 'artifacts', 'local-cards');

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(arg('runs') ?? process.env.BENCH_RUNS ?? 3);
const BROWSERS: BrowserName[] = (arg('browser') ?? 'all') === 'all' ? ['chromium', 'firefox'] : [arg('browser') as BrowserName];
const SWEEP = !process.argv.includes('--no-sweep');
const WRITE = !process.argv.includes('--no-write');
const TEXT_LIMIT = arg('texts') ? Number(arg('texts')) : Infinity;
const REAL_GGUF = process.env.NYNORSK_KORT_GGUF?.trim() || undefined;

/** The tiny model answers in seconds; a real one on 2 cores may take many minutes per answer. */
const TINY_REQUEST_MS = 120_000;
const REAL_REQUEST_MS = 30 * 60_000;
/** The whole bench without real weights must end well within this. */
const TINY_WATCHDOG_MS = 15 * 60_000;

type Variant = { browser: BrowserName; isolated: boolean; threads: number; label: string };
type ModelRef = { name: string; path: '/tiny.gguf' | '/real.gguf'; bytes: number; real: boolean };

// ---------------------------------------------------------------------------------------------------
// Server: the page, its bundle, wllama.wasm, the packaged worker and the model; /mt/… is the same
// site with COOP/COEP (cross-origin isolated: SharedArrayBuffer, so wllama's threads).

const HTML = '<!doctype html><meta charset="utf-8"><title>bench:local</title><script type="module" src="page.js"></script><p>bench:local</p>';

async function bundlePage(): Promise<string> {
  const res = await esbuild.build({
    entryPoints: [join(HERE, 'page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return res.outputFiles[0]!.text;
}

/** scripts/build/wllama-worker.mjs, which build.mjs uses to write wllama-worker.js and copy wllama.wasm into the package. */
type WorkerBuild = { WLLAMA_WASM: string; wllamaWorkerSource(): string };

async function startServer(pageJs: string, tiny: Uint8Array, realPath: string | undefined): Promise<{ server: Server; origin: string }> {
  // Imported by URL: the .mjs has no type declarations beside it.
  const build = (await import(new URL('../../scripts/build/wllama-worker.mjs', import.meta.url).href)) as WorkerBuild;
  const wasm = readFileSync(build.WLLAMA_WASM);
  const worker = build.wllamaWorkerSource();
  const server = createServer((req, res) => {
    let path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/mt/')) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      path = path.slice(3);
    }
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    const send = (type: string, body: string | Uint8Array) => {
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    };
    if (path === '/' || path === '/index.html') return send('text/html; charset=utf-8', HTML);
    if (path === '/page.js') return send('text/javascript', pageJs);
    if (path === '/wllama.wasm') return send('application/wasm', wasm);
    if (path === '/wllama-worker.js') return send('text/javascript', worker);
    if (path === '/favicon.ico') return send('image/x-icon', new Uint8Array(0));
    if (path === '/tiny.gguf') return send('application/octet-stream', tiny);
    if (path === '/real.gguf' && realPath) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': statSync(realPath).size });
      createReadStream(realPath).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// ---------------------------------------------------------------------------------------------------
// Articles

type Sample = { id: string; article: Article; topic: TopicResult; words: number };

const wordsOf = (a: Article) => a.paragraphs.join(' ').split(/\s+/).filter(Boolean).length;

/** The shared texts as the extension would see them: built into a page, then extracted (understandPage). */
function sharedSamples(): { samples: Sample[]; skipped?: string } {
  const { texts, skipped } = loadSharedTexts();
  if (skipped) return { samples: [], skipped };
  const pages = buildSharedPages(texts);
  const samples: Sample[] = [];
  for (const t of texts) {
    const page = pages.find((p) => p.textId === t.id && p.expected.kind !== 'none');
    if (!page) continue; // a non-article: the extension makes no card
    const dom = new JSDOM(page.html, { url: page.url });
    const u = understandPage(dom.window.document, page.url);
    dom.window.close();
    if (u.ok) samples.push({ id: t.id, article: u.article, topic: u.topic, words: wordsOf(u.article) });
  }
  return { samples };
}

// ---------------------------------------------------------------------------------------------------
// One card, through the model engine's own pipeline

type Request = BenchChatResult & { stage: string };

type CardRun = {
  id: string;
  ok: boolean;
  error?: string;
  requests: Request[];
  parts: number;
  /** Load before the first answer (when the model was not loaded yet). */
  loadMs?: number;
  /** From the first prompt's start (after load) to the first token / first visible word / the card (page clock). */
  firstTokenMs?: number;
  firstWordMs?: number;
  cardMs?: number;
  /** The first (or only) request's llama.cpp timings. */
  promptTokens?: number;
  promptPerSecond?: number;
  cachedTokens?: number;
  answerTokens?: number;
  genPerSecond?: number;
  finish?: string;
  result?: GenerateResult;
  /** The answer that became the card, parsed again here for the evidence figures. */
  evidence?: { valid: number; total: number };
  /** Checker figures (real pass). */
  firstAnswer?: CardContent;
  finalContent?: CardContent;
};

const modelConfig = (model: string): ModelConfig => ({ provider: 'local', endpoint: LOCAL_ENDPOINT, model, prefs: { ...DEFAULT_PREFS } });

/** Raw evidence of each FAQ answer in an answer text: valid when non-empty and every number a paragraph of the article. */
function evidenceOf(text: string, n: number): { valid: number; total: number } {
  const faq = (extractJson(text) as { faq?: unknown })?.faq;
  if (!Array.isArray(faq)) return { valid: 0, total: 0 };
  const ok = (e: unknown) => Array.isArray(e) && e.length > 0 && e.every((x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) < n);
  return { valid: faq.filter((f) => ok((f as { evidence?: unknown })?.evidence)).length, total: faq.length };
}

async function runCard(page: BenchPage, s: Sample, model: ModelRef, requestMs: number, checker?: NynorskChecker): Promise<CardRun> {
  const requests: Request[] = [];
  let stage = 'writing';
  const transport: EngineTransport = async (req, emit) => {
    const r = await page.chat(req, requestMs);
    requests.push({ ...r, stage });
    for (const e of r.events) emit(e);
    if (r.error && !r.events.some((e) => e.type === 'error')) emit({ type: 'error', kind: 'generation-failed', detail: r.error });
  };
  const n = s.article.paragraphs.length;
  const run: CardRun = { id: s.id, ok: false, requests, parts: 0 };
  try {
    run.result = await generateModelCard(s.article, s.topic, modelConfig(model.real ? basename(model.name) : model.name), {
      fetch: localEngineFetch(transport),
      maxPromptTokens: LOCAL_MAX_PROMPT_TOKENS,
      terms: TERMS,
      // Bytes reach the stream only when the page has answered: the idle timeout must outlast a whole answer.
      timeoutMs: requestMs + 60_000,
      retries: 0,
      onStage: (st) => (stage = st.stage),
      ...(checker ? { findBokmal: (t: string) => checker.check(t).flagged } : {}),
    });
    run.ok = true;
  } catch (e) {
    run.error = isModelError(e) ? `${e.kind}: ${e.detail ?? e.message}` : String(e);
  }
  const main = requests.filter((r) => r.stage !== 'repairing');
  run.parts = main.filter((r) => r.stage === 'writing').length;
  const first = requests[0];
  if (first) {
    const offset = first.readingAt ?? 0;
    if (first.loadMs !== undefined) run.loadMs = first.loadMs;
    if (first.firstTokenAt !== undefined) run.firstTokenMs = first.firstTokenAt - offset;
    let before = 0;
    for (const r of requests) {
      if (r.firstWordAt !== undefined) {
        run.firstWordMs = before + r.firstWordAt - offset;
        break;
      }
      before += r.endAt;
    }
    if (run.ok) run.cardMs = requests.reduce((t, r) => t + r.endAt, 0) - offset;
    if (first.timings) {
      run.promptTokens = first.timings.prompt_n;
      run.cachedTokens = first.timings.cache_n;
      run.promptPerSecond = first.timings.prompt_per_second;
      run.answerTokens = first.timings.predicted_n;
      run.genPerSecond = first.timings.predicted_per_second;
    }
    run.finish = requests.map((r) => (r.events.find((e) => e.type === 'end') as { finish?: string } | undefined)?.finish ?? 'error').join(',');
  }
  const lastMain = main[main.length - 1];
  if (lastMain && run.ok) {
    try {
      run.firstAnswer = parseAnswer(lastMain.text, n).content;
    } catch {
      /* counted as not ok above */
    }
    const repair = requests.find((r) => r.stage === 'repairing');
    let final = lastMain;
    if (repair) {
      try {
        parseAnswer(repair.text, n);
        final = repair;
      } catch {
        /* a failed repair keeps the first answer, as generateModelCard does */
      }
    }
    run.finalContent = parseAnswer(final.text, n).content;
    run.evidence = evidenceOf(final.text, n);
  }
  return run;
}

// ---------------------------------------------------------------------------------------------------
// Figures

const median = (xs: (number | undefined)[]): number | undefined => {
  const s = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1]! + s[m]!) / 2;
};
const num = (x: number | undefined, digits = 0) => (x === undefined ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const secs = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));

type SpeedRow = { model: ModelRef; variant: Variant; runs: CardRun[]; threads: number | null; isolated: boolean };

const SPEED_HEAD = [
  '| model | browser | threads | load ms | prompt tokens | prompt tok/s | answer tokens | gen tok/s | first token ms | first word ms | full card ms | passes parseAnswer |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];

function speedLine(r: SpeedRow): string {
  const m = <K extends keyof CardRun>(k: K) => median(r.runs.map((x) => x[k] as number | undefined));
  const ok = r.runs.filter((x) => x.ok).length;
  return `| ${r.model.real ? basename(r.model.name) : 'tiny random'} | ${r.variant.label} | ${r.threads ?? '?'}${r.isolated ? ' (isolated)' : ''} | ${num(m('loadMs'))} | ${num(m('promptTokens'))} | ${num(m('promptPerSecond'))} | ${num(m('answerTokens'))} | ${num(m('genPerSecond'))} | ${num(m('firstTokenMs'))} | ${num(m('firstWordMs'))} | ${num(m('cardMs'))} | ${ok}/${r.runs.length} |`;
}

/** What 2 threads did to generation speed in this run, per model and browser. */
function threadNote(rows: SpeedRow[]): string[] {
  const gen = (r: SpeedRow) => median(r.runs.map((x) => x.genPerSecond));
  const parts: string[] = [];
  for (const st of rows.filter((r) => !r.variant.isolated)) {
    const mt = rows.find((r) => r.variant.isolated && r.variant.browser === st.variant.browser && r.model === st.model);
    const a = gen(st);
    const b = mt && gen(mt);
    if (a && b) parts.push(`${st.model.real ? basename(st.model.name) : 'tiny'} in ${st.variant.browser === 'chromium' ? 'Chromium' : 'Firefox'}: ${(b / a).toFixed(2)}×`);
  }
  if (!parts.length) return [];
  return [
    `Generation speed with 2 threads relative to 1 thread in this run: ${parts.join('; ')}. With ${cpus().length} cores shared with other jobs, a second thread may wait more than it helps. The extension itself asks for cores / 2 threads (within 1–4) in Chrome's isolated offscreen document, and uses 1 in Firefox's background page.`,
    '',
  ];
}

// ---------------------------------------------------------------------------------------------------

const openBrowsers = new Set<BenchBrowser>();
let server: Server | undefined;

async function cleanup(): Promise<void> {
  for (const b of openBrowsers) await b.close();
  openBrowsers.clear();
  if (server) {
    server.closeAllConnections();
    await new Promise((r) => server!.close(r));
    server = undefined;
  }
}

async function withBrowser<T>(name: BrowserName, fn: (b: BenchBrowser) => Promise<T>): Promise<T> {
  const b = await launch(name);
  openBrowsers.add(b);
  try {
    return await fn(b);
  } finally {
    await b.close();
    openBrowsers.delete(b);
  }
}

/** A fresh page with the model fetched into a Blob, ready for the host. */
async function openPage(b: BenchBrowser, origin: string, v: Variant, model: ModelRef): Promise<{ page: BenchPage; isolated: boolean }> {
  const base = v.isolated ? `${origin}/mt/` : `${origin}/`;
  const page = await b.open(base);
  const env = await page.init({ wasmUrl: `${base}wllama.wasm`, workerUrl: `${base}wllama-worker.js`, modelUrl: `${base}${model.path.slice(1)}`, threads: v.threads });
  return { page, isolated: env.crossOriginIsolated };
}

function explain(label: string, run: CardRun, page: BenchPage): void {
  console.log(`  ${label}: FAILED ${run.error ?? ''}`.slice(0, 600));
  for (const l of page.console.slice(-15)) console.log(`    ${l.slice(0, 300)}`);
}

async function speed(b: BenchBrowser, origin: string, model: ModelRef, sample: Sample, requestMs: number): Promise<SpeedRow[]> {
  const rows: SpeedRow[] = [];
  for (const isolated of [false, true]) {
    const v: Variant = { browser: b.name, isolated, threads: isolated ? 2 : 1, label: `${b.name === 'chromium' ? 'Chromium' : 'Firefox'} ${isolated ? 'mt' : 'st'}` };
    const row: SpeedRow = { model, variant: v, runs: [], threads: null, isolated: false };
    for (let i = 0; i < RUNS; i++) {
      const { page, isolated: iso } = await openPage(b, origin, v, model);
      try {
        const run = await runCard(page, sample, model, requestMs);
        row.runs.push(run);
        row.isolated = iso;
        row.threads = run.requests[0]?.threads ?? row.threads;
        const t = `load ${num(run.loadMs)} ms, prompt ${num(run.promptTokens)} tok at ${num(run.promptPerSecond)}/s (cached ${run.cachedTokens ?? '?'}), answer ${num(run.answerTokens)} tok at ${num(run.genPerSecond)}/s, first token ${num(run.firstTokenMs)} ms, card ${num(run.cardMs)} ms, finish ${run.finish}`;
        console.log(`  ${model.real ? 'real' : 'tiny'} ${v.label} run ${i + 1}: ${run.ok ? 'ok' : 'FAILED'}; ${t}`);
        if (!run.ok) explain(`${v.label} run ${i + 1}`, run, page);
      } finally {
        await page.close();
      }
    }
    rows.push(row);
  }
  return rows;
}

/** The configuration the extension would use in this browser on this machine (src/engine/index.ts). */
function extensionVariant(name: BrowserName): Variant {
  // Chrome: the offscreen document is cross-origin isolated, threads = cores / 2 within 1..4. Firefox: its background page is not.
  const threads = name === 'chromium' ? Math.max(1, Math.min(4, Math.floor(cpus().length / 2))) : 1;
  return { browser: name, isolated: name === 'chromium', threads, label: `${name === 'chromium' ? 'Chromium' : 'Firefox'} as the extension (${threads} thread${threads > 1 ? 's' : ''})` };
}

async function sweep(b: BenchBrowser, origin: string, model: ModelRef, samples: Sample[], requestMs: number, checker?: NynorskChecker): Promise<{ runs: CardRun[]; loadMs?: number; variant: Variant }> {
  const v = extensionVariant(b.name);
  const { page } = await openPage(b, origin, v, model);
  const runs: CardRun[] = [];
  let loadMs: number | undefined;
  try {
    // Load the model once, as the engine host keeps it loaded between articles.
    const warm = await page.chat({ modelId: model.name, messages: [{ role: 'user', content: 'Hei.' }], maxTokens: 1, nCtx: LOCAL_CONTEXT_TOKENS }, requestMs);
    if (warm.error) throw new Error(`loading ${model.name} failed: ${warm.error}`);
    loadMs = warm.loadMs;
    for (const s of samples) {
      const run = await runCard(page, s, model, requestMs, checker);
      runs.push(run);
      const ev = run.evidence ? `${run.evidence.valid}/${run.evidence.total}` : '–';
      console.log(
        `  ${model.real ? 'real' : 'tiny'} ${v.label} ${s.id}: ${run.ok ? 'ok' : 'FAILED'}; ${s.article.paragraphs.length} paragraphs, ${run.parts} part(s), ${run.requests.length} request(s), first word ${num(run.firstWordMs)} ms, card ${num(run.cardMs)} ms, evidence valid ${ev}, finish ${run.finish}`,
      );
      if (!run.ok) explain(s.id, run, page);
    }
  } finally {
    await page.close();
  }
  return { runs, ...(loadMs !== undefined ? { loadMs } : {}), variant: v };
}

const contentText = (c: CardContent) => [c.title, ...c.summary, ...c.faq.flatMap((f) => [f.q, f.a])].join('\n');

async function nodeChecker(): Promise<NynorskChecker> {
  return loadChecker(async (p) => {
    if (p !== NYNORSK_DATA_PATH) throw new Error(`unexpected checker path ${p}`);
    return JSON.parse(readFileSync(join(ROOT, 'assets', 'nynorsk', 'bokmal.json'), 'utf8')) as unknown;
  });
}

function writeCard(run: CardRun, s: Sample, model: ModelRef, checker: NynorskChecker): void {
  mkdirSync(CARDS_DIR, { recursive: true });
  const flagsOf = (c?: CardContent) => (c ? checker.check(contentText(c)) : undefined);
  const first = flagsOf(run.firstAnswer);
  const final = flagsOf(run.finalContent);
  const json = {
    id: s.id,
    source: { title: s.article.title, url: s.article.url, paragraphs: s.article.paragraphs.length, words: s.words },
    model: basename(model.name),
    ok: run.ok,
    ...(run.error ? { error: run.error } : {}),
    timing: {
      firstWordMs: run.firstWordMs === undefined ? undefined : Math.round(run.firstWordMs),
      cardMs: run.cardMs === undefined ? undefined : Math.round(run.cardMs),
      parts: run.parts,
      requests: run.requests.map((r) => ({ stage: r.stage, ms: Math.round(r.endAt), timings: r.timings })),
    },
    checker: {
      firstAnswer: first && { per100: first.per100, flagged: first.flagged.map((f) => f.form) },
      final: final && { per100: final.per100, flagged: final.flagged.map((f) => f.form) },
    },
    evidence: run.evidence,
    card: run.result?.card,
    answers: run.requests.map((r) => ({ stage: r.stage, text: r.text })),
  };
  writeFileSync(join(CARDS_DIR, `${s.id}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const txt = run.result
    ? `${cardToText(run.result.card)}\n\n---\nKjelde: ${s.article.title}\nModell: ${basename(model.name)}; Bokmål-former i kortet: ${final?.flagged.map((f) => f.form).join(', ') || 'ingen'}\n`
    : `Inkje kort: ${run.error ?? 'ukjend feil'}\n\n${run.requests.map((r) => r.text).join('\n\n')}\n`;
  writeFileSync(join(CARDS_DIR, `${s.id}.txt`), txt);
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const failures: string[] = [];
  if (REAL_GGUF && !existsSync(REAL_GGUF)) throw new Error(`NYNORSK_KORT_GGUF=${REAL_GGUF}: no such file`);
  const watchdog = REAL_GGUF
    ? undefined
    : setTimeout(() => {
        console.error(`bench:local: still running after ${TINY_WATCHDOG_MS / 60_000} min; stopping.`);
        void cleanup().finally(() => process.exit(1));
      }, TINY_WATCHDOG_MS);

  const tinyBytes = writeTinyLlamaGguf({ nCtx: LOCAL_CONTEXT_TOKENS });
  const tiny: ModelRef = { name: 'tiny-random', path: '/tiny.gguf', bytes: tinyBytes.length, real: false };
  const real: ModelRef | undefined = REAL_GGUF ? { name: REAL_GGUF, path: '/real.gguf', bytes: statSync(REAL_GGUF).size, real: true } : undefined;
  const pageJs = await bundlePage();
  const started = await startServer(pageJs, tinyBytes, REAL_GGUF);
  server = started.server;
  const origin = started.origin;

  const testSample: Sample = { id: 'test-article', article: TEST_ARTICLE, topic: TEST_TOPIC, words: wordsOf(TEST_ARTICLE) };
  const shared = sharedSamples();
  const loadAvg = loadavg()[0]!;
  console.log(`bench:local: page bundle ${(pageJs.length / 1024).toFixed(0)} KB, tiny model ${(tinyBytes.length / 1024).toFixed(0)} KB, ${RUNS} runs per variant, serving ${origin}`);
  console.log(shared.skipped ? `shared texts: ${shared.skipped}` : `shared texts: ${shared.samples.length} article texts from ${SHARED_TEXTS_DIR}`);

  const speedRows: SpeedRow[] = [];
  const sweeps: { browser: BrowserName; version: string; result: Awaited<ReturnType<typeof sweep>> }[] = [];
  const versions: Record<string, string> = {};
  let quality: Awaited<ReturnType<typeof sweep>> | undefined;
  let checker: NynorskChecker | undefined;
  let qualityTexts: Sample[] = [];

  for (const name of BROWSERS) {
    await withBrowser(name, async (b) => {
      versions[name] = b.version;
      console.log(`${name} ${b.version}: speed on TEST_ARTICLE (${TEST_ARTICLE.paragraphs.length} paragraphs, ${testSample.words} words)`);
      speedRows.push(...(await speed(b, origin, tiny, testSample, TINY_REQUEST_MS)));
      if (SWEEP && shared.samples.length) {
        console.log(`${name}: tiny model over the shared texts`);
        sweeps.push({ browser: name, version: b.version, result: await sweep(b, origin, tiny, shared.samples, TINY_REQUEST_MS) });
      }
      if (real) {
        console.log(`${name}: speed of ${basename(real.name)} on TEST_ARTICLE`);
        speedRows.push(...(await speed(b, origin, real, testSample, REAL_REQUEST_MS)));
      }
    });
  }
  if (real) {
    checker = await nodeChecker();
    const texts = [testSample, ...shared.samples].slice(0, TEXT_LIMIT);
    qualityTexts = texts;
    const c = checker;
    console.log(`chromium: quality pass of ${basename(real.name)} over ${texts.length} texts`);
    quality = await withBrowser('chromium', (b) => sweep(b, origin, real, texts, REAL_REQUEST_MS, c));
    for (const [i, run] of quality.runs.entries()) writeCard(run, texts[i]!, real, c);
  }
  if (watchdog) clearTimeout(watchdog);

  for (const r of speedRows) {
    for (const [i, run] of r.runs.entries()) {
      if (!run.ok && (!r.model.real || !run.error?.startsWith('invalid-answer'))) failures.push(`${r.model.name} ${r.variant.label} run ${i + 1}: ${run.error}`);
    }
  }
  for (const s of sweeps) for (const run of s.result.runs) if (!run.ok) failures.push(`tiny ${s.result.variant.label} ${run.id}: ${run.error}`);
  for (const run of quality?.runs ?? []) if (!run.ok && !run.error?.startsWith('invalid-answer')) failures.push(`real ${run.id}: ${run.error}`);

  // ---- report
  const minutes = ((performance.now() - t0) / 60_000).toFixed(1);
  const out: string[] = [];
  const cpu = cpus();
  out.push(
    '# On-device model engine: measured',
    '',
    `Command: \`npm run bench:local\`${REAL_GGUF ? ` with \`NYNORSK_KORT_GGUF=${basename(REAL_GGUF)}\`` : ''} (writes this file). Date: ${new Date().toISOString().slice(0, 10)}. Took ${minutes} min.`,
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${Object.entries(versions).map(([k, v]) => `${k === 'chromium' ? 'Chromium' : 'Firefox ESR'} ${v.replace(/^firefox\//, '')}`).join(', ')}, headless; load average ${loadAvg.toFixed(1)} at the start (other jobs share the machine, so times are noisy).`,
    `Engine: @wllama/wllama ${JSON.parse(readFileSync(join(ROOT, 'node_modules/@wllama/wllama/package.json'), 'utf8')).version} through the extension's createEngineHost + createWllamaRuntime, packaged worker, context ${LOCAL_CONTEXT_TOKENS} tokens, card grammar with LOCAL_CARD_BOUNDS, default preferences (full length: at most 2400 answer tokens), prompts planned with LOCAL_MAX_PROMPT_TOKENS = ${LOCAL_MAX_PROMPT_TOKENS}.`,
    '',
    `**${real ? 'The rows marked "tiny random" are' : 'These are'} the figures of the tiny random-weight model of support/gguf.ts (2 layers, 64 dimensions, a 669-token vocabulary, 0.7 MB). They show that the whole path works in both browsers and what it costs around the model; they say nothing about the speed or the quality of a real model.** Its answers are gibberish in the shape of a card, and its tokenizer needs about twice the tokens a real model's would for the same prompt.`,
    '',
    `## Speed on TEST_ARTICLE (${TEST_ARTICLE.paragraphs.length} paragraphs, ${testSample.words} words), medians of ${RUNS} runs`,
    '',
    'Each run is a fresh page: the model is fetched into a Blob, loaded cold (load: wasm, worker and model), and the prompt is read uncached (prompt tok/s is llama.cpp\'s own figure for that first read). First token, first word (the first text the card would show) and full card are counted from the start of the prompt, after the load. "mt" is the page served with COOP/COEP (cross-origin isolated) and 2 threads asked for; "threads" is what wllama reports it used.',
    '',
    ...SPEED_HEAD,
    ...speedRows.map(speedLine),
    '',
    ...threadNote(speedRows),
  );
  if (sweeps.length) {
    const head = sweeps.map((s) => s.result.variant.label);
    out.push(
      `## Every shared article text, tiny model (${shared.samples.length} texts, once each)`,
      '',
      'In the configuration the extension would use on this machine (Chrome: cross-origin isolated offscreen document, threads = cores / 2 within 1–4; Firefox: its background page, 1 thread), one page per browser, the model loaded once and kept, as the engine host keeps it (so the shared start of the prompt may come from llama.cpp\'s cache). Long texts go in parts, then a combine step, as in the extension. "ok": every answer passed parseAnswer with the article\'s paragraph count. Times in seconds: first word / full card.',
      '',
      `| text | paragraphs | words | parts | ${head.join(' | ')} |`,
      `|---|---:|---:|---:|${head.map(() => '---|').join('')}`,
      ...shared.samples.map((s, i) => {
        const cells = sweeps.map((sw) => {
          const r = sw.result.runs[i];
          return r ? `${r.ok ? 'ok' : `**failed** (${(r.error ?? '').slice(0, 60)})`}, ${secs(r.firstWordMs)} / ${secs(r.cardMs)}` : '–';
        });
        const parts = sweeps[0]?.result.runs[i]?.parts ?? 0;
        return `| ${s.id} | ${s.article.paragraphs.length} | ${s.words} | ${parts} | ${cells.join(' | ')} |`;
      }),
      `| **passed parseAnswer** | | | | ${sweeps.map((sw) => `${sw.result.runs.filter((r) => r.ok).length}/${sw.result.runs.length}`).join(' | ')} |`,
      '',
    );
  } else if (shared.skipped) {
    out.push(`Shared texts: ${shared.skipped}.`, '');
  }
  if (quality && real && checker) {
    const c = checker;
    const per100 = (x?: CardContent) => (x ? c.check(contentText(x)).per100 : undefined);
    const runs = quality.runs;
    const ev = runs.reduce((a, r) => ({ valid: a.valid + (r.evidence?.valid ?? 0), total: a.total + (r.evidence?.total ?? 0) }), { valid: 0, total: 0 });
    out.push(
      `## Real weights: ${basename(real.name)} (${(real.bytes / 2 ** 20).toFixed(0)} MB), quality pass in ${quality.variant.label}`,
      '',
      `Model loaded once (${num(quality.loadMs)} ms), then every text through generateModelCard with the Nynorsk checker (loadChecker) and its one repair round, as in the extension. Flags: Bokmål forms per 100 words of the card's text, in the first answer and in the final card. Evidence valid: FAQ answers whose evidence list is non-empty and names only paragraphs the article has (the grammar already bounds the numbers; this is not a check that the paragraphs support the answer). Cards: artifacts/local-cards/<id>.json and .txt.`,
      '',
      '| text | words | parts | prompt tokens (cached) | gen tok/s | first word s | full card s | flags / 100 words (first → final) | evidence valid | card |',
      '|---|---:|---:|---:|---:|---:|---:|---|---:|---|',
      ...runs.map((r, i) => {
        const sample = qualityTexts[i]!;
        return `| ${r.id} | ${sample.words} | ${r.parts} | ${num(r.promptTokens)} (${num(r.cachedTokens)}) | ${num(r.genPerSecond, 1)} | ${secs(r.firstWordMs)} | ${secs(r.cardMs)} | ${num(per100(r.firstAnswer), 2)} → ${num(per100(r.finalContent), 2)} | ${r.evidence ? `${r.evidence.valid}/${r.evidence.total}` : '–'} | ${r.ok ? 'ok' : `failed: ${(r.error ?? '').slice(0, 60)}`} |`;
      }),
      `| **median / total** | | | | ${num(median(runs.map((r) => r.genPerSecond)), 1)} | ${secs(median(runs.map((r) => r.firstWordMs)))} | ${secs(median(runs.map((r) => r.cardMs)))} | ${num(median(runs.map((r) => per100(r.firstAnswer))), 2)} → ${num(median(runs.map((r) => per100(r.finalContent))), 2)} | ${ev.valid}/${ev.total} | ${runs.filter((r) => r.ok).length}/${runs.length} |`,
      '',
    );
  } else {
    out.push('Real weights: not measured in this run (no model file). `NYNORSK_KORT_GGUF=/path/to/model.gguf npm run bench:local` adds the same speed table for that model and a quality pass over every article text, with the cards written to artifacts/local-cards/.', '');
  }
  if (failures.length) out.push('## Failures', '', ...failures.map((f) => `- ${f}`), '');

  const md = out.join('\n');
  console.log(`\n${md}`);
  if (!REAL_GGUF) console.log('Real-model pass skipped: set NYNORSK_KORT_GGUF=/path/to/model.gguf (a GGUF file) and run `npm run bench:local` again to measure it and write its cards to artifacts/local-cards/.');
  if (WRITE) {
    writeFileSync(join(HERE, 'RESULTS.md'), md);
    console.log('Wrote bench/local/RESULTS.md');
  }
  if (failures.length) console.error(`bench:local: ${failures.length} failure(s)`);
  return failures.length ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`bench:local: ${sig}, stopping the browsers and the server`);
    void cleanup().finally(() => process.exit(1));
  });
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  });
