/**
 * Fakes of what the background's model glue talks to (test seams of
 * src/background/model/): an in-memory storage area, both ends of a model
 * port, with every message round-tripped through JSON as the browser does,
 * and the settings that point the glue at the fake model server.
 */
import type { PortLike } from '../../src/background/model/port-server';
import type { StorageArea } from '../../src/model-cache';
import { parsePortEvent, type PortEvent } from '../../src/protocol';
import { API_KEYS_KEY } from '../../src/api-keys';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/settings';
import type { ModelServer } from '../../support/model-server';

/** An in-memory storage area with the extension API's shape; values are copied like storage does. */
export function area(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const keys = (k: string | string[] | null) => (k === null ? [...data.keys()] : Array.isArray(k) ? k : [k]);
  return {
    data,
    get: async (k) => Object.fromEntries(keys(k).filter((x) => data.has(x)).map((x) => [x, structuredClone(data.get(x))])),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (k) => void keys(k).forEach((x) => data.delete(x)),
  };
}

/** Both ends of a port: the background's PortLike and the page side that records events (`finished`: the job ended). */
export function portPair() {
  const toBg: ((m: unknown) => void)[] = [];
  const onDisc: (() => void)[] = [];
  const events: PortEvent[] = [];
  let resolveDone: (e: PortEvent[]) => void = () => undefined;
  const finished = new Promise<PortEvent[]>((r) => (resolveDone = r));
  const port: PortLike = {
    postMessage: (m) => {
      const ev = parsePortEvent(JSON.parse(JSON.stringify(m)));
      if (!ev) throw new Error(`bad event ${JSON.stringify(m)}`);
      events.push(ev);
      if (ev.type === 'done' || (ev.type === 'job' && ev.job.status !== 'running')) resolveDone(events);
    },
    onMessage: { addListener: (fn) => void toBg.push(fn) },
    onDisconnect: { addListener: (fn) => void onDisc.push(fn) },
  };
  return {
    port,
    events,
    finished,
    send: (m: unknown) => toBg.forEach((f) => f(JSON.parse(JSON.stringify(m)))),
    disconnect: () => onDisc.forEach((f) => f()),
  };
}

/** The fake model server's OpenAI endpoint with `model`, and its key, stored as the options page stores them. */
export function configureServer(local: StorageArea, server: ModelServer, model: string, over: Partial<Settings> = {}): Promise<void> {
  return local.set({
    [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, engine: 'openai', providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint: server.endpoints.openai, model } }, ...over },
    [API_KEYS_KEY]: { openai: server.apiKey },
  });
}
