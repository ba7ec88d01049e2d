// English text is never flagged: the English IT texts in ../shared/fixtures
// (third-party, read at test time, never copied) go through the checker.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createChecker, type NynorskChecker } from '../../../src/core/nynorsk/checker';
import { readNynorskData } from '../../../src/node/nynorsk';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TEXTS = join(ROOT, '..', 'shared', 'fixtures', 'texts');
const files = existsSync(TEXTS) ? readdirSync(TEXTS).filter((f) => f.endsWith('.json')) : [];
if (files.length === 0) console.warn(`${TEXTS} is absent: English fixture check skipped`);

const data = readNynorskData(ROOT);

describe('English text', () => {
  // Built in each test's run, not while the file is collected: Stryker turns a mutant on only after collection.
  let checker: NynorskChecker;
  beforeEach(() => {
    checker = createChecker(data);
  });

  it.skipIf(files.length === 0)('flags nothing in the English IT fixture texts', () => {
    const flagged: string[] = [];
    let tokens = 0;
    for (const f of files) {
      const doc = JSON.parse(readFileSync(join(TEXTS, f), 'utf8')) as { title?: string; paragraphs?: string[] };
      for (const p of [doc.title ?? '', ...(doc.paragraphs ?? [])]) {
        const r = checker.check(p);
        tokens += r.tokens;
        flagged.push(...r.flagged.map((x) => `${f}: ${x.form}`));
      }
    }
    expect(tokens).toBeGreaterThan(1000);
    expect(flagged).toEqual([]);
  });

  it('leaves English words made of Bokmål-looking parts alone', () => {
    const r = checker.check('Engineers at large enterprises say the service translates and terminates stateless sessions.');
    expect(r.flagged).toEqual([]);
  });

  it('leaves a Bokmål-looking word inside an English phrase alone, but not in Norwegian', () => {
    expect(checker.check('Han sa «the bare minimum» om det.').flagged).toEqual([]);
    expect(checker.check('Han sa bare nei.').flagged.map((f) => f.form)).toEqual(['bare']);
  });

  it('skips very long letter runs', () => {
    expect(checker.check(`${'ikke'.repeat(30)} er rart`).flagged).toEqual([]);
  });
});
