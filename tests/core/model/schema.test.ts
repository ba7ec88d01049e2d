import { describe, expect, it } from 'vitest';
import { CARD_CONTENT_SCHEMA, CARD_CONTENT_SCHEMA_NAME } from '../../../src/core/model/schema';

/** The strict shape the providers send (OpenAI json_schema strict, Ollama format, Anthropic input_schema), as it was written by hand. */
const STRICT_CARD_CONTENT = {
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

describe('CARD_CONTENT_SCHEMA (generated from CardContentSchema)', () => {
  it('equals the strict shape the providers expect', () => {
    expect(CARD_CONTENT_SCHEMA).toEqual(STRICT_CARD_CONTENT);
    expect(CARD_CONTENT_SCHEMA_NAME).toBe('nynorsk_card');
  });

  it('is OpenAI-strict all the way down: every property required, no others allowed, keys in writing order', () => {
    const walk = (s: Record<string, unknown>): void => {
      if (s.type === 'object') {
        expect(s.additionalProperties).toBe(false);
        expect(s.required).toEqual(Object.keys(s.properties as object));
        Object.values(s.properties as Record<string, Record<string, unknown>>).forEach(walk);
      }
      if (s.type === 'array') walk(s.items as Record<string, unknown>);
    };
    walk(CARD_CONTENT_SCHEMA);
    expect(Object.keys(CARD_CONTENT_SCHEMA.properties as object)).toEqual(['title', 'summary', 'faq']);
    expect(JSON.parse(JSON.stringify(CARD_CONTENT_SCHEMA))).toEqual(CARD_CONTENT_SCHEMA);
    expect(CARD_CONTENT_SCHEMA).not.toHaveProperty('$schema');
  });
});
