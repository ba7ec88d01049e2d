/**
 * The model step of the background's card resolution, after the library: a
 * cached model card replaces the fact card (instant, 0 requests), and the
 * tab's job state offers to write one. Never sends a request.
 */
import { modelCacheKey } from '../../core/model/cache';
import type { ModelConfig } from '../../core/model/types';
import type { Article, Card, CardState } from '../../core/types';
import { modelCache } from '../../model-cache';
import { modelJobKey } from '../../protocol';
import type { ModelDeps } from './deps';
import { idleJob, readModelSetup } from './setup';

/** The cached model card of this article for the configured model and preferences, or undefined. */
export async function cachedModelCard(deps: Pick<ModelDeps, 'storage'>, article: Article, config: ModelConfig): Promise<Card | undefined> {
  return modelCache(deps.storage.local).get(await modelCacheKey(article, config), article.paragraphs.length);
}

/** The state with a cached model card in place of the fact card, when there is one; library cards are left alone. */
export async function applyModel(deps: Pick<ModelDeps, 'storage' | 'findBokmal'>, tabId: number | undefined, article: Article, state: CardState): Promise<CardState> {
  if (state.status !== 'ready' || state.card.engine.kind === 'library') {
    if (tabId !== undefined) await deps.storage.session.remove(modelJobKey(tabId));
    return state;
  }
  const { config } = await readModelSetup(deps.storage.local);
  if (!config) {
    if (tabId !== undefined) await deps.storage.session.remove(modelJobKey(tabId));
    return state;
  }
  // Warm the checker now, so that a click on "Lag nynorsk samandrag" does not wait for its data.
  void deps.findBokmal?.().catch(() => undefined);
  let next = state;
  try {
    const hit = await cachedModelCard(deps, article, config);
    if (hit) next = { status: 'ready', url: state.url, card: hit };
  } catch (e) {
    console.error('Nynorsk-kort: model cache read failed', e instanceof Error ? e.message : String(e));
  }
  if (tabId !== undefined) await deps.storage.session.set({ [modelJobKey(tabId)]: idleJob(config) });
  return next;
}
