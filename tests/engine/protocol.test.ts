import { describe, expect, it } from 'vitest';
import { ENGINE_PORT, parseEngineEvent, parseEngineRequest } from '../../src/engine/protocol';

const request = {
  modelId: 'nb-llama-3.2-1b-instruct-q4_k_m',
  messages: [
    { role: 'system', content: 'Du skriv nynorsk.' },
    { role: 'user', content: 'Artikkelen.' },
    { role: 'assistant', content: '{"title":"x"}' },
  ],
  grammar: 'root ::= "{" "}"',
  maxTokens: 2400,
  nCtx: 8192,
  temperature: 0.3,
};
const chat = (over: Record<string, unknown> = {}) => ({ type: 'chat', request: { ...request, ...over } });

describe('engine protocol: requests', () => {
  it('has its own port name', () => {
    expect(ENGINE_PORT).toBe('nynorsk-kort-engine');
  });

  it('accepts a good chat request and nothing else by type', () => {
    expect(parseEngineRequest(chat())).toEqual({ type: 'chat', request });
    expect(parseEngineRequest({ type: 'unload' })).toBeNull();
  });

  it('accepts a request without grammar or temperature, and does not invent them', () => {
    const { grammar: _g, temperature: _t, ...bare } = request;
    const parsed = parseEngineRequest({ type: 'chat', request: bare });
    expect(parsed).toEqual({ type: 'chat', request: bare });
    expect(parsed?.type === 'chat' && 'grammar' in parsed.request).toBe(false);
    expect(parsed?.type === 'chat' && 'temperature' in parsed.request).toBe(false);
  });

  it('drops fields it does not know (nothing else crosses the port)', () => {
    const parsed = parseEngineRequest({ type: 'chat', request: { ...request, apiKey: 'sk-x', extra: 1 }, more: true });
    expect(parsed).toEqual({ type: 'chat', request });
    expect(JSON.stringify(parsed)).not.toContain('sk-x');
  });

  it('leaves no key for a grammar or temperature that holds undefined', () => {
    const { grammar: _g, temperature: _t, ...bare } = request;
    expect(parseEngineRequest(chat({ grammar: undefined, temperature: undefined }))).toStrictEqual({ type: 'chat', request: bare });
  });

  it('drops unknown keys of a message too', () => {
    const parsed = parseEngineRequest(chat({ messages: [{ role: 'user', content: 'x', name: 'sk-x' }] }));
    expect(parsed).toStrictEqual({ type: 'chat', request: { ...request, messages: [{ role: 'user', content: 'x' }] } });
  });

  it('accepts the bounds themselves', () => {
    expect(parseEngineRequest(chat({ maxTokens: 32_768, nCtx: 131_072, temperature: 0 }))).not.toBeNull();
    expect(parseEngineRequest(chat({ maxTokens: 1, nCtx: 1, temperature: 2 }))).not.toBeNull();
    expect(parseEngineRequest(chat({ messages: [] }))).not.toBeNull();
  });

  it.each<[string, unknown]>([
    ['not an object', 'chat'],
    ['null', null],
    ['an array', [chat()]],
    ['an unknown type', { type: 'load', request }],
    ['no request', { type: 'chat' }],
    ['a request that is an array', { type: 'chat', request: [request] }],
    ['a bad role', chat({ messages: [{ role: 'tool', content: 'x' }] })],
    ['a role in capitals', chat({ messages: [{ role: 'User', content: 'x' }] })],
    ['a message without content', chat({ messages: [{ role: 'user' }] })],
    ['content that is not a string', chat({ messages: [{ role: 'user', content: ['x'] }] })],
    ['messages that are not an array', chat({ messages: { role: 'user', content: 'x' } })],
    ['a missing modelId', chat({ modelId: undefined })],
    ['a modelId that is a number', chat({ modelId: 7 })],
    ['a huge maxTokens', chat({ maxTokens: 32_769 })],
    ['an absurd maxTokens', chat({ maxTokens: 1e12 })],
    ['maxTokens 0', chat({ maxTokens: 0 })],
    ['a negative maxTokens', chat({ maxTokens: -5 })],
    ['a fractional maxTokens', chat({ maxTokens: 10.5 })],
    ['maxTokens as a string', chat({ maxTokens: '2400' })],
    ['a huge nCtx', chat({ nCtx: 131_073 })],
    ['nCtx NaN', chat({ nCtx: Number.NaN })],
    ['a grammar that is not a string', chat({ grammar: 42 })],
    ['a grammar that is an object', chat({ grammar: { root: 'x' } })],
    ['a grammar that is null', chat({ grammar: null })],
    ['a temperature above 2', chat({ temperature: 2.5 })],
    ['a negative temperature', chat({ temperature: -0.1 })],
    ['a temperature that is NaN', chat({ temperature: Number.NaN })],
    ['a temperature as a string', chat({ temperature: '0.3' })],
    ['a list holding the fields', Object.assign([], chat())],
    ['a request that is a list holding the fields', { type: 'chat', request: Object.assign([], request) }],
    ['a message that is a list holding the fields', chat({ messages: [Object.assign([], { role: 'user', content: 'x' })] })],
  ])('rejects %s', (_what, raw) => {
    expect(parseEngineRequest(raw)).toBeNull();
  });
});

describe('engine protocol: events', () => {
  it.each([
    { type: 'status', phase: 'loading' },
    { type: 'status', phase: 'reading' },
    { type: 'status', phase: 'writing' },
    { type: 'text', text: '{"title":' },
    { type: 'text', text: '' },
    { type: 'end', tokens: 412, ms: 30_512, finish: 'stop' },
    { type: 'end', tokens: 2400, ms: 1, finish: 'length' },
    { type: 'error', kind: 'not-installed' },
    { type: 'error', kind: 'no-memory', detail: 'Aborted(OOM)' },
    { type: 'error', kind: 'load-failed' },
    { type: 'error', kind: 'generation-failed' },
    { type: 'error', kind: 'cancelled' },
  ])('accepts %j', (e) => {
    expect(parseEngineEvent(e)).toEqual(e);
  });

  it('keeps only the fields of each event, and cuts a long detail to 300 characters', () => {
    expect(parseEngineEvent({ type: 'text', text: 'a', extra: 'x' })).toEqual({ type: 'text', text: 'a' });
    expect(parseEngineEvent({ type: 'error', kind: 'load-failed', detail: 5 })).toEqual({ type: 'error', kind: 'load-failed' });
    const long = parseEngineEvent({ type: 'error', kind: 'load-failed', detail: 'x'.repeat(1000) });
    expect(long?.type === 'error' && long.detail).toBe('x'.repeat(300));
  });

  it('leaves no key for a detail that is no text', () => {
    for (const detail of [undefined, null, 5, { message: 'x' }])
      expect(parseEngineEvent({ type: 'error', kind: 'load-failed', detail })).toStrictEqual({ type: 'error', kind: 'load-failed' });
  });

  it.each<[string, unknown]>([
    ['not an object', 'end'],
    ['null', null],
    ['an array', [{ type: 'text', text: 'a' }]],
    ['an unknown type', { type: 'progress', value: 1 }],
    ['an unknown phase', { type: 'status', phase: 'thinking' }],
    ['a status without phase', { type: 'status' }],
    ['text that is not a string', { type: 'text', text: 42 }],
    ['text that is missing', { type: 'text' }],
    ['an end without tokens', { type: 'end', ms: 1, finish: 'stop' }],
    ['an end with tokens as a string', { type: 'end', tokens: '5', ms: 1, finish: 'stop' }],
    ['an end without ms', { type: 'end', tokens: 5, finish: 'stop' }],
    ['an end with an unknown finish', { type: 'end', tokens: 5, ms: 1, finish: 'eos' }],
    ['an unknown error kind', { type: 'error', kind: 'exploded' }],
    ['an error kind in capitals', { type: 'error', kind: 'NO-MEMORY' }],
    ['an error without kind', { type: 'error', detail: 'x' }],
    ['a list holding the fields', Object.assign([], { type: 'text', text: 'a' })],
    // Not a number (a JSON port turns NaN into null anyway).
    ['an end with NaN tokens', { type: 'end', tokens: Number.NaN, ms: 1, finish: 'stop' }],
  ])('rejects %s', (_what, raw) => {
    expect(parseEngineEvent(raw)).toBeNull();
  });
});
