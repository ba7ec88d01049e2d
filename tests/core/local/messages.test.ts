// Every Nynorsk text about the on-device model (LOCAL_MODEL_MESSAGES and the
// progress formatting) through the project's Nynorsk checker.
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_MODEL_MESSAGES as M } from '../../../src/core/local/download';
import { formatDuration, formatProgress } from '../../../src/core/local/format';
import type { NynorskChecker } from '../../../src/core/nynorsk/checker';
import { loadNodeChecker } from '../../../src/node/nynorsk';

/** Every message, the templates filled with typical values. */
function rendered(): string[] {
  const host = 'huggingface.co';
  const all: Record<keyof typeof M, string[]> = {
    noSpace: [M.noSpace(870_000_000), M.noSpace()],
    noNetwork: [M.noNetwork(host)],
    notFound: [M.notFound(host)],
    denied: [M.denied(host, 403)],
    serverError: [M.serverError(host, 503)],
    httpError: [M.httpError(host, 400)],
    someServer: [M.noNetwork(M.someServer)],
    checksum: [M.checksum],
    sizeMismatch: [M.sizeMismatch(808_000_000, 700_000_000)],
    cancelled: [M.cancelled],
    notGguf: [M.notGguf],
    storage: [M.storage],
    unverified: [M.unverified],
    tooLittleMemory: [M.tooLittleMemory(2, 5), M.tooLittleMemory(0.5, 2)],
    allocationFailed: [M.allocationFailed],
    loadFailed: [M.loadFailed],
    notInstalled: [M.notInstalled],
    generationFailed: [M.generationFailed],
    engineStopped: [M.engineStopped],
    deleteLabel: [M.deleteLabel(808_000_000)],
    deleted: [M.deleted(2_020_000_000)],
    notPersisted: [M.notPersisted],
  };
  return [
    ...Object.values(all).flat(),
    ...[30, 90, 150, 600, 3_900, 9_000, 50_000, 100_000].map((s) => formatDuration(s)!),
    formatProgress({ received: 3e8, total: 8e8, bytesPerSecond: 2.4e6, secondsLeft: 200, phase: 'downloading' }),
    formatProgress({ received: 3e8, total: 8e8, phase: 'verifying' }),
  ];
}

/** Words the Hunspell lexicon lacks that the UI strings (src/strings/text.ts) use too; they belong in assets/nynorsk/allow.json. */
const PENDING_ALLOW = new Set(['nedlastinga', 'gguf']);

let checker: NynorskChecker;
beforeAll(() => {
  checker = loadNodeChecker({ review: true });
}, 60_000);

describe('on-device model messages', () => {
  it('have no Bokmål forms', () => {
    const flagged = rendered().flatMap((t) => checker.check(t).flagged.map((f) => `${t}: ${f.form}`));
    expect(flagged).toEqual([]);
  });

  it('use only words the Nynorsk dictionary knows', () => {
    const unknown = rendered().flatMap((t) =>
      checker
        .check(t)
        .review.map((f) => f.form.toLowerCase())
        .filter((w) => !PENDING_ALLOW.has(w)),
    );
    expect(unknown).toEqual([]);
  });

  it('use the e-infinitive, ikkje, and ho for fila and nedlastinga', () => {
    const text = rendered().join('\n');
    expect(text).not.toMatch(/\b(ikke|fra|bare|hun)\b/i);
    expect(text).not.toMatch(/\bå (lasta|starta|henta)\b/);
    expect(M.checksum).toContain('så ho er sletta');
  });
});
