/**
 * The options page: how the overlay shows on Spiceworks pages, which engine
 * makes the cards (built in, or a model the user chooses), the Nynorsk
 * preferences and the cache. Each change is saved at once and confirmed in
 * a polite live region.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FetchLike } from '../core/model/types';
import type { ApiKeys } from '../api-keys';
import type { Settings } from '../settings';
import { fill } from '../core/template';
import { text } from '../strings/options-text';
import { RECENT_KEY } from '../recent';
import { ModelSettings, type ModelSettingsProps } from './ModelSettings';
import { FeedbackExport, HistorySetting } from './ReaderData';
import { ShortcutSettings } from './ShortcutSettings';
import { loadApiKeys, loadSettings, saveApiKeys, saveSettings, type OptionsBrowser } from './settings-store';

export type OptionsAppProps = {
  /** Test seam: the extension API (webextension-polyfill on the real page). */
  browser: OptionsBrowser;
  /** Test seam: the fetch "Test tilkoplinga" uses. */
  fetch?: FetchLike;
  /** The on-device model's store and figures (test seam). */
  local?: ModelSettingsProps['local'];
};

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

const OVERLAY_CHOICES: ReadonlyArray<{ value: Settings['overlay']; label: string; help: string }> = [
  { value: 'pill', label: text.overlayPill, help: text.overlayPillHelp },
  { value: 'open', label: text.overlayOpen, help: text.overlayOpenHelp },
  { value: 'off', label: text.overlayOff, help: text.overlayOffHelp },
];

export function OptionsApp({ browser, fetch, local }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [keys, setKeys] = useState<ApiKeys>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // A failed read blocks every save: defaults must never overwrite what storage holds.
  const [load, setLoad] = useState<'loading' | 'ok' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoad('loading');
    loadSettings(browser)
      .then(async (s) => [s, await loadApiKeys(browser, s)] as const)
      .then(
      ([s, k]) => {
        if (cancelled) return;
        setSettings(s);
        setKeys(k);
        setLoad('ok');
        setStatus({ kind: 'idle' });
      },
      () => {
        if (cancelled) return;
        setSettings(null);
        setLoad('failed');
        setStatus({ kind: 'error', message: text.optionsLoadBlocked });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [browser, attempt]);

  const save = async (next: Settings) => {
    if (load !== 'ok') return;
    setSettings(next);
    setStatus({ kind: 'idle' });
    try {
      setSettings(await saveSettings(browser, next));
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', message: fill(text.saveFailed, { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const saveKeys = async (next: ApiKeys) => {
    if (load !== 'ok') return;
    setKeys(next);
    try {
      await saveApiKeys(browser, next);
      setStatus({ kind: 'saved' });
    } catch (e) {
      // The message is the storage error's, never the key.
      setStatus({ kind: 'error', message: fill(text.saveFailed, { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const choose = (overlay: Settings['overlay']) => {
    if (settings) void save({ ...settings, overlay });
  };

  return (
    <main class="nk-options" lang="nn">
      <h1>{text.optionsTitle}</h1>
      <p class="nk-options__intro">{text.optionsIntro}</p>

      <fieldset disabled={!settings} data-testid="overlay-mode">
        <legend>{text.overlayHeading}</legend>
        <p class="nk-options__hint">{text.overlayIntro}</p>
        {OVERLAY_CHOICES.map((c) => (
          <div class="nk-choice" key={c.value}>
            <input
              type="radio"
              id={`overlay-${c.value}`}
              name="overlay"
              value={c.value}
              checked={settings?.overlay === c.value}
              onChange={() => choose(c.value)}
              aria-describedby={`help-${c.value}`}
            />
            <label class="nk-choice__label" for={`overlay-${c.value}`}>
              {c.label}
            </label>
            <p class="nk-choice__help" id={`help-${c.value}`}>
              {c.help}
            </p>
          </div>
        ))}
        <p
          class={`nk-options__status${status.kind === 'error' ? ' nk-options__status--error' : ''}`}
          role="status"
          aria-live="polite"
          data-testid="options-status"
        >
          {status.kind === 'saved' ? text.saved : status.kind === 'error' ? status.message : ''}
        </p>
      </fieldset>
      {load === 'failed' && (
        <p>
          <button type="button" class="nk-model__button" data-testid="options-retry" onClick={() => setAttempt((n) => n + 1)}>
            {text.optionsRetryLoad}
          </button>
        </p>
      )}

      {settings && (
        <ModelSettings
          browser={browser}
          settings={settings}
          keys={keys}
          onChange={(next) => void save(next)}
          onKeysChange={(next) => void saveKeys(next)}
          {...(local ? { local } : {})}
          {...(fetch ? { fetch } : {})}
        />
      )}

      <ShortcutSettings api={browser} />
      <HistorySetting
        on={settings?.history ?? true}
        disabled={!settings}
        onChange={(on) => {
          if (!settings) return;
          void save({ ...settings, history: on });
          // Off means forgotten, not only hidden.
          if (!on) void browser.storage.local.set({ [RECENT_KEY]: [] }).catch(() => undefined);
        }}
      />
      {settings && <FeedbackExport browser={browser} />}
    </main>
  );
}
