/**
 * The running job's Nynorsk status line: what the engine does (a stage of
 * the card, or of the on-device engine), and how fast the on-device model
 * writes with the time left.
 */
import { formatDuration } from '../../core/local/format';
import type { GenerateStage } from '../../core/model/generate';
import { countNn, numberNn } from '../../core/nn-grammar';
import { fill } from '../../core/template';
import { text } from '../../strings/text';
import type { LocalRate } from '../local-engine';

/** A short Nynorsk status line for a stage of the engine. */
export function stageText(stage: GenerateStage): string {
  switch (stage.stage) {
    case 'cache':
      return text.modelStageCache;
    case 'writing':
      return stage.parts ? fill(text.modelStagePart, { part: stage.part ?? 1, parts: stage.parts }) : text.modelStageWriting;
    case 'combining':
      return text.modelStageCombining;
    case 'repairing':
      return text.modelStageRepairing;
  }
}

/** What the on-device engine does before it writes (from then on, the stage's own line). */
export function localPhaseText(phase: 'loading' | 'reading'): string {
  return phase === 'loading' ? text.localStageLoading : text.localStageReading;
}

/** The stage's line with the on-device model's speed, once there is one. */
export function withRate(stage: string, r: LocalRate, length: 'short' | 'full'): string {
  const line = rateText(r, length);
  // While it simply writes, the status line already says so: the speed alone is enough.
  return line ? (stage === text.modelStageWriting ? line : `${stage} ${line}`) : stage;
}

/** Tokens a whole card usually takes, for the time left (a guess; the line says "om lag"). */
const EXPECTED_TOKENS = { short: 450, full: 900 } as const;

/** What the model counts: "ordbit" (a token), masculine. */
const TOKEN = { sg: 'ordbit', pl: 'ordbitar', gender: 'm' } as const;

/** "(12 ordbitar i sekundet, om lag 40 sekund att)", "(tre ordbitar …)" for the on-device model, once there is a rate. */
export function rateText(r: LocalRate, length: 'short' | 'full'): string | undefined {
  if (!r.tokensPerSecond) return undefined;
  const left = Math.max(0, EXPECTED_TOKENS[length] - r.tokens) / r.tokensPerSecond;
  return fill(text.localRate, { rate: countNn(Math.max(1, Math.round(r.tokensPerSecond)), TOKEN, true), left: secondsLeftNn(left) });
}

/** "om lag fem sekund", "om lag 40 sekund", "om lag to minutt": seconds to five under a minute. */
export function secondsLeftNn(seconds: number): string {
  if (seconds >= 60) return formatDuration(seconds) ?? '';
  const s = Math.max(5, Math.round(seconds / 5) * 5);
  return fill(text.localSecondsLeft, { seconds: numberNn(s) });
}
