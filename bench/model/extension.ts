/**
 * npm run bench:model:extension: the model engine inside the real extension
 * (Chromium, test build), against the fake model server (OpenAI-compatible,
 * streaming). bench/model/run.ts measures the core in Node; this measures
 * what the user sees:
 *  1. Time from the click on "Lag nynorsk samandrag" / "Lag på nytt" to the
 *     first model text in the overlay, against the server's own time to first
 *     byte; the difference is our overhead (content script → port → service
 *     worker → fetch, and back). Goal: < 50 ms. Also split: click → request at
 *     the server, and first byte → text on screen.
 *  2. Requests to the server when a page with a cached model card is opened. Goal: 0.
 * The endpoint origin is granted in a temporary copy of the test build's
 * manifest (headless Chromium cannot answer the permission prompt).
 * Env: BENCH_RUNS (default 15), CHROMIUM_PATH. Writes bench/model/EXTENSION.md (--no-write: print only).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../../support/browser/chromium';
import { TEST_BUILD } from '../../support/browser/paths';
import { REPO_ROOT, Site } from '../../support/browser/site';
import { startModelServer } from '../../support/model-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const HOST = '[data-nynorsk-kort-overlay]';
const lines: string[] = [];
const log = (s = '') => {
  lines.push(s);
  console.log(s);
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const f1 = (n: number) => n.toFixed(1);

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const inOverlay = <T>(page: Page, fn: string) =>
  page.evaluate(`(() => { const root = document.querySelector('${HOST}')?.shadowRoot; return root ? (${fn})(root) : null; })()`) as Promise<T>;

async function main() {
  const exe = chromiumPath();
  if (!exe) throw new Error('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
  if (process.env.NYNORSK_KORT_SKIP_BUILD !== '1') execFileSync(process.execPath, ['build.mjs', '--test'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const server = await startModelServer({ chunkSize: 24, chunkDelayMs: 10 });
  const extDir = mkdtempSync(join(tmpdir(), 'nk-bench-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'nk-bench-prof-'));
  cpSync(TEST_BUILD.chrome, extDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(join(extDir, 'manifest.json'), JSON.stringify(manifest));
  const site = new Site();
  const article = site.addFixture('meta-llama-government');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    await context.route(/^https:\/\/(www|community)\.spiceworks\.com\//, (route) => {
      const res = site.respond(route.request().url());
      return res ? route.fulfill({ status: res.status, contentType: res.contentType, body: res.body }) : route.abort();
    });
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.evaluate(
      `chrome.storage.local.set({ settings: { version: 2, overlay: 'open', engine: 'openai', providers: { ollama: { endpoint: 'http://localhost:11434', model: '' }, openai: { endpoint: ${JSON.stringify(server.endpoints.openai)}, model: 'nn-writer' }, anthropic: { endpoint: 'https://api.anthropic.com', model: '' } }, prefs: { infinitive: 'e', pronoun: 'me', length: 'full' }, autoGenerate: false }, apiKeys: { openai: ${JSON.stringify(server.apiKey)} } })`,
    );

    const page = await context.newPage();
    await page.goto(article.url, { waitUntil: 'load' });
    const button = () => inOverlay<string | null>(page, `(r) => r.querySelector('[data-testid=model-generate],[data-testid=model-regenerate]')?.getAttribute('data-testid') ?? null`);
    const rows: { total: number; ttfb: number; toServer: number; toScreen: number }[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const which = await until('a generate button', button, (b) => b !== null);
      server.reset();
      await page.evaluate(`(() => {
        const root = document.querySelector('${HOST}').shadowRoot;
        window.__nkT = { click: 0, visible: 0, origin: performance.timeOrigin };
        const obs = new MutationObserver(() => {
          const c = root.querySelector('[data-testid=card][data-streaming=true]');
          if (!window.__nkT.visible && c && ((c.querySelector('.nk-card__title')?.textContent ?? '…') !== '…' || c.querySelector('[data-testid=summary]')?.textContent)) { window.__nkT.visible = performance.now(); obs.disconnect(); }
        });
        obs.observe(root, { subtree: true, childList: true, characterData: true });
        window.__nkT.click = performance.now();
        root.querySelector('[data-testid=${which}]').click();
      })()`);
      await until('the model card', () => inOverlay<string | null>(page, `(r) => { const c = r.querySelector('[data-testid=card]'); return c && c.getAttribute('data-engine') === 'model' && !c.hasAttribute('data-streaming') && r.querySelector('[data-testid=model-regenerate]') ? 'done' : null; }`), (v) => v === 'done');
      const t = (await page.evaluate('window.__nkT')) as { click: number; visible: number; origin: number };
      const req = server.requests.find((r) => r.path === '/v1/chat/completions');
      if (!req?.firstByteAt || !t.visible) throw new Error('no request or no visible text');
      const click = t.origin + t.click;
      const visible = t.origin + t.visible;
      const received = performance.timeOrigin + req.receivedAt;
      const firstByte = performance.timeOrigin + req.firstByteAt;
      // The first round warms the service worker and the checker; it is reported apart.
      const row = { total: visible - click, ttfb: req.firstByteAt - req.receivedAt, toServer: received - click, toScreen: visible - firstByte };
      if (i === 0) log(`First click after page load (cold worker, checker warming): click → text ${f1(row.total)} ms, server TTFB ${f1(row.ttfb)} ms.`);
      else rows.push(row);
    }
    const over = rows.map((r) => r.total - r.ttfb);
    log('');
    log(`Warm runs: ${rows.length} × "Lag på nytt" on ${article.name} (OpenAI-compatible SSE, 24-character chunks).`);
    log('');
    log('| measure | median (ms) | p95 (ms) | max (ms) |');
    log('|---|---|---|---|');
    const row = (name: string, xs: number[]) => log(`| ${name} | ${f1(pct(xs, 50))} | ${f1(pct(xs, 95))} | ${f1(Math.max(...xs))} |`);
    row('click → first model text in the overlay', rows.map((r) => r.total));
    row('server time to first byte', rows.map((r) => r.ttfb));
    row('**our overhead** (difference)', over);
    row('  of which click → request at the server', rows.map((r) => r.toServer));
    row('  of which first byte → text on screen', rows.map((r) => r.toScreen));
    log('');
    log(`Goal < 50 ms: median ${pct(over, 50) < 50 ? 'yes' : '**no**'}, p95 ${pct(over, 95) < 50 ? 'yes' : '**no**'}.`);

    // Cached card: open the article again in a new tab; the card must come with no request.
    server.reset();
    const again = await context.newPage();
    await again.goto(article.url, { waitUntil: 'load' });
    await until('the cached model card', () => inOverlay<string | null>(again, `(r) => r.querySelector('[data-testid=card]')?.getAttribute('data-engine') ?? null`), (v) => v === 'model');
    await new Promise((r) => setTimeout(r, 500));
    log('');
    log(`Cached article opened again: ${server.requests.length} requests to the model server (goal 0).`);
  } finally {
    await context.close();
    await server.close();
    rmSync(extDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
  if (!process.argv.includes('--no-write')) {
    const head = `# Model engine in the extension (Chromium)\n\nCommand: \`npm run bench:model:extension\` (${new Date().toISOString().slice(0, 10)}, ${RUNS} runs). Machine: 2 cores, headless Chromium, fake model server on 127.0.0.1.\n\n`;
    writeFileSync(join(REPO_ROOT, 'bench/model/EXTENSION.md'), head + lines.join('\n') + '\n');
  }
}

await main();
