/**
 * The options page: how the overlay shows on Spiceworks pages, which engine
 * makes the cards (built in, or a model the user chooses), the Nynorsk
 * preferences and the cache. Each change is saved at once and confirmed in
 * a polite live region.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FetchLike } from '../core/model/types';
import { DEFAULT_SETTINGS, type ApiKeys, type Settings } from '../settings';
import { fmt, text } from '../ui/text';
import { ModelSettings } from './ModelSettings';
import { loadApiKeys, loadSettings, saveApiKeys, saveSettings, type OptionsBrowser } from './settings-store';

export type OptionsAppProps = {
  /** Test seam: the extension API (webextension-polyfill on the real page). */
  browser: OptionsBrowser;
  /** Test seam: the fetch "Test tilkoplinga" uses. */
  fetch?: FetchLike;
};

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

const OVERLAY_CHOICES: ReadonlyArray<{ value: Settings['overlay']; label: string; help: string }> = [
  { value: 'pill', label: text.overlayPill, help: text.overlayPillHelp },
  { value: 'open', label: text.overlayOpen, help: text.overlayOpenHelp },
  { value: 'off', label: text.overlayOff, help: text.overlayOffHelp },
];

export function OptionsApp({ browser, fetch }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [keys, setKeys] = useState<ApiKeys>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    let cancelled = false;
    loadSettings(browser).then(
      (s) => !cancelled && setSettings(s),
      () => {
        if (cancelled) return;
        setSettings({ ...DEFAULT_SETTINGS });
        setStatus({ kind: 'error', message: text.loadFailed });
      },
    );
    loadApiKeys(browser).then(
      (k) => !cancelled && setKeys(k),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [browser]);

  const save = async (next: Settings) => {
    setSettings(next);
    setStatus({ kind: 'idle' });
    try {
      setSettings(await saveSettings(browser, next));
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', message: fmt(text.saveFailed, { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const saveKeys = async (next: ApiKeys) => {
    setKeys(next);
    try {
      await saveApiKeys(browser, next);
      setStatus({ kind: 'saved' });
    } catch (e) {
      // The message is the storage error's, never the key.
      setStatus({ kind: 'error', message: fmt(text.saveFailed, { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const choose = async (overlay: Settings['overlay']) => {
    if (!settings) return;
    const next = { ...settings, overlay };
    setSettings(next);
    setStatus({ kind: 'idle' });
    try {
      setSettings(await saveSettings(browser, next));
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', message: fmt(text.saveFailed, { message: e instanceof Error ? e.message : String(e) }) });
    }
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
              onChange={() => void choose(c.value)}
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

      {settings && (
        <ModelSettings
          browser={browser}
          settings={settings}
          keys={keys}
          onChange={(next) => void save(next)}
          onKeysChange={(next) => void saveKeys(next)}
          {...(fetch ? { fetch } : {})}
        />
      )}
    </main>
  );
}
