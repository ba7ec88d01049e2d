/**
 * The one typed settings module: defaults, migration, and a runtime check of
 * what comes back from storage. Settings live in storage.local and are never
 * overwritten by a failed read: a broken value falls back to its default
 * field by field. API keys are not settings: they live in storage.local under
 * their own key (API_KEYS_KEY), never in storage.sync, and are never logged;
 * each is bound to the endpoint origin it was entered for.
 */
import { DEFAULT_LOCAL_MODEL_URL, LOCAL_ENDPOINT, modelIdFromUrl, type LocalModelRecord } from './core/local/models';
import type { ModelConfig, ModelPrefs, Provider } from './core/model/types';

/** Which engine makes cards beyond the curated library; 'local' is the on-device model. */
export type Engine = 'builtin' | Provider | 'local';

/** Endpoint and model of one provider. */
export type ProviderSettings = { endpoint: string; model: string };

export type Settings = {
  version: 2;
  /** How the overlay starts on an article: collapsed pill, open card, or not at all. */
  overlay: 'pill' | 'open' | 'off';
  /** 'builtin': library and fact cards only, nothing leaves the browser. */
  engine: Engine;
  /** Endpoint and model per provider, kept when the user switches engine. */
  providers: Record<Provider, ProviderSettings>;
  /** The on-device model: the GGUF file's URL (what is installed is in LOCAL_MODEL_KEY). */
  local: { url: string };
  /** Nynorsk preferences that go into the prompt. */
  prefs: ModelPrefs;
  /** Write a model card as soon as an article without one opens. */
  autoGenerate: boolean;
  /** Prompt size (estimated tokens) above which an article is summarised in parts, then combined. */
  maxPromptTokens: number;
  /** Keep the list of recently opened cards (storage.local only) and badge their links on listings. */
  history: boolean;
};

/** Bounds of `maxPromptTokens` (the options page shows them). */
export const PROMPT_TOKENS_MIN = 1000;
export const PROMPT_TOKENS_MAX = 200_000;

export const PROVIDERS: readonly Provider[] = ['ollama', 'openai', 'anthropic'];

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  overlay: 'pill',
  engine: 'builtin',
  providers: {
    ollama: { endpoint: 'http://localhost:11434', model: '' },
    openai: { endpoint: 'https://api.openai.com/v1', model: '' },
    anthropic: { endpoint: 'https://api.anthropic.com', model: '' },
  },
  local: { url: DEFAULT_LOCAL_MODEL_URL },
  prefs: { infinitive: 'e', pronoun: 'me', length: 'full' },
  autoGenerate: false,
  maxPromptTokens: 6000,
  history: true,
};

export const SETTINGS_KEY = 'settings';

/** storage.local key of the API keys ({ openai?: StoredKey, anthropic?: StoredKey }); never synced. */
export const API_KEYS_KEY = 'apiKeys';

/** An API key and the endpoint origin it was entered for: it is sent to that origin only. */
export type StoredKey = { key: string; origin: string };

export type ApiKeys = Partial<Record<Provider, StoredKey>>;

const isProvider = (v: unknown): v is Provider => v === 'ollama' || v === 'openai' || v === 'anthropic';
const str = (v: unknown, max = 2000): string | undefined => (typeof v === 'string' && v.length <= max ? v.trim() : undefined);

/** Turns whatever storage held (nothing, an old version, junk) into valid settings. */
export function migrateSettings(raw: unknown): Settings {
  const s: Settings = structuredCloneSettings(DEFAULT_SETTINGS);
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (r.overlay === 'pill' || r.overlay === 'open' || r.overlay === 'off') s.overlay = r.overlay;
  // version 0 (never shipped) had a boolean `showOverlay`.
  else if (r.showOverlay === false) s.overlay = 'off';
  // version 1 had only `overlay`; everything below starts at its default.
  if (r.engine === 'builtin' || r.engine === 'local' || isProvider(r.engine)) s.engine = r.engine;
  if (r.local && typeof r.local === 'object') {
    const url = str((r.local as Record<string, unknown>).url);
    if (url && modelIdFromUrl(url)) s.local.url = url;
  }
  if (r.providers && typeof r.providers === 'object') {
    const p = r.providers as Record<string, unknown>;
    for (const id of PROVIDERS) {
      const v = p[id];
      if (!v || typeof v !== 'object') continue;
      const endpoint = str((v as Record<string, unknown>).endpoint);
      const model = str((v as Record<string, unknown>).model, 300);
      if (endpoint) s.providers[id].endpoint = endpoint;
      if (model !== undefined) s.providers[id].model = model;
    }
  }
  if (r.prefs && typeof r.prefs === 'object') {
    const p = r.prefs as Record<string, unknown>;
    if (p.infinitive === 'e' || p.infinitive === 'a') s.prefs.infinitive = p.infinitive;
    if (p.pronoun === 'me' || p.pronoun === 'vi') s.prefs.pronoun = p.pronoun;
    if (p.length === 'short' || p.length === 'full') s.prefs.length = p.length;
  }
  if (typeof r.autoGenerate === 'boolean') s.autoGenerate = r.autoGenerate;
  // Added in issue 15: absent in older stored settings, so it starts on.
  if (typeof r.history === 'boolean') s.history = r.history;
  if (typeof r.maxPromptTokens === 'number' && Number.isFinite(r.maxPromptTokens))
    s.maxPromptTokens = Math.round(Math.min(PROMPT_TOKENS_MAX, Math.max(PROMPT_TOKENS_MIN, r.maxPromptTokens)));
  return s;
}

function structuredCloneSettings(s: Settings): Settings {
  return {
    ...s,
    providers: { ollama: { ...s.providers.ollama }, openai: { ...s.providers.openai }, anthropic: { ...s.providers.anthropic } },
    local: { ...s.local },
    prefs: { ...s.prefs },
  };
}

/**
 * Keeps only keys of known providers bound to an origin. A key stored the
 * old way (a bare string per provider) is bound to the origin of the
 * provider's endpoint in `settings`, read together with it.
 */
export function migrateApiKeys(raw: unknown, settings: Settings = DEFAULT_SETTINGS): ApiKeys {
  const out: ApiKeys = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const id of PROVIDERS) {
    const v = (raw as Record<string, unknown>)[id];
    const bare = str(v, 500);
    if (bare) {
      const origin = urlOrigin(settings.providers[id].endpoint);
      if (origin) out[id] = { key: bare, origin };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const key = str((v as Record<string, unknown>).key, 500);
    const origin = urlOrigin(str((v as Record<string, unknown>).origin) ?? '');
    if (key && origin) out[id] = { key, origin };
  }
  return out;
}

/** Whether storage holds keys the old way (bare strings), so the migrated form should be written back. */
export function apiKeysNeedMigration(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && PROVIDERS.some((id) => typeof (raw as Record<string, unknown>)[id] === 'string');
}

/** The origin of a URL, or null when it is no http(s) URL. */
function urlOrigin(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a key may travel to this endpoint: https, or plain http to this machine only. */
export function keySafeFor(endpoint: string): boolean {
  try {
    const u = new URL(endpoint);
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
  } catch {
    return false;
  }
}

/**
 * The key to send to this provider's endpoint: only one entered for the
 * endpoint's own origin, and never over plain http to another machine.
 */
export function apiKeyFor(provider: Provider, endpoint: string, keys: ApiKeys): string | undefined {
  const stored = keys[provider];
  if (!stored || stored.origin !== urlOrigin(endpoint) || !keySafeFor(endpoint)) return undefined;
  return stored.key;
}

/**
 * The configured model, or null when the engine is built-in, no model is
 * named, or (on-device) the chosen model is not installed yet.
 */
export function modelConfigOf(settings: Settings, keys: ApiKeys, local?: LocalModelRecord | null): ModelConfig | null {
  if (settings.engine === 'builtin') return null;
  if (settings.engine === 'local') {
    if (!local || local.status !== 'installed' || local.id !== modelIdFromUrl(settings.local.url)) return null;
    return { provider: 'local', endpoint: LOCAL_ENDPOINT, model: local.id, prefs: { ...settings.prefs } };
  }
  const p = settings.providers[settings.engine];
  if (!p.model || !p.endpoint) return null;
  const apiKey = apiKeyFor(settings.engine, p.endpoint, keys);
  return { provider: settings.engine, endpoint: p.endpoint, model: p.model, ...(apiKey ? { apiKey } : {}), prefs: { ...settings.prefs } };
}

/**
 * The host permission pattern the extension must be granted to reach an
 * endpoint, or null for a bad URL. Without the port: Firefox's match patterns
 * reject one (`http://localhost:11434/*` is invalid there), and a pattern
 * without a port matches every port in Chrome and Firefox alike.
 */
export function originPattern(endpoint: string): string | null {
  try {
    const u = new URL(endpoint);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** The endpoint's origin (scheme, host and port) as people read it, or the endpoint itself when it is no URL. */
export function endpointOrigin(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return endpoint;
  }
}
