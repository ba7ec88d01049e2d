/**
 * The JSON schema the model's answer must follow: the Nynorsk part of a card.
 * Written for OpenAI's strict mode (every property required, no extra ones),
 * which Ollama's `format` and Anthropic's tool input accept as well.
 */
export const CARD_CONTENT_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'summary', 'faq'],
  properties: {
    title: { type: 'string', description: 'Nynorsk headline' },
    summary: { type: 'array', items: { type: 'string' }, description: 'Nynorsk paragraphs' },
    faq: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['q', 'a', 'evidence'],
        properties: {
          q: { type: 'string' },
          a: { type: 'string' },
          evidence: { type: 'array', items: { type: 'integer' }, description: 'article paragraph numbers' },
        },
      },
    },
  },
};

/** Name of the schema (OpenAI json_schema.name, Anthropic tool name). */
export const CARD_CONTENT_SCHEMA_NAME = 'nynorsk_card';
