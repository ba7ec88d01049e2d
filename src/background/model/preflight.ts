/**
 * What must hold before a job sends anything: a configured model, an engine
 * host for the on-device one, and for a remote one a valid endpoint whose
 * origin the user granted (from the options page). The reason, in Nynorsk,
 * when it does not.
 */
import type { ModelConfig } from '../../core/model/types';
import { fill } from '../../core/template';
import { originForMessage, originPattern } from '../../core/url-origin';
import { text } from '../../strings/text';
import type { EngineTransport } from '../local-engine';
import type { ModelDeps } from './deps';
import { readModelSetup } from './setup';

export type Preflight =
  | { ok: true; config: ModelConfig; maxPromptTokens: number; /** Set for the on-device model. */ transport?: EngineTransport }
  | { ok: false; model: string; message: string };

export async function preflight(deps: Pick<ModelDeps, 'storage' | 'permissions' | 'localTransport'>): Promise<Preflight> {
  const { config, maxPromptTokens } = await readModelSetup(deps.storage.local);
  if (!config) return { ok: false, model: '', message: text.modelNotConfigured };
  const refuse = (message: string): Preflight => ({ ok: false, model: config.model, message });
  if (config.provider === 'local') {
    return deps.localTransport ? { ok: true, config, maxPromptTokens, transport: deps.localTransport } : refuse(text.localEngineMissing);
  }
  const pattern = originPattern(config.endpoint);
  if (!pattern) return refuse(fill(text.modelBadEndpoint, { endpoint: config.endpoint }));
  if (!(await deps.permissions.contains({ origins: [pattern] }).catch(() => false)))
    return refuse(fill(text.modelNoPermission, { origin: originForMessage(config.endpoint) }));
  return { ok: true, config, maxPromptTokens };
}
