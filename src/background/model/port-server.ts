/**
 * The background's end of a tab's model port: 'start' runs a job (one at a
 * time per port), 'cancel' or a disconnect aborts it. Events for a port that
 * is gone are dropped; the job still ends, and storage.session says how.
 */
import { parsePortRequest, type PortEvent } from '../../protocol';
import type { ModelDeps } from './deps';
import { runJob } from './job-runner';

/** The port as the background sees it (runtime.Port's shape). */
export type PortLike = {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
};

export function serveModelPort(port: PortLike, tabId: number | undefined, deps: ModelDeps): void {
  let controller: AbortController | null = null;
  let disconnected = false;
  const post = (e: PortEvent) => {
    if (disconnected) return;
    try {
      port.postMessage(e);
    } catch {
      // The page went away before the disconnect event arrived.
      disconnected = true;
    }
  };
  port.onDisconnect.addListener(() => {
    disconnected = true;
    controller?.abort();
  });
  port.onMessage.addListener((raw) => {
    const req = parsePortRequest(raw);
    if (!req) return;
    if (req.type === 'cancel') {
      controller?.abort();
      return;
    }
    if (controller) return; // one job per port
    controller = new AbortController();
    void runJob(req, controller.signal, tabId, deps, post).finally(() => {
      controller = null;
    });
  });
}
