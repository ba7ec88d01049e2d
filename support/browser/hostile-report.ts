/**
 * The hostile-page results (issue 12): one JSON per browser in artifacts/,
 * and artifacts/hostile-report.md written from whichever JSONs exist.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Errors } from './hostile-open';
import type { ProbeState } from './hostile-probe';
import { REPO_ROOT } from './site';

export type PageResult = {
  id: string;
  what: string;
  url: string;
  /** Unexpected payload executions (ids), and the ones the page runs on purpose (control). */
  pwned: string[];
  expectedPwned: string[];
  errors: Errors;
  /** The pill exists, is in the viewport, changes pixels when shown (screenshot diff share), and wins hit-testing. */
  pill: { present: boolean; inViewport: boolean; pixels: number; visible: boolean; hit: boolean; hitName: string | null; hosts: number };
  panelOpens: boolean;
  unsafeLinks: string[];
  forbiddenInOverlay: boolean;
  dom: ProbeState['dom'] | null;
  timing: ProbeState['timing'] | null;
  /** Checks that fail (names as in CHECKS). */
  failed: Check[];
  ms: number;
  note?: string;
};

/** The goals, per page. */
export const CHECKS = {
  payloads: '0 payload executions (hooks reached count too)',
  errors: '0 uncaught errors (page or extension)',
  pill: 'a visible pill (pixels change when the host is hidden)',
  hit: 'elementFromPoint at the pill centre is the host',
  dom: 'no DOM change outside the host',
  panel: 'a real click on the pill opens the panel',
  links: 'no javascript:/data:/vbscript: URL inside the overlay',
  injection: 'the prompt-injection marker does not reach the overlay',
  longtask: 'no task over 100 ms after DOMContentLoaded (report only)',
} as const;
export type Check = keyof typeof CHECKS;

export function failedChecks(r: Omit<PageResult, 'failed'>): Check[] {
  const out: Check[] = [];
  if (r.pwned.length > 0) out.push('payloads');
  if (r.errors.page.length + r.errors.extension.length + r.errors.background.length > 0) out.push('errors');
  if (!r.pill.visible) out.push('pill');
  if (!r.pill.hit) out.push('hit');
  if ((r.dom?.outside ?? 0) > 0) out.push('dom');
  if (!r.panelOpens) out.push('panel');
  if (r.unsafeLinks.length > 0) out.push('links');
  if (r.forbiddenInOverlay) out.push('injection');
  const longest = Math.max(r.timing?.longestAfterDcl ?? 0, r.timing?.longtaskSupported ? 0 : (r.timing?.gapMax ?? 0));
  if (longest > 100) out.push('longtask');
  return out;
}

const ARTIFACTS = join(REPO_ROOT, 'artifacts');
const jsonPath = (browser: string) => join(ARTIFACTS, `hostile-${browser}.json`);

export type BrowserReport = { browser: string; notes: string; at: string; results: PageResult[] };

export function saveBrowserReport(rep: BrowserReport): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(jsonPath(rep.browser), JSON.stringify(rep, null, 2));
  writeMarkdown();
}

const yes = (b: boolean) => (b ? 'yes' : '**NO**');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(rep: BrowserReport): string {
  const lines = [
    `## ${rep.browser} (${rep.at})`,
    '',
    rep.notes,
    '',
    '| page | payloads | errors (page/ext/ext console/bg) | pill visible (px diff) | hit | panel | DOM outside host | longest task after DCL / loop gap (ms) | fails |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rep.results) {
    const e = r.errors;
    const pw = r.pwned.length ? `**${r.pwned.length}**: ${[...new Set(r.pwned)].slice(0, 6).join(', ')}` : '0';
    const ctrl = r.expectedPwned.length ? ` (control ran: ${r.expectedPwned.join(', ') || 'NONE'})` : '';
    const errs = `${e.page.length}/${e.extension.length}/${e.extensionConsole.length}/${e.background.length}`;
    const dom = r.dom ? (r.dom.outside ? `**${r.dom.outside}**: ${r.dom.samples.slice(0, 2).map((s) => `${s.type} ${s.target}${s.attr ? `[${s.attr}]` : ''}${s.added.length ? ` +${s.added.join(',')}` : ''}${s.removed.length ? ` -${s.removed.join(',')}` : ''}`).join('; ')}` : '0') : 'n/a';
    const lt = r.timing ? `${r.timing.longtaskSupported ? r.timing.longestAfterDcl : 'n/a'} / ${r.timing.gapMax}` : 'n/a';
    lines.push(
      `| ${cell(r.id)} | ${cell(pw + ctrl)} | ${errs} | ${yes(r.pill.visible)} (${(r.pill.pixels * 100).toFixed(1)}%) | ${yes(r.pill.hit)} | ${yes(r.panelOpens)} | ${cell(dom)} | ${lt} | ${r.failed.join(', ') || '—'}${r.note ? ` (${cell(r.note)})` : ''} |`,
    );
  }
  const errorLines = rep.results.flatMap((r) =>
    [...r.errors.page.map((t) => `page: ${t}`), ...r.errors.extension.map((t) => `extension: ${t}`), ...r.errors.extensionConsole.map((t) => `extension console: ${t}`), ...r.errors.background.map((t) => `background: ${t}`), ...r.unsafeLinks.map((t) => `unsafe link: ${t}`)]
      .slice(0, 5)
      .map((t) => `- ${r.id}: ${t}`),
  );
  if (errorLines.length) lines.push('', 'Errors and unsafe links (first five per page):', '', ...errorLines);
  return lines.join('\n');
}

function writeMarkdown(): void {
  const reps = ['chromium', 'firefox']
    .filter((b) => existsSync(jsonPath(b)))
    .map((b) => JSON.parse(readFileSync(jsonPath(b), 'utf8')) as BrowserReport);
  const head = [
    '# Hostile pages (issue 12)',
    '',
    'Written by `tests/browser/hostile-chromium.test.ts` and `tests/browser/hostile-firefox.test.ts` (corpus: `tests/fixtures/hostile/`).',
    '',
    'Checks:',
    ...Object.entries(CHECKS).map(([k, v]) => `- \`${k}\`: ${v}`),
    '',
    'The pages (all on www.spiceworks.com article URLs):',
    '',
    ...(reps[0]?.results ?? []).map((r) => `- \`${r.id}\`: ${r.what}`),
    '',
  ];
  const summary = ['## Failures by check', ''];
  for (const rep of reps) {
    for (const c of Object.keys(CHECKS) as Check[]) {
      const ids = rep.results.filter((r) => r.failed.includes(c)).map((r) => r.id);
      summary.push(`- ${rep.browser} \`${c}\`: ${ids.length ? ids.join(', ') : 'none'}`);
    }
  }
  writeFileSync(join(ARTIFACTS, 'hostile-report.md'), [...head, ...summary, '', ...reps.map(table), ''].join('\n'));
}
