/**
 * npm run card -- <saved page.html> [--url <original url>] [--engine library|digest|model] [--format text|markdown|html|json] [--json]
 *   with --engine model: --provider openai|ollama|anthropic --endpoint <base URL> --model <name>
 *   [--infinitive e|a] [--pronoun me|vi] [--length short|full]; the API key comes from the
 *   environment variable NYNORSK_KORT_API_KEY (never from the command line, never printed).
 * Runs the extension's own core pipeline in Node on a saved page and prints the card.
 * Exit codes: 0 card printed, 2 usage error, 3 not an article, 4 no card for the chosen engine,
 * 5 the model failed (the Nynorsk message says why).
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import templates from '../strings/card-templates.json';
import { boundHtml } from './bound-html';
import { EXPORT_FORMATS, formatCard, type ExportFormat } from '../ui/card-export';
import { LIBRARY } from '../core/library-data';
import { loadNodeChecker } from '../node/nynorsk';
import { TERMS } from '../core/digest';
import { generateModelCard } from '../core/model/generate';
import { isModelError } from '../core/model/errors';
import type { FetchLike, ModelConfig, Provider } from '../core/model/types';
import { resolveCard } from '../core/resolve';
import { understandPage } from '../core/understand';
import { originForMessage } from '../core/url-origin';
import { countNn, numberNn } from '../core/nn-grammar';

/** A noun of the command's own notes. */
const BOKMAL_FORM = { sg: 'bokmålsform', pl: 'bokmålsformer', gender: 'f' } as const;

type Args = {
  file?: string;
  url?: string;
  engine: string;
  /** How the card is printed: the converter behind "Kopier kortet", or the card's JSON (`--json` is `--format json`). */
  format: ExportFormat | 'json';
  provider?: string;
  endpoint?: string;
  model?: string;
  infinitive?: string;
  pronoun?: string;
  length?: string;
};

const VALUE_FLAGS = ['provider', 'endpoint', 'model', 'infinitive', 'pronoun', 'length'] as const;

export function parseArgs(argv: string[]): Args {
  const args: Args = { engine: 'auto', format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = VALUE_FLAGS.find((f) => a === `--${f}`);
    if (a === '--json') args.format = 'json';
    else if (a === '--format') {
      const f = argv[++i] ?? '';
      if (f !== 'json' && !(EXPORT_FORMATS as readonly string[]).includes(f)) throw new Error(`ukjent format: ${f} (text, markdown, html eller json)`);
      args.format = f as Args['format'];
    }
    else if (flag) args[flag] = argv[++i] ?? '';
    else if (a === '--url') args.url = argv[++i];
    else if (a === '--engine') args.engine = argv[++i] ?? '';
    else if (!a.startsWith('--')) args.file = a;
    else throw new Error(`ukjent flagg: ${a}`);
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

const MODEL_USAGE =
  'Bruk: npm run card -- <side.html> --engine model --provider openai|ollama|anthropic --endpoint <adresse> --model <namn> [--json]\n' +
  'API-nøkkelen blir lesen frå miljøvariabelen NYNORSK_KORT_API_KEY. For openai sluttar adressa på /v1.\n';

/** The model configuration from the flags and the environment; a usage message when it does not hold. */
export function modelConfigFromArgs(args: Args, env: NodeJS.ProcessEnv): ModelConfig | string {
  const provider = args.provider as Provider | undefined;
  if (provider !== 'openai' && provider !== 'ollama' && provider !== 'anthropic') return MODEL_USAGE;
  if (!args.endpoint || !args.model) return MODEL_USAGE;
  const infinitive = args.infinitive ?? 'e';
  const pronoun = args.pronoun ?? 'me';
  const length = args.length ?? 'full';
  if ((infinitive !== 'e' && infinitive !== 'a') || (pronoun !== 'me' && pronoun !== 'vi') || (length !== 'short' && length !== 'full')) return MODEL_USAGE;
  const apiKey = env.NYNORSK_KORT_API_KEY?.trim();
  return { provider, endpoint: args.endpoint, model: args.model, ...(apiKey ? { apiKey } : {}), prefs: { infinitive, pronoun, length } };
}

/**
 * Runs the CLI. Library and digest cards are made synchronously; with
 * `--engine model` the card is written by the model (the answer streams to
 * stderr as dots when `progress` is given) and the promise resolves with it.
 */
export async function runCardCliAsync(
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; fetch?: FetchLike; progress?: (s: string) => void } = {},
): Promise<CliResult> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${(e as Error).message}\n` };
  }
  if (args.engine !== 'model') return runCardCli(argv);
  if (!args.file) return { code: 2, stdout: '', stderr: MODEL_USAGE };
  const config = modelConfigFromArgs(args, opts.env ?? process.env);
  if (typeof config === 'string') return { code: 2, stdout: '', stderr: config };
  const page = understandFile(args.file, args.url);
  if ('code' in page) return page;
  const checker = loadNodeChecker();
  try {
    const result = await generateModelCard(page.article, page.topic, config, {
      fetch: opts.fetch ?? ((i, init) => fetch(i, init)),
      findBokmal: (text) => checker.check(text).flagged,
      terms: TERMS,
      ...(opts.progress ? { onPartial: () => opts.progress?.('.') } : {}),
    });
    const card = result.card;
    const notes = [
      `${countNn(result.requests, { sg: 'førespurnad', pl: 'førespurnader', gender: 'm' }, true)} til ${originForMessage(config.endpoint)}`,
      result.repair ? `rettingsrunde: ${countNn(result.repair.asked.length, BOKMAL_FORM, true)}, ${result.repair.remaining.length ? numberNn(result.repair.remaining.length, 'f', true) : 'ingen'} att` : '',
      result.droppedEvidence.length ? `${result.droppedEvidence.length} avsnittsnummer utanfor artikkelen vart fjerna` : '',
    ].filter(Boolean);
    return { code: 0, stdout: `${formatCard(card, args.format)}\n`, stderr: `${page.note}${notes.join('; ')}\n` };
  } catch (e) {
    // The Nynorsk message only: ModelError.detail holds the server's words, never the key.
    return { code: 5, stdout: '', stderr: `${isModelError(e) ? e.message : String(e)}\n` };
  }
}

/** A page past the budget gave no text in the part that was read. */
export const TOO_LARGE =
  'Sida er for stor eller for djupt nesta til at Nynorsk-kort kan lese heile ho, og i den delen som vart lesen, fann Nynorsk-kort ingen artikkeltekst.';
/** A card made from part of a page. */
export const PART_READ = 'Merk: Sida er svært stor eller djupt nesta, så Nynorsk-kort las berre ein del av ho. Kortet byggjer på den delen.';

/** Reads and understands a saved page; a CliResult when it is no article. `note` is set when only part of the page was read. */
function understandFile(file: string, given?: string): CliResult | (Extract<ReturnType<typeof understandPage>, { ok: true }> & { note: string }) {
  // Bounded before jsdom parses it: a page thousands of levels deep takes jsdom minutes.
  const bounded = boundHtml(readFileSync(file, 'utf8'));
  const dom = new JSDOM(bounded.html);
  const url = pageUrl(dom.window.document, given);
  // One parse: the page's own address is set afterwards (a second parse doubled the time on large pages).
  if (url !== 'about:blank') {
    try {
      dom.reconfigure({ url });
    } catch {
      /* not a URL jsdom takes: the page keeps about:blank */
    }
  }
  let partial = !!bounded.cut;
  const understood = understandPage(dom.window.document, url, { onOverBudget: () => (partial = true) });
  if (!understood.ok) {
    const msg = understood.reason === 'not-article' ? templates.cli.notArticle : partial ? TOO_LARGE : templates.cli.noArticleText;
    return { code: 3, stdout: '', stderr: `${msg}\n` };
  }
  return Object.assign(understood, { note: partial ? `${PART_READ}\n` : '' });
}

export function runCardCli(argv: string[]): CliResult {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${(e as Error).message}\n` };
  }
  const usage = 'Bruk: npm run card -- <side.html> [--url <adresse>] [--engine library|digest|model] [--format text|markdown|html|json]\n' + MODEL_USAGE;
  if (!args.file || !['auto', 'library', 'digest', 'model'].includes(args.engine)) return { code: 2, stdout: '', stderr: usage };
  if (args.engine === 'model') return { code: 2, stdout: '', stderr: MODEL_USAGE };
  const understood = understandFile(args.file, args.url);
  if ('code' in understood) return understood;
  const checker = loadNodeChecker();
  const { card } = resolveCard(understood.article, understood.topic, {
    library: LIBRARY,
    findBokmal: (text) => checker.check(text).flagged,
    engine: args.engine === 'digest' ? 'digest' : 'auto',
  });
  if (args.engine === 'library' && card.engine.kind !== 'library') return { code: 4, stdout: '', stderr: `${templates.cli.noLibraryCard}\n` };
  return { code: 0, stdout: `${formatCard(card, args.format)}\n`, stderr: understood.note };
}

const isMain = process.argv[1]?.endsWith('card.ts');
if (isMain) {
  let dots = false;
  const progress = (s: string) => {
    dots = true;
    process.stderr.write(s);
  };
  void runCardCliAsync(process.argv.slice(2), { progress }).then((r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(dots ? `\n${r.stderr}` : r.stderr);
    process.exitCode = r.code;
  });
}
