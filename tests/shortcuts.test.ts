import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../src/shortcuts';

const ROOT = join(import.meta.dirname, '..');

describe('keyboard shortcuts in the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string }; description: string }> };

  it('has the three commands, with the options page’s words as their descriptions', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(SHORTCUTS.map((s) => s.name).sort());
    for (const s of SHORTCUTS) expect(manifest.commands[s.name]!.description, s.name).toBe(s.label);
    expect(manifest.commands._execute_action!.suggested_key.default).toBe('Alt+Shift+N');
  });
});

describe('listing badges stay out of the article code', () => {
  it('the loader bundle holds no extraction (Readability), no fact card and no Preact', async () => {
    const r = await esbuild.build({ entryPoints: [join(ROOT, 'src/content/loader.ts')], bundle: true, write: false, metafile: true, format: 'iife', loader: { '.css': 'text' }, logLevel: 'silent', define: { __NK_BENCH__: 'false' } });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs).toContain('src/content/listing-badges.ts');
    expect(inputs.filter((i) => /core\/extract\/index|core\/digest\/|readability|node_modules\/preact|src\/ui\/.*\.tsx/.test(i))).toEqual([]);
  });
});
