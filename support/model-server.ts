/**
 * A fake model server on 127.0.0.1 for unit and browser tests. It speaks the
 * real wire protocols (OpenAI chat completions with and without SSE, Ollama
 * /api/chat NDJSON and /api/tags, Anthropic messages with SSE and /v1/models)
 * and answers from recorded, realistic answers about TEST_ARTICLE, including
 * bad ones. Every request is recorded (method, path, headers, body) so tests
 * can check what was sent and where the API key went.
 *
 * Scenario selection: by model name (see SCENARIOS), or for every request
 * with `server.setScenario(name)` / `POST /__control {"scenario": name}`.
 * `GET /__requests` returns the recorded requests (control calls are not recorded).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Article, TopicResult } from '../src/core/types';
import { DEFAULT_PREFS as SERVER_PREFS, type ModelConfig } from '../src/core/model/types';

/** Our own article (invented facts, our words) that the recorded answers are about. */
export const TEST_ARTICLE: Article = {
  url: 'https://www.spiceworks.com/it-security/data-security/news/school-district-restores-systems-after-ransomware/',
  canonicalUrl: 'https://www.spiceworks.com/it-security/data-security/news/school-district-restores-systems-after-ransomware/',
  kind: 'article',
  title: 'School District Restores Systems After Ransomware Attack Thanks to Offline Backups',
  author: 'Test Writer',
  published: '2026-03-18',
  section: 'data-security',
  contentType: 'news',
  tags: ['ransomware', 'backup'],
  breadcrumbs: ['IT Security', 'Data Security'],
  jsonLd: { types: ['NewsArticle'], sections: ['Data Security'], keywords: ['ransomware'] },
  meta: { 'og:type': 'article' },
  paragraphs: [
    'A school district in Ohio says it restored its student information system within four days after a ransomware attack encrypted most of its Windows servers in March.',
    "The district's IT director, Dana Whitfield, said the attackers got in through a VPN account that did not use multi-factor authentication.",
    'Because the team kept immutable backups in a separate cloud account, the attackers could not delete or encrypt them.',
    'The district did not pay the ransom. Restoring from backup cost about $180,000 in staff overtime and outside help, far less than the $1.2 million the attackers demanded.',
    'Whitfield said the team has since turned on multi-factor authentication for every remote account and moved the VPN behind a zero trust gateway.',
    'Security researchers note that schools remain a common target because they hold personal data and often run on small IT budgets.',
    'The district now tests a full restore every quarter and shares its incident report with neighbouring districts.',
  ],
};

export const TEST_TOPIC: TopicResult = {
  id: 'security',
  label: 'IT-tryggleik',
  confidence: 0.92,
  secondary: ['data'],
  reasons: ['«data-security» i nettadressa'],
};

/** A good answer: correct Nynorsk, evidence inside the article. */
export const GOOD_CONTENT = {
  title: 'Skuledistrikt i Ohio fekk systema i gang att etter løysepengeåtak',
  summary: [
    'Eit skuledistrikt i Ohio fekk elevsystemet sitt i drift att innan fire dagar etter at eit løysepengeåtak i mars krypterte dei fleste Windows-tenarane.',
    'Åtakarane kom inn gjennom ein VPN-konto utan fleirfaktorautentisering. Reservekopiane låg i ein eigen skykonto og kunne ikkje endrast, så åtakarane kunne verken slette eller kryptere dei.',
    'Distriktet betalte ikkje løysepengar. Å hente systema tilbake kosta om lag 180 000 dollar i overtid og innleigd hjelp, langt mindre enn dei 1,2 millionar dollar åtakarane kravde.',
    'No har alle fjernkontoar fleirfaktorautentisering, VPN-en står bak ein portal for nulltillit, og distriktet prøver ei full gjenoppretting kvart kvartal.',
  ],
  faq: [
    { q: 'Korleis kom åtakarane inn?', a: 'Gjennom ein VPN-konto som ikkje brukte fleirfaktorautentisering.', evidence: [1] },
    {
      q: 'Kvifor kunne ikkje åtakarane øydeleggje reservekopiane?',
      a: 'Kopiane kunne ikkje endrast og låg i ein eigen skykonto, så dei kunne verken slettast eller krypterast.',
      evidence: [2],
    },
    { q: 'Betalte distriktet løysepengane?', a: 'Nei. Gjenopprettinga kosta om lag 180 000 dollar, medan åtakarane kravde 1,2 millionar dollar.', evidence: [3] },
    {
      q: 'Kva har distriktet endra etter åtaket?',
      a: 'Det har slått på fleirfaktorautentisering for alle fjernkontoar, flytta VPN-en bak ein portal for nulltillit og prøver full gjenoppretting kvart kvartal.',
      evidence: [4, 6],
    },
    { q: 'Kvifor blir skular ofte ramma?', a: 'Dei har personopplysningar og ofte små IT-budsjett.', evidence: [5] },
  ],
};

/** The Bokmål forms planted in BOKMAL_CONTENT, with the Nynorsk form (for a fake checker). */
export const PLANTED_BOKMAL: Record<string, string> = { ikke: 'ikkje', hvordan: 'korleis', hva: 'kva', mens: 'medan' };

/** The same card with Bokmål forms mixed in, as a weak model writes it. */
export const BOKMAL_CONTENT = {
  ...GOOD_CONTENT,
  summary: GOOD_CONTENT.summary.map((p) => p.replace('betalte ikkje', 'betalte ikke')),
  faq: GOOD_CONTENT.faq.map((f, i) =>
    i === 0
      ? { ...f, q: 'Hvordan kom åtakarane inn?', a: 'Gjennom ein VPN-konto som ikke brukte fleirfaktorautentisering.' }
      : i === 2
        ? { ...f, a: f.a.replace('medan', 'mens') }
        : i === 3
          ? { ...f, q: 'Hva har distriktet endra etter åtaket?' }
          : f,
  ),
};

/** How each scenario answers a chat request (n: how many chat requests this scenario has had before). */
type Answer =
  | { kind: 'text'; text: string; cutAfter?: number; paced?: boolean; stopAtMaxTokens?: boolean }
  | { kind: 'status'; status: number; body: string; headers?: Record<string, string> };

export type ScenarioName =
  | 'good'
  | 'fenced'
  | 'prose'
  | 'invalid-json'
  | 'wrong-types'
  | 'bokmal'
  | 'bokmal-stubborn'
  | 'evidence-out-of-range'
  | 'cut'
  | 'max-tokens'
  | 'slow'
  | 'no-sse'
  | 'unauthorized'
  | 'forbidden'
  | 'ollama-origin'
  | 'rate-limit-then-ok'
  | 'rate-limit'
  | 'server-error'
  | 'server-error-then-ok'
  | 'context-too-long'
  | 'endless'
  | 'nested'
  | 'nested-huge';

/** Model names that select a scenario; any other model name is "not found". */
export const SCENARIO_MODELS: Record<string, ScenarioName> = {
  'nn-writer': 'good',
  'nn-fenced': 'fenced',
  'nn-prose': 'prose',
  'nn-invalid-json': 'invalid-json',
  'nn-wrong-types': 'wrong-types',
  'nn-bokmal': 'bokmal',
  'nn-bokmal-stubborn': 'bokmal-stubborn',
  'nn-evidence': 'evidence-out-of-range',
  'nn-cut': 'cut',
  'nn-max-tokens': 'max-tokens',
  'nn-slow': 'slow',
  'nn-no-sse': 'no-sse',
  'nn-unauthorized': 'unauthorized',
  'nn-forbidden': 'forbidden',
  'nn-ollama-origin': 'ollama-origin',
  'nn-rate-limit-then-ok': 'rate-limit-then-ok',
  'nn-rate-limit': 'rate-limit',
  'nn-500': 'server-error',
  'nn-500-then-ok': 'server-error-then-ok',
  'nn-context': 'context-too-long',
  'nn-endless': 'endless',
  'nn-nested': 'nested',
  'nn-nested-huge': 'nested-huge',
};

/** What the "endless" scenario streams: a card whose summary never ends (2 MB), whatever max_tokens says. */
export const ENDLESS_ANSWER_CHARS = 2_000_000;

/** Nesting of the "nested" scenario's title: deeper than any card, short enough for every limit. */
export const NESTED_DEPTH = 1000;

type Protocol = 'openai' | 'ollama' | 'anthropic';

/** Protocol-specific error bodies, as the real servers write them. */
function errorBody(protocol: Protocol, status: number, model: string): string {
  const kinds: Record<number, [string, string]> = {
    400: ['invalid_request_error', "This model's maximum context length is 8192 tokens. However, your messages resulted in 12000 tokens."],
    401: ['authentication_error', 'Incorrect API key provided: sk-wr***ng.'],
    403: ['permission_error', 'You are not allowed to use this model.'],
    404: ['not_found_error', `The model \`${model}\` does not exist or you do not have access to it.`],
    429: ['rate_limit_error', 'Rate limit reached for requests. Please try again in 1s.'],
    500: ['api_error', 'The server had an error while processing your request.'],
  };
  const [type, message] = kinds[status] ?? ['api_error', 'Error'];
  if (protocol === 'ollama') {
    if (status === 404) return JSON.stringify({ error: `model "${model}" not found, try pulling it first` });
    if (status === 400) return JSON.stringify({ error: 'prompt is too long: input length exceeds the context length (num_ctx 2048)' });
    return JSON.stringify({ error: message });
  }
  if (protocol === 'anthropic') {
    const m = status === 400 ? 'prompt is too long: 210000 tokens > 200000 maximum' : status === 404 ? `model: ${model}` : message;
    return JSON.stringify({ type: 'error', error: { type, message: m } });
  }
  return JSON.stringify({ error: { message, type, param: null, code: status === 401 ? 'invalid_api_key' : status === 400 ? 'context_length_exceeded' : null } });
}

/** The largest paragraph number [n] in the request's text, or -1. */
function maxParagraph(text: string): number {
  let max = -1;
  for (const m of text.matchAll(/^(\d+): /gm)) max = Math.max(max, Number(m[1]));
  return max;
}

/** A good answer fitted to the request: part summaries for map steps, evidence clamped to the paragraphs sent. */
function goodAnswer(prompt: string): typeof GOOD_CONTENT {
  const part = /Part (\d+) of (\d+), paragraphs (\d+)-(\d+)/.exec(prompt);
  const max = maxParagraph(prompt);
  if (part) {
    const from = Number(part[3]);
    const to = Number(part[4]);
    return {
      title: `Del ${part[1]}`,
      summary: [`Del ${part[1]} av ${part[2]} handlar om avsnitta ${from} til ${to}. ${GOOD_CONTENT.summary[Number(part[1]) % 4]}`],
      faq: [{ q: `Kva står i del ${part[1]}?`, a: GOOD_CONTENT.faq[Number(part[1]) % 5]!.a, evidence: [from, to] }],
    };
  }
  const combine = /Combine them/.test(prompt) ? /numbered 0-(\d+)/.exec(prompt) : null;
  const last = combine ? Number(combine[1]) : max;
  if (last < 0 || last >= 6) return GOOD_CONTENT;
  return { ...GOOD_CONTENT, faq: GOOD_CONTENT.faq.map((f) => ({ ...f, evidence: f.evidence.map((e) => Math.min(e, last)) })) };
}

function answerFor(scenario: ScenarioName, n: number, prompt: string, protocol: Protocol, model: string): Answer {
  const json = (v: unknown) => ({ kind: 'text' as const, text: JSON.stringify(v) });
  const status = (s: number, headers?: Record<string, string>): Answer => ({
    kind: 'status',
    status: s,
    body: errorBody(protocol, s, model),
    ...(headers ? { headers } : {}),
  });
  switch (scenario) {
    case 'good':
    case 'slow':
    case 'no-sse':
      return json(goodAnswer(prompt));
    case 'fenced':
      return { kind: 'text', text: '```json\n' + JSON.stringify(GOOD_CONTENT, null, 2) + '\n```' };
    case 'prose':
      return { kind: 'text', text: `Her er kortet:\n${JSON.stringify(GOOD_CONTENT)}\nSei frå om du vil ha meir.` };
    case 'invalid-json':
      return { kind: 'text', text: JSON.stringify(GOOD_CONTENT).replace('"summary":', '"summary"').slice(0, -3) + ',,}' };
    case 'wrong-types':
      return json({ title: 42, summary: 'ikkje ei liste', faq: { q: 'Kva?' } });
    case 'bokmal':
      return json(n === 0 ? BOKMAL_CONTENT : GOOD_CONTENT);
    case 'bokmal-stubborn':
      return json(BOKMAL_CONTENT);
    case 'evidence-out-of-range':
      return json({ ...GOOD_CONTENT, faq: GOOD_CONTENT.faq.map((f, i) => (i === 0 ? { ...f, evidence: [1, 99, -1] } : i === 1 ? { ...f, evidence: [2, 7] } : f)) });
    case 'cut': {
      const text = JSON.stringify(GOOD_CONTENT);
      return { kind: 'text', text, cutAfter: Math.floor(text.length / 2) };
    }
    case 'max-tokens': {
      // The server reaches max_tokens halfway through the card and says so in its closing frames, as real servers do.
      const text = JSON.stringify(GOOD_CONTENT);
      return { kind: 'text', text: text.slice(0, Math.floor(text.length / 2)), stopAtMaxTokens: true };
    }
    case 'unauthorized':
      return status(401);
    case 'forbidden':
      return { kind: 'status', status: 403, body: protocol === 'ollama' ? '' : errorBody(protocol, 403, model) };
    case 'ollama-origin':
      return { kind: 'status', status: 403, body: '' };
    case 'rate-limit-then-ok':
      return n < 2 ? status(429, { 'retry-after': '0' }) : json(goodAnswer(prompt));
    case 'rate-limit':
      return status(429);
    case 'server-error':
      return status(500);
    case 'server-error-then-ok':
      return n < 1 ? status(500) : json(goodAnswer(prompt));
    case 'context-too-long':
      return status(400);
    case 'endless': {
      // A server that ignores max_tokens and keeps writing the same paragraph.
      const head = `{"title":${JSON.stringify(GOOD_CONTENT.title)},"summary":["`;
      const para = GOOD_CONTENT.summary[1]! + ' ';
      return { kind: 'text', text: head + para.repeat(Math.ceil((ENDLESS_ANSWER_CHARS - head.length) / para.length)), paced: true };
    }
    case 'nested':
      return { kind: 'text', text: `{"title":${'['.repeat(NESTED_DEPTH)}${']'.repeat(NESTED_DEPTH)},"summary":["x"],"faq":[]}` };
    case 'nested-huge':
      return { kind: 'text', text: `{"title":${'['.repeat(300_000)}`, paced: true };
  }
}

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** performance.now() when the request arrived, and when the first byte of the answer went out. */
  receivedAt: number;
  firstByteAt?: number;
  /** Paced answers ("endless"): characters of answer text written, and whether the client closed the connection before the end. */
  answerCharsSent?: number;
  closedByClient?: boolean;
};

export type ModelServerOptions = {
  /** The key OpenAI and Anthropic requests must carry (default "sk-test-nynorsk"). */
  apiKey?: string;
  /** Characters per streamed piece (default 24). */
  chunkSize?: number;
  /** Delay between streamed pieces, ms (default 0; the "slow" scenario uses slowDelayMs). */
  chunkDelayMs?: number;
  /** Delay before the first byte and between pieces for the "slow" scenario (default 150). */
  slowDelayMs?: number;
  /** Answer 403 to chrome-extension:// and moz-extension:// origins on Ollama routes, as Ollama does by default. */
  rejectExtensionOrigins?: boolean;
};

export type ModelServer = {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Bases per provider: openai ends in /v1. */
  endpoints: Record<Protocol, string>;
  apiKey: string;
  requests: RecordedRequest[];
  /** Forces one scenario for every model (undefined: choose by model name). */
  setScenario(s: ScenarioName | undefined): void;
  setOptions(o: Partial<ModelServerOptions>): void;
  reset(): void;
  close(): Promise<void>;
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server on a random port of 127.0.0.1. */
export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const opts: Required<ModelServerOptions> = {
    apiKey: 'sk-test-nynorsk',
    chunkSize: 24,
    chunkDelayMs: 0,
    slowDelayMs: 150,
    rejectExtensionOrigins: false,
    ...options,
  };
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  let forced: ScenarioName | undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(e));
      });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const path = (req.url ?? '/').split('?')[0]!;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    if (path === '/__requests') return sendJson(res, 200, requests);
    if (path === '/__control') {
      const c = body ? (JSON.parse(body) as { scenario?: ScenarioName; reset?: boolean } & Partial<ModelServerOptions>) : {};
      if (c.reset) api.reset();
      if ('scenario' in c) forced = c.scenario;
      for (const k of ['chunkSize', 'chunkDelayMs', 'slowDelayMs', 'rejectExtensionOrigins', 'apiKey'] as const) {
        if (c[k] !== undefined) (opts as Record<string, unknown>)[k] = c[k];
      }
      return sendJson(res, 200, { ok: true, scenario: forced ?? null });
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, headers, body, receivedAt: performance.now() };
    requests.push(rec);
    const mark = () => {
      rec.firstByteAt ??= performance.now();
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      return res.end();
    }
    const protocol: Protocol | undefined = path.startsWith('/v1/messages') || (path === '/v1/models' && headers['anthropic-version'])
      ? 'anthropic'
      : path.startsWith('/api/')
        ? 'ollama'
        : path.startsWith('/v1/')
          ? 'openai'
          : undefined;
    if (!protocol) return sendJson(res, 404, { error: 'not found' });

    // Ollama refuses extension origins unless OLLAMA_ORIGINS allows them: 403, empty body.
    if (protocol === 'ollama' && opts.rejectExtensionOrigins && /^(chrome|moz)-extension:\/\//.test(headers.origin ?? '')) {
      mark();
      res.writeHead(403);
      return res.end();
    }
    // Keys: OpenAI-compatible and Anthropic check theirs; Ollama has none.
    if (protocol !== 'ollama') {
      const given = protocol === 'openai' ? headers.authorization?.replace(/^Bearer /, '') : headers['x-api-key'];
      if (given !== opts.apiKey) {
        mark();
        return send(res, 401, errorBody(protocol, 401, ''));
      }
    }

    if (req.method === 'GET') {
      mark();
      const names = Object.keys(SCENARIO_MODELS);
      if (protocol === 'ollama' && path === '/api/tags')
        return sendJson(res, 200, {
          models: names.map((name) => ({
            name: `${name}:latest`,
            model: `${name}:latest`,
            modified_at: '2026-03-01T10:00:00.000Z',
            size: 4_661_224_676,
            digest: 'f'.repeat(64),
            details: { format: 'gguf', family: 'llama', parameter_size: '8B', quantization_level: 'Q4_K_M' },
          })),
        });
      if (protocol === 'openai' && path === '/v1/models')
        return sendJson(res, 200, { object: 'list', data: names.map((id) => ({ id, object: 'model', created: 1767225600, owned_by: 'test' })) });
      if (protocol === 'anthropic' && path === '/v1/models')
        return sendJson(res, 200, {
          data: names.map((id) => ({ type: 'model', id, display_name: id, created_at: '2026-01-01T00:00:00Z' })),
          has_more: false,
          first_id: names[0],
          last_id: names[names.length - 1],
        });
      return sendJson(res, 404, { error: 'not found' });
    }

    let parsed: { model?: string; stream?: boolean; messages?: { role: string; content: string }[]; system?: string };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      mark();
      return send(res, 400, errorBody(protocol, 400, ''));
    }
    const model = (parsed.model ?? '').replace(/:latest$/, '');
    const scenario = forced ?? SCENARIO_MODELS[model];
    if (!scenario) {
      mark();
      return send(res, 404, errorBody(protocol, 404, parsed.model ?? ''));
    }
    const prompt = [parsed.system ?? '', ...(parsed.messages ?? []).map((m) => m.content)].join('\n');
    const n = counts.get(scenario) ?? 0;
    counts.set(scenario, n + 1);
    const answer = answerFor(scenario, n, prompt, protocol, parsed.model ?? '');
    const slow = scenario === 'slow' ? opts.slowDelayMs : 0;
    if (slow) await wait(slow);
    if (answer.kind === 'status') {
      mark();
      return send(res, answer.status, answer.body, answer.headers);
    }
    const limit = answer.cutAfter ?? answer.text.length;
    const pieces: string[] = [];
    if (!answer.paced) for (let i = 0; i < limit; i += opts.chunkSize) pieces.push(answer.text.slice(i, Math.min(limit, i + opts.chunkSize)));
    const delay = slow || opts.chunkDelayMs;
    const modelName = parsed.model ?? '';

    if (protocol === 'openai' && (parsed.stream !== true || scenario === 'no-sse')) {
      mark();
      return sendJson(res, 200, {
        id: 'chatcmpl-test1',
        object: 'chat.completion',
        created: 1767225600,
        model: modelName,
        choices: [{ index: 0, message: { role: 'assistant', content: answer.text }, finish_reason: answer.stopAtMaxTokens ? 'length' : 'stop' }],
        usage: { prompt_tokens: 900, completion_tokens: 600, total_tokens: 1500 },
      });
    }
    const contentType = protocol === 'ollama' ? 'application/x-ndjson' : 'text/event-stream';
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache', connection: 'keep-alive' });
    const write = (s: string) => {
      mark();
      res.write(s);
    };
    if (answer.paced) {
      // Written as a real server does: waiting for the socket, and stopping when the client goes away.
      let closed = false;
      res.on('close', () => {
        if (!res.writableFinished) closed = rec.closedByClient = true;
      });
      rec.answerCharsSent = 0;
      // Frames made as they go out: the answer is long, and most of it is never sent.
      for (let at = 0, i = 0; at < limit; at += opts.chunkSize, i++) {
        if (closed) return;
        const piece = answer.text.slice(at, Math.min(limit, at + opts.chunkSize));
        const f = i === 0 ? framesFor(protocol, modelName, [piece]).body[0]! : framesFor(protocol, modelName, ['', piece]).body[1]!;
        mark();
        rec.answerCharsSent += piece.length;
        if (!res.write(f)) await new Promise<void>((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
        else if (i % 16 === 15) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (closed) return;
      for (const f of framesFor(protocol, modelName, []).end) write(f);
      return res.end();
    }
    const frames = framesFor(protocol, modelName, pieces, answer.stopAtMaxTokens);
    for (const [i, f] of frames.body.entries()) {
      if (i > 0 && delay) await wait(delay);
      write(f);
    }
    if (answer.cutAfter !== undefined) {
      // The connection breaks in the middle of the answer, after what was sent has gone out.
      await new Promise<void>((resolve) => res.write('', () => resolve()));
      await wait(20);
      res.socket?.destroy();
      return;
    }
    for (const f of frames.end) write(f);
    res.end();
  }

  const api: ModelServer = {
    url: '',
    endpoints: { openai: '', ollama: '', anthropic: '' },
    apiKey: opts.apiKey,
    requests,
    setScenario(s) {
      forced = s;
    },
    setOptions(o) {
      Object.assign(opts, o);
      if (o.apiKey) api.apiKey = o.apiKey;
    },
    reset() {
      requests.length = 0;
      counts.clear();
      forced = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  api.url = `http://127.0.0.1:${port}`;
  api.endpoints = { openai: `${api.url}/v1`, ollama: api.url, anthropic: api.url };
  return api;
}

/** The protocol frames of a streamed answer: the body pieces, then the closing frames. */
function framesFor(protocol: Protocol, model: string, pieces: string[], atMaxTokens = false): { body: string[]; end: string[] } {
  const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
  const created = 1767225600;
  if (protocol === 'openai') {
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      sse({ id: 'chatcmpl-test1', object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] });
    return {
      body: [chunk({ role: 'assistant', content: '' }, null) + (pieces[0] !== undefined ? chunk({ content: pieces[0] }, null) : ''), ...pieces.slice(1).map((p) => chunk({ content: p }, null))],
      end: [chunk({}, atMaxTokens ? 'length' : 'stop'), 'data: [DONE]\n\n'],
    };
  }
  if (protocol === 'ollama') {
    const at = '2026-03-18T09:00:00.000000Z';
    const line = (content: string, done: boolean, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ model, created_at: at, message: { role: 'assistant', content }, done, ...extra }) + '\n';
    return {
      body: pieces.map((p) => line(p, false)),
      end: [line('', true, { done_reason: atMaxTokens ? 'length' : 'stop', total_duration: 4_200_000_000, load_duration: 20_000_000, prompt_eval_count: 900, eval_count: 600, eval_duration: 3_900_000_000 })],
    };
  }
  const start =
    sse({ type: 'message_start', message: { id: 'msg_test1', type: 'message', role: 'assistant', content: [], model, stop_reason: null, stop_sequence: null, usage: { input_tokens: 900, output_tokens: 1 } } }, 'message_start') +
    sse({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_test1', name: 'nynorsk_card', input: {} } }, 'content_block_start') +
    sse({ type: 'ping' }, 'ping');
  const delta = (p: string) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: p } }, 'content_block_delta');
  return {
    body: [start + (pieces[0] !== undefined ? delta(pieces[0]) : ''), ...pieces.slice(1).map(delta)],
    end: [
      sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
      sse({ type: 'message_delta', delta: { stop_reason: atMaxTokens ? 'max_tokens' : 'tool_use', stop_sequence: null }, usage: { output_tokens: 600 } }, 'message_delta'),
      sse({ type: 'message_stop' }, 'message_stop'),
    ],
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...(body ? { 'content-type': 'application/json' } : {}), ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, v: unknown) {
  send(res, status, JSON.stringify(v));
}

/** A model config that reaches `server` for `provider` (Ollama takes no key). */
export function serverConfig(server: ModelServer, provider: Protocol, model = 'nn-writer', over: Partial<ModelConfig> = {}): ModelConfig {
  return { provider, endpoint: server.endpoints[provider], model, ...(provider === 'ollama' ? {} : { apiKey: server.apiKey }), prefs: SERVER_PREFS, ...over };
}
