/**
 * The on-device model in the options page ("På maskinen din"): which model,
 * its size, the free space and the licence before anything is downloaded;
 * then the download with progress, pause and resume, and the delete button
 * that says what it frees. Nothing is downloaded before the reader clicks,
 * and the model's origin is asked for from that click.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { DownloadError, LOCAL_MODEL_MESSAGES, type DownloadProgress, type FetchLike, type ModelStore } from '../core/local/download';
import { formatBytes, formatProgress } from '../core/local/format';
import { checkMemory } from '../core/local/memory';
import { LLAMA_ATTRIBUTION, LOCAL_MODELS, modelIdFromUrl, type LocalModelRecord } from '../core/local/models';
import { originPattern } from '../core/url-origin';
import type { Settings } from '../settings';
import { fill } from '../core/template';
import { text } from '../strings/options-text';
import { createOpfsStore, requestPersistence, storageEstimate } from '../opfs-store';
import { deleteModel, installModel, readRecord } from './local-install';
import type { OptionsBrowser } from './settings-store';

/** Where the model is stored and what the browser says of space and memory (test seam). */
export type LocalEnv = {
  store: ModelStore;
  fetch?: FetchLike;
  estimate?: () => Promise<{ free?: number | undefined }>;
  deviceMemoryGb?: number;
  persist?: () => Promise<boolean>;
};

export type LocalModelSettingsProps = LocalEnv & {
  browser: OptionsBrowser;
  settings: Settings;
  onChange(next: Settings): void;
};

let env: LocalEnv | null = null;

/** The real page's environment: OPFS, navigator.storage, navigator.deviceMemory. */
export function browserLocalEnv(): LocalEnv {
  const memory = (navigator as { deviceMemory?: number }).deviceMemory;
  env ??= {
    store: createOpfsStore(),
    estimate: storageEstimate,
    persist: requestPersistence,
    ...(typeof memory === 'number' ? { deviceMemoryGb: memory } : {}),
  };
  return env;
}

type State =
  | { kind: 'none' }
  | { kind: 'partial'; record: LocalModelRecord }
  | { kind: 'downloading'; progress?: DownloadProgress }
  | { kind: 'installed'; record: LocalModelRecord; usage: number }
  | { kind: 'error'; message: string; record?: LocalModelRecord | null };

const stateAttr = (s: State) => (s.kind === 'partial' ? 'none' : s.kind);

export function LocalModelSettings({ browser, settings, onChange, store, fetch: fetchImpl, estimate, deviceMemoryGb, persist }: LocalModelSettingsProps) {
  const [state, setState] = useState<State>({ kind: 'none' });
  const [free, setFree] = useState<number | undefined>(undefined);
  const [note, setNote] = useState<string>('');
  const pause = useRef<AbortController | null>(null);
  // Bumped by every click: a storage read that started before it must not overwrite what the click set.
  const epoch = useRef(0);
  const url = settings.local.url;
  const id = modelIdFromUrl(url);
  const choice = LOCAL_MODELS.find((m) => m.url === url);

  const refresh = async () => {
    const at = epoch.current;
    const rec = await readRecord(browser).catch(() => null);
    const usage = rec && rec.id === id && rec.status === 'installed' ? await store.usage(rec.id).catch(() => rec.size ?? 0) : 0;
    if (epoch.current !== at) return;
    if (rec && rec.id === id && rec.status === 'installed') setState({ kind: 'installed', record: rec, usage });
    else if (rec && rec.id === id) setState({ kind: 'partial', record: rec });
    else setState({ kind: 'none' });
    setFree(estimate ? (await estimate().catch(() => ({ free: undefined }))).free : undefined);
  };

  useEffect(() => {
    if (!pause.current) void refresh();
  }, [url]);
  useEffect(() => () => pause.current?.abort(), []);

  const install = () => {
    epoch.current++;
    if (!id) return setState({ kind: 'error', message: LOCAL_MODEL_MESSAGES.notGguf });
    const size = choice?.approxBytes;
    const memory = checkMemory({ ...(deviceMemoryGb !== undefined ? { deviceMemoryGb } : {}), modelBytes: size ?? 0 });
    if (!memory.ok) return setState({ kind: 'error', message: memory.reason });
    const pattern = originPattern(url);
    if (!pattern) return setState({ kind: 'error', message: LOCAL_MODEL_MESSAGES.notGguf });
    // From the click itself, before any await: the browser asks the reader.
    const asked = browser.permissions ? browser.permissions.request({ origins: [pattern] }) : Promise.resolve(true);
    const ctl = new AbortController();
    pause.current = ctl;
    setState({ kind: 'downloading' });
    setNote('');
    void asked
      .catch(() => false)
      .then(async (granted) => {
        if (!granted) throw new DownloadError('http', fill(text.localPermissionDenied, { origin: new URL(url).host }));
        // Not awaited: Firefox answers persist() only after the reader answers its own prompt, which may
        // be never (and never, headless); the download must not wait on it.
        if (persist) void persist().then((ok) => !ok && setNote(LOCAL_MODEL_MESSAGES.notPersisted), () => setNote(LOCAL_MODEL_MESSAGES.notPersisted));
        const rec = await installModel(url, {
          browser,
          store,
          fetch: fetchImpl ?? ((u, init) => fetch(u, init)),
          signal: ctl.signal,
          onProgress: (progress) => setState({ kind: 'downloading', progress }),
        });
        if (!rec.verified) setNote(LOCAL_MODEL_MESSAGES.unverified);
      })
      .then(
        () => refresh(),
        async (e: unknown) => {
          const message = e instanceof DownloadError ? e.message : LOCAL_MODEL_MESSAGES.storage;
          if (e instanceof DownloadError && e.kind === 'cancelled') return refresh();
          setState({ kind: 'error', message, record: await readRecord(browser).catch(() => null) });
        },
      )
      .finally(() => {
        if (pause.current === ctl) pause.current = null;
      });
  };

  const remove = () => {
    epoch.current++;
    void deleteModel({ browser, store }).then(
      async (freed) => {
        setNote(LOCAL_MODEL_MESSAGES.deleted(freed));
        await refresh();
      },
      () => setState({ kind: 'error', message: LOCAL_MODEL_MESSAGES.storage }),
    );
  };

  const progress = state.kind === 'downloading' ? state.progress : undefined;
  const partial = state.kind === 'partial' || (state.kind === 'error' && state.record?.status === 'partial' && state.record.id === id);
  const stateText =
    state.kind === 'installed'
      ? fill(text.localInstalled, { size: formatBytes(state.usage) })
      : state.kind === 'downloading'
        ? progress
          ? formatProgress(progress)
          : text.localStarting
        : state.kind === 'error'
          ? state.message
          : state.kind === 'partial'
            ? fill(text.localPartial, { size: formatBytes(state.record.received) })
            : text.localNone;

  return (
    <div class="nk-provider nk-local" data-testid="local-model">
      <p class="nk-options__hint">{text.localPrivacy}</p>
      <p class="nk-field">
        <label for="local-model-url">{text.localUrlLabel}</label>
        <input
          id="local-model-url"
          type="url"
          data-testid="local-model-url"
          value={url}
          disabled={state.kind === 'downloading'}
          aria-describedby="local-model-url-help"
          onChange={(e) => onChange({ ...settings, local: { url: (e.target as HTMLInputElement).value.trim() } })}
        />
        <span class="nk-options__hint" id="local-model-url-help">
          {text.localUrlHelp}
        </span>
      </p>
      <p class="nk-local__choices">
        {LOCAL_MODELS.map((m) => (
          <button
            type="button"
            class="nk-model__button nk-model__button--quiet"
            key={m.id}
            aria-pressed={m.url === url}
            disabled={state.kind === 'downloading'}
            onClick={() => onChange({ ...settings, local: { url: m.url } })}
          >
            {fill(text.localChoose, { model: m.label, size: formatBytes(m.approxBytes) })}
          </button>
        ))}
      </p>
      <dl class="nk-local__facts">
        <dt>{text.localSizeLabel}</dt>
        <dd data-testid="local-model-size">
          {state.kind === 'installed'
            ? formatBytes(state.usage)
            : choice
              ? fill(text.localSizeApprox, { size: formatBytes(choice.approxBytes) })
              : text.localSizeUnknown}
        </dd>
        <dt>{text.localFreeLabel}</dt>
        <dd data-testid="local-model-free">{free !== undefined ? formatBytes(free) : text.localFreeUnknown}</dd>
        <dt>{text.localLicenceLabel}</dt>
        <dd>
          {choice ? fill(text.localLicence, { licence: choice.licence }) : text.localLicenceOther} <span lang="en">{LLAMA_ATTRIBUTION}</span>
        </dd>
      </dl>
      {state.kind === 'downloading' && (
        <progress
          class="nk-local__bar"
          data-testid="local-model-progress"
          max={progress?.total ?? 1}
          value={progress?.total ? progress.received : undefined}
          aria-label={text.localProgressLabel}
        />
      )}
      <p
        class={`nk-options__status${state.kind === 'error' ? ' nk-options__status--error' : ''}`}
        role="status"
        aria-live="polite"
        data-testid="local-model-state"
        data-state={stateAttr(state)}
      >
        {stateText}
      </p>
      {note && <p class="nk-options__hint" data-testid="local-model-note">{note}</p>}
      <p class="nk-local__actions">
        {state.kind === 'downloading' ? (
          <button type="button" class="nk-model__button" data-testid="local-model-pause" onClick={() => pause.current?.abort()}>
            {text.localPause}
          </button>
        ) : state.kind !== 'installed' ? (
          <button type="button" class="nk-model__button" data-testid="local-model-install" onClick={install}>
            {partial ? text.localResume : text.localInstall}
          </button>
        ) : null}
        {state.kind === 'installed' && (
          <button type="button" class="nk-model__button nk-model__button--quiet" data-testid="local-model-delete" onClick={remove}>
            {LOCAL_MODEL_MESSAGES.deleteLabel(state.usage)}
          </button>
        )}
      </p>
    </div>
  );
}
