/**
 * Installing the on-device model from the options page: the download (with
 * pause, resume and the checksum) runs here, in the page the reader clicked
 * in, and every stored part is written down in storage.local, so that a
 * closed page or a restarted browser resumes where it stopped. The model's
 * record in storage says `installed` only after the file was checked.
 */
import { DownloadError, downloadModel, LOCAL_MODEL_MESSAGES, storedBytes, type DownloadProgress, type FetchLike, type ModelStore } from '../core/local/download';
import { LOCAL_MODEL_KEY, LOCAL_MODELS, modelIdFromUrl, parseLocalModelRecord, type LocalModelRecord } from '../core/local/models';
import type { OptionsBrowser } from './settings-store';

export type InstallDeps = {
  browser: OptionsBrowser;
  store: ModelStore;
  fetch: FetchLike;
  now?: () => Date;
};

/**
 * The sha256 the file must have: pinned in our catalogue, or given by the
 * reader as `#sha256=<hex>` after a pasted URL (the fragment never reaches
 * the server). Otherwise the download reads the hub's metadata, where there is one.
 */
export function knownSha256(url: string): string | undefined {
  const pinned = LOCAL_MODELS.find((m) => m.url === url)?.sha256;
  if (pinned) return pinned;
  const m = /#(?:.*&)?sha256=([0-9a-fA-F]{64})(?:&|$)/.exec(url);
  return m ? m[1]!.toLowerCase() : undefined;
}

export async function readRecord(browser: OptionsBrowser): Promise<LocalModelRecord | null> {
  return parseLocalModelRecord((await browser.storage.local.get(LOCAL_MODEL_KEY))[LOCAL_MODEL_KEY]);
}

/**
 * Downloads (or resumes) the model at `url`. Resolves with the installed
 * record; rejects with a DownloadError (Nynorsk message) or when `signal`
 * pauses it (kind 'cancelled').
 */
export async function installModel(url: string, deps: InstallDeps & { signal?: AbortSignal; onProgress?(p: DownloadProgress): void }): Promise<LocalModelRecord> {
  const id = modelIdFromUrl(url);
  if (!id) throw new DownloadError('not-gguf', LOCAL_MODEL_MESSAGES.notGguf);
  const now = deps.now ?? (() => new Date());
  const prev = await readRecord(deps.browser);
  // Another model's file goes once the reader asks for a new one: one model at a time.
  if (prev && prev.id !== id) {
    await deps.store.remove(prev.id);
    await deps.browser.storage.local.remove?.(LOCAL_MODEL_KEY);
  }
  const sha = knownSha256(url) ?? (prev?.id === id ? prev.sha256 : undefined);
  let record: LocalModelRecord = {
    id,
    url,
    received: await storedBytes(deps.store, id),
    verified: false,
    status: 'partial',
    updatedAt: now().toISOString(),
    ...(sha ? { sha256: sha } : {}),
    ...(prev?.id === id && prev.size !== undefined ? { size: prev.size } : {}),
  };
  await deps.browser.storage.local.set({ [LOCAL_MODEL_KEY]: record });
  let lastWrite = 0;
  const result = await downloadModel(
    { id, url, ...(sha ? { sha256: sha } : {}) },
    {
      fetch: deps.fetch,
      store: deps.store,
      ...(deps.signal ? { signal: deps.signal } : {}),
      onProgress(p) {
        deps.onProgress?.(p);
        // What is stored is written down now and then, so a restart resumes with the right figures.
        if (p.phase === 'downloading' && Date.now() - lastWrite > 1000) {
          lastWrite = Date.now();
          record = { ...record, received: p.received, ...(p.total ? { size: p.total } : {}), updatedAt: now().toISOString() };
          void deps.browser.storage.local.set({ [LOCAL_MODEL_KEY]: record }).catch(() => undefined);
        }
      },
    },
  ).catch(async (e: unknown) => {
    // Paused or failed: write down what is stored now, so the page (and a resume) see the right figure.
    record = { ...record, received: await storedBytes(deps.store, id).catch(() => record.received), updatedAt: now().toISOString() };
    await deps.browser.storage.local.set({ [LOCAL_MODEL_KEY]: record }).catch(() => undefined);
    throw e;
  });
  record = {
    id,
    url,
    size: result.size,
    received: result.size,
    sha256: result.sha256,
    verified: result.verified,
    status: 'installed',
    updatedAt: now().toISOString(),
  };
  await deps.browser.storage.local.set({ [LOCAL_MODEL_KEY]: record });
  return record;
}

/** Deletes the model's file and record; resolves with the bytes it freed. */
export async function deleteModel(deps: Pick<InstallDeps, 'browser' | 'store'>): Promise<number> {
  const rec = await readRecord(deps.browser);
  if (!rec) return 0;
  const freed = await deps.store.usage(rec.id);
  await deps.store.remove(rec.id);
  await deps.browser.storage.local.remove?.(LOCAL_MODEL_KEY);
  return freed;
}
