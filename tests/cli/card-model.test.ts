import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelConfigFromArgs, parseArgs, runCardCliAsync } from '../../src/cli/card';
import { startModelServer, type ModelServer } from '../../support/model-server';

const DIR = join(import.meta.dirname, '../fixtures/pages/meta-llama-government');
const PAGE = join(DIR, 'source.html');
const URL_ARGS = ['--url', (JSON.parse(readFileSync(join(DIR, 'page.json'), 'utf8')) as { url: string }).url];

describe('npm run card -- --engine model', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const run = (extra: string[], env: NodeJS.ProcessEnv = { NYNORSK_KORT_API_KEY: server.apiKey }) =>
    runCardCliAsync([PAGE, ...URL_ARGS, '--engine', 'model', '--provider', 'openai', '--endpoint', server.endpoints.openai, ...extra], { env });

  it('writes a model card with the key from NYNORSK_KORT_API_KEY, sent only as the Authorization header', async () => {
    const r = await run(['--model', 'nn-writer', '--json']);
    expect(r.stderr).not.toContain(server.apiKey);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as { engine: { kind: string; model: string }; summary: string[]; source: { url: string } };
    expect(card.engine).toEqual({ kind: 'model', model: 'nn-writer' });
    expect(card.summary.length).toBeGreaterThan(0);
    expect(card.source.url).toBe(URL_ARGS[1]);
    expect(r.stdout).not.toContain(server.apiKey);
    const chat = server.requests.filter((q) => q.path === '/v1/chat/completions');
    expect(chat).toHaveLength(1);
    expect(chat[0]!.headers.authorization).toBe(`Bearer ${server.apiKey}`);
    expect(chat[0]!.body).not.toContain(server.apiKey);
    expect(r.stderr).toContain('éin førespurnad til');
  });

  it('prints the card as text by default and reports the repair round', async () => {
    const r = await run(['--model', 'nn-bokmal']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nn-bokmal');
    // Counts in words under ten, the noun agreeing: "éi bokmålsform", "to bokmålsformer".
    expect(r.stderr).toMatch(/rettingsrunde: (?:éi bokmålsform|(?:to|tre|fire|fem|seks|sju|åtte|ni|\d{2,}) bokmålsformer), ingen att/);
  });

  it('fails with the Nynorsk message and exit 5 when the key is wrong', async () => {
    const r = await run(['--model', 'nn-writer'], { NYNORSK_KORT_API_KEY: 'sk-wrong' });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('avviste API-nøkkelen');
    expect(r.stderr).not.toContain('sk-wrong');
  });

  it('asks for provider, endpoint and model', async () => {
    const r = await runCardCliAsync([PAGE, '--engine', 'model', '--provider', 'openai'], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NYNORSK_KORT_API_KEY');
    expect(modelConfigFromArgs(parseArgs(['--provider', 'mystery', '--endpoint', 'http://x', '--model', 'm']), {})).toBeTypeOf('string');
    expect(modelConfigFromArgs(parseArgs(['--provider', 'ollama', '--endpoint', 'http://x', '--model', 'm', '--infinitive', 'a']), {})).toEqual({
      provider: 'ollama',
      endpoint: 'http://x',
      model: 'm',
      prefs: { infinitive: 'a', pronoun: 'me', length: 'full' },
    });
  });

  it('still makes digest cards without a model', async () => {
    const r = await runCardCliAsync([PAGE, ...URL_ARGS, '--engine', 'digest', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { engine: { kind: string } }).engine.kind).toBe('digest');
    expect(server.requests).toHaveLength(0);
  });
});
