import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failure } from '../../support/model-error';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, ModelCache } from '../../../src/core/model/cache';
import { generateModelCard, parseAnswer, type GenerateDeps, type GenerateStage } from '../../../src/core/model/generate';
import { ModelError } from '../../../src/core/model/errors';
import { MAX_JSON_DEPTH } from '../../../src/core/model/partial-json';
import { modelErrorMessages } from '../../../src/strings/model-errors';
import { DEFAULT_PREFS, type BokmalFinding, type ModelConfig, type PartialCardContent, type Provider } from '../../../src/core/model/types';
import { validateCard } from '../../../src/core/validate';
import { makeArticle } from '../../factories/article';
import { GOOD_CONTENT, PLANTED_BOKMAL, serverConfig, startModelServer, TEST_ARTICLE, TEST_TOPIC, type ModelServer } from '../../../support/model-server';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const NOW = new Date('2026-03-20T08:30:00Z');
const config = (provider: Provider = 'openai', model = 'nn-writer', over: Partial<ModelConfig> = {}): ModelConfig => serverConfig(server, provider, model, over);

/** A stand-in for the Nynorsk checker: finds the planted Bokmål words. */
const findBokmal = (text: string): BokmalFinding[] =>
  [...text.matchAll(/\p{L}+/gu)].flatMap((m) => {
    const nn = PLANTED_BOKMAL[m[0].toLowerCase()];
    return nn ? [{ form: m[0], suggestion: nn }] : [];
  });

const deps = (over: Partial<GenerateDeps> = {}): GenerateDeps => ({ fetch, now: () => NOW, sleep: async () => {}, ...over });


describe.each(['openai', 'ollama', 'anthropic'] as const)('generateModelCard over %s', (provider) => {
  it('writes a valid model card from the streamed answer, streaming partial content first', async () => {
    const partials: PartialCardContent[] = [];
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(provider), deps({ onPartial: (p) => partials.push(structuredClone(p)) }));
    expect(validateCard(r.card, TEST_ARTICLE.paragraphs.length).ok).toBe(true);
    expect(r.card).toMatchObject({
      url: TEST_ARTICLE.canonicalUrl,
      title: GOOD_CONTENT.title,
      sourceTitle: TEST_ARTICLE.title,
      summary: GOOD_CONTENT.summary,
      faq: GOOD_CONTENT.faq,
      topic: { id: 'security', label: 'IT-tryggleik' },
      source: { site: 'Spiceworks', author: 'Test Writer', published: '2026-03-18' },
      engine: { kind: 'model', model: 'nn-writer' },
      language: { lang: 'nn', bokmalForms: [] },
      createdAt: NOW.toISOString(),
    });
    expect(r).toMatchObject({ fromCache: false, requests: 1, droppedEvidence: [] });
    expect(partials.length).toBeGreaterThan(5);
    expect(partials.some((p) => p.summary.length === 1 && p.faq.length === 0)).toBe(true);
    expect(partials.at(-1)!.summary).toEqual(GOOD_CONTENT.summary);
  });
});

describe('generateModelCard', () => {
  it('by default also previews the text being written once 50 ms have passed since the last preview, by the clock it is given', async () => {
    const previews = async (now: () => Date, over: Partial<GenerateDeps> = {}) => {
      const partials: PartialCardContent[] = [];
      await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai'), deps({ now, onPartial: (p) => partials.push(structuredClone(p)), ...over }));
      return partials;
    };
    // A frozen clock: previews only when a part is complete or the answer has grown by a step.
    const frozen = await previews(() => NOW);
    // A clock that moves a second at every reading: every piece that changes the text is due.
    let t = NOW.getTime();
    const slow = await previews(() => new Date((t += 1000)));
    expect(slow.length).toBeGreaterThan(frozen.length);
    expect(slow.at(-1)).toEqual(frozen.at(-1));
    // A longer interval asked for: the slow clock gives no more previews than the frozen one.
    t = NOW.getTime();
    const patient = await previews(() => new Date((t += 1000)), { previewMs: 60_000 });
    expect(patient).toEqual(frozen);
  });

  it('sends only the article text, only to the endpoint', async () => {
    const article = {
      ...TEST_ARTICLE,
      url: TEST_ARTICLE.url + '?session=SECRET-QUERY',
      meta: { 'og:type': 'article', 'x-tracking': 'SECRET-META' },
      description: 'SECRET-DESCRIPTION',
      jsonLd: { types: ['NewsArticle'], sections: [], keywords: ['SECRET-KEYWORD'] },
    };
    await generateModelCard(article, TEST_TOPIC, config('openai'), deps());
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]!.body;
    for (const p of article.paragraphs) expect(body).toContain(JSON.stringify(p).slice(1, -1));
    expect(body).not.toMatch(/SECRET|<\/?(p|div|script|html)\b/);
    expect(server.requests[0]!.headers.cookie).toBeUndefined();
  });

  it('sends the API key to no other origin, even when the endpoint redirects', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const spy: typeof fetch = (input, init) => {
      calls.push({ url: String(input), ...(init ? { init } : {}) });
      return fetch(input, init);
    };
    const cache = new ModelCache(memoryStore());
    for (const provider of ['openai', 'anthropic'] as const) {
      await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(provider, 'nn-bokmal-stubborn'), deps({ fetch: spy, findBokmal, cache }));
    }
    expect(calls.length).toBe(4);
    for (const c of calls) {
      expect(new URL(c.url).origin).toBe(server.url);
      expect(c.init?.redirect).toBe('error');
      expect(c.init?.credentials).toBe('omit');
    }
    // A server that redirects elsewhere: the key must not follow.
    const seenElsewhere: string[] = [];
    const other = createServer((req, res) => {
      seenElsewhere.push(JSON.stringify(req.headers));
      res.end('{}');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const redirector = createServer((req, res) => {
      res.writeHead(307, { location: `${otherUrl}${req.url}` });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    const redirUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
    try {
      for (const provider of ['openai', 'anthropic'] as const) {
        const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config(provider, 'nn-writer', { endpoint: provider === 'openai' ? `${redirUrl}/v1` : redirUrl }), deps()));
        expect(e.kind).toBe('no-connection');
      }
      expect(seenElsewhere).toEqual([]);
    } finally {
      redirector.close();
      other.close();
    }
  });

  it('repairs Bokmål forms in one round, sending back only the flagged words and the card', async () => {
    const stages: GenerateStage[] = [];
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama', 'nn-bokmal'), deps({ findBokmal, onStage: (s) => stages.push(s) }));
    expect(r.requests).toBe(2);
    expect(r.repair?.asked.sort()).toEqual(['Hva', 'Hvordan', 'ikke', 'mens']);
    expect(r.repair?.remaining).toEqual([]);
    expect(r.card.language.bokmalForms).toEqual([]);
    expect(r.card.summary).toEqual(GOOD_CONTENT.summary);
    expect(stages.map((s) => s.stage)).toEqual(['writing', 'repairing']);
    const repairBody = server.requests[1]!.body;
    expect(repairBody).toContain('«ikke» → «ikkje»');
    expect(repairBody).toContain('«Hvordan» → «korleis»');
    expect(repairBody).not.toContain(TEST_ARTICLE.paragraphs[5]);
  });

  it('keeps what stays Bokmål after the repair round, marked on the card', async () => {
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', 'nn-bokmal-stubborn'), deps({ findBokmal }));
    expect(r.requests).toBe(2);
    expect(r.card.language.bokmalForms.sort()).toEqual(['Hva', 'Hvordan', 'ikke', 'mens']);
    expect(r.card.faq[0]!.q).toBe('Hvordan kom åtakarane inn?');
  });

  it('runs no repair round without a checker, or when nothing is flagged', async () => {
    expect((await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', 'nn-bokmal'), deps())).requests).toBe(1);
    server.reset();
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai'), deps({ findBokmal }));
    expect(r.requests).toBe(1);
    expect(r.repair).toBeUndefined();
  });

  it('streams while the checker still loads, and checks the answer once it has', async () => {
    let loaded = false;
    let textBeforeChecker: boolean | undefined;
    const late = new Promise<typeof findBokmal>((r) => setTimeout(() => r(((loaded = true), findBokmal)), 50));
    const r = await generateModelCard(
      TEST_ARTICLE,
      TEST_TOPIC,
      config('openai', 'nn-bokmal-stubborn'),
      deps({ findBokmal: late, onPartial: () => (textBeforeChecker ??= !loaded) }),
    );
    expect(textBeforeChecker).toBe(true);
    expect(r.requests).toBe(2);
    expect(r.card.language.bokmalForms.sort()).toEqual(['Hva', 'Hvordan', 'ikke', 'mens']);
  });

  it('runs no check when the checker could not be loaded, and stops on cancel while it loads', async () => {
    const none = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', 'nn-bokmal'), deps({ findBokmal: Promise.resolve(undefined) }));
    expect(none.requests).toBe(1);
    expect(none.repair).toBeUndefined();
    const cache = new ModelCache(memoryStore());
    const ctl = new AbortController();
    // The reader cancels exactly while the card waits for the checker: the stream is over by then, so only the check after the wait can stop the card.
    const loading = {
      then(resolve: (f: typeof findBokmal) => void) {
        ctl.abort();
        resolve(findBokmal);
      },
    } as unknown as Promise<typeof findBokmal>;
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai'), deps({ cache, signal: ctl.signal, findBokmal: loading })));
    expect(e.kind).toBe('cancelled');
    expect(await cache.keys()).toEqual([]);
  });

  it('drops evidence outside the article and reports it', async () => {
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('anthropic', 'nn-evidence'), deps());
    expect(r.card.faq[0]!.evidence).toEqual([1]);
    expect(r.card.faq[1]!.evidence).toEqual([2]);
    expect(r.droppedEvidence).toEqual([
      { faq: 0, value: 99 },
      { faq: 0, value: -1 },
      { faq: 1, value: 7 },
    ]);
  });

  it('reads fenced JSON and JSON in prose', async () => {
    for (const m of ['nn-fenced', 'nn-prose']) {
      expect((await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', m), deps())).card.summary).toEqual(GOOD_CONTENT.summary);
    }
  });

  it('rejects invalid JSON, wrong types and a cut stream as an invalid answer', async () => {
    for (const m of ['nn-invalid-json', 'nn-wrong-types', 'nn-cut']) {
      const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama', m), deps()));
      expect(e.kind).toBe('invalid-answer');
    }
  });

  it('passes its retry settings to the request: how many, the backoff and the sleep', async () => {
    const delays: number[] = [];
    const e = await failure(generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', 'nn-rate-limit'), deps({ retries: 1, backoffMs: 100, sleep: async (ms) => void delays.push(ms) })));
    expect(e.kind).toBe('rate-limit');
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([100]);
  });

  it('summarises a long article in parts, then combines them', async () => {
    const long = makeArticle({
      paragraphs: Array.from({ length: 40 }, (_, i) => `Paragraph ${i} describes how the county IT team replaced file server ${i} with a managed cloud share, and what the users said about it afterwards.`),
    });
    const stages: GenerateStage[] = [];
    const partials: PartialCardContent[] = [];
    const combining: PartialCardContent[] = [];
    const r = await generateModelCard(
      long,
      TEST_TOPIC,
      config('openai'),
      deps({ maxPromptTokens: 700, onStage: (s) => stages.push(s), onPartial: (p) => (stages.at(-1)?.stage === 'combining' ? combining : partials).push(structuredClone(p)) }),
    );
    const writing = stages.filter((s) => s.stage === 'writing');
    expect(writing.length).toBeGreaterThan(1);
    // The progress line counts the parts from 1: "del 1 av 3".
    expect(writing).toEqual(writing.map((_, i) => ({ stage: 'writing', part: i + 1, parts: writing.length })));
    expect(stages.at(-1)).toEqual({ stage: 'combining', parts: writing.length });
    expect(r.requests).toBe(writing.length + 1);
    expect(server.requests.slice(0, -1).every((q) => q.body.includes(' of ' + writing.length + ', paragraphs'))).toBe(true);
    expect(JSON.parse(server.requests.at(-1)!.body).messages[1].content).not.toContain(long.paragraphs[0]);
    expect(validateCard(r.card, long.paragraphs.length).ok).toBe(true);
    expect(r.card.summary).toEqual(GOOD_CONTENT.summary);
    // While parts are written, finished part summaries stay visible.
    expect(partials.some((p) => p.summary.some((s) => s.startsWith('Del 1 av')) && p.summary.some((s) => s.startsWith('Del 2 av')))).toBe(true);
    // While the parts are combined, the preview is the combined answer alone.
    expect(combining.length).toBeGreaterThan(0);
    for (const p of combining) expect(p.summary).toEqual(GOOD_CONTENT.summary.slice(0, p.summary.length));
    expect(combining.at(-1)!.summary).toEqual(GOOD_CONTENT.summary);
  });

  it('summarises a long article in parts for a caller that follows neither stages nor partial answers', async () => {
    const long = makeArticle({
      paragraphs: Array.from({ length: 40 }, (_, i) => `Paragraph ${i} describes how the county IT team replaced file server ${i} with a managed cloud share, and what the users said about it afterwards.`),
    });
    const r = await generateModelCard(long, TEST_TOPIC, config('openai'), deps({ maxPromptTokens: 700 }));
    expect(r.requests).toBeGreaterThan(2);
    expect(r.card.summary).toEqual(GOOD_CONTENT.summary);
  });

  it('caches the card: the second time costs 0 requests; preferences, model and "Lag på nytt" miss', async () => {
    const cache = new ModelCache(memoryStore());
    const first = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama'), deps({ cache }));
    expect(first.fromCache).toBe(false);
    const second = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama'), deps({ cache }));
    expect(second).toMatchObject({ fromCache: true, requests: 0 });
    expect(second.card).toEqual(first.card);
    expect(server.requests).toHaveLength(1);
    await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama', 'nn-writer', { prefs: { ...DEFAULT_PREFS, infinitive: 'a' } }), deps({ cache }));
    expect(server.requests).toHaveLength(2);
    await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama', 'nn-fenced'), deps({ cache }));
    expect(server.requests).toHaveLength(3);
    const forced = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama'), deps({ cache, force: true, now: () => new Date('2026-03-21T00:00:00Z') }));
    expect(forced).toMatchObject({ fromCache: false, requests: 1 });
    expect((await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('ollama'), deps({ cache }))).card.createdAt).toBe('2026-03-21T00:00:00.000Z');
    const edited = { ...TEST_ARTICLE, paragraphs: [...TEST_ARTICLE.paragraphs.slice(0, 6), 'The district changed its plans.'] };
    expect((await generateModelCard(edited, TEST_TOPIC, config('ollama'), deps({ cache }))).fromCache).toBe(false);
  });

  it('cancel stops the stream and caches nothing', async () => {
    const cache = new ModelCache(memoryStore());
    const ctl = new AbortController();
    server.setOptions({ chunkDelayMs: 5 });
    try {
      const e = await failure(
        generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('anthropic'), deps({ cache, signal: ctl.signal, onPartial: () => ctl.abort() })),
      );
      expect(e.kind).toBe('cancelled');
      expect(await cache.keys()).toEqual([]);
    } finally {
      server.setOptions({ chunkDelayMs: 0 });
    }
  });

  it('cancel during the repair round stops the card and caches nothing', async () => {
    const cache = new ModelCache(memoryStore());
    const ctl = new AbortController();
    const e = await failure(
      generateModelCard(
        TEST_ARTICLE,
        TEST_TOPIC,
        config('ollama', 'nn-bokmal'),
        deps({ cache, findBokmal, signal: ctl.signal, onStage: (s) => s.stage === 'repairing' && ctl.abort() }),
      ),
    );
    expect(e.kind).toBe('cancelled');
    expect(await cache.keys()).toEqual([]);
  });

  it('cancel while the repaired answer streams stops the card and caches nothing', async () => {
    const cache = new ModelCache(memoryStore());
    const ctl = new AbortController();
    let calls = 0;
    // The repair answer's headers have arrived and its body is still on its way when "Avbryt" is clicked.
    const cancelOnRepair: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (++calls === 2) ctl.abort();
      return res;
    };
    server.setOptions({ chunkDelayMs: 5 });
    try {
      const e = await failure(
        generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai', 'nn-bokmal'), deps({ cache, findBokmal, signal: ctl.signal, fetch: cancelOnRepair })),
      );
      expect(e.kind).toBe('cancelled');
      expect(calls).toBe(2);
      expect(await cache.keys()).toEqual([]);
    } finally {
      server.setOptions({ chunkDelayMs: 0 });
    }
  });
});

describe('generateModelCard with a failing store', () => {
  it('treats storage errors as a cache miss and still returns the card', async () => {
    const broken = { get: () => Promise.reject(new Error('quota')), set: () => Promise.reject(new Error('quota')), remove: () => Promise.reject(new Error('quota')) };
    const r = await generateModelCard(TEST_ARTICLE, TEST_TOPIC, config('openai'), deps({ cache: new ModelCache(broken) }));
    expect(r).toMatchObject({ fromCache: false, requests: 1 });
    expect(r.card.summary).toEqual(GOOD_CONTENT.summary);
  });
});

describe('parseAnswer', () => {
  // Card-shaped text with a field nested `levels` deep in all (the card object counts as one level).
  const nested = (levels: number) => `{"title":"Skyavbrot stoppa kortbetalingar","x":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;

  it('says an answer that is not a card is not a card, and one nested past the limit is too deep', () => {
    for (const [text, message] of [
      ['Beklagar, eg kan ikkje skrive eit kort om denne artikkelen.', modelErrorMessages.invalidAnswer()],
      [nested(MAX_JSON_DEPTH), modelErrorMessages.invalidAnswer()],
      [nested(MAX_JSON_DEPTH + 1), modelErrorMessages.answerTooDeep()],
    ] as const) {
      let thrown: unknown;
      try {
        parseAnswer(text, TEST_ARTICLE.paragraphs.length);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ModelError);
      expect(thrown).toMatchObject({ kind: 'invalid-answer', message });
    }
  });

  it('reads a good answer into card content', () => {
    expect(parseAnswer(JSON.stringify(GOOD_CONTENT), TEST_ARTICLE.paragraphs.length).content).toMatchObject({ title: GOOD_CONTENT.title });
  });
});
