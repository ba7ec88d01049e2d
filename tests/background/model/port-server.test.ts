import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelDeps } from '../../../src/background/model/deps';
import { serveModelPort, type PortLike } from '../../../src/background/model/port-server';
import type { Card, CardState } from '../../../src/core/types';
import { modelJobKey, parseModelJob, tabStateKey } from '../../../src/protocol';
import { startModelServer, TEST_ARTICLE, TEST_TOPIC, type ModelServer } from '../../../support/model-server';
import { area, configureServer, portPair } from '../../support/background-fakes';

const START = { type: 'start', article: TEST_ARTICLE, topic: TEST_TOPIC, force: false };

describe('the model port', () => {
  let server: ModelServer;
  let local: ReturnType<typeof area>;
  let session: ReturnType<typeof area>;
  let deps: ModelDeps;

  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());

  const chat = () => server.requests.filter((r) => r.path === '/v1/chat/completions');
  const start = () => {
    const p = portPair();
    serveModelPort(p.port, 7, deps);
    p.send(START);
    return p;
  };

  beforeEach(() => {
    server.reset();
    local = area();
    session = area();
    deps = {
      storage: { local, session },
      permissions: { contains: async () => true },
      fetch: (i, init) => fetch(i, init),
      sessionWriteMs: 0,
    };
  });

  it('"Avbryt" and a dropped port abort the request and bring back the offer', async () => {
    await configureServer(local, server, 'nn-slow');
    const p = start();
    await new Promise((r) => setTimeout(r, 100));
    p.send({ type: 'cancel' });
    const events = await p.finished;
    expect(events.some((e) => e.type === 'done')).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'job', job: { status: 'idle', model: 'nn-slow' } });

    const q = start();
    await new Promise((r) => setTimeout(r, 100));
    q.disconnect();
    await vi.waitFor(() => expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: 'nn-slow' }));
    expect(q.events.some((e) => e.type === 'done')).toBe(false);
  });

  it('posts nothing once the port is gone, and the job still ends in storage.session', async () => {
    await configureServer(local, server, 'nn-writer');
    const p = portPair();
    let posts = 0;
    let throws = 0;
    // The page went away, and its port throws, before the disconnect event arrives.
    const stale: PortLike = {
      ...p.port,
      postMessage: (m) => {
        if (++posts > 1) {
          throws++;
          throw new Error('Attempting to use a disconnected port object');
        }
        p.port.postMessage(m);
      },
    };
    serveModelPort(stale, 7, deps);
    p.send(START);
    await vi.waitFor(() => expect(session.data.has(tabStateKey(7))).toBe(true));
    expect((session.data.get(tabStateKey(7)) as CardState & { card: Card }).card.engine.kind).toBe('model');
    expect(parseModelJob(session.data.get(modelJobKey(7)))).toEqual({ status: 'idle', model: 'nn-writer' });
    expect(throws).toBe(1);
    expect(posts).toBe(2);
  });

  it('runs one job at a time per port: a second start while one runs is ignored', async () => {
    await configureServer(local, server, 'nn-writer');
    const p = start();
    p.send({ ...START, force: true });
    const events = await p.finished;
    await new Promise((r) => setTimeout(r, 100));
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
    expect(chat()).toHaveLength(1);
  });

  it('ignores a cancel with nothing running and messages it does not know', async () => {
    await configureServer(local, server, 'nn-writer');
    const p = portPair();
    serveModelPort(p.port, 7, deps);
    p.send({ type: 'cancel' });
    p.send({ type: 'start', article: { url: 'x' }, topic: TEST_TOPIC });
    p.send({ type: 'stop' });
    p.send('start');
    await new Promise((r) => setTimeout(r, 20));
    expect(p.events).toEqual([]);
    expect(server.requests).toHaveLength(0);
    p.send(START);
    expect((await p.finished).at(-1)!.type).toBe('done');
  });
});
