/**
 * Typed errors of the model engine, each with a Nynorsk message that says
 * what went wrong and what the user can do. The UI shows `message` as is;
 * `detail` holds the server's own words for the console (never the API key).
 */

export type ModelErrorKind =
  | 'bad-config'
  | 'no-connection'
  | 'unauthorized'
  | 'ollama-origin'
  | 'model-not-found'
  | 'rate-limit'
  | 'context-too-long'
  | 'server'
  | 'bad-request'
  | 'timeout'
  | 'cancelled'
  | 'invalid-answer'
  | 'answer-too-long'
  | 'length-limit';

export const OLLAMA_ORIGINS_HINT = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*';

/** A failure the user can act on; `retryable` marks 429 and 5xx. */
export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  readonly status?: number;
  readonly detail?: string;
  constructor(kind: ModelErrorKind, message: string, opts: { status?: number; detail?: string } = {}) {
    super(message);
    this.name = 'ModelError';
    this.kind = kind;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.detail !== undefined) this.detail = opts.detail;
  }
  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server';
  }
}

export const isModelError = (e: unknown): e is ModelError => e instanceof ModelError;

/** Nynorsk message builders, one per kind. */
export const messages = {
  badConfig: (endpoint: string) =>
    `Adressa «${endpoint}» er ikkje ei gyldig nettadresse. Skriv ho inn på nytt i innstillingane, til dømes http://localhost:11434.`,
  noConnection: (origin: string) =>
    `Fekk ikkje kontakt med ${origin}. Sjå til at tenaren køyrer, at adressa i innstillingane er rett, og at utvidinga har fått lov til å nå ho.`,
  unauthorized: (status: number) =>
    `Tenaren avviste API-nøkkelen (HTTP ${status}). Sjekk at nøkkelen i innstillingane er rett og har tilgang til modellen.`,
  ollamaOrigin: () =>
    `Ollama avviste førespurnaden frå utvidinga (HTTP 403). Start Ollama på nytt med ${OLLAMA_ORIGINS_HINT}, til dømes «${OLLAMA_ORIGINS_HINT} ollama serve», og prøv igjen.`,
  modelNotFound: (model: string, ollama: boolean) =>
    `Fann ikkje modellen «${model}» på tenaren. Vel ein modell frå lista i innstillingane` +
    (ollama ? `, eller hent han med «ollama pull ${model}».` : '.'),
  rateLimit: () => 'For mange førespurnader (HTTP 429). Vent litt og prøv igjen, eller sjekk kvoten din hos tenesta.',
  contextTooLong: () =>
    'Artikkelen er for lang for modellen. Set ned grensa for storleiken på førespurnaden i innstillingane, eller vel ein modell med større kontekst.',
  server: (status: number) => `Tenaren melde ein feil (HTTP ${status}). Prøv igjen om litt.`,
  badRequest: (status: number) =>
    `Tenaren avviste førespurnaden (HTTP ${status}). Sjekk modellnamnet og adressa i innstillingane.`,
  timeout: (seconds: number) =>
    `Fekk ikkje svar frå modellen innan ${seconds} sekund. Prøv igjen, eller vel ein mindre modell.`,
  cancelled: () => 'Avbrote. Trykk «Lag nynorsk samandrag» for å prøve igjen.',
  invalidAnswer: () =>
    'Modellen gav eit svar som ikkje er eit gyldig kort. Prøv igjen, eller vel ein annan modell.',
  cutOff: () => 'Svaret frå modellen stoppa før det var ferdig. Prøv igjen.',
  answerTooLong: () =>
    'Svaret frå modellen vart mykje lengre enn eit kort skal vere, så det vart stoppa. Modellen held seg truleg ikkje til lengdegrensa. Prøv igjen, eller vel ein annan modell.',
  lengthLimit: () =>
    'Modellen nådde grensa for kor langt svaret kan vere før kortet var ferdig. Prøv igjen, vel «Kort samandrag» i innstillingane, eller vel ein annan modell.',
  answerTooDeep: () =>
    'Svaret frå modellen er ikkje eit kort: det har for mange lag inni kvarandre. Prøv igjen, eller vel ein annan modell.',
};

const CONTEXT_RE = /context (length|window)|maximum context|too many tokens|prompt is too long|too long|exceeds? (the )?(max|context)|num_ctx/i;
const MODEL_RE = /model[^.]*(not found|does not exist|not exist)|no such model|unknown model|pull the model/i;

/**
 * Turns a non-2xx HTTP answer into a ModelError. `body` is the response text
 * (may be empty); `ollama` says whether the endpoint is Ollama.
 */
export function errorForStatus(status: number, body: string, ctx: { provider: string; model: string }): ModelError {
  const detail = body.slice(0, 500);
  const ollama = ctx.provider === 'ollama';
  if (status === 401) return new ModelError('unauthorized', messages.unauthorized(status), { status, detail });
  if (status === 403) {
    // Ollama answers a bare 403 (empty body) to origins it does not allow.
    if (ollama) return new ModelError('ollama-origin', messages.ollamaOrigin(), { status, detail });
    return new ModelError('unauthorized', messages.unauthorized(status), { status, detail });
  }
  if (status === 404 || MODEL_RE.test(body))
    return new ModelError('model-not-found', messages.modelNotFound(ctx.model, ollama), { status, detail });
  if (status === 429) return new ModelError('rate-limit', messages.rateLimit(), { status, detail });
  if (status === 413 || ((status === 400 || status === 422) && CONTEXT_RE.test(body)))
    return new ModelError('context-too-long', messages.contextTooLong(), { status, detail });
  if (status >= 500) return new ModelError('server', messages.server(status), { status, detail });
  return new ModelError('bad-request', messages.badRequest(status), { status, detail });
}
