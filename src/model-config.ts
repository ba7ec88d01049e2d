/**
 * The model the settings name, as the engine needs it: provider, endpoint,
 * model, the API key the policy allows for that endpoint (api-keys.ts) and
 * the Nynorsk preferences.
 */
import { LOCAL_ENDPOINT, modelIdFromUrl, type LocalModelRecord } from './core/local/models';
import type { ModelConfig } from './core/model/types';
import { apiKeyFor, type ApiKeys } from './api-keys';
import type { Settings } from './settings';

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
