/**
 * "Sist opna kort" in the popup, on any page: the last cards opened (title,
 * topic, date), each opening its article in a new tab, and "Slett lista".
 * Reads storage.local directly (the popup is a trusted extension page) and
 * follows changes live. Absent when the reader turned the list off.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseRecent, RECENT_KEY, type RecentEntry } from '../recent';
import { migrateSettings, SETTINGS_KEY } from '../settings';
import { formatDateNn } from '../ui/format';
import { fill } from '../core/template';
import { text } from '../strings/text';
import type { PopupBrowser } from './tab-state';

/** How many the popup lists; the stored list keeps up to RECENT_LIMIT for the listing badges. */
export const RECENT_SHOWN = 10;

/** A time as the reader's local calendar date, the Nynorsk way. */
function localDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDateNn(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`) ?? '';
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function RecentList({ browser, onOpened }: { browser: PopupBrowser; onOpened?: () => void }) {
  const local = browser.storage.local;
  const [list, setList] = useState<RecentEntry[] | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!local) return;
    let cancelled = false;
    local.get([SETTINGS_KEY, RECENT_KEY]).then(
      (got) => {
        if (cancelled) return;
        setList(migrateSettings(got[SETTINGS_KEY]).history ? parseRecent(got[RECENT_KEY]) : null);
      },
      () => undefined,
    );
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && RECENT_KEY in changes) setList((cur) => (cur === null ? cur : parseRecent(changes[RECENT_KEY]?.newValue)));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [browser, local]);

  if (!local || list === null) return null;

  const open = (e: MouseEvent, url: string) => {
    const create = browser.tabs.create;
    if (!create) return;
    e.preventDefault();
    void create.call(browser.tabs, { url }).then(() => onOpened?.(), () => undefined);
  };

  return (
    <section class="nk-recent" data-testid="recent" aria-labelledby="nk-recent-heading" lang="nn">
      <h2 class="nk-recent__heading" id="nk-recent-heading">
        {text.recentHeading}
      </h2>
      {list.length === 0 ? (
        <p class="nk-recent__empty" data-testid="recent-empty">
          {text.recentEmpty}
        </p>
      ) : (
        <>
          <ul class="nk-recent__list">
            {list.slice(0, RECENT_SHOWN).map((e) => (
              <li key={e.key} class="nk-recent__item" data-testid="recent-item">
                <a class="nk-recent__link" href={e.url} target="_blank" rel="noopener noreferrer" lang={e.english ? 'en' : undefined} onClick={(ev) => open(ev, e.url)}>
                  {e.title}
                </a>
                <span class="nk-recent__meta">
                  {upperFirst(e.topic.label)} · {fill(text.recentOpened, { date: localDate(e.openedAt) })}
                </span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="nk-linkbutton nk-recent__clear"
            data-testid="recent-clear"
            onClick={() => {
              void local.set({ [RECENT_KEY]: [] }).then(() => {
                setList([]);
                setStatus(text.recentCleared);
              });
            }}
          >
            {text.recentClear}
          </button>
        </>
      )}
      <p class="nk-visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
