/**
 * A ModelStore in memory for unit tests: parts are Uint8Arrays in a Map.
 * `quotaBytes` makes a write that would go over it fail as the browser does
 * (a DOMException named QuotaExceededError); every call is recorded.
 */
import type { ModelStore } from '../../src/core/local/download';

export type MemoryModelStore = ModelStore & {
  /** The stored bytes of a model, parts joined in order. */
  bytes(id: string): Uint8Array;
  parts(id: string): Map<number, Uint8Array>;
  /** Calls in order, e.g. "write nb 3 (16 B)", "remove nb". */
  log: string[];
  quotaBytes: number;
};

export function createMemoryModelStore(opts: { quotaBytes?: number } = {}): MemoryModelStore {
  const models = new Map<string, Map<number, Uint8Array>>();
  const log: string[] = [];
  const parts = (id: string) => {
    let m = models.get(id);
    if (!m) models.set(id, (m = new Map()));
    return m;
  };
  const used = () => [...models.values()].reduce((n, m) => n + [...m.values()].reduce((k, p) => k + p.length, 0), 0);

  const store: MemoryModelStore = {
    log,
    quotaBytes: opts.quotaBytes ?? Infinity,
    async listParts(id) {
      return [...(models.get(id) ?? new Map<number, Uint8Array>()).entries()].map(([index, p]) => ({ index, size: p.length }));
    },
    async writePart(id, index, data) {
      const old = models.get(id)?.get(index)?.length ?? 0;
      if (used() - old + data.length > store.quotaBytes) {
        log.push(`quota ${id} ${index}`);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      log.push(`write ${id} ${index} (${data.length} B)`);
      parts(id).set(index, data.slice());
    },
    async readPart(id, index) {
      const p = models.get(id)?.get(index);
      if (!p) throw new DOMException(`no part ${index}`, 'NotFoundError');
      return new Blob([p.slice()]);
    },
    async remove(id) {
      log.push(`remove ${id}`);
      models.delete(id);
    },
    async usage(id) {
      return [...(models.get(id)?.values() ?? [])].reduce((n, p) => n + p.length, 0);
    },
    bytes(id) {
      const m = models.get(id) ?? new Map<number, Uint8Array>();
      const sorted = [...m.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
      const out = new Uint8Array(sorted.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of sorted) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    },
    parts(id) {
      return models.get(id) ?? new Map();
    },
  };
  return store;
}
