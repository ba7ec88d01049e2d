/**
 * Probe: does @wllama/wllama load our tiny random-weight GGUF (tests/support/gguf.ts) and generate
 * grammar-constrained JSON in a real headless browser? Prints load time, prompt and generation speed,
 * whether the output parses, token counts and finish reasons, single-thread and (with COOP/COEP)
 * multi-thread, raw completion and chat completion, plus how abort and exit behave.
 *
 *   npx tsx scripts/probe-wllama.ts                       Chromium, 6 sampling seeds per variant
 *   npx tsx scripts/probe-wllama.ts --browser=firefox     Firefox ESR (puppeteer-core, WebDriver BiDi)
 *   npx tsx scripts/probe-wllama.ts --browser=all --seeds=10 --model-seed=1 --json
 *
 * Flags: --browser=chromium|firefox|all  --variants=st,mt (mt: COOP/COEP, 2 threads)  --mode=completion,chat
 *   --seeds=N (sampling seeds 1000..)  --max-tokens=1500  --model-seed=1  --prior='{"\"":0.5}' (token priors, see
 *   tests/support/gguf.ts)  --no-extras (skip abort/exit/reload checks)  --grammar-tests (GBNF features)
 *   --json-schema (response_format/json_schema attempts)  --native-log --console (print llama.cpp and browser logs)
 *   --no-chat-template (GGUF without tokenizer.chat_template)  --gpu (leave n_gpu_layers at wllama's default instead of 0)  --json (dump everything)
 *
 * Nothing goes to the network: a server on 127.0.0.1 serves the page, the bundle, wllama.wasm and the GGUF.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { writeTinyLlamaGguf } from '../tests/support/gguf';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const arg = (name: string, dflt: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const BROWSERS = arg('browser', 'chromium') === 'all' ? ['chromium', 'firefox'] : [arg('browser', 'chromium')];
const N_SEEDS = Number(arg('seeds', '6'));
const MODEL_SEED = Number(arg('model-seed', '1'));
const MODES = arg('mode', 'completion,chat').split(',');
const VARIANTS = arg('variants', 'st,mt').split(',');
const MAX_TOKENS = Number(arg('max-tokens', '1500'));
const AS_JSON = process.argv.includes('--json');
/** e.g. --prior='{"\"":1.5}' to try other token priors (see TOKEN_PRIOR in tests/support/gguf.ts). */
const TOKEN_PRIOR = JSON.parse(arg('prior', '{}')) as Record<string, number>;

/** JSON object {title, summary[1-4], faq[1-4]{q, a, evidence[1-4] of 0..9}}, compact, strings 1-300 chars. */
export const CARD_GBNF = String.raw`root ::= "{" "\"title\":" str ",\"summary\":[" str ("," str){0,3} "],\"faq\":[" faq ("," faq){0,3} "]}"
faq ::= "{\"q\":" str ",\"a\":" str ",\"evidence\":[" ev ("," ev){0,3} "]}"
ev ::= [0-9]
str ::= "\"" [^"\\\x00-\x1f]{1,300} "\""
`;

/** [name, GBNF, regex (source) the whole output must match] */
const GRAMMAR_TESTS: [string, string, string][] = [
  ['exact {3}', 'root ::= [a-z]{3}', '^[a-z]{3}$'],
  ['open {2,}', String.raw`root ::= [0-9]{2,} "."`, String.raw`^[0-9]{2,}\.$`],
  ['? * +', String.raw`root ::= "x"? [a-c]* [0-9]+ "."`, String.raw`^x?[a-c]*[0-9]+\.$`],
  ['alternation, groups', String.raw`root ::= ("ja" | "nei") (" " ("og" | "eller"))?`, '^(ja|nei)( (og|eller))?$'],
  ['unicode in class and literal', String.raw`root ::= "«" [æøåÆØÅ]{1,5} "»"`, '^«[æøåÆØÅ]{1,5}»$'],
  ['\\u escapes', String.raw`root ::= [\u00e6\u00f8\u00e5]{2} "\u00e5"`, '^[æøå]{2}å$'],
  ['comments, multi-line rules', 'root ::= item ("," item){0,2} # list\nitem ::= [a-z]{1,4}', '^[a-z]{1,4}(,[a-z]{1,4}){0,2}$'],
  ['bad grammar', 'root ::= [a-z', '.*'],
  ['empty-string grammar', 'root ::= ""', '^$'],
];

const ARTICLE = `Meta Struggles To Maintain AI Workforce Following High-Level Exits.
Meta is facing a wave of departures from its artificial intelligence teams. Several senior researchers left the company in the
past months, and some of them joined competitors such as OpenAI, Google DeepMind and smaller start-ups in Paris and Zürich. The
company says it is still hiring, and that its new superintelligence lab will keep its budget. Analysts note that the pay packages
offered to top researchers have grown sharply, and that retention now depends on access to compute as much as on salary.
One former engineer said the reorganisation made it unclear who owned which project. Another said the team wanted to publish
more of its work. Meta declined to comment on individual cases, but a spokesperson said the company remains committed to open
models and to its long-term research agenda. The departures come at a time when the whole industry competes for a small pool of
experienced people, and when investors ask whether the large spending on data centres will pay off.
Samandrag på nynorsk: Meta mistar fleire forskarar på kunstig intelligens. Nokre av dei har gått til konkurrentar, og andre har
starta eigne selskap. Selskapet seier at det framleis tilset folk, og at den nye forskingseininga skal halde på budsjettet sitt.
Ekspertar meiner at løna til dei beste forskarane har auka mykje, og at tilgang på reknekraft er like viktig som løn. Éin tidlegare
tilsett fortel at omorganiseringa gjorde det uklart kven som eigde kva prosjekt. Ein annan seier at gruppa ønskte å publisere meir.
Meta vil ikkje kommentere einskildsaker, men ein talsperson seier at selskapet framleis satsar på opne modellar og på langsiktig
forsking. Avgangane kjem medan heile bransjen kjempar om eit lite tal røynde folk, og medan investorar spør om dei store
utgiftene til datasenter vil løne seg. Særleg i Noreg, Sverige og Danmark ser ein at små miljø mistar nøkkelpersonar – «det er
krevjande», seier ein forskar i Trondheim. Kva betyr dette for brukarane? Truleg lite på kort sikt, men på lang sikt kan færre
opne modellar gjere det vanskelegare for små aktørar å byggje eigne tenester.`;

const SYSTEM = 'Du er ein assistent som skriv kort og klart på nynorsk. Svar berre med JSON.';
const PROMPT = `${SYSTEM}\n\nArtikkel:\n${ARTICLE}\n\nLag eit kort på nynorsk som JSON med title, summary og faq.\nJSON:`;

/** Runs in the page (bundled by esbuild with @wllama/wllama). Plain JS on purpose: no TS helpers leak in. */
const PAGE_SCRIPT = String.raw`
import { Wllama } from '@wllama/wllama';

const logs = [];
let keepDebug = false;
const fmt = (a) => Math.round(performance.now()) + 'ms ' + a.map((x) => (typeof x === 'string' ? x : (() => { try { return JSON.stringify(x); } catch { return String(x); } })())).join(' ');
const logger = {
  debug: (...a) => { if (keepDebug) logs.push('debug ' + fmt(a)); },
  log: (...a) => logs.push('log ' + fmt(a)),
  warn: (...a) => logs.push('warn ' + fmt(a)),
  error: (...a) => logs.push('error ' + fmt(a)),
};

function env() {
  let mem64 = false;
  try { new WebAssembly.Memory({ address: 'i64', initial: 1n }); mem64 = true; } catch {}
  return {
    ua: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    jspi: !!WebAssembly.Suspending,
    mem64,
    webgpu: !!navigator.gpu,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
}

async function generate(w, cfg, seed, extra = {}) {
  let text = '';
  let chunks = 0;
  let finish = null;
  let last = null;
  const samples = [];
  const t0 = performance.now();
  let tFirst = null;
  const onData = (c) => {
    chunks++;
    if (tFirst === null) tFirst = performance.now() - t0;
    if (samples.length < 3) samples.push(c);
    const ch = c.choices && c.choices[0];
    if (ch) {
      const piece = cfg.mode === 'chat' ? (ch.delta && ch.delta.content) || '' : ch.text || '';
      text += piece;
      if (ch.finish_reason) finish = ch.finish_reason;
    }
    last = c;
    if (extra.onChunk) extra.onChunk(chunks);
  };
  const common = {
    max_tokens: cfg.maxTokens,
    temperature: cfg.temperature,
    seed,
    stream: true,
    onData,
    abortSignal: extra.abortSignal,
  };
  if (cfg.grammar !== null) common.grammar = cfg.grammar;
  let error = null;
  try {
    if (cfg.mode === 'chat') {
      await w.createChatCompletion({ messages: [{ role: 'system', content: cfg.system }, { role: 'user', content: cfg.user }], ...common });
    } else {
      await w.createCompletion({ prompt: cfg.prompt, ...common });
    }
  } catch (e) {
    error = { name: e && e.name, message: String(e && e.message || e) };
  }
  const ms = performance.now() - t0;
  let parsed = null;
  let parseError = null;
  try { parsed = JSON.parse(text); } catch (e) { parseError = String(e.message); }
  return {
    seed, ms: Math.round(ms), firstChunkMs: tFirst === null ? null : Math.round(tFirst), chunks, finish, error,
    timings: last && last.timings, usage: last && last.usage,
    parses: parsed !== null, parseError,
    shape: parsed ? {
      titleLen: parsed.title.length, summary: parsed.summary.length, faq: parsed.faq.length,
      strings: [parsed.title, ...parsed.summary, ...parsed.faq.flatMap((f) => [f.q, f.a])].map((x) => x.length),
    } : null,
    textLen: text.length, text: text.slice(0, cfg.keepText),
    samples: extra.keepSamples ? samples : undefined, lastChunk: extra.keepSamples ? last : undefined,
  };
}

window.probe = async (cfg) => {
  const out = { env: env(), logs };
  keepDebug = !!cfg.nativeLog;
  let w;
  try {
    w = new Wllama({ default: cfg.wasmUrl }, { logger, suppressNativeLog: !cfg.nativeLog });
    const t0 = performance.now();
    const blob = await (await fetch(cfg.modelUrl)).blob();
    const tFetched = performance.now();
    await w.loadModel([blob], { n_ctx: 4096, n_threads: cfg.threads, ...(cfg.nGpuLayers === null ? {} : { n_gpu_layers: cfg.nGpuLayers }) });
    out.load = { fetchMs: Math.round(tFetched - t0), loadMs: Math.round(performance.now() - tFetched), bytes: blob.size };
    out.model = {
      multithread: w.isMultithread(), threads: w.getNumThreads(), hparams: w.getModelMetadata().hparams,
      bos: w.getBOS(), eos: w.getEOS(), eot: w.getEOT(), addBos: w.mustAddBosToken(), chatTemplate: !!w.getChatTemplate(),
    };
    out.runs = [];
    for (let i = 0; i < cfg.seeds.length; i++) {
      out.runs.push(await generate(w, cfg, cfg.seeds[i], { keepSamples: i === 0 }));
    }
    if (cfg.extras) {
      // abort: no grammar, long generation, abort after 10 chunks
      const ac = new AbortController();
      let abortedAt = null;
      const tA = performance.now();
      const r = await generate(w, { ...cfg, grammar: null, maxTokens: 3000 }, 7, {
        abortSignal: ac.signal,
        onChunk: (n) => { if (n === 10) { abortedAt = performance.now(); ac.abort(); } },
      });
      out.abort = { chunksSeen: r.chunks, error: r.error, msAfterAbort: abortedAt === null ? null : Math.round(performance.now() - abortedAt), totalMs: Math.round(performance.now() - tA) };
      // abort while a long, uncached prompt is still being processed
      const ac2 = new AbortController();
      const tP = performance.now();
      setTimeout(() => ac2.abort(), 50);
      const rp = await generate(w, { ...cfg, mode: 'completion', prompt: 'Ny tekst. ' + cfg.prompt + cfg.prompt, grammar: null, maxTokens: 20 }, 7, { abortSignal: ac2.signal });
      out.abortDuringPrompt = { chunksSeen: rp.chunks, error: rp.error, msUntilSettled: Math.round(performance.now() - tP) };
      const after = await generate(w, { ...cfg, maxTokens: 50 }, 8);
      out.abort.nextRequest = { chunks: after.chunks, finish: after.finish, error: after.error };
      // no grammar at all, to see what the model says
      const free = await generate(w, { ...cfg, grammar: null, maxTokens: 60, keepText: 300 }, 9);
      out.noGrammar = { chunks: free.chunks, finish: free.finish, text: free.text, error: free.error };
      // non-streaming call with the grammar
      const tN = performance.now();
      try {
        const res = cfg.mode === 'chat'
          ? await w.createChatCompletion({ messages: [{ role: 'user', content: cfg.user }], grammar: cfg.grammar, max_tokens: cfg.maxTokens, temperature: cfg.temperature, seed: 11 })
          : await w.createCompletion({ prompt: cfg.prompt, grammar: cfg.grammar, max_tokens: cfg.maxTokens, temperature: cfg.temperature, seed: 11 });
        const c = res.choices[0];
        const txt = cfg.mode === 'chat' ? c.message.content : c.text;
        let ok = false; try { JSON.parse(txt); ok = true; } catch {}
        out.nonStream = { ms: Math.round(performance.now() - tN), finish: c.finish_reason, usage: res.usage, parses: ok, keys: Object.keys(res) };
      } catch (e) {
        out.nonStream = { error: String(e && e.message || e) };
      }
      // GBNF features, one small grammar each (cfg.grammarTests: [name, grammar, regex the output must match])
      out.grammarTests = [];
      for (const [name, grammar, re] of cfg.grammarTests || []) {
        const r = await generate(w, { ...cfg, mode: 'completion', prompt: 'Test: ', grammar, maxTokens: 400, keepText: 200 }, 5);
        out.grammarTests.push({ name, finish: r.finish, chunks: r.chunks, text: r.text, matches: new RegExp(re).test(r.text), error: r.error });
      }
      // response_format json_schema, expected to fail (reported crash); only when asked
      if (cfg.tryJsonSchema) {
        const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
        const attempt = async (label, fn) => {
          try { const res = await fn(); const c = res.choices[0]; return { label, ok: true, content: c.message ? c.message.content : c.text }; }
          catch (e) { return { label, ok: false, error: String(e && e.message || e) }; }
        };
        out.jsonSchema = [
          await attempt('chat response_format json_schema', () => w.createChatCompletion({ messages: [{ role: 'user', content: 'hei' }], max_tokens: 50, response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } })),
          await attempt('chat response_format json_object', () => w.createChatCompletion({ messages: [{ role: 'user', content: 'hei' }], max_tokens: 50, response_format: { type: 'json_object' } })),
          await attempt('chat json_schema field', () => w.createChatCompletion({ messages: [{ role: 'user', content: 'hei' }], max_tokens: 50, json_schema: schema })),
          await attempt('completion json_schema field', () => w.createCompletion({ prompt: 'hei', max_tokens: 50, json_schema: schema })),
          await attempt('next plain request', () => w.createCompletion({ prompt: 'hei', max_tokens: 5 })),
        ];
      }
    }
    const tE = performance.now();
    await w.exit();
    out.exitMs = Math.round(performance.now() - tE);
    try { await w.createCompletion({ prompt: 'x', max_tokens: 2 }); out.afterExit = 'call worked?!'; }
    catch (e) { out.afterExit = (e && e.name) + ': ' + String(e && e.message || e); }
    out.loadedAfterExit = w.isModelLoaded();
    if (cfg.extras) {
      // load again with the same instance after exit() (wasm already fetched and compiled once in this page)
      const t2 = performance.now();
      const blob2 = await (await fetch(cfg.modelUrl)).blob();
      try {
        await w.loadModel([blob2], { n_ctx: 4096, n_threads: cfg.threads, ...(cfg.nGpuLayers === null ? {} : { n_gpu_layers: cfg.nGpuLayers }) });
        out.secondLoadMs = Math.round(performance.now() - t2);
        const r = await generate(w, { ...cfg, maxTokens: 20 }, 3);
        out.secondLoadGenerates = r.chunks > 0 && !r.error;
      } catch (e) {
        out.secondLoadMs = 'failed: ' + String(e && e.message || e);
      }
      await w.exit();
    }
  } catch (e) {
    out.fatal = { name: e && e.name, message: String(e && e.message || e), stack: String(e && e.stack || '') };
    try { if (w) await w.exit(); } catch {}
  }
  return out;
};
window.probeReady = true;
`;

async function bundle(): Promise<string> {
  const res = await esbuild.build({
    stdin: { contents: PAGE_SCRIPT, loader: 'js', resolveDir: ROOT, sourcefile: 'probe-page.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return res.outputFiles[0]!.text;
}

const HTML = `<!doctype html><meta charset="utf-8"><title>wllama probe</title><script type="module" src="probe.js"></script><p>probe</p>`;

async function startServer(js: string, gguf: Uint8Array) {
  const wasm = readFileSync(join(ROOT, 'node_modules/@wllama/wllama/esm/wasm/wllama.wasm'));
  const server = createServer((req, res: ServerResponse) => {
    let path = new URL(req.url ?? '/', 'http://x').pathname;
    // /mt/... is the cross-origin isolated copy of the site (SharedArrayBuffer, so wasm threads)
    if (path.startsWith('/mt/')) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      path = path.slice(3);
    }
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    const send = (type: string, body: string | Uint8Array) => { res.writeHead(200, { 'Content-Type': type }); res.end(body); };
    if (path === '/' || path === '/index.html') return send('text/html; charset=utf-8', HTML);
    if (path === '/probe.js') return send('text/javascript', js);
    if (path === '/wllama.wasm') return send('application/wasm', wasm);
    if (path === '/favicon.ico') return send('image/x-icon', new Uint8Array(0));
    if (path === '/model.gguf') return send('application/octet-stream', gguf);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface ProbePage {
  goto(url: string): Promise<unknown>;
  waitReady(): Promise<unknown>;
  run(cfg: unknown): Promise<any>;
  console: string[];
  close(): Promise<void>;
}

async function openChromium(): Promise<{ open(): Promise<ProbePage>; close(): Promise<void> }> {
  while (!existsSync(CHROMIUM)) {
    console.error(`waiting for ${CHROMIUM} ...`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  return {
    async open() {
      const page = await browser.newPage();
      const lines: string[] = [];
      page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
      page.on('crash', () => lines.push('[crash] page crashed'));
      return {
        goto: (url) => page.goto(url),
        waitReady: () => page.waitForFunction(() => (window as any).probeReady === true, null, { timeout: 30_000 }),
        run: (cfg) => page.evaluate((c) => (window as any).probe(c), cfg),
        console: lines,
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function openFirefox(): Promise<{ open(): Promise<ProbePage>; close(): Promise<void> }> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocolTimeout: 600_000 });
  return {
    async open() {
      const page = await browser.newPage();
      const lines: string[] = [];
      page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => lines.push(`[pageerror] ${(e as Error).message ?? e}`));
      return {
        goto: (url) => page.goto(url),
        waitReady: () => page.waitForFunction(() => (window as any).probeReady === true, { timeout: 30_000 }),
        run: (cfg) => page.evaluate((c) => (window as any).probe(c), cfg),
        console: lines,
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

function summarise(label: string, r: any): void {
  if (r.fatal) {
    console.log(`${label}: FATAL ${r.fatal.name}: ${r.fatal.message}`);
    return;
  }
  const runs: any[] = r.runs ?? [];
  const ok = runs.filter((x) => x.parses).length;
  const gen = runs.map((x) => x.timings?.predicted_n ?? x.chunks);
  // only runs that processed the prompt (later runs hit the prompt cache: prompt_n 1)
  const pps = runs.filter((x) => x.timings?.prompt_n > 10).map((x) => x.timings.prompt_per_second);
  const gps = runs.map((x) => x.timings?.predicted_per_second).filter((x) => x != null);
  const avg = (a: number[]) => (a.length ? Math.round(a.reduce((s, v) => s + v, 0) / a.length) : null);
  const strs: number[] = runs.flatMap((x) => x.shape?.strings ?? []);
  const sorted = [...gen].sort((a, b) => a - b);
  console.log(
    `${label}: load ${r.load?.loadMs} ms (fetch ${r.load?.fetchMs} ms, ${r.load?.bytes} B), threads ${r.model?.threads} (mt ${r.model?.multithread}), ` +
      `parses ${ok}/${runs.length}, finish [${runs.map((x) => x.finish ?? x.error?.message).join(',')}], ` +
      `gen tokens [${gen.join(',')}], prompt tokens ${runs[0]?.timings?.prompt_n}, prompt ${avg(pps)} tok/s, gen ${avg(gps)} tok/s, ` +
      `wall ms [${runs.map((x) => x.ms).join(',')}], summary/faq [${runs.map((x) => (x.shape ? `${x.shape.summary}/${x.shape.faq}` : '-')).join(',')}], ` +
      `gen tokens median ${sorted[sorted.length >> 1]} max ${sorted[sorted.length - 1]}, string chars mean ${avg(strs)} max ${Math.max(0, ...strs)}`,
  );
}

async function main(): Promise<void> {
  const gguf = writeTinyLlamaGguf({ seed: MODEL_SEED, tokenPrior: TOKEN_PRIOR, ...(process.argv.includes('--no-chat-template') ? { chatTemplate: null } : {}) });
  const js = await bundle();
  const { server, origin } = await startServer(js, gguf);
  console.log(`gguf ${gguf.length} bytes (model seed ${MODEL_SEED}); bundle ${js.length} bytes; serving ${origin}`);
  const seeds = Array.from({ length: N_SEEDS }, (_, i) => 1000 + i);
  const all: Record<string, unknown> = {};
  try {
    for (const name of BROWSERS) {
      const b = name === 'firefox' ? await openFirefox() : await openChromium();
      try {
        for (const variant of VARIANTS) {
          for (const mode of MODES) {
            const base = variant === 'mt' ? `${origin}/mt/` : `${origin}/`;
            const cfg = {
              wasmUrl: `${base}wllama.wasm`,
              modelUrl: `${base}model.gguf`,
              threads: variant === 'mt' ? 2 : 1,
              nGpuLayers: process.argv.includes('--gpu') ? null : 0,
              mode,
              prompt: PROMPT,
              system: SYSTEM,
              user: `Artikkel:\n${ARTICLE}\n\nLag eit kort på nynorsk som JSON med title, summary og faq.`,
              grammar: CARD_GBNF,
              maxTokens: MAX_TOKENS,
              temperature: 0.8,
              seeds,
              keepText: 400,
              extras: !process.argv.includes('--no-extras'),
              tryJsonSchema: process.argv.includes('--json-schema'),
              grammarTests: process.argv.includes('--grammar-tests') ? GRAMMAR_TESTS : [],
              nativeLog: process.argv.includes('--native-log'),
            };
            const label = `${name} ${variant} ${mode}`;
            const page = await b.open();
            let r: any;
            try {
              await page.goto(base);
              await page.waitReady();
              r = await page.run(cfg);
            } catch (e) {
              r = { fatal: { name: (e as Error).name, message: (e as Error).message } };
            }
            all[label] = r;
            summarise(label, r);
            if (r.fatal || (r.runs ?? []).some((x: any) => x.error) || process.argv.includes('--console')) {
              console.log(`--- ${label}: browser console (${page.console.length} lines, last 60) ---`);
              for (const l of page.console.slice(-60)) console.log(l.slice(0, 400));
              console.log(`--- ${label}: wllama logger ---`);
              for (const l of (r.logs ?? []).slice(process.argv.includes('--native-log') ? 0 : -30)) console.log(String(l).slice(0, 400));
            }
            await page.close().catch(() => {});
          }
        }
      } finally {
        await b.close();
      }
    }
  } finally {
    server.close();
  }
  if (AS_JSON) console.log(JSON.stringify(all, (k, v) => (k === 'logs' ? undefined : v), 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
