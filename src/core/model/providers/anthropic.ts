/**
 * Anthropic messages API: `POST {base}/v1/messages` with the card schema as
 * the one tool the model must call, streamed as SSE (input_json_delta
 * pieces of the tool input). Direct browser access is declared with the
 * header Anthropic requires for it.
 */
import { CARD_CONTENT_SCHEMA_NAME } from '../schema';
import { createSseParser } from '../sse';
import { cutOff, inBandError, isObj, namesFrom, parseFrame, trimBase, untilDone, type ProviderAdapter } from './shared';

/** The base without a trailing /v1, so both "https://api.anthropic.com" and ".../v1" work. */
const base = (endpoint: string) => trimBase(endpoint).replace(/\/v1$/, '');

const headers = (apiKey?: string): Record<string, string> => ({
  'content-type': 'application/json',
  'anthropic-version': '2023-06-01',
  'anthropic-dangerous-direct-browser-access': 'true',
  ...(apiKey ? { 'x-api-key': apiKey } : {}),
});

export const anthropic: ProviderAdapter = {
  chatRequest(config, messages, schema, maxTokens) {
    const system = messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
    return {
      url: `${base(config.endpoint)}/v1/messages`,
      headers: { ...headers(config.apiKey), accept: 'text/event-stream' },
      body: JSON.stringify({
        model: config.model,
        max_tokens: maxTokens,
        ...(system ? { system } : {}),
        messages: messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content })),
        tools: [{ name: CARD_CONTENT_SCHEMA_NAME, description: 'The Nynorsk card for the article.', input_schema: schema }],
        tool_choice: { type: 'tool', name: CARD_CONTENT_SCHEMA_NAME },
        stream: true,
      }),
    };
  },
  decoder(contentType, onDelta, config) {
    let length = false;
    if (!contentType.includes('text/event-stream')) {
      let body = '';
      return {
        feed: (c) => void (body += c),
        end() {
          const v = parseFrame(body);
          if (isObj(v) && v.error) throw inBandError(v.error, config);
          length = isObj(v) && v.stop_reason === 'max_tokens';
          const blocks: unknown[] = isObj(v) && Array.isArray(v.content) ? v.content : [];
          const tool = blocks.find((b) => isObj(b) && b.type === 'tool_use');
          if (isObj(tool) && tool.input !== undefined) return onDelta(JSON.stringify(tool.input));
          const text = blocks.filter((b) => isObj(b) && b.type === 'text').map((b) => (b as { text: string }).text).join('');
          if (!text) throw cutOff();
          onDelta(text);
        },
        hitLengthLimit: () => length,
      };
    }
    let finished = false;
    const sse = createSseParser((ev) => {
      const v = parseFrame(ev.data);
      if (!isObj(v)) return;
      const type = ev.event ?? v.type;
      if (type === 'error') throw inBandError(v.error, config);
      if (type === 'message_stop') finished = true;
      if (type === 'message_delta' && isObj(v.delta) && v.delta.stop_reason === 'max_tokens') length = true;
      if (type !== 'content_block_delta' || !isObj(v.delta)) return;
      const d = v.delta;
      if (d.type === 'input_json_delta' && typeof d.partial_json === 'string' && d.partial_json) onDelta(d.partial_json);
      else if (d.type === 'text_delta' && typeof d.text === 'string' && d.text) onDelta(d.text);
    });
    return untilDone(sse, () => finished, () => length);
  },
  modelsRequest(config) {
    return { url: `${base(config.endpoint)}/v1/models`, method: 'GET', headers: headers(config.apiKey) };
  },
  parseModels: (body) => namesFrom(body, 'data', 'id'),
};
