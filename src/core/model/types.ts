/**
 * Shapes of the model engine: what the user configured, the messages we send,
 * and the card content the model answers with. Pure types; CardContent is
 * inferred from the valibot schema in core/schema/card.ts.
 */
import type { CardContent } from '../schema/card';

export type Provider = 'openai' | 'ollama' | 'anthropic';

/** Every provider behind the engine interface: the remote ones, and the on-device model. */
export type EngineProvider = Provider | 'local';

/** Nynorsk preferences that go into the prompt. */
export type ModelPrefs = {
  /** e-infinitive ("å skrive") or a-infinitive ("å skriva"). */
  infinitive: 'e' | 'a';
  /** First person plural: "me" or "vi". */
  pronoun: 'me' | 'vi';
  /** A short summary (2–3 paragraphs, 3 FAQ items) or a fuller one. */
  length: 'short' | 'full';
};

/** The model the user chose. `endpoint` is a base URL (for openai: the one ending in /v1). */
export type ModelConfig = {
  provider: EngineProvider;
  endpoint: string;
  model: string;
  /** Sent only to `endpoint`'s origin, never logged. */
  apiKey?: string;
  prefs: ModelPrefs;
};

export const DEFAULT_PREFS: ModelPrefs = { infinitive: 'e', pronoun: 'me', length: 'full' };

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** What the model writes: the Nynorsk part of a card (inferred from CardContentSchema in core/schema/card.ts). */
export type { CardContent };

/** Best-effort card content while the answer streams in (inferred from PartialCardContentSchema in core/schema/card.ts). */
export type { PartialCardContent } from '../schema/card';

/** One terminology entry, English → Nynorsk (assets/terms.json's shape); `aka`: other English spellings and abbreviations. */
export type Term = { en: string; nn: string; aka?: readonly string[] };

/** A flagged Bokmål form, as the Nynorsk checker reports it. */
export type BokmalFinding = { form: string; suggestion?: string };
/** The Nynorsk checker as the model engine uses it: the flagged Bokmål forms of a text. */
export type FindBokmal = (text: string) => readonly BokmalFinding[];

/** The `fetch` the engine uses: the global one, or a test double (test seam). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Waits `ms` milliseconds, or rejects when `signal` aborts (test seam for backoff). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options for one streamed completion. */
export type StreamOptions = {
  fetch: FetchLike;
  signal?: AbortSignal;
  /** Called with each new piece of text and the whole text so far. */
  onText?: (delta: string, soFar: string) => void;
  /** Milliseconds without any data before giving up (default 60 000). */
  timeoutMs?: number;
  /** Retries for 429 and 5xx (default 2). */
  retries?: number;
  /** Backoff delays: base in ms (default 500), doubled each retry; Retry-After wins when shorter than 30 s. */
  backoffMs?: number;
  sleep?: Sleep;
  /** The JSON schema the answer must follow (default: the card-content schema). */
  schema?: Record<string, unknown>;
  /** Upper bound for the answer's tokens (default 2048). */
  maxTokens?: number;
  /** Paragraphs in the article: the on-device model's grammar allows evidence only among them. */
  paragraphCount?: number;
};
