/**
 * What the model glue needs from the extension. Parameters, not the browser
 * global, so that tests drive it with a fake browser and the fake model server.
 */
import type { FetchLike, FindBokmal, Term } from '../../core/model/types';
import type { StorageArea } from '../../model-cache';
import type { EngineTransport } from '../local-engine';

export type ModelDeps = {
  storage: { local: StorageArea; session: StorageArea };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  fetch: FetchLike;
  /** The Nynorsk checker, loaded lazily (the data is large). */
  findBokmal?: () => Promise<FindBokmal>;
  terms?: readonly Term[];
  now?: () => Date;
  /** Minimum milliseconds between storage.session writes of a running job (default 150). */
  sessionWriteMs?: number;
  /** The way to the on-device model's engine host (offscreen document or this page). */
  localTransport?: EngineTransport;
};
