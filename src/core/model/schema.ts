/**
 * The JSON schema the model's answer must follow: the Nynorsk part of a card.
 * Generated with @valibot/to-json-schema from CardContentSchema
 * (core/schema/card.ts), the same schema the types, the card guard and the
 * on-device model's grammar come from. Strict objects in the valibot schema
 * give OpenAI's strict mode (every property required, no extra ones), which
 * Ollama's `format` and Anthropic's tool input accept as well. valibot-only
 * checks (non-blank text) are left out; the `$schema` key is dropped so the
 * providers get the plain schema object.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { CardContentSchema } from '../schema/card';

function cardContentJsonSchema(): Record<string, unknown> {
  const schema: Record<string, unknown> = { ...toJsonSchema(CardContentSchema, { errorMode: 'throw', ignoreActions: ['check'] }) };
  delete schema.$schema;
  return schema;
}

export const CARD_CONTENT_SCHEMA: Record<string, unknown> = cardContentJsonSchema();

/** Name of the schema (OpenAI json_schema.name, Anthropic tool name). */
export const CARD_CONTENT_SCHEMA_NAME = 'nynorsk_card';
