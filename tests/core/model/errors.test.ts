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

  it('a 429 is a rate limit that keeps the status and the server\'s words for the log', () => {
    const body = '{"error":{"message":"Rate limit reached for gpt-4o-mini: 3 requests per min","type":"requests"}}';
    const e = errorForStatus(429, body, ctx);
    expect([e.kind, e.status, e.detail, e.message]).toEqual(['rate-limit', 429, body, modelErrorMessages.rateLimit()]);
  });
});
