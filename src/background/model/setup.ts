/**
 * The user's model setup as the background reads it (settings, API keys,
 * the installed on-device model), and what of it the page may know.
 */
import { LOCAL_MODEL_KEY, parseLocalModelRecord } from '../../core/local/models';
import { LOCAL_MAX_PROMPT_TOKENS } from '../../core/model/providers/local';
import type { ModelConfig } from '../../core/model/types';
import type { StorageArea } from '../../model-cache';
import type { ModelJob, ModelOffer } from '../../protocol';
import { API_KEYS_KEY, apiKeysNeedMigration, migrateApiKeys } from '../../api-keys';
import { modelConfigOf } from '../../model-config';
import { migrateSettings, SETTINGS_KEY } from '../../settings';

/** The configured model (with its key) and whether cards are written automatically. */
export async function readModelSetup(local: StorageArea): Promise<{ config: ModelConfig | null; auto: boolean; maxPromptTokens: number }> {
  const got = await local.get([SETTINGS_KEY, API_KEYS_KEY, LOCAL_MODEL_KEY]);
  const settings = migrateSettings(got[SETTINGS_KEY]);
  // Keys stored the old way are bound to the endpoint read with them, and written back so.
  const keys = migrateApiKeys(got[API_KEYS_KEY], settings);
  if (apiKeysNeedMigration(got[API_KEYS_KEY])) await local.set({ [API_KEYS_KEY]: keys }).catch(() => undefined);
  const config = modelConfigOf(settings, keys, parseLocalModelRecord(got[LOCAL_MODEL_KEY]));
  // The on-device model's context is small: long articles go in parts sooner.
  const maxPromptTokens = config?.provider === 'local' ? Math.min(settings.maxPromptTokens, LOCAL_MAX_PROMPT_TOKENS) : settings.maxPromptTokens;
  return { config, auto: settings.autoGenerate, maxPromptTokens };
}

/** What the page may know of the setup: the model's name and the auto flag (never key or endpoint). */
export async function modelOffer(local: StorageArea): Promise<ModelOffer | null> {
  const { config, auto } = await readModelSetup(local);
  return config ? { model: config.model, auto } : null;
}

/** The job offered when nothing runs; an on-device model says so, so the page's help text can. */
export function idleJob(config: ModelConfig): ModelJob {
  return { status: 'idle', model: config.model, ...(config.provider === 'local' ? { local: true as const } : {}) };
}
