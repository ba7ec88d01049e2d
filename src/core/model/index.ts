/**
 * The model engine's public API: generate a card, stream a completion, list
 * models, test a connection, the cache, the prompt and the typed errors.
 */
export { generateModelCard, parseAnswer, type GenerateDeps, type GenerateResult, type GenerateStage } from './generate';
export { streamCompletion, listModels, testConnection, DEFAULT_ENDPOINTS, type ConnectionVerdict } from './providers';
export { ModelCache, memoryStore, modelCacheKey, hashText, DEFAULT_CACHE_ENTRIES, type KeyValueStore, type ModelCacheOptions } from './cache';
export { ModelError, isModelError, OLLAMA_ORIGINS_HINT, type ModelErrorKind } from './errors';
export { planPrompt, buildMessages, relevantTerms, DEFAULT_MAX_PROMPT_TOKENS, type PromptPlan } from './prompt';
export { estimateTokens, estimateMessagesTokens } from './tokens';
export { partialCardContent } from './partial-json';
export { CARD_CONTENT_SCHEMA } from './schema';
export { DEFAULT_PREFS } from './types';
export type { ModelConfig, ModelPrefs, Provider, ChatMessage, CardContent, PartialCardContent, Term, BokmalFinding, FetchLike, StreamOptions } from './types';
