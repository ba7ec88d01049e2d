/**
 * Ollama on the user's machine: `POST {base}/api/chat` with the schema as
 * `format`, streamed as NDJSON; `GET {base}/api/tags` lists the models the
 * server has.
 */
import { createLineSplitter } from '../sse';
import { inBandError, isObj, namesFrom, parseFrame, trimBase, untilDone, type ProviderAdapter } from './shared';

const JSON_HEADERS = { 'content-type': 'application/json' };

export const ollama: ProviderAdapter = {
  chatRequest(config, messages, schema, maxTokens) {
    return {
      url: `${trimBase(config.endpoint)}/api/chat`,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        model: config.model,
        messages,
        stream: true,
        format: schema,
        options: { temperature: 0.2, num_predict: maxTokens },
      }),
    };
  },
  decoder(_contentType, onDelta, config) {
    let finished = false;
    let length = false;
    const lines = createLineSplitter((line) => {
      if (!line.trim()) return;
      const v = parseFrame(line);
      if (!isObj(v)) return;
      if (v.error) throw inBandError(v.error, config);
      const content = isObj(v.message) ? v.message.content : undefined;
      if (typeof content === 'string' && content) onDelta(content);
      if (v.done === true) finished = true;
      if (v.done_reason === 'length') length = true;
    });
    return untilDone(lines, () => finished, () => length);
  },
  modelsRequest(config) {
    return { url: `${trimBase(config.endpoint)}/api/tags`, method: 'GET', headers: {} };
  },
  parseModels: (body) => namesFrom(body, 'models', 'name'),
};
