// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_MODEL_MESSAGES, type FetchLike } from '../../src/core/local/download';
import { DEFAULT_LOCAL_MODEL_URL, LOCAL_MODEL_KEY, LOCAL_MODELS } from '../../src/core/local/models';
import { OptionsApp } from '../../src/options/OptionsApp';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { text } from '../../src/strings/options-text';
import { fakeBrowser } from '../popup/fake-browser';
import { createMemoryModelStore } from '../support/memory-model-store';

afterEach(cleanup);

/** The popup's fake browser plus what the options page needs: remove and permissions. */
function optionsBrowser(init: Parameters<typeof fakeBrowser>[0] = {}, grant = true) {
  const b = fakeBrowser(init);
  const remove = vi.fn(async (keys: string | string[]) => {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete b.areas.local[k];
  });
  const getMany = vi.fn(async (keys: string | string[]) =>
    Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in b.areas.local).map((k) => [k, structuredClone(b.areas.local[k])])),
  );
  const request = vi.fn(async (_p: { origins: string[] }) => grant);
  return Object.assign(b, { storage: { ...b.storage, local: { ...b.storage.local, get: getMany, remove } }, permissions: { request } });
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** "GGUF" and then deterministic bytes. */
function gguf(n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set([0x47, 0x47, 0x55, 0x46]);
  let x = 7;
  for (let i = 4; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/**
 * The Hugging Face Hub in a function: the API answers `hubSha` for the file,
 * and the file comes in two halves with a gate between them, so a test can
 * look at the page mid-download. The fetch's signal ends the body, as a real one does.
 */
function fakeHub(file: Uint8Array, hubSha = sha(file)) {
  const urls: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const fetch = vi.fn<FetchLike>(async (url, init) => {
    urls.push(url);
    if (url.startsWith('https://huggingface.co/api/')) {
      const path = decodeURIComponent(new URL(DEFAULT_LOCAL_MODEL_URL).pathname.split('/').pop()!);
      return new Response(JSON.stringify({ siblings: [{ rfilename: path, lfs: { sha256: hubSha, size: file.length } }] }), { status: 200 });
    }
    const m = /^bytes=(\d+)-$/.exec(init.headers?.Range ?? '');
    const start = m ? Number(m[1]) : 0;
    const rest = file.slice(start);
    const half = Math.floor(rest.length / 2);
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        init.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        c.enqueue(rest.slice(0, half));
        await gate;
        if (init.signal?.aborted) return;
        c.enqueue(rest.slice(half));
        c.close();
      },
    });
    return new Response(body, {
      status: m ? 206 : 200,
      headers: { 'content-length': String(rest.length), ...(m ? { 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}) },
    });
  });
  return { fetch, urls, open };
}

const localSettings = { ...DEFAULT_SETTINGS, engine: 'local' as const };
const stateOf = () => screen.getByTestId('local-model-state');
const estimate = async () => ({ free: 5_000_000_000 });

/**
 * Waits until the page's first look at storage is done (the free space shows last), then
 * clicks install. A click before that can lose its state to the late refresh (see the report).
 */
async function clickInstall(user: ReturnType<typeof userEvent.setup>) {
  await waitFor(() => expect(screen.getByTestId('local-model-free').textContent).toBe('5,0 GB'));
  await user.click(screen.getByTestId('local-model-install'));
}

describe('options: the on-device model', () => {
  it('choosing "På maskinen din" shows the default model, its size, the free space and the licence, and downloads nothing', async () => {
    const user = userEvent.setup();
    const b = optionsBrowser();
    const hub = fakeHub(gguf(100));
    render(<OptionsApp browser={b} local={{ store: createMemoryModelStore(), fetch: hub.fetch, estimate: async () => ({ free: 5_000_000_000 }) }} />);
    await screen.findByRole('radio', { name: 'Berre innebygd' });
    expect(screen.queryByTestId('local-model')).toBeNull();
    await user.click(screen.getByRole('radio', { name: text.engineLocalChoice }));
    await waitFor(() => expect((b.areas.local.settings as { engine: string }).engine).toBe('local'));
    expect((screen.getByTestId('local-model-url') as HTMLInputElement).value).toBe(DEFAULT_LOCAL_MODEL_URL);
    expect(screen.getByTestId('local-model-size').textContent).toBe('om lag 808 MB');
    await waitFor(() => expect(screen.getByTestId('local-model-free').textContent).toBe('5,0 GB'));
    const local = screen.getByTestId('local-model');
    expect(local.textContent).toContain(`${LOCAL_MODELS[0]!.licence}.`);
    expect(local.textContent).toContain('Llama 3.2 Community License');
    expect(local.textContent).toContain('Built with Llama');
    expect(stateOf().getAttribute('data-state')).toBe('none');
    expect(stateOf().textContent).toBe(text.localNone);
    expect(screen.getByTestId('local-model-install').textContent).toBe(text.localInstall);
    expect(screen.getByTestId('prefs')).toBeTruthy();
    expect(hub.fetch).not.toHaveBeenCalled();
    expect(b.permissions.request).not.toHaveBeenCalled();
  });

  it('installs from the click: asks for the origin, shows the download, then the installed model; delete frees it', async () => {
    const user = userEvent.setup();
    const file = gguf(5000);
    const hub = fakeHub(file);
    const store = createMemoryModelStore();
    const b = optionsBrowser({ local: { settings: localSettings } });
    render(<OptionsApp browser={b} local={{ store, fetch: hub.fetch, estimate }} />);
    await clickInstall(user);
    expect(b.permissions.request).toHaveBeenCalledWith({ origins: ['https://huggingface.co/*'] });
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('downloading'));
    expect(screen.getByTestId('local-model-pause')).toBeTruthy();
    expect(screen.getByTestId('local-model-progress')).toBeTruthy();
    expect((screen.getByTestId('local-model-url') as HTMLInputElement).disabled).toBe(true);
    await waitFor(() => expect(stateOf().textContent).toContain('av 5,0 kB'));

    hub.open();
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('installed'));
    expect(stateOf().textContent).toBe('Modellen er klar på maskinen din (5,0 kB).');
    expect(b.areas.local[LOCAL_MODEL_KEY]).toMatchObject({ id: LOCAL_MODELS[0]!.id, status: 'installed', verified: true, size: 5000, sha256: sha(file) });
    expect(screen.queryByTestId('local-model-note')).toBeNull(); // verified: no warning
    expect(hub.urls[0]).toMatch(/^https:\/\/huggingface\.co\/api\/models\//);
    expect(hub.urls[1]).toBe(DEFAULT_LOCAL_MODEL_URL);

    const del = screen.getByTestId('local-model-delete');
    expect(del.textContent).toBe('Slett modellen (frigjer 5,0 kB)');
    expect(del.textContent).toBe(LOCAL_MODEL_MESSAGES.deleteLabel(5000));
    expect(screen.queryByTestId('local-model-install')).toBeNull();
    await user.click(del);
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('none'));
    expect(screen.getByTestId('local-model-note').textContent).toBe('Modellen er sletta, og 5,0 kB er frigjort.');
    expect(LOCAL_MODEL_KEY in b.areas.local).toBe(false);
    expect(await store.usage(LOCAL_MODELS[0]!.id)).toBe(0);
    expect(screen.getByTestId('local-model-install').textContent).toBe(text.localInstall);
  });

  it('shows an installed model on load, with the delete button', async () => {
    const store = createMemoryModelStore();
    await store.writePart(LOCAL_MODELS[0]!.id, 0, gguf(2500));
    const b = optionsBrowser({
      local: {
        settings: localSettings,
        [LOCAL_MODEL_KEY]: { id: LOCAL_MODELS[0]!.id, url: DEFAULT_LOCAL_MODEL_URL, size: 2500, received: 2500, verified: true, status: 'installed', updatedAt: '2026-03-20T08:00:00.000Z' },
      },
    });
    render(<OptionsApp browser={b} local={{ store }} />);
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('installed'));
    expect(screen.getByTestId('local-model-delete').textContent).toBe('Slett modellen (frigjer 2,5 kB)');
  });

  it('pause keeps what came, and the button offers to go on', async () => {
    const user = userEvent.setup();
    const hub = fakeHub(gguf(5000));
    const b = optionsBrowser({ local: { settings: localSettings } });
    render(<OptionsApp browser={b} local={{ store: createMemoryModelStore(), fetch: hub.fetch, estimate }} />);
    await clickInstall(user);
    await waitFor(() => expect(stateOf().textContent).toContain('av 5,0 kB'));
    await user.click(screen.getByTestId('local-model-pause'));
    await waitFor(() => expect(screen.getByTestId('local-model-install').textContent).toBe(text.localResume));
    expect(stateOf().getAttribute('data-state')).toBe('none');
    expect(stateOf().textContent).toContain('2,5 kB er lasta ned');
    expect(b.areas.local[LOCAL_MODEL_KEY]).toMatchObject({ status: 'partial', received: 2500 });
  });

  it('a file that does not match the sha256 ends in an error about the checksum', async () => {
    const user = userEvent.setup();
    const hub = fakeHub(gguf(5000), 'f'.repeat(64));
    hub.open();
    const store = createMemoryModelStore();
    const b = optionsBrowser({ local: { settings: localSettings } });
    render(<OptionsApp browser={b} local={{ store, fetch: hub.fetch, estimate }} />);
    await clickInstall(user);
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('error'));
    expect(stateOf().textContent).toContain('kontrollsummen');
    expect(stateOf().textContent).toBe(LOCAL_MODEL_MESSAGES.checksum);
    expect(stateOf().className).toContain('nk-options__status--error');
    expect(await store.usage(LOCAL_MODELS[0]!.id)).toBe(0);
    expect((b.areas.local[LOCAL_MODEL_KEY] as { status?: string } | undefined)?.status).not.toBe('installed');
    expect(screen.queryByTestId('local-model-delete')).toBeNull();
  });

  it('refuses up front on a machine with too little memory: no permission asked, nothing fetched', async () => {
    const user = userEvent.setup();
    const hub = fakeHub(gguf(5000));
    const b = optionsBrowser({ local: { settings: localSettings } });
    render(<OptionsApp browser={b} local={{ store: createMemoryModelStore(), fetch: hub.fetch, estimate, deviceMemoryGb: 1 }} />);
    await clickInstall(user);
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('error'));
    expect(stateOf().textContent).toContain('minne');
    expect(stateOf().textContent).toBe(LOCAL_MODEL_MESSAGES.tooLittleMemory(1, 2));
    expect(hub.fetch).not.toHaveBeenCalled();
    expect(b.permissions.request).not.toHaveBeenCalled();
    expect(LOCAL_MODEL_KEY in b.areas.local).toBe(false);
  });

  it('allows the 1B model on a machine that reports 2 GB', async () => {
    const user = userEvent.setup();
    const hub = fakeHub(gguf(5000));
    hub.open();
    const b = optionsBrowser({ local: { settings: localSettings } });
    render(<OptionsApp browser={b} local={{ store: createMemoryModelStore(), fetch: hub.fetch, estimate, deviceMemoryGb: 2 }} />);
    await clickInstall(user);
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('installed'));
  });

  it('says so, and fetches nothing, when the reader refuses the permission', async () => {
    const user = userEvent.setup();
    const hub = fakeHub(gguf(5000));
    const b = optionsBrowser({ local: { settings: localSettings } }, false);
    render(<OptionsApp browser={b} local={{ store: createMemoryModelStore(), fetch: hub.fetch, estimate }} />);
    await clickInstall(user);
    await waitFor(() => expect(stateOf().getAttribute('data-state')).toBe('error'));
    expect(stateOf().textContent).toContain('Utan lov til å nå huggingface.co');
    expect(hub.fetch).not.toHaveBeenCalled();
  });
});
