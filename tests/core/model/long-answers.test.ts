/**
 * Issue 12, defects 4 and 5: an answer that never ends, or that nests
 * without end, costs work in proportion to its length, is stopped at a
 * limit with the request aborted, and fails with the message that says
 * what really went wrong (never "cut off"). No timing thresholds: the tests
 * count work and bytes.
 */
import { failure } from '../../support/model-error';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { modelErrorMessages } from '../../../src/strings/model-errors';
import { generateModelCard, type GenerateDeps } from '../../../src/core/model/generate';
import { MAX_JSON_DEPTH, PartialCardReader, PartialJsonParser, parsePartialJson, partialCardContent } from '../../../src/core/model/partial-json';
import { answerLimits, streamCompletion } from '../../../src/core/model/providers';
import { type ModelConfig, type PartialCardContent, type Provider } from '../../../src/core/model/types';
import { ENDLESS_ANSWER_CHARS, GOOD_CONTENT, serverConfig, startModelServer, TEST_ARTICLE, TEST_TOPIC, type ModelServer } from '../../../support/model-server';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.restoreAllMocks();
});

const NOW = new Date('2026-03-20T08:30:00Z');
const config = (provider: Provider, model: string): ModelConfig => serverConfig(server, provider, model);
const deps = (over: Partial<GenerateDeps> = {}): GenerateDeps => ({ fetch, now: () => NOW, sleep: async () => {}, ...over });


describe('an answer that ignores max_tokens (defect 4)', () => {
  it.each(['openai', 'ollama', 'anthropic'] as const)('is stopped at the limit over %s: the request is aborted, the error says the answer was too long', async (provider) => {
    const partials: PartialCardContent[] = [];
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(provider, 'nn-endless'), deps({ onPartial: (p) => partials.push(p) })));
    expect(e.kind).toBe('answer-too-long');
    expect(e.message).toBe(modelErrorMessages.answerTooLong());
    expect(e.message).not.toBe(modelErrorMessages.cutOff());
    // One request, not retried; the server saw the client go away long before its 2 MB were out.
    expect(server.requests).toHaveLength(1);
    await vi.waitFor(() => expect(server.requests[0]!.closedByClient).toBe(true));
    const { maxAnswerBytes } = answerLimits(2400);
    expect(server.requests[0]!.answerCharsSent).toBeLessThan(maxAnswerBytes * 4);
    expect(server.requests[0]!.answerCharsSent).toBeLessThan(ENDLESS_ANSWER_CHARS / 10);
    // The preview showed the answer while it came.
    expect(partials.at(-1)?.title).toBe(GOOD_CONTENT.title);
  });

  it('reads each piece of the answer once, and builds the preview a number of times that grows with the log of its length', async () => {
    const pushed: number[] = [];
    const push = PartialCardReader.prototype.push;
    vi.spyOn(PartialCardReader.prototype, 'push').mockImplementation(function (this: PartialCardReader, d: string) {
      pushed.push(d.length);
      push.call(this, d);
    });
    const built = vi.spyOn(PartialCardReader.prototype, 'content');
    const parsed = vi.spyOn(PartialJsonParser.prototype, 'push');
    let partials = 0;
    let received = 0;
    const e = await failure(
      generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', 'nn-endless'), deps({ onPartial: () => partials++ })).finally(() => {
        received = pushed.reduce((a, b) => a + b, 0);
      }),
    );
    expect(e.kind).toBe('answer-too-long');
    const pieces = pushed.length;
    expect(pieces).toBeGreaterThan(400);
    // Every character went through the parser exactly once (before: the whole answer so far, at every piece).
    expect(parsed.mock.calls.reduce((n, [d]) => n + d.length, 0)).toBe(received);
    expect(received).toBeLessThanOrEqual(answerLimits(2400).maxAnswerBytes);
    // Previews: a few dozen for ~500 pieces (a geometric step of the answer, or a completed part), not one per piece.
    expect(built.mock.calls.length).toBeLessThan(pieces / 10);
    expect(partials).toBeLessThanOrEqual(built.mock.calls.length);
  });

  it('streamCompletion stops at the limits it is given, by bytes and by tokens', async () => {
    const c = config('ollama', 'nn-endless');
    const msgs = [{ role: 'user' as const, content: 'x' }];
    let seen = '';
    const byBytes = await failure(streamCompletion(c, msgs, { fetch, maxTokens: 100_000, maxAnswerBytes: 5000, onText: (_d, s) => (seen = s) }));
    expect(byBytes.kind).toBe('answer-too-long');
    expect(seen.length).toBeLessThanOrEqual(5000);
    expect(seen.length).toBeGreaterThan(4000);
    const byTokens = await failure(streamCompletion(c, msgs, { fetch, maxTokens: 100_000, maxAnswerTokens: 300, onText: (_d, s) => (seen = s) }));
    expect(byTokens.kind).toBe('answer-too-long');
    expect(seen.length).toBeLessThan(2000);
  });

  it('lets a good answer through the default limits, with a preview for each part as before', async () => {
    const partials: PartialCardContent[] = [];
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', 'nn-writer'), deps({ onPartial: (p) => partials.push(structuredClone(p)) }));
    expect(r.card.summary).toEqual(GOOD_CONTENT.summary);
    for (let k = 1; k <= GOOD_CONTENT.summary.length; k++) expect(partials.some((p) => p.summary.length === k && p.faq.length === 0)).toBe(true);
    for (let k = 1; k <= GOOD_CONTENT.faq.length; k++) expect(partials.some((p) => p.faq.length === k)).toBe(true);
    expect(partials.at(-1)).toEqual({ title: GOOD_CONTENT.title, summary: GOOD_CONTENT.summary, faq: GOOD_CONTENT.faq });
  });
});

describe('deeply nested answers (defect 5)', () => {
  it('parsePartialJson never throws, however deep the nesting', () => {
    expect(() => parsePartialJson('['.repeat(300_000))).not.toThrow();
    for (const text of ['{"title":' + '['.repeat(300_000), '{"a":'.repeat(300_000), '{"summary":[' + '{"x":['.repeat(150_000)]) {
      let root: ReturnType<typeof parsePartialJson>;
      expect(() => (root = parsePartialJson(text))).not.toThrow();
      expect(root!.done).toBe(false);
      const p = new PartialJsonParser();
      p.push(text);
      expect(p.stopped).toBe('too-deep');
      expect(() => partialCardContent(text)).not.toThrow();
    }
    // Up to the limit it reads as before.
    const ok = `{"title":"T","x":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)},"summary":["A."]}`;
    expect(partialCardContent(ok)).toEqual({ title: 'T', summary: ['A.'], faq: [] });
  });

  it('an answer nested deeper than any card is "not a card, too many levels", not "cut off"', async () => {
    for (const provider of ['openai', 'anthropic'] as const) {
      const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(provider, 'nn-nested'), deps({ onPartial: () => undefined })));
      expect(e.kind).toBe('invalid-answer');
      expect(e.message).toBe(modelErrorMessages.answerTooDeep());
    }
  });

  it('an answer of 300 000 open brackets is refused as too deep as soon as it passes the limit, not read to the end', async () => {
    let seen = 0;
    const e = await failure(
      streamCompletion(config('ollama', 'nn-nested-huge'), [{ role: 'user', content: 'x' }], { fetch, onText: (d) => void (seen += d.length) }),
    );
    expect(e.kind).toBe('invalid-answer');
    expect(e.message).toBe(modelErrorMessages.answerTooDeep());
    // Refused within the first pieces: nothing past the limit reached the reader.
    expect(seen).toBeLessThan(MAX_JSON_DEPTH * 4);
    const viaCard = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama', 'nn-nested-huge'), deps({ onPartial: () => undefined })));
    expect(viaCard.message).toBe(modelErrorMessages.answerTooDeep());
  });


  it('a failure while reading the answer is not reported as a broken connection', async () => {
    const e = await failure(
      streamCompletion(config('openai', 'nn-writer'), [{ role: 'user', content: 'x' }], {
        fetch,
        onText: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      }),
    );
    expect(e.kind).toBe('invalid-answer');
    expect(e.message).toBe(modelErrorMessages.invalidAnswer());
    expect(e.detail).toContain('RangeError');
  });
});

describe('PartialCardReader', () => {
  it('piece by piece, shows what partialCardContent shows for the same prefix', () => {
    const texts = [JSON.stringify(GOOD_CONTENT), 'Her:\n```json\n' + JSON.stringify(GOOD_CONTENT, null, 2) + '\n```', '{"title": "A \\"B\\" \\u00e6", "summary": ["x\\n", "", 3, "y"], "faq": [{"q":"a","a":"b","evidence":[1, 2.5, 1e1]}, 5, {"a":"d","q":"e"}]}'];
    for (const text of texts) {
      for (const step of [1, 3, 7, 24]) {
        const r = new PartialCardReader();
        for (let i = 0; i < text.length; i += step) {
          r.push(text.slice(i, i + step));
          expect(r.content()).toEqual(partialCardContent(text.slice(0, i + step)));
        }
      }
    }
  });
});
