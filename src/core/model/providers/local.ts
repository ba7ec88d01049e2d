/**
 * The on-device model as a provider: the same chat messages as the remote
 * ones, sent to the extension's own engine host (LOCAL_ENGINE_URL never
 * leaves the browser) with a GBNF grammar made from the card schema, so a
 * small model cannot break the card's shape. The answer comes back as an
 * OpenAI-style event stream and is read by the OpenAI decoder.
 */
import { LOCAL_ENDPOINT } from '../../local/models';
import { cardContentGrammar } from '../grammar';
import { openai } from './openai';
import type { ProviderAdapter } from './shared';

/** Where the local provider's requests go (answered by background/local-engine.ts). */
export const LOCAL_ENGINE_URL = `${LOCAL_ENDPOINT}/chat`;

/** The context window the on-device model is loaded with: prompt and answer must fit together. */
export const LOCAL_CONTEXT_TOKENS = 8192;

/** Largest prompt (estimated tokens) sent to the on-device model; longer articles go in parts. */
export const LOCAL_MAX_PROMPT_TOKENS = 3500;

/**
 * Bounds of the card the grammar allows: room for a good card, and a ceiling
 * that makes even a model that rambles end its answer in time.
 */
export const LOCAL_CARD_BOUNDS = {
  short: { summary: { min: 2, max: 3 }, faq: { min: 3, max: 3 } },
  full: { summary: { min: 2, max: 5 }, faq: { min: 3, max: 5 } },
  maxChars: { title: 140, paragraph: 700, question: 200, answer: 600 },
} as const;

export const local: ProviderAdapter = {
  chatRequest(config, messages, _schema, maxTokens, ctx) {
    const counts = LOCAL_CARD_BOUNDS[config.prefs.length];
    const grammar = cardContentGrammar({
      paragraphCount: ctx?.paragraphCount ?? 0,
      summary: counts.summary,
      faq: counts.faq,
      maxChars: LOCAL_CARD_BOUNDS.maxChars,
    });
    return {
      url: LOCAL_ENGINE_URL,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ modelId: config.model, messages, grammar, maxTokens, nCtx: LOCAL_CONTEXT_TOKENS }),
    };
  },
  decoder: openai.decoder,
  // The installed model is the only one; the options page shows it without asking.
  modelsRequest: () => ({ url: LOCAL_ENGINE_URL, method: 'GET', headers: {} }),
  parseModels: () => [],
};
