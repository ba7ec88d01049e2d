/**
 * The engine's Nynorsk: its messages pass the real checker, and the real
 * checker drives the repair round (core/nynorsk's `check(text).flagged` as
 * the engine's `findBokmal`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelErrorMessages } from '../../../src/strings/model-errors';
import { generateModelCard } from '../../../src/core/model/generate';
import { testConnection } from '../../../src/core/model/providers';
import { DEFAULT_PREFS, type ModelConfig } from '../../../src/core/model/types';
import { loadNodeChecker } from '../../../src/node/nynorsk';
import { GOOD_CONTENT, startModelServer, TEST_ARTICLE, TEST_TOPIC, type ModelServer } from '../../../support/model-server';

const checker = loadNodeChecker();
const findBokmal = (text: string) => checker.check(text).flagged;

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(() => server.close());

const config = (model: string): ModelConfig => ({ provider: 'ollama', endpoint: server.endpoints.ollama, model, prefs: DEFAULT_PREFS });

describe('Nynorsk of the model engine', () => {
  it('every error message and connection verdict passes the checker', async () => {
    const texts = [
      modelErrorMessages.badConfig('x'),
      modelErrorMessages.noConnection('http://localhost:11434'),
      modelErrorMessages.unauthorized(401),
      modelErrorMessages.ollamaOrigin(),
      modelErrorMessages.modelNotFound('m', true),
      modelErrorMessages.rateLimit(),
      modelErrorMessages.contextTooLong(),
      modelErrorMessages.server(500),
      modelErrorMessages.badRequest(400),
      modelErrorMessages.timeout(60),
      modelErrorMessages.cancelled(),
      modelErrorMessages.invalidAnswer(),
      modelErrorMessages.cutOff(),
      (await testConnection(config('nn-writer'), { fetch })).message,
      (await testConnection(config('ukjend'), { fetch })).message,
      (await testConnection(config(''), { fetch })).message,
    ];
    for (const t of texts) expect(checker.check(t).flagged, t).toEqual([]);
  });

  it('the recorded good answer has no Bokmål forms', () => {
    expect(findBokmal(JSON.stringify(GOOD_CONTENT))).toEqual([]);
  });

  it('the real checker drives the repair round', async () => {
    server.reset();
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('nn-bokmal'), { fetch, findBokmal });
    expect(r.repair?.asked.map((f) => f.toLowerCase()).sort()).toEqual(['hva', 'hvordan', 'ikke', 'mens']);
    expect(r.card.language.bokmalForms).toEqual([]);
    expect(server.requests[1]!.body).toContain('«ikke» → «ikkje»');
    const stubborn = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('nn-bokmal-stubborn'), { fetch, findBokmal });
    expect(stubborn.card.language.bokmalForms.map((f) => f.toLowerCase()).sort()).toEqual(['hva', 'hvordan', 'ikke', 'mens']);
  });
});
