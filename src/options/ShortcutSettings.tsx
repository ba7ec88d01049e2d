/** The options page's "Snarvegar på tastaturet": each shortcut as the browser has it now, and the way to change them. */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SHORTCUTS } from '../shortcuts';
import { fill } from '../core/template';
import { text } from '../strings/options-text';
import { openShortcutSettings, type BrowserCommand, type ShortcutsApi } from './shortcut-settings';

export function ShortcutSettings({ api }: { api: ShortcutsApi }) {
  const [commands, setCommands] = useState<BrowserCommand[] | null | 'unknown'>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!api.commands) {
      setCommands('unknown');
      return;
    }
    let cancelled = false;
    // Read again when the reader comes back from the browser's shortcut page.
    const read = () =>
      api.commands!.getAll().then(
        (all) => !cancelled && setCommands(all),
        () => !cancelled && setCommands('unknown'),
      );
    void read();
    const onFocus = () => void read();
    globalThis.addEventListener?.('focus', onFocus);
    return () => {
      cancelled = true;
      globalThis.removeEventListener?.('focus', onFocus);
    };
  }, [api]);

  return (
    <fieldset data-testid="shortcuts">
      <legend>{text.shortcutsHeading}</legend>
      <p class="nk-options__hint">{text.shortcutsIntro}</p>
      {commands === 'unknown' ? (
        <p>{text.shortcutsUnknown}</p>
      ) : (
        <dl class="nk-shortcuts">
          {SHORTCUTS.map(({ name, label }) => {
            const keys = commands?.find((c) => c.name === name)?.shortcut ?? '';
            return (
              <div class="nk-shortcuts__row" key={name} data-command={name} data-shortcut={keys}>
                <dt>{label}</dt>
                <dd>
                  {keys ? (
                    <kbd>
                      {keys.split('+').map((k, i) => (
                        <Fragment key={i}>
                          {i > 0 && '+'}
                          <kbd>{k}</kbd>
                        </Fragment>
                      ))}
                    </kbd>
                  ) : (
                    <span class="nk-shortcuts__none">{commands ? text.shortcutNone : '…'}</span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      <p>
        <button
          type="button"
          class="nk-button"
          data-testid="shortcuts-change"
          onClick={() => void openShortcutSettings(api).then((ok) => setFailed(!ok))}
        >
          {text.shortcutsChange}
        </button>
      </p>
      <p class={failed ? 'nk-options__status nk-options__status--error' : 'nk-options__hint'} role={failed ? 'alert' : undefined}>
        {failed ? fill(text.shortcutsOpenFailed, { where: text.shortcutsWhere }) : text.shortcutsWhere}
      </p>
    </fieldset>
  );
}
