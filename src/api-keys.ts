/**
 * The API-key policy. Keys are not settings: they live in storage.local
 * under their own key (API_KEYS_KEY), never in storage.sync, and are never
 * logged; each is bound to the endpoint origin it was entered for and is
 * sent to that origin only, over https or to this machine.
 */
import * as v from 'valibot';
import type { Provider } from './core/model/types';
import { trimmed } from './core/schema/common';
import { urlOrigin, webUrl } from './core/url-origin';
import { DEFAULT_SETTINGS, PROVIDERS, type Settings } from './settings';

/** storage.local key of the API keys ({ openai?: StoredKey, anthropic?: StoredKey }); never synced. */
export const API_KEYS_KEY = 'apiKeys';

/** A key: not blank. */
const KeySchema = v.pipe(trimmed(500), v.nonEmpty());

/** An API key and the endpoint origin it was entered for: it is sent to that origin only. */
const StoredKeySchema = v.object({
  key: KeySchema,
  /** An http(s) URL, kept as its origin (scheme, host and port). */
  origin: v.pipe(trimmed(2000), v.transform(urlOrigin), v.string()),
});

/** One provider's entry as storage holds it: a key bound to its origin, or (stored the old way) a bare key. */
const StoredEntrySchema = v.union([KeySchema, StoredKeySchema]);

export type StoredKey = v.InferOutput<typeof StoredKeySchema>;

export type ApiKeys = Partial<Record<Provider, StoredKey>>;

/**
 * Keeps only keys of known providers bound to an origin. A key stored the
 * old way (a bare string per provider) is bound to the origin of the
 * provider's endpoint in `settings`, read together with it.
 */
export function migrateApiKeys(raw: unknown, settings: Settings = DEFAULT_SETTINGS): ApiKeys {
  const out: ApiKeys = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const id of PROVIDERS) {
    const entry = v.safeParse(StoredEntrySchema, (raw as Record<string, unknown>)[id], { abortEarly: true });
    if (!entry.success) continue;
    if (typeof entry.output !== 'string') {
      out[id] = entry.output;
      continue;
    }
    const origin = urlOrigin(settings.providers[id].endpoint);
    if (origin) out[id] = { key: entry.output, origin };
  }
  return out;
}

/** Whether storage holds keys the old way (bare strings), so the migrated form should be written back. */
export function apiKeysNeedMigration(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && PROVIDERS.some((id) => typeof (raw as Record<string, unknown>)[id] === 'string');
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a key may travel to this endpoint: https, or plain http to this machine only. */
export function keySafeFor(endpoint: string): boolean {
  const u = webUrl(endpoint);
  return !!u && (u.protocol === 'https:' || LOOPBACK.has(u.hostname));
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
