/**
 * The on-device model's storage in the browser: the Origin Private File
 * System (OPFS), a folder `models/<id>/` with one file per part
 * (`part-00000`, `part-00001`, ...; see src/core/local/download.ts for why
 * parts). Each part is written whole with `createWritable()`, which writes to
 * a swap file and commits on `close()`, so a part is either all there or not
 * there. Browser-only (options page, offscreen document, background page).
 */
import type { ModelStore } from './core/local/download';

const MODELS_DIR = 'models';
const PART = /^part-(\d{5,})$/;

/** A model id as a folder name: only [a-z0-9._-], never "." or "..". */
function folderName(id: string): string {
  const safe = id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  return safe === '' || safe === '.' || safe === '..' ? `model-${safe.length}` : safe;
}

function partName(index: number): string {
  return `part-${String(index).padStart(5, '0')}`;
}

function isNotFound(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'NotFoundError';
}

/** Directory iteration is in lib "DOM.AsyncIterable", which this project does not load; Chrome 86+ and Firefox 111+ have it. */
type Listable = { keys(): AsyncIterable<string> };

export type OpfsModelStore = ModelStore & {
  /** Ids of every model folder, complete or not. */
  listModels(): Promise<string[]>;
};

/** The ModelStore on OPFS. `root` is a test seam (default `navigator.storage.getDirectory()`). */
export function createOpfsStore(root: () => Promise<FileSystemDirectoryHandle> = () => navigator.storage.getDirectory()): OpfsModelStore {
  async function modelsDir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
    try {
      return await (await root()).getDirectoryHandle(MODELS_DIR, { create });
    } catch (e) {
      if (!create && isNotFound(e)) return null;
      throw e;
    }
  }

  async function modelDir(id: string, create: boolean): Promise<FileSystemDirectoryHandle | null> {
    const models = await modelsDir(create);
    if (!models) return null;
    try {
      return await models.getDirectoryHandle(folderName(id), { create });
    } catch (e) {
      if (!create && isNotFound(e)) return null;
      throw e;
    }
  }

  async function parts(id: string): Promise<{ index: number; file: File }[]> {
    const dir = await modelDir(id, false);
    if (!dir) return [];
    const out: { index: number; file: File }[] = [];
    for await (const name of (dir as unknown as Listable).keys()) {
      const m = PART.exec(name);
      if (!m) continue;
      const file = await (await dir.getFileHandle(name)).getFile();
      out.push({ index: Number(m[1]), file });
    }
    return out.sort((a, b) => a.index - b.index);
  }

  return {
    async listParts(id) {
      return (await parts(id)).map((p) => ({ index: p.index, size: p.file.size }));
    },

    async writePart(id, index, data) {
      const dir = await modelDir(id, true);
      const handle = await dir!.getFileHandle(partName(index), { create: true });
      const writable = await handle.createWritable();
      try {
        await writable.write(data as Uint8Array<ArrayBuffer>);
        await writable.close();
      } catch (e) {
        await writable.abort().catch(() => {});
        throw e;
      }
    },

    async readPart(id, index) {
      const dir = await modelDir(id, false);
      if (!dir) throw new DOMException(`no model ${id}`, 'NotFoundError');
      return (await dir.getFileHandle(partName(index))).getFile();
    },

    async remove(id) {
      const models = await modelsDir(false);
      if (!models) return;
      try {
        await models.removeEntry(folderName(id), { recursive: true });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },

    async usage(id) {
      return (await parts(id)).reduce((n, p) => n + p.file.size, 0);
    },

    async listModels() {
      const models = await modelsDir(false);
      if (!models) return [];
      const ids: string[] = [];
      for await (const name of (models as unknown as Listable).keys()) ids.push(name);
      return ids.sort();
    },
  };
}

/**
 * Asks the browser to keep this extension's storage under storage pressure
 * (`navigator.storage.persist()`). True when it is (or already was) persistent;
 * false when refused or not supported. Firefox may ask the reader.
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Bytes used and allowed for this extension's storage, and what is left; undefined fields when unknown. */
export async function storageEstimate(): Promise<{ usage?: number; quota?: number; free?: number }> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.estimate) return {};
  try {
    const { usage, quota } = await storage.estimate();
    return {
      usage,
      quota,
      free: usage !== undefined && quota !== undefined ? Math.max(0, quota - usage) : undefined,
    };
  } catch {
    return {};
  }
}
