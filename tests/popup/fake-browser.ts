/** An in-memory stand-in for the parts of `browser` the popup and options use (test seam). */
import { vi } from 'vitest';

type Listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, areaName: string) => void;

export function fakeBrowser(init: { session?: Record<string, unknown>; local?: Record<string, unknown>; activeTabId?: number } = {}) {
  const areas: Record<'session' | 'local', Record<string, unknown>> = { session: { ...init.session }, local: { ...init.local } };
  const listeners = new Set<Listener>();
  const area = (name: 'session' | 'local') => ({
    get: vi.fn(async (key: string | string[]) =>
      Object.fromEntries((Array.isArray(key) ? key : [key]).filter((k) => k in areas[name]).map((k) => [k, structuredClone(areas[name][k])])),
    ),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const changes: Record<string, { newValue?: unknown; oldValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: areas[name][k], newValue: structuredClone(v) };
        areas[name][k] = structuredClone(v);
      }
      for (const l of listeners) l(changes, name);
    }),
  });
  return {
    areas,
    listeners,
    tabs: { query: vi.fn(async () => (init.activeTabId === undefined ? [] : [{ id: init.activeTabId }])) },
    storage: {
      session: area('session'),
      local: area('local'),
      onChanged: {
        addListener: (fn: Listener) => void listeners.add(fn),
        removeListener: (fn: Listener) => void listeners.delete(fn),
      },
    },
    runtime: { openOptionsPage: vi.fn(async () => undefined), sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true })) },
  };
}
