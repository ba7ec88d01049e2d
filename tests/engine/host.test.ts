import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineHost, type EngineChatRequest, type EngineEvent, type EngineHostDeps, type LocalRuntime } from '../../src/engine/host';

/** A promise with its resolve and reject outside. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Settles once the signal is aborted (at once if it already is). */
const aborted = (signal: AbortSignal) =>
  new Promise<void>((r) => (signal.aborted ? r() : signal.addEventListener('abort', () => r(), { once: true })));

const tick = () => new Promise((r) => setTimeout(r, 0));

type ChatCall = { req: Parameters<LocalRuntime['chat']>[0]; onText: (t: string) => void; signal: AbortSignal };

/**
 * A fake runtime and model store. `load` and `chat` do what the test says per
 * call (default: load at once; answer "a", "b", "c" with 3 tokens). Every call
 * is recorded, and runtimes in flight at the same time are counted.
 */
function fakeEngine(opts: {
  installed?: Record<string, boolean>;
  load?: (files: Blob[], o: { nCtx: number; nThreads: number }) => Promise<void>;
  chat?: (call: ChatCall) => Promise<{ tokens: number; finish: 'stop' | 'length' }>;
} = {}) {
  const log: string[] = [];
  let busy = 0;
  let maxBusy = 0;
  const chats: ChatCall[] = [];
  const loads: { files: Blob[]; nCtx: number; nThreads: number }[] = [];
  let runtimes = 0;
  const openModel = vi.fn(async (id: string) => {
    log.push(`open ${id}`);
    return (opts.installed ?? { tiny: true, other: true })[id] ? [new Blob([`GGUF ${id}`])] : null;
  });
  const createRuntime = vi.fn((): LocalRuntime => {
    const n = ++runtimes;
    return {
      async load(files, o) {
        log.push(`load#${n} nCtx=${o.nCtx}`);
        loads.push({ files, ...o });
        await (opts.load ?? (async () => undefined))(files, o);
      },
      async chat(req, onText, signal) {
        log.push(`chat#${n}`);
        busy++;
        maxBusy = Math.max(maxBusy, busy);
        try {
          const call = { req, onText, signal };
          chats.push(call);
          if (opts.chat) return await opts.chat(call);
          for (const t of ['a', 'b', 'c']) onText(t);
          return { tokens: 3, finish: 'stop' as const };
        } finally {
          busy--;
        }
      },
      async unload() {
        log.push(`unload#${n}`);
      },
    };
  });
  return { log, chats, loads, openModel, createRuntime, maxBusy: () => maxBusy };
}

const req = (over: Partial<EngineChatRequest> = {}): EngineChatRequest => ({
  modelId: 'tiny',
  messages: [
    { role: 'system', content: 'Skriv nynorsk.' },
    { role: 'user', content: 'Artikkelen.' },
  ],
  grammar: 'root ::= "{}"',
  maxTokens: 64,
  nCtx: 2048,
  ...over,
});

/** Runs one chat and collects its events. */
async function run(host: ReturnType<typeof createEngineHost>, r = req(), signal = new AbortController().signal) {
  const events: EngineEvent[] = [];
  await host.chat(r, (e) => events.push(e), signal);
  return events;
}

const hostOf = (e: ReturnType<typeof fakeEngine>, over: Partial<EngineHostDeps> = {}) =>
  createEngineHost({ openModel: e.openModel, createRuntime: e.createRuntime, threads: 2, heartbeatMs: 60_000, idleUnloadMs: 60_000, ...over });

afterEach(() => {
  vi.useRealTimers();
});

describe('engine host: errors', () => {
  it('says not-installed when the model store has no file, and never starts a runtime', async () => {
    const e = fakeEngine({ installed: {} });
    const host = hostOf(e);
    const events = await run(host);
    expect(events.at(-1)).toEqual({ type: 'error', kind: 'not-installed' });
    expect(events.filter((x) => x.type === 'error')).toHaveLength(1);
    expect(e.createRuntime).not.toHaveBeenCalled();
    expect(host.loadedModel).toBeNull();
  });

  it('says load-failed (with the detail) when the runtime cannot load the file, and frees that runtime', async () => {
    const e = fakeEngine({ load: async () => Promise.reject(new Error('invalid magic characters in GGUF header')) });
    const host = hostOf(e);
    const events = await run(host);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'error', kind: 'load-failed' });
    expect(last.type === 'error' && last.detail).toContain('invalid magic');
    expect(e.log).toContain('unload#1');
    expect(e.chats).toHaveLength(0);
    expect(host.loadedModel).toBeNull();
  });

  it.each([
    'RangeError: WebAssembly.Memory(): could not allocate memory',
    'Aborted(OOM)',
    'llama_model_load: failed to allocate buffer',
  ])('says no-memory when loading fails with %j', async (message) => {
    const e = fakeEngine({ load: async () => Promise.reject(new Error(message)) });
    const events = await run(hostOf(e));
    expect(events.at(-1)).toMatchObject({ type: 'error', kind: 'no-memory' });
  });

  it('says no-memory for a failed allocation mid-answer, and starts the next answer on a fresh runtime', async () => {
    let first = true;
    const e = fakeEngine({
      chat: async ({ onText }) => {
        if (first) {
          first = false;
          onText('{"ti');
          throw new Error('memory access out of bounds: out of memory');
        }
        onText('ok');
        return { tokens: 1, finish: 'stop' };
      },
    });
    const host = hostOf(e);
    const events = await run(host);
    expect(events.at(-1)).toMatchObject({ type: 'error', kind: 'no-memory' });
    expect(host.loadedModel).toBeNull();
    const next = await run(host);
    expect(next.at(-1)).toMatchObject({ type: 'end', tokens: 1 });
    expect(e.createRuntime).toHaveBeenCalledTimes(2);
  });

  it('says generation-failed for any other failure mid-answer', async () => {
    const e = fakeEngine({ chat: async () => Promise.reject(new Error('grammar parse error')) });
    const host = hostOf(e);
    const events = await run(host);
    expect(events.at(-1)).toMatchObject({ type: 'error', kind: 'generation-failed', detail: 'Error: grammar parse error' });
    expect(host.loadedModel).toBeNull();
  });

  it('cuts a long error detail to 300 characters', async () => {
    const e = fakeEngine({ load: async () => Promise.reject(new Error('x'.repeat(5000))) });
    const last = (await run(hostOf(e))).at(-1)!;
    expect(last.type === 'error' && last.detail?.length).toBe(300);
  });
});

describe('engine host: answers', () => {
  it('streams the text in order, then ends with the token count, why it stopped and the time', async () => {
    let t = 1000;
    const e = fakeEngine({
      chat: async ({ onText }) => {
        for (const piece of ['{"title"', ':"Hei', ' verda"}']) {
          t += 10;
          onText(piece);
        }
        return { tokens: 7, finish: 'length' };
      },
    });
    const host = hostOf(e, { now: () => t });
    const events = await run(host);
    expect(events).toEqual([
      { type: 'status', phase: 'loading' },
      { type: 'status', phase: 'reading' },
      { type: 'text', text: '{"title"' },
      { type: 'text', text: ':"Hei' },
      { type: 'text', text: ' verda"}' },
      { type: 'end', tokens: 7, ms: 30, finish: 'length' },
    ]);
    expect(host.loadedModel).toBe('tiny');
  });

  it('passes the request to the runtime: messages, grammar, token limit, context, threads and a default temperature', async () => {
    const e = fakeEngine();
    await run(hostOf(e, { threads: 3 }), req({ maxTokens: 99, nCtx: 4096 }));
    expect(e.loads[0]).toMatchObject({ nCtx: 4096, nThreads: 3 });
    expect(await e.loads[0]!.files[0]!.text()).toBe('GGUF tiny');
    expect(e.chats[0]!.req).toEqual({ messages: req().messages, grammar: 'root ::= "{}"', maxTokens: 99, temperature: 0.3 });
    const e2 = fakeEngine();
    await run(hostOf(e2), req({ temperature: 0, grammar: undefined }));
    expect(e2.chats[0]!.req).toEqual({ messages: req().messages, maxTokens: 64, temperature: 0 });
  });

  it('runs one answer at a time: a second chat waits until the first has ended', async () => {
    const gates = [deferred(), deferred()];
    let n = 0;
    const e = fakeEngine({
      chat: async ({ onText }) => {
        const i = n++;
        onText(`svar ${i}`);
        await gates[i]!.promise;
        return { tokens: 1, finish: 'stop' };
      },
    });
    const host = hostOf(e);
    const order: string[] = [];
    const a = host.chat(req(), (ev) => ev.type !== 'status' && order.push(`A ${ev.type}`), new AbortController().signal);
    const b = host.chat(req(), (ev) => ev.type !== 'status' && order.push(`B ${ev.type}`), new AbortController().signal);
    for (let i = 0; i < 5; i++) await tick();
    expect(e.chats).toHaveLength(1);
    expect(order).toEqual(['A text']);
    gates[0]!.resolve();
    await a;
    for (let i = 0; i < 5; i++) await tick();
    expect(e.chats).toHaveLength(2);
    gates[1]!.resolve();
    await b;
    expect(order).toEqual(['A text', 'A end', 'B text', 'B end']);
    expect(e.maxBusy()).toBe(1);
    expect(e.loads).toHaveLength(1);
  });

  it('answers cancelled when aborted mid-answer, and the next chat works on the same model', async () => {
    let first = true;
    const e = fakeEngine({
      chat: async ({ onText, signal }) => {
        if (!first) {
          onText('neste');
          return { tokens: 1, finish: 'stop' };
        }
        first = false;
        onText('{"ti');
        // As wllama does: the abort makes the running answer throw.
        await aborted(signal);
        throw new DOMException('aborted', 'AbortError');
      },
    });
    const host = hostOf(e);
    const ctl = new AbortController();
    const events: EngineEvent[] = [];
    const p = host.chat(req(), (ev) => {
      events.push(ev);
      if (ev.type === 'text') ctl.abort();
    }, ctl.signal);
    await p;
    expect(events.at(-1)).toEqual({ type: 'error', kind: 'cancelled' });
    expect(events.some((x) => x.type === 'end')).toBe(false);
    const next = await run(host);
    expect(next.filter((x) => x.type !== 'status')).toEqual([
      { type: 'text', text: 'neste' },
      { type: 'end', tokens: 1, ms: expect.any(Number), finish: 'stop' },
    ]);
    // A cancel is not a failure: the model stays loaded.
    expect(e.loads).toHaveLength(1);
  });

  it('answers cancelled when the runtime returns normally after an abort', async () => {
    const e = fakeEngine({
      chat: async ({ onText, signal }) => {
        onText('{');
        await aborted(signal);
        return { tokens: 1, finish: 'stop' };
      },
    });
    const ctl = new AbortController();
    const events: EngineEvent[] = [];
    await hostOf(e).chat(req(), (ev) => {
      events.push(ev);
      if (ev.type === 'text') ctl.abort();
    }, ctl.signal);
    expect(events.at(-1)).toEqual({ type: 'error', kind: 'cancelled' });
  });

  it('answers cancelled without loading anything when the signal is aborted before its turn', async () => {
    const e = fakeEngine();
    const ctl = new AbortController();
    ctl.abort();
    const events = await run(hostOf(e), req(), ctl.signal);
    expect(events).toEqual([{ type: 'error', kind: 'cancelled' }]);
    expect(e.openModel).not.toHaveBeenCalled();
  });

  it('keeps the model loaded for the same id, and reloads it for another id or a larger context', async () => {
    const e = fakeEngine();
    const host = hostOf(e);
    await run(host);
    await run(host);
    await run(host, req({ nCtx: 1024 })); // a smaller context fits the loaded one
    expect(e.openModel).toHaveBeenCalledTimes(1);
    expect(e.createRuntime).toHaveBeenCalledTimes(1);
    expect(e.chats).toHaveLength(3);

    const events = await run(host, req({ modelId: 'other' }));
    expect(events.at(-1)).toMatchObject({ type: 'end' });
    expect(host.loadedModel).toBe('other');
    expect(e.log).toEqual(['open tiny', 'load#1 nCtx=2048', 'chat#1', 'chat#1', 'chat#1', 'unload#1', 'open other', 'load#2 nCtx=2048', 'chat#2']);

    await run(host, req({ modelId: 'other', nCtx: 8192 }));
    expect(e.log.slice(-4)).toEqual(['unload#2', 'open other', 'load#3 nCtx=8192', 'chat#3']);
  });

  it('unload() frees the model, and the next answer loads it again', async () => {
    const e = fakeEngine();
    const host = hostOf(e);
    await run(host);
    await host.unload();
    expect(host.loadedModel).toBeNull();
    expect(e.log).toContain('unload#1');
    await run(host);
    expect(e.createRuntime).toHaveBeenCalledTimes(2);
  });
});

describe('engine host: heartbeats and idle unload (fake timers)', () => {
  it('says "loading" every heartbeat while a slow load runs, "reading" while the prompt is read, and stops after the end', async () => {
    vi.useFakeTimers();
    const loadDone = deferred();
    const firstText = deferred();
    const e = fakeEngine({
      load: () => loadDone.promise,
      chat: async ({ onText }) => {
        await firstText.promise;
        onText('x');
        return { tokens: 1, finish: 'stop' };
      },
    });
    const host = hostOf(e, { heartbeatMs: 200 });
    const events: EngineEvent[] = [];
    const done = host.chat(req(), (ev) => events.push(ev), new AbortController().signal);
    await vi.advanceTimersByTimeAsync(1000);
    const loading = events.filter((x) => x.type === 'status' && x.phase === 'loading');
    // The first says the load started; then one about every 200 ms.
    expect(loading.length).toBeGreaterThanOrEqual(4);
    expect(loading.length).toBeLessThanOrEqual(6);
    expect(events.every((x) => x.type === 'status')).toBe(true);

    loadDone.resolve();
    await vi.advanceTimersByTimeAsync(1000);
    const reading = events.filter((x) => x.type === 'status' && x.phase === 'reading');
    expect(reading.length).toBeGreaterThanOrEqual(4);

    firstText.resolve();
    await done;
    const count = events.length;
    expect(events.at(-1)).toMatchObject({ type: 'end' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toHaveLength(count);
  });

  it('sends no heartbeat while text is flowing faster than the heartbeat', async () => {
    vi.useFakeTimers();
    const e = fakeEngine({
      chat: async ({ onText }) => {
        for (let i = 0; i < 20; i++) {
          await new Promise((r) => setTimeout(r, 50));
          onText(String(i));
        }
        return { tokens: 20, finish: 'stop' };
      },
    });
    const events: EngineEvent[] = [];
    const done = hostOf(e, { heartbeatMs: 200 }).chat(req(), (ev) => events.push(ev), new AbortController().signal);
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(events.filter((x) => x.type === 'status')).toEqual([
      { type: 'status', phase: 'loading' },
      { type: 'status', phase: 'reading' },
    ]);
    expect(events.filter((x) => x.type === 'text')).toHaveLength(20);
  });

  it('unloads the model after idleUnloadMs without work, and a chat in between starts the wait again', async () => {
    vi.useFakeTimers();
    const e = fakeEngine();
    const host = hostOf(e, { idleUnloadMs: 1000 });
    await run(host);
    expect(host.loadedModel).toBe('tiny');
    await vi.advanceTimersByTimeAsync(900);
    expect(host.loadedModel).toBe('tiny');
    await run(host); // resets the idle timer
    await vi.advanceTimersByTimeAsync(900);
    expect(host.loadedModel).toBe('tiny');
    expect(e.log).not.toContain('unload#1');
    await vi.advanceTimersByTimeAsync(150);
    expect(host.loadedModel).toBeNull();
    expect(e.log).toContain('unload#1');
    // The next answer loads it again.
    const events = await run(host);
    expect(events.at(-1)).toMatchObject({ type: 'end' });
    expect(e.createRuntime).toHaveBeenCalledTimes(2);
  });

  it('does not unload while an answer is still running past idleUnloadMs', async () => {
    vi.useFakeTimers();
    const gate = deferred();
    let calls = 0;
    const e = fakeEngine({
      chat: async ({ onText }) => {
        onText('a');
        if (calls++ > 0) await gate.promise;
        return { tokens: 1, finish: 'stop' };
      },
    });
    const host = hostOf(e, { idleUnloadMs: 1000 });
    await run(host);
    const p = run(host);
    await vi.advanceTimersByTimeAsync(3000);
    expect(e.log).not.toContain('unload#1');
    gate.resolve();
    expect((await p).at(-1)).toMatchObject({ type: 'end' });
    expect(host.loadedModel).toBe('tiny');
  });
});
