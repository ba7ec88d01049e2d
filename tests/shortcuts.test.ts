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

const inputsOf = async (entry: string) => {
  const r = await esbuild.build({ entryPoints: [join(ROOT, entry)], bundle: true, write: false, metafile: true, format: 'iife', loader: { '.css': 'text' }, logLevel: 'silent', define: { __NK_BENCH__: 'false', __NK_STARTS_LATE__: 'false' } });
  return Object.keys(r.metafile.inputs);
};
const ARTICLE_CODE = /core\/extract\/(index|article)|core\/digest\/|readability|node_modules\/preact|src\/ui\/.*\.tsx/;

describe('listing badges stay out of the article code', () => {
  it('the gate (content.js, every page) holds none of the badges (their script is registered only for readers with cards) and none of the pill, no extraction (Readability), no fact card and no Preact', async () => {
    const inputs = await inputsOf('src/content/loader.ts');
    expect(inputs.filter((i) => /listing-badges|page-key/.test(i))).toEqual([]);
    expect(inputs.filter((i) => ARTICLE_CODE.test(i))).toEqual([]);
    expect(inputs.filter((i) => /content\/(overlay|overlay-host|pill|pill-prefs|commands)\.ts|core\/confirm|extract\/jsonld|url-topic|\.css$/.test(i))).toEqual([]);
  });

  it('the badges script (content-badges.js) holds the badges and no pill or article code', async () => {
    const inputs = await inputsOf('src/content/badges-script.ts');
    expect(inputs).toContain('src/content/listing-badges.ts');
    expect(inputs.filter((i) => ARTICLE_CODE.test(i) || /content\/(pill|overlay|overlay-host|loader)\.ts/.test(i))).toEqual([]);
  });

  it('the pill’s script (content-pill.js) holds the pill and no article code', async () => {
    const inputs = await inputsOf('src/content/pill-loader.ts');
    expect(inputs).toEqual(expect.arrayContaining(['src/content/pill.ts', 'src/content/overlay-host.ts', 'src/core/confirm.ts', 'src/content/commands.ts']));
    expect(inputs.filter((i) => ARTICLE_CODE.test(i) || i.includes('listing-badges'))).toEqual([]);
    // The gate's recognition is reused (pill-api's registerGate), and the confirmation reads JSON-LD types alone.
    expect(inputs.filter((i) => /core\/recognise|extract\/jsonld\.ts/.test(i))).toEqual([]);
    expect(inputs).toContain('src/core/extract/jsonld-blocks.ts');
  });
});

describe('Readability stays out of the article code (issue 13)', () => {
  it('the article code (content-main.js) holds extraction but not Readability; content-readability.js holds Readability alone', async () => {
    const main = await inputsOf('src/content/index.ts');
    expect(main).toContain('src/core/extract/article.ts');
    expect(main.filter((i) => /@mozilla\/readability|extract\/readability\.ts/.test(i))).toEqual([]);
    const chunk = await inputsOf('src/content/readability-chunk.ts');
    expect(chunk).toEqual(expect.arrayContaining(['node_modules/@mozilla/readability/Readability.js', 'src/core/extract/readability.ts']));
    expect(chunk.filter((i) => /extract\/(article|blocks|metadata)|core\/digest|preact/.test(i))).toEqual([]);
  });
});

describe('the schemas stay out of the article code (issue 13)', () => {
  it('content-main.js holds no valibot and no card schema; content-check.js holds the full checks', async () => {
    const main = await inputsOf('src/content/index.ts');
    expect(main.filter((i) => /valibot|core\/schema\/|core\/validate|src\/protocol\.ts|src\/rpc\.ts/.test(i))).toEqual([]);
    const chunk = await inputsOf('src/content/check-chunk.ts');
    expect(chunk).toEqual(expect.arrayContaining(['src/core/validate.ts', 'src/core/schema/card.ts', 'src/protocol.ts']));
    expect(chunk.some((i) => i.includes('valibot'))).toBe(true);
    expect(chunk.filter((i) => /core\/extract\/|preact/.test(i))).toEqual([]);
  });
});

describe('the popup reaches the extension API directly (issue 13)', () => {
  it('popup.js holds no webextension-polyfill', async () => {
    const popup = await inputsOf('src/popup/main.tsx');
    expect(popup).toContain('src/popup/PopupApp.tsx');
    expect(popup.filter((i) => i.includes('webextension-polyfill'))).toEqual([]);
  });
});
