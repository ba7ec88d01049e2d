// The command `npm run check:nynorsk -- <file>...` (scripts/nynorsk/check.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'nynorsk-cli-'));

function run(...files: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/nynorsk/check.ts', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

describe('check:nynorsk', () => {
  it('prints form, count and suggestion per flagged form, a summary, and exits 1', () => {
    const f = join(dir, 'a.md');
    writeFileSync(f, '# Tittel\n\nDei ansatte ville ikke. Ikke no heller, og hun sa nei.\n');
    const r = run(f);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['ikke\t2\tikkje', 'ansatte\t1\ttilsette', 'hun\t1\tho', 'tokens 12, flagged 4, hints 0, rate 33.33 %']);
  });

  it('checks every string value of a JSON file', () => {
    const f = join(dir, 'b.json');
    writeFileSync(f, JSON.stringify({ a: 'Dette er fint.', b: ['Og dette.', { c: 'Men ikke dette.' }], n: 3 }));
    const r = run(f);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['ikke\t1\tikkje', 'tokens 8, flagged 1, hints 0, rate 12.50 %']);
  });

  it('exits 0 on clean Nynorsk, over several files', () => {
    const f1 = join(dir, 'c.txt');
    const f2 = join(dir, 'd.txt');
    writeFileSync(f1, 'Dei tilsette ville ikkje.');
    writeFileSync(f2, 'Ho sa nei.');
    const r = run(f1, f2);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['tokens 7, flagged 0, hints 0, rate 0.00 %']);
  });

  it('prints agreement flags as phrases with their suggestion', () => {
    const f = join(dir, 'e.txt');
    writeFileSync(f, 'Lesetida er om lag 1 minutt. Det er ein godt arbeidsmiljø.');
    const r = run(f);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['1 minutt\t1\teitt minutt', 'ein\t1\teit', 'tokens 10, flagged 2, hints 0, rate 20.00 %']);
  });

  it('prints hints on lines of their own; they fail the run only with --strict', () => {
    const f = join(dir, 'f.txt');
    writeFileSync(f, 'Tenestene er oppdatert.');
    const r = run(f);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['hint\toppdatert\t1\toppdaterte', 'tokens 3, flagged 0, hints 1, rate 0.00 %']);
    expect(run('--strict', f).code).toBe(1);
  });

  it('exits 2 without files', () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
