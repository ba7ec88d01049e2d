/**
 * Typed errors of the model engine, each with a Nynorsk message that says
 * what went wrong and what the user can do. The UI shows `message` as is;
 * `detail` holds the server's own words for the console (never the API key).
 * The messages' words are in src/strings/model-errors.ts; this module keeps
 * the error type and which message goes with which failure.
 */
import { modelErrorMessages } from '../../strings/model-errors';

export { OLLAMA_ORIGINS_HINT } from '../../strings/model-errors';

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

/** A failure the user can act on; `retryable` marks 429 and 5xx. */
export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  readonly status?: number;
  readonly detail?: string;
  constructor(kind: ModelErrorKind, message: string, opts: { status?: number; detail?: string } = {}) {
    super(message);
    this.name = 'ModelError';
    this.kind = kind;
    this.status = opts.status;
    this.detail = opts.detail;
  }
  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server';
  }
}

export const isModelError = (e: unknown): e is ModelError => e instanceof ModelError;

const CONTEXT_RE = /context (length|window)|maximum context|too many tokens|prompt is too long|too long|exceeds? (the )?(max|context)|num_ctx/i;
const MODEL_RE = /model[^.]*(not found|does not exist|not exist)|no such model|unknown model|pull the model/i;

/**
 * Turns a non-2xx HTTP answer into a ModelError. `body` is the response text
 * (may be empty); `ollama` says whether the endpoint is Ollama.
 */
export function errorForStatus(status: number, body: string, ctx: { provider: string; model: string }): ModelError {
  const detail = body.slice(0, 500);
  const ollama = ctx.provider === 'ollama';
  if (status === 401) return new ModelError('unauthorized', modelErrorMessages.unauthorized(status), { status, detail });
  if (status === 403) {
    // Ollama answers a bare 403 (empty body) to origins it does not allow.
    if (ollama) return new ModelError('ollama-origin', modelErrorMessages.ollamaOrigin(), { status, detail });
    return new ModelError('unauthorized', modelErrorMessages.unauthorized(status), { status, detail });
  }
  if (status === 404 || MODEL_RE.test(body))
    return new ModelError('model-not-found', modelErrorMessages.modelNotFound(ctx.model, ollama), { status, detail });
  if (status === 429) return new ModelError('rate-limit', modelErrorMessages.rateLimit(), { status, detail });
  if (status === 413 || ((status === 400 || status === 422) && CONTEXT_RE.test(body)))
    return new ModelError('context-too-long', modelErrorMessages.contextTooLong(), { status, detail });
  if (status >= 500) return new ModelError('server', modelErrorMessages.server(status), { status, detail });
  return new ModelError('bad-request', modelErrorMessages.badRequest(status), { status, detail });
}
