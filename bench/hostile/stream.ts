/**
 * The 166 KB model answer of issue 12 (defect 4): the preview work over the answer in 24-character
 * deltas, and the whole generate path over an OpenAI-style event stream of it (answer size cap included).
 *
 *   npx tsx bench/hostile/stream.ts [preview|generate]
 */
import * as pj from '../../src/core/model/partial-json';
import { generateModelCard } from '../../src/core/model/generate';
import { DEFAULT_PREFS } from '../../src/core/model/types';
import { GOOD_CONTENT, TEST_ARTICLE, TEST_TOPIC } from '../../support/model-server';

const para = GOOD_CONTENT.summary[1]!;
const summary: string[] = [];
while (JSON.stringify({ ...GOOD_CONTENT, summary }).length < 166_000) summary.push(para);
const answer = JSON.stringify({ ...GOOD_CONTENT, summary });
const deltas: string[] = [];
for (let i = 0; i < answer.length; i += 24) deltas.push(answer.slice(i, i + 24));
console.log(`answer ${answer.length} chars, ${deltas.length} deltas`);

const mode = process.argv[2] ?? 'both';
if (mode !== 'generate') {
  let t = performance.now();
  const reader = new pj.PartialCardReader();
  let soFar = '';
  for (const d of deltas) {
    soFar += d;
    if (reader) { reader.push(d); reader.content(); }
    else pj.partialCardContent(soFar);
  }
  if (reader) reader.content();
  console.log(`preview over every delta (${reader ? 'incremental reader' : 're-parse'}): ${Math.round(performance.now() - t)} ms`);
  t = performance.now();
  pj.partialCardContent(answer);
  console.log(`one parse of the whole answer: ${(performance.now() - t).toFixed(1)} ms`);
}
if (mode !== 'preview') {
  const sse = deltas.map((d) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: d }, finish_reason: null }] })}\n\n`).join('') + `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
  let sent = 0;
  const fetch = async (_u: string, init?: RequestInit) => {
    const bytes = new TextEncoder().encode(sse);
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (init?.signal?.aborted) return c.error(new DOMException('aborted', 'AbortError'));
        if (i >= bytes.length) return c.close();
        const n = Math.min(4096, bytes.length - i);
        c.enqueue(bytes.slice(i, i + n));
        i += n;
        sent = i;
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  let partials = 0;
  const t = performance.now();
  try {
    await generateModelCard(TEST_ARTICLE, TEST_TOPIC, { provider: 'openai', endpoint: 'http://127.0.0.1:1/v1', model: 'm', apiKey: 'k', prefs: DEFAULT_PREFS }, { fetch, onPartial: () => partials++, retries: 0 });
    console.log('generate: ok');
  } catch (e) {
    console.log(`generate: ${(e as Error).message}`);
  }
  console.log(`generate with preview: ${Math.round(performance.now() - t)} ms, ${partials} partials, ${sent} of ${new TextEncoder().encode(sse).length} body bytes read`);
}
