/**
 * npm run card -- <saved page.html> [--url <original url>] [--engine library|digest|model] [--json]
 * Runs the extension's own core pipeline in Node on a saved page and prints the card.
 * Exit codes: 0 card printed, 2 usage error, 3 not an article, 4 no card for the chosen engine.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import templates from '../../assets/card-templates.json';
import { cardToText } from '../core/card-to-text';
import { LIBRARY } from '../core/library-data';
import { loadNodeChecker } from '../core/nynorsk/node';
import { resolveCard } from '../core/resolve';
import { understandPage } from '../core/understand';

type Args = { file?: string; url?: string; engine: string; json: boolean };

export function parseArgs(argv: string[]): Args {
  const args: Args = { engine: 'auto', json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--url') args.url = argv[++i];
    else if (a === '--engine') args.engine = argv[++i] ?? '';
    else if (!a.startsWith('--')) args.file = a;
    else throw new Error(`ukjend flagg: ${a}`);
  }
  return args;
}

/** The URL a saved page came from: --url, else its canonical link or og:url. */
function pageUrl(doc: Document, given?: string): string {
  if (given) return given;
  const c = doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return c ?? 'about:blank';
}

export type CliResult = { code: number; stdout: string; stderr: string };

export function runCardCli(argv: string[]): CliResult {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${(e as Error).message}\n` };
  }
  const usage = 'Bruk: npm run card -- <side.html> [--url <adresse>] [--engine library|digest|model] [--json]\n';
  if (!args.file || !['auto', 'library', 'digest', 'model'].includes(args.engine)) return { code: 2, stdout: '', stderr: usage };
  if (args.engine === 'model') return { code: 2, stdout: '', stderr: `${templates.cli.modelLater}\n` };
  const html = readFileSync(args.file, 'utf8');
  const probe = new JSDOM(html);
  const url = pageUrl(probe.window.document, args.url);
  const dom = url === 'about:blank' ? probe : new JSDOM(html, { url });
  const understood = understandPage(dom.window.document, url);
  if (!understood.ok) {
    const msg = understood.reason === 'not-article' ? templates.cli.notArticle : templates.cli.noArticleText;
    return { code: 3, stdout: '', stderr: `${msg}\n` };
  }
  const checker = loadNodeChecker();
  const { card } = resolveCard(understood.article, understood.topic, {
    library: LIBRARY,
    findBokmal: (text) => checker.check(text).flagged,
    engine: args.engine === 'digest' ? 'digest' : 'auto',
  });
  if (args.engine === 'library' && card.engine.kind !== 'library') return { code: 4, stdout: '', stderr: `${templates.cli.noLibraryCard}\n` };
  return { code: 0, stdout: `${args.json ? JSON.stringify(card, null, 2) : cardToText(card)}\n`, stderr: '' };
}

const isMain = process.argv[1]?.endsWith('card.ts');
if (isMain) {
  const r = runCardCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
