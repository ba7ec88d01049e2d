/**
 * The one typed settings module: the settings' schema, with each field's
 * default, and the migration of whatever storage holds. Settings live in
 * storage.local and are never overwritten by a failed read: a broken value
 * falls back to its default field by field (every field of SettingsSchema
 * is a `v.fallback`). API keys are not settings (see api-keys.ts); the model
 * the settings name is built in model-config.ts.
 */
import * as v from 'valibot';
import { DEFAULT_LOCAL_MODEL_URL, modelIdFromUrl } from './core/local/models';
import type { Provider } from './core/model/types';
import { trimmed } from './core/schema/common';
import { isOverlayMode, OVERLAY_MODES } from './pill-prefs';

/** Bounds of `maxPromptTokens` (the options page shows them). */
export const PROMPT_TOKENS_MIN = 1000;
export const PROMPT_TOKENS_MAX = 200_000;

export const PROVIDERS = ['ollama', 'openai', 'anthropic'] as const satisfies readonly Provider[];

/** An object whose fields fall back one by one; a value that is no object at all gets every field's default. */
const group = <E extends v.ObjectEntries>(entries: E) => {
  const schema = v.object(entries);
  return v.fallback(schema, () => v.parse(schema, {}));
};

/** Endpoint and model of one provider. */
const provider = (endpoint: string) =>
  group({ endpoint: v.fallback(v.pipe(trimmed(2000), v.nonEmpty()), endpoint), model: v.fallback(trimmed(300), '') });

const SettingsSchema = group({
  version: v.fallback(v.literal(2), 2),
  /** How the overlay starts on an article: collapsed pill, open card, or not at all. */
  overlay: v.fallback(v.picklist(OVERLAY_MODES), 'pill'),
  /** Which engine makes cards beyond the curated library; 'builtin': library and fact cards only, nothing leaves the browser; 'local': the on-device model. */
  engine: v.fallback(v.picklist(['builtin', ...PROVIDERS, 'local']), 'builtin'),
  /** Endpoint and model per provider, kept when the user switches engine. */
  providers: group({
    ollama: provider('http://localhost:11434'),
    openai: provider('https://api.openai.com/v1'),
    anthropic: provider('https://api.anthropic.com'),
  }),
  /** The on-device model: the GGUF file's URL (what is installed is in LOCAL_MODEL_KEY). */
  local: group({ url: v.fallback(v.pipe(trimmed(2000), v.check((url) => modelIdFromUrl(url) !== null)), DEFAULT_LOCAL_MODEL_URL) }),
  /** Nynorsk preferences that go into the prompt. */
  prefs: group({
    infinitive: v.fallback(v.picklist(['e', 'a']), 'e'),
    pronoun: v.fallback(v.picklist(['me', 'vi']), 'me'),
    length: v.fallback(v.picklist(['short', 'full']), 'full'),
  }),
  /** Write a model card as soon as an article without one opens. */
  autoGenerate: v.fallback(v.boolean(), false),
  /** Prompt size (estimated tokens) above which an article is summarised in parts, then combined. */
  maxPromptTokens: v.fallback(
    v.pipe(
      v.number(),
      v.finite(),
      v.transform((n) => Math.round(Math.min(PROMPT_TOKENS_MAX, Math.max(PROMPT_TOKENS_MIN, n)))),
    ),
    6000,
  ),
  /** Keep the list of recently opened cards (storage.local only) and badge their links on listings. Added in issue 15: absent in older stored settings, so it starts on. */
  history: v.fallback(v.boolean(), true),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Engine = Settings['engine'];
export type ProviderSettings = Settings['providers'][Provider];

export const SETTINGS_KEY = 'settings';

/**
 * Older shapes, before the schema: version 0 (never shipped) had a boolean
 * `showOverlay`; version 1 had only `overlay`, so everything else starts at its default.
 */
function fromOlderVersions(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const r = raw as Record<string, unknown>;
  return r.showOverlay === false && !isOverlayMode(r.overlay) ? { ...r, overlay: 'off' } : raw;
}

/** Turns whatever storage held (nothing, an old version, junk) into valid settings; never throws, and shares no object with another result. */
export function migrateSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, fromOlderVersions(raw));
}

export const DEFAULT_SETTINGS: Settings = migrateSettings(undefined);
