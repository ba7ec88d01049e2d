/**
 * The options page: how the overlay shows on Spiceworks pages, and (for
 * now only described) which engine makes the cards. Each change is saved
 * at once and confirmed in a polite live region.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { fmt, text } from '../ui/text';
import { loadSettings, saveSettings, type OptionsBrowser } from './settings-store';

export type OptionsAppProps = {
  /** Test seam: the extension API (webextension-polyfill on the real page). */
  browser: OptionsBrowser;
};

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

const OVERLAY_CHOICES: ReadonlyArray<{ value: Settings['overlay']; label: string; help: string }> = [
  { value: 'pill', label: text.overlayPill, help: text.overlayPillHelp },
  { value: 'open', label: text.overlayOpen, help: text.overlayOpenHelp },
  { value: 'off', label: text.overlayOff, help: text.overlayOffHelp },
];

export function OptionsApp({ browser }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
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
    return () => {
      cancelled = true;
    };
  }, [browser]);

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

      <fieldset data-testid="engine">
        <legend>{text.engineHeading}</legend>
        <div class="nk-choice">
          <input type="radio" id="engine-builtin" name="engine" value="builtin" checked readOnly aria-describedby="help-engine" />
          <label class="nk-choice__label" for="engine-builtin">
            {text.engineBuiltin}
          </label>
          <p class="nk-choice__help" id="help-engine">
            {text.engineBuiltinHelp}
          </p>
        </div>
        <p class="nk-options__hint">{text.engineLater}</p>
      </fieldset>

    </main>
  );
}
