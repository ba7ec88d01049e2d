/**
 * The engine part of the options page: "Berre innebygd" or a model
 * (Ollama, an OpenAI-compatible endpoint, Anthropic) with endpoint, model
 * and key; "Test tilkoplinga", which first asks the user for the endpoint's
 * origin (from the click itself: browsers want a user gesture) and then
 * gives a plain Nynorsk verdict and the server's model list; the Nynorsk
 * preferences for the prompt; and the cache of written cards.
 */
import { useEffect, useState } from 'preact/hooks';
import { testConnection } from '../core/model/providers';
import type { FetchLike, Provider } from '../core/model/types';
import { modelCache, type StorageArea } from '../model-cache';
import { formatBytes } from '../core/local/format';
import { DEFAULT_CACHE_BYTES, DEFAULT_CACHE_ENTRIES, type CacheStatus } from '../core/model/cache';
import { apiKeyFor, keySafeFor, type ApiKeys } from '../api-keys';
import { originPattern, urlOrigin } from '../core/url-origin';
import { PROMPT_TOKENS_MAX, PROMPT_TOKENS_MIN, type Engine, type Settings } from '../settings';
import { fill } from '../core/template';
import { text } from '../strings/options-text';
import { browserLocalEnv, LocalModelSettings, type LocalEnv } from './LocalModelSettings';
import type { OptionsBrowser } from './settings-store';
import { send } from '../rpc';

export type ModelSettingsProps = {
  browser: OptionsBrowser;
  settings: Settings;
  keys: ApiKeys;
  /** Saves a changed copy of the settings. */
  onChange(next: Settings): void;
  onKeysChange(next: ApiKeys): void;
  /** The fetch for "Test tilkoplinga" (test seam; the page's own fetch by default). */
  fetch?: FetchLike;
  /** The on-device model's store and figures (OPFS and navigator.storage on the real page). */
  local?: LocalEnv;
};

const ENGINES: ReadonlyArray<{ value: Engine; label: string; help: string }> = [
  { value: 'builtin', label: text.engineBuiltin, help: text.engineBuiltinHelp },
  { value: 'local', label: text.engineLocalChoice, help: text.engineLocalHelp },
  { value: 'ollama', label: text.engineOllama, help: text.engineOllamaHelp },
  { value: 'openai', label: text.engineOpenai, help: text.engineOpenaiHelp },
  { value: 'anthropic', label: text.engineAnthropic, help: text.engineAnthropicHelp },
];

type Verdict = { ok: boolean; message: string } | { ok: null; message: string };

export function ModelSettings({ browser, settings, keys, onChange, onKeysChange, fetch: fetchImpl, local }: ModelSettingsProps) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [models, setModels] = useState<string[]>([]);
  const engine = settings.engine;
  const provider: Provider | null = engine === 'builtin' || engine === 'local' ? null : engine;
  const current = provider ? settings.providers[provider] : null;
  const stored = provider ? keys[provider] : undefined;
  // A key is bound to its endpoint's origin: without a valid endpoint there is nothing to bind it to.
  const endpointOrigin = current ? urlOrigin(current.endpoint) : null;
  // The key shows (and is sent) only for the origin it was entered for.
  const keyHere = stored && stored.origin === endpointOrigin ? stored.key : undefined;
  const keyNote = !current
    ? null
    : !endpointOrigin
      ? text.apiKeyNeedsEndpoint
      : endpointOrigin.startsWith('http://') && !keySafeFor(current.endpoint)
      ? text.apiKeyInsecure
        : stored && !keyHere
          ? fill(text.apiKeyOtherOrigin, { origin: stored.origin })
          : null;

  useEffect(() => {
    setVerdict(null);
    setModels([]);
  }, [engine]);

  const setProvider = (patch: Partial<{ endpoint: string; model: string }>) => {
    if (!provider) return;
    onChange({ ...settings, providers: { ...settings.providers, [provider]: { ...settings.providers[provider], ...patch } } });
  };

  const test = () => {
    if (!provider || !current) return;
    const pattern = originPattern(current.endpoint);
    if (!endpointOrigin || !pattern) {
      setVerdict({ ok: false, message: fill(text.modelBadEndpoint, { endpoint: current.endpoint }) });
      return;
    }
    setVerdict({ ok: null, message: text.testing });
    // Called straight from the click, before any other await: the browser asks the user.
    const asked = browser.permissions ? browser.permissions.request({ origins: [pattern] }) : Promise.resolve(false);
    void asked
      .catch(() => false)
      .then(async (granted) => {
        if (!granted) {
          setVerdict({ ok: false, message: fill(text.permissionDenied, { origin: endpointOrigin }) });
          return;
        }
        const apiKey = apiKeyFor(provider, current.endpoint, keys);
        const v = await testConnection(
          { provider, endpoint: current.endpoint, model: current.model, ...(apiKey ? { apiKey } : {}), prefs: settings.prefs },
          { fetch: fetchImpl ?? ((i, init) => fetch(i, init)) },
        );
        setModels(v.models);
        setVerdict({ ok: v.ok, message: v.message });
      })
      .catch((e: unknown) => setVerdict({ ok: false, message: e instanceof Error ? e.message : String(e) }));
  };

  return (
    <>
      <fieldset data-testid="engine">
        <legend>{text.engineHeading}</legend>
        {ENGINES.map((c) => (
          <div class="nk-choice" key={c.value}>
            <input
              type="radio"
              id={`engine-${c.value}`}
              name="engine"
              value={c.value}
              checked={engine === c.value}
              onChange={() => onChange({ ...settings, engine: c.value })}
              aria-describedby={`help-engine-${c.value}`}
            />
            <label class="nk-choice__label" for={`engine-${c.value}`}>
              {c.label}
            </label>
            <p class="nk-choice__help" id={`help-engine-${c.value}`}>
              {c.help}
            </p>
          </div>
        ))}
        {engine === 'local' && <LocalModelSettings browser={browser} settings={settings} onChange={onChange} {...(local ?? browserLocalEnv())} />}
        {provider && current && (
          <div class="nk-provider" data-testid="provider" data-provider={provider}>
            <p class="nk-options__hint">{text.modelPrivacy}</p>
            <p class="nk-field">
              <label for="endpoint">{text.endpointLabel}</label>
              <input
                id="endpoint"
                type="url"
                data-testid="endpoint"
                value={current.endpoint}
                spellcheck={false}
                onChange={(e) => setProvider({ endpoint: e.currentTarget.value.trim() })}
              />
            </p>
            <p class="nk-field">
              <label for="model">{text.modelLabel}</label>
              <input
                id="model"
                type="text"
                data-testid="model"
                list="model-list"
                value={current.model}
                spellcheck={false}
                onChange={(e) => setProvider({ model: e.currentTarget.value.trim() })}
              />
              <datalist id="model-list">
                {models.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </p>
            {models.length > 0 ? (
              <p class="nk-field">
                <label for="model-pick">{text.modelPick}</label>
                <select
                  id="model-pick"
                  data-testid="model-pick"
                  value={models.includes(current.model) ? current.model : ''}
                  onChange={(e) => setProvider({ model: e.currentTarget.value })}
                >
                  <option value="">–</option>
                  {models.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </p>
            ) : (
              <p class="nk-options__hint">{text.modelListHint}</p>
            )}
            {provider !== 'ollama' && (
              <p class="nk-field">
                <label for="api-key">{text.apiKeyLabel}</label>
                <input
                  id="api-key"
                  type="password"
                  data-testid="api-key"
                  autocomplete="off"
                  value={keyHere ?? ''}
                  disabled={!endpointOrigin}
                  aria-describedby={keyNote ? 'api-key-hint api-key-note' : 'api-key-hint'}
                  onChange={(e) => {
                    const value = e.currentTarget.value.trim();
                    const next: ApiKeys = { ...keys };
                    // The key is bound to the origin it was entered for, and sent there only.
                    if (!endpointOrigin) return;
                    if (value) next[provider] = { key: value, origin: endpointOrigin };
                    else delete next[provider];
                    onKeysChange(next);
                  }}
                />
                <span class="nk-options__hint" id="api-key-hint">
                  {text.apiKeyHint}
                </span>
                {keyNote && (
                  <span class="nk-options__hint nk-options__status--error" id="api-key-note" data-testid="api-key-note">
                    {keyNote}
                  </span>
                )}
              </p>
            )}
            <p>
              <button type="button" class="nk-model__button" data-testid="test-connection" onClick={test}>
                {text.testConnection}
              </button>
            </p>
            <p
              class={`nk-options__status${verdict?.ok === false ? ' nk-options__status--error' : ''}`}
              role="status"
              aria-live="polite"
              data-testid="test-verdict"
              data-ok={verdict ? String(verdict.ok) : ''}
            >
              {verdict?.message ?? ''}
            </p>
          </div>
        )}
      </fieldset>

      {(provider || engine === 'local') && (
        <fieldset data-testid="prefs">
          <legend>{text.prefsHeading}</legend>
          <p class="nk-options__hint">{text.prefsIntro}</p>
          <Choice
            name="infinitive"
            label={text.infinitiveLabel}
            value={settings.prefs.infinitive}
            options={[
              ['e', text.infinitiveE],
              ['a', text.infinitiveA],
            ]}
            onPick={(v) => onChange({ ...settings, prefs: { ...settings.prefs, infinitive: v } })}
          />
          <Choice
            name="pronoun"
            label={text.pronounLabel}
            value={settings.prefs.pronoun}
            options={[
              ['me', text.pronounMe],
              ['vi', text.pronounVi],
            ]}
            onPick={(v) => onChange({ ...settings, prefs: { ...settings.prefs, pronoun: v } })}
          />
          <Choice
            name="length"
            label={text.lengthLabel}
            value={settings.prefs.length}
            options={[
              ['short', text.lengthShort],
              ['full', text.lengthFull],
            ]}
            onPick={(v) => onChange({ ...settings, prefs: { ...settings.prefs, length: v } })}
          />
          <p class="nk-field">
            <label for="prompt-limit">{text.promptLimitLabel}</label>
            <input
              id="prompt-limit"
              type="number"
              data-testid="prompt-limit"
              min={PROMPT_TOKENS_MIN}
              max={PROMPT_TOKENS_MAX}
              step={500}
              value={settings.maxPromptTokens}
              aria-describedby="prompt-limit-help"
              onChange={(e) => {
                const n = Number(e.currentTarget.value);
                if (Number.isFinite(n) && n > 0) onChange({ ...settings, maxPromptTokens: n });
              }}
            />
            <span class="nk-options__hint" id="prompt-limit-help">
              {fill(text.promptLimitHelp, { min: PROMPT_TOKENS_MIN, max: PROMPT_TOKENS_MAX })}
            </span>
          </p>
          <div class="nk-choice">
            <input
              type="checkbox"
              id="auto-generate"
              data-testid="auto-generate"
              checked={settings.autoGenerate}
              onChange={(e) => onChange({ ...settings, autoGenerate: e.currentTarget.checked })}
            />
            <label class="nk-choice__label" for="auto-generate">
              {text.autoGenerate}
            </label>
          </div>
        </fieldset>
      )}

      <CacheSection browser={browser} />
    </>
  );
}

function Choice<T extends string>({ name, label, value, options, onPick }: { name: string; label: string; value: T; options: ReadonlyArray<[T, string]>; onPick(v: T): void }) {
  return (
    <div class="nk-choice-group" role="radiogroup" aria-label={label}>
      <p class="nk-choice-group__label">{label}</p>
      {options.map(([v, l]) => (
        <span class="nk-choice nk-choice--inline" key={v}>
          <input type="radio" id={`${name}-${v}`} name={name} value={v} checked={value === v} onChange={() => onPick(v)} />
          <label class="nk-choice__label" for={`${name}-${v}`}>
            {l}
          </label>{' '}
        </span>
      ))}
    </div>
  );
}

/** When a cache note was written, in the page's words (a date and time). */
const noteTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('nn-NO', { dateStyle: 'medium', timeStyle: 'short' });
};

/**
 * How many model cards are stored and the room they take, the bounds, what
 * went wrong with the last write that did not go as planned (storage full,
 * a card that could not be stored), and a button to remove them all.
 */
function CacheSection({ browser }: { browser: OptionsBrowser }) {
  const [status, setStatus] = useState<CacheStatus | null>(null);
  // null: not asked yet; true: cleared; false: the background did not clear them.
  const [cleared, setCleared] = useState<boolean | null>(null);
  const local = browser.storage.local.remove ? (browser.storage.local as StorageArea) : null;
  useEffect(() => {
    if (!local) return;
    void modelCache(local)
      .status()
      .then(setStatus, () => setStatus(null));
  }, [browser]);
  if (!local) return null;
  const count = status?.count ?? 0;
  const note = status?.note;
  return (
    <fieldset data-testid="cache">
      <legend>{text.cacheHeading}</legend>
      <p data-testid="cache-count">{fill(text.cacheCount, { n: count })}</p>
      {status && count > 0 && <p data-testid="cache-used">{fill(text.cacheUsed, { size: formatBytes(status.bytes) })}</p>}
      <p class="nk-options__hint" data-testid="cache-limits">
        {fill(text.cacheLimits, { entries: status?.maxEntries ?? DEFAULT_CACHE_ENTRIES, size: formatBytes(status?.maxBytes ?? DEFAULT_CACHE_BYTES) })}
      </p>
      {note && (
        <p class={`nk-options__status${note.kind === 'failed' ? ' nk-options__status--error' : ''}`} data-testid="cache-note" data-kind={note.kind}>
          {note.kind === 'evicted'
            ? fill(text.cacheEvicted, { when: noteTime(note.at) })
            : fill(text.cacheWriteFailed, { when: noteTime(note.at), message: note.message })}
        </p>
      )}
      <p>
        <button
          type="button"
          class="nk-model__button nk-model__button--quiet"
          data-testid="cache-clear"
          disabled={!count && !note}
          onClick={() => {
            const runtime = browser.runtime;
            if (!runtime) return;
            // The background clears, with the cache instance that writes: one here could race a card being written.
            void send((m) => runtime.sendMessage(m), { type: 'model-cache:clear' }).then(
              () => {
                setStatus((s) => (s ? { count: 0, bytes: 0, maxEntries: s.maxEntries, maxBytes: s.maxBytes } : s));
                setCleared(true);
              },
              () => setCleared(false),
            );
          }}
        >
          {text.cacheClear}
        </button>
      </p>
      <p role="status" aria-live="polite" class="nk-options__status">
        {cleared === true ? text.cacheCleared : cleared === false ? text.cacheClearFailed : ''}
      </p>
    </fieldset>
  );
}
