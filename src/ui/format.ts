/**
 * Small formatting helpers for the card: dates, lists and engine names the
 * Nynorsk way, without relying on the browser's Intl data (which may lack `nn`).
 */
import type { EngineKind } from '../core/types';
import { fill } from '../core/template';
import { text } from '../strings/text';

/**
 * "2024-04-03" → "3. april 2024". One implementation for cards, UI and CLI
 * lives in core; the UI re-exports it so components import from one place.
 */
export { formatDateNn, listNn } from '../core/format-nn';

/** The user-facing name of the engine that made a card. */
export function describeEngine(engine: { kind: EngineKind; model?: string }): string {
  switch (engine.kind) {
    case 'library':
      return text.engineLibrary;
    case 'digest':
      return text.engineDigest;
    case 'model':
      return engine.model ? fill(text.engineModel, { model: engine.model }) : text.engineModelUnnamed;
    case 'local':
      return engine.model ? fill(text.engineLocal, { model: engine.model }) : text.engineLocalUnnamed;
  }
}
