/**
 * What the on-device model's browser tests share, in Chromium and Firefox:
 * the tiny model they serve, the test copy of the build that may reach the
 * file server, and page-side readers of the card and of OPFS.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyLlamaGguf } from '../gguf';

/** The download's part size (src/core/local/download.ts DEFAULT_PART_SIZE). */
export const PART = 16 * 1024 * 1024;

/** A tiny random-weight model over one part, so that a cut connection resumes with a real Range request. */
export function tinyModelOverOnePart(): { gguf: Uint8Array; sha: string } {
  const gguf = writeTinyLlamaGguf({ nFf: 12288 });
  if (gguf.length <= PART + 1_000_000) throw new Error(`the test model is too small to span two parts: ${gguf.length} bytes`);
  return { gguf, sha: createHash('sha256').update(gguf).digest('hex') };
}

/**
 * A temporary copy of a test build that holds http://127.0.0.1/* in its host
 * permissions: headless browsers cannot answer the prompt the install click
 * raises, so the same permissions.request resolves at once. (No port: Firefox's
 * match patterns have none, and one without matches every port.)
 */
export function buildGrantingLoopback(buildDir: string, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(buildDir, dir, { recursive: true });
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  m.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
  return dir;
}

export type LocalCardView = { engine: string | null; streaming: boolean; summary: string; faq: number; title: string; buttons: string[]; error: string | null; status: string };

/** Source of a page function (root) => LocalCardView: what a card (overlay shadow root or popup document) shows. */
export const CARD_VIEW = `(root) => {
  const card = root.querySelector('[data-testid=card]');
  return {
    engine: card?.getAttribute('data-engine') ?? null,
    streaming: card?.getAttribute('data-streaming') === 'true',
    summary: root.querySelector('[data-testid=summary]')?.textContent ?? '',
    faq: root.querySelectorAll('[data-testid=faq-item]').length,
    title: root.querySelector('.nk-card__title')?.textContent ?? '',
    buttons: [...root.querySelectorAll('[data-testid^=model-]')].filter((b) => b.tagName === 'BUTTON').map((b) => b.getAttribute('data-testid')),
    error: root.querySelector('[data-testid=model-error]')?.textContent ?? null,
    status: root.querySelector('[data-testid=model-status]')?.textContent ?? '',
  };
}`;

/** Page expression: bytes stored in OPFS under models/ (what the model occupies); run it in an extension page. */
export const OPFS_MODEL_BYTES = `(async () => {
  let total = 0;
  const root = await navigator.storage.getDirectory();
  let models;
  try { models = await root.getDirectoryHandle('models'); } catch { return 0; }
  for await (const [, dir] of models.entries()) {
    if (dir.kind !== 'directory') continue;
    for await (const [, f] of dir.entries()) if (f.kind === 'file') total += (await f.getFile()).size;
  }
  return total;
})()`;
