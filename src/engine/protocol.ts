/**
 * What the background and the engine host say to each other over the engine
 * port: requests in, events out, both checked on arrival.
 */
import type { ChatMessage } from '../core/model/types';
import type { EngineChatRequest, EngineErrorKind, EngineEvent } from './host';

export const ENGINE_PORT = 'nynorsk-kort-engine';

export type EngineRequest = { type: 'chat'; request: EngineChatRequest };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0 && v <= max;
const isMessage = (v: unknown): v is ChatMessage =>
  isObj(v) && (v.role === 'system' || v.role === 'user' || v.role === 'assistant') && typeof v.content === 'string';

export function parseEngineRequest(v: unknown): EngineRequest | null {
  if (!isObj(v)) return null;
  if (v.type !== 'chat' || !isObj(v.request)) return null;
  const r = v.request;
  if (typeof r.modelId !== 'string' || !Array.isArray(r.messages) || !r.messages.every(isMessage)) return null;
  if (!isCount(r.maxTokens, 32_768) || !isCount(r.nCtx, 131_072)) return null;
  if (r.grammar !== undefined && typeof r.grammar !== 'string') return null;
  if (r.temperature !== undefined && (typeof r.temperature !== 'number' || !(r.temperature >= 0 && r.temperature <= 2))) return null;
  return {
    type: 'chat',
    request: {
      modelId: r.modelId,
      messages: r.messages,
      maxTokens: r.maxTokens,
      nCtx: r.nCtx,
      ...(r.grammar !== undefined ? { grammar: r.grammar } : {}),
      ...(r.temperature !== undefined ? { temperature: r.temperature } : {}),
    },
  };
}

const ERROR_KINDS: readonly EngineErrorKind[] = ['not-installed', 'no-memory', 'load-failed', 'generation-failed', 'cancelled'];

export function parseEngineEvent(v: unknown): EngineEvent | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'status':
      return v.phase === 'loading' || v.phase === 'reading' || v.phase === 'writing' ? { type: 'status', phase: v.phase } : null;
    case 'text':
      return typeof v.text === 'string' ? { type: 'text', text: v.text } : null;
    case 'end':
      return typeof v.tokens === 'number' && typeof v.ms === 'number' && (v.finish === 'stop' || v.finish === 'length')
        ? { type: 'end', tokens: v.tokens, ms: v.ms, finish: v.finish }
        : null;
    case 'error':
      return ERROR_KINDS.includes(v.kind as EngineErrorKind)
        ? { type: 'error', kind: v.kind as EngineErrorKind, ...(typeof v.detail === 'string' ? { detail: v.detail.slice(0, 300) } : {}) }
        : null;
    default:
      return null;
  }
}
