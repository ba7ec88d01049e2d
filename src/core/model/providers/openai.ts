/**
 * OpenAI-compatible chat completions (OpenAI, LM Studio, vLLM, llama.cpp
 * server, OpenRouter): `POST {base}/chat/completions` with a strict
 * json_schema response format, streamed as SSE; a server that ignores
 * `stream` and answers one JSON body is read too.
 */
import { CARD_CONTENT_SCHEMA_NAME } from '../schema';
import { createSseParser } from '../sse';
import { cutOff, inBandError, isObj, namesFrom, parseFrame, trimBase, untilDone, type ProviderAdapter } from './shared';

const headers = (apiKey?: string): Record<string, string> => ({
  'content-type': 'application/json',
  ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
});

export const openai: ProviderAdapter = {
  chatRequest(config, messages, schema) {
    return {
      url: `${trimBase(config.endpoint)}/chat/completions`,
      headers: { ...headers(config.apiKey), accept: 'text/event-stream, application/json' },
      body: JSON.stringify({
        model: config.model,
        messages,
        stream: true,
        response_format: { type: 'json_schema', json_schema: { name: CARD_CONTENT_SCHEMA_NAME, strict: true, schema } },
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
          const choice: unknown = isObj(v) && Array.isArray(v.choices) ? v.choices[0] : undefined;
          const content = isObj(choice) && isObj(choice.message) ? choice.message.content : undefined;
          if (typeof content !== 'string') throw cutOff();
          length = isObj(choice) && choice.finish_reason === 'length';
          onDelta(content);
        },
        hitLengthLimit: () => length,
      };
    }
    let finished = false;
    const sse = createSseParser((ev) => {
      if (ev.data.trim() === '[DONE]') {
        finished = true;
        return;
      }
      const v = parseFrame(ev.data);
      if (!isObj(v)) return;
      if (v.error) throw inBandError(v.error, config);
      const choice: unknown = Array.isArray(v.choices) ? v.choices[0] : undefined;
      if (!isObj(choice)) return;
      const delta = isObj(choice.delta) ? choice.delta.content : undefined;
      if (typeof delta === 'string' && delta) onDelta(delta);
      if (typeof choice.finish_reason === 'string') finished = true;
      if (choice.finish_reason === 'length') length = true;
    });
    return untilDone(sse, () => finished, () => length);
  },
  modelsRequest(config) {
    return { url: `${trimBase(config.endpoint)}/models`, method: 'GET', headers: headers(config.apiKey) };
  },
  parseModels: (body) => namesFrom(body, 'data', 'id'),
};
