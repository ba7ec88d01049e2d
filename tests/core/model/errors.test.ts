/** Which error an HTTP status (and the server's words) becomes (src/core/model/errors.ts). */
import { describe, expect, it } from 'vitest';
import { errorForStatus } from '../../../src/core/model/errors';
import { modelErrorMessages } from '../../../src/strings/model-errors';

const ctx = { provider: 'openai', model: 'nn-writer' };

describe('errorForStatus', () => {
  it('a 5xx is a server error, worth a retry', () => {
    for (const status of [500, 502, 503]) {
      const e = errorForStatus(status, 'Overloaded', ctx);
      expect([e.kind, e.status, e.retryable, e.message]).toEqual(['server', status, true, modelErrorMessages.server(status)]);
    }
  });

  it('a 4xx the rules do not name is a bad request, not a server error, and not retried', () => {
    for (const status of [400, 405, 418, 422]) {
      const e = errorForStatus(status, '{"error":"unknown field: response_format"}', ctx);
      expect([e.kind, e.status, e.retryable, e.message]).toEqual(['bad-request', status, false, modelErrorMessages.badRequest(status)]);
    }
  });

  it('keeps the status and the first 500 characters of the server\'s words as detail', () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'upstream connect error or disconnect/reset before headers. '.repeat(20)}</body></html>`;
    const e = errorForStatus(502, page, ctx);
    expect([e.kind, e.status, e.detail]).toEqual(['server', 502, page.slice(0, 500)]);
    expect(e.detail).toHaveLength(500);
    expect(String(e)).toBe(`ModelError: ${modelErrorMessages.server(502)}`);
  });

  it('a prompt the server finds too long is context-too-long: a 413, or a 400 or 422 that says so, never a 5xx', () => {
    for (const [status, body] of [
      [413, ''],
      [400, '{"error":{"message":"This model\'s maximum context length is 8192 tokens."}}'],
      [422, '{"detail":"prompt is too long: 9000 tokens > 8192 maximum"}'],
    ] as const) {
      const e = errorForStatus(status, body, ctx);
      expect([e.kind, e.status, e.detail, e.message], `${status}`).toEqual(['context-too-long', status, body, modelErrorMessages.contextTooLong()]);
    }
    expect(errorForStatus(503, 'Service busy: too many tokens per minute', ctx).kind).toBe('server');
  });

  it('an unknown model is model-not-found, and Ollama\'s bare 403 is about allowed origins, each with status and detail', () => {
    const missing = errorForStatus(404, '{"error":"model \'llama9\' not found"}', { provider: 'ollama', model: 'llama9' });
    expect([missing.kind, missing.status, missing.detail, missing.message]).toEqual([
      'model-not-found',
      404,
      '{"error":"model \'llama9\' not found"}',
      modelErrorMessages.modelNotFound('llama9', true),
    ]);
    const origin = errorForStatus(403, '', { provider: 'ollama', model: 'llama3.2' });
    expect([origin.kind, origin.status, origin.detail]).toEqual(['ollama-origin', 403, '']);
  });

  it('a 429 is a rate limit that keeps the status and the server\'s words for the log', () => {
    const body = '{"error":{"message":"Rate limit reached for gpt-4o-mini: 3 requests per min","type":"requests"}}';
    const e = errorForStatus(429, body, ctx);
    expect([e.kind, e.status, e.detail, e.message]).toEqual(['rate-limit', 429, body, modelErrorMessages.rateLimit()]);
  });
});
