import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: build.mjs is plain JavaScript
import { buildTarget, GECKO_ID, TEST_CHROME_KEY } from '../build.mjs';
// @ts-expect-error: plain JavaScript
import { zipDirectory } from '../scripts/zip.mjs';

const out = mkdtempSync(join(tmpdir(), 'nk-build-'));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/**
 * Reads a ZIP the way an unzip tool does, with Node's own zlib (not our writer's code): the end record, the
 * central directory, each local header, and each entry's data inflated and checked against its CRC-32 and size.
 * Returns the names, or throws on the first thing an unzip would refuse.
 */
function unzipNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${i}: bad signature`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + packed);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? raw : undefined;
    if (!data) throw new Error(`${name}: unknown method ${method}`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: size or CRC-32 does not match`);
    names.push(name);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

describe('build', () => {
  it('writes a Chrome manifest with a service worker and no Firefox keys', async () => {
    const dir = await buildTarget('chrome', join(out, 'chrome'));
    const m = manifest(dir);
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.key).toBeUndefined();
    // offscreen: the on-device model's engine host; COOP/COEP give its extension pages threads. scripting: the listing
    // badges' script, registered only while the reader has cards (src/background/badges-script.ts).
    expect(m.permissions).toEqual(['storage', 'scripting', 'offscreen']);
    expect(m.cross_origin_embedder_policy).toEqual({ value: 'require-corp' });
    expect(m.content_security_policy.extension_pages).toContain("'wasm-unsafe-eval'");
    expect(JSON.stringify(m.host_permissions)).not.toMatch(/all_urls/);
    // A page cannot probe chrome-extension://<id>/content-main.js: every web-accessible file is at the session's dynamic URL only.
    expect(m.web_accessible_resources.length).toBeGreaterThan(0);
    for (const r of m.web_accessible_resources) expect(r.use_dynamic_url, r.resources.join()).toBe(true);
    expect(m.web_accessible_resources.flatMap((r: { resources: string[] }) => r.resources)).toContain('content-main.js');
    for (const f of ['background.js', 'content.js', 'content-badges.js', 'content-main.js', 'popup.html', 'popup.js', 'options.html', 'options.js', 'icons/icon-128.png', 'nynorsk/bokmal.json', 'engine.html', 'engine.js', 'wllama.wasm', 'wllama-worker.js']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
  });

  it('gives the popup (inline) and the options page (pages.css) one stylesheet that holds every page sheet, and every file they link exists', async () => {
    const dir = await buildTarget('chrome', join(out, 'chrome-pages'));
    const sheet = readFileSync(join(dir, 'pages.css'), 'utf8');
    // The four sheets, minified, in cascade order (theme first, the page's own layout last): the same rules the pages had.
    const joined = ['theme.css', 'card.css', 'model.css', 'page.css'].map((f) => readFileSync(join('src/ui', f), 'utf8')).join('\n');
    expect(sheet).toBe(transformSync(joined, { loader: 'css', minify: true }).code);
    for (const page of ['popup.html', 'options.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      const links = [...html.matchAll(/<(?:link[^>]*href|script[^>]*src)="([^"]+)"/g)].map((m) => m[1]!);
      // The popup's one request is popup.js: its sheet is inline, before the script, as the only <style>.
      expect(links.filter((l) => l.endsWith('.css')), page).toEqual(page === 'popup.html' ? [] : ['pages.css']);
      const inline = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]);
      expect(inline, page).toEqual(page === 'popup.html' ? [sheet.trim()] : []);
      if (page === 'popup.html') expect(html.indexOf('<style>')).toBeLessThan(html.indexOf('<script'));
      for (const l of links) expect(existsSync(join(dir, l)), `${page} → ${l}`).toBe(true);
    }
  });

  it('ships no bench hook: no script of a normal build holds its names, and a bench build does', async () => {
    const names = /nk-bench|__nkBench|benchAdd|benchReport/;
    const shipped = await buildTarget('chrome', join(out, 'chrome-nobench'));
    const scripts = readdirSync(shipped).filter((f) => f.endsWith('.js'));
    expect(scripts).toContain('content.js');
    for (const f of scripts) expect(readFileSync(join(shipped, f), 'utf8'), f).not.toMatch(names);
    const bench = await buildTarget('chrome', join(out, 'chrome-bench'), { bench: true, metafile: join(out, 'chrome-bench-meta.json') });
    // The bench's metafile (which module adds what) is written beside the build, never into it.
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'chrome-bench-meta.json'), 'utf8')).outputs).some((f) => f.endsWith('content-pill.js'))).toBe(true);
    await expect(buildTarget('chrome', join(out, 'chrome-meta-inside'), { metafile: join(out, 'chrome-meta-inside', 'meta.json') })).rejects.toThrow(/would ship inside/);
    for (const f of ['content.js', 'content-pill.js', 'content-main.js']) expect(readFileSync(join(bench, f), 'utf8'), f).toMatch(names);
  });

  it('writes a Firefox manifest with background scripts, gecko id and data collection permissions', async () => {
    const m = manifest(await buildTarget('firefox', join(out, 'firefox')));
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // Firefox has no offscreen documents and cannot isolate extension pages: the model runs single-threaded in the background page.
    expect(m.permissions).not.toContain('offscreen');
    expect(m.cross_origin_embedder_policy).toBeUndefined();
    // Firefox has no use_dynamic_url: its moz-extension:// UUID is random per install instead.
    for (const r of m.web_accessible_resources) expect(r.use_dynamic_url).toBeUndefined();
  });

  it('adds the fixed key and page-reachable popup only to test builds', async () => {
    const m = manifest(await buildTarget('chrome', join(out, 'chrome-test'), { test: true }));
    expect(m.key).toBe(TEST_CHROME_KEY);
    expect(JSON.stringify(m.web_accessible_resources)).toMatch(/popup\.html/);
    for (const r of m.web_accessible_resources) expect(r.use_dynamic_url, r.resources.join()).toBe(true);
  });

  it('zips a build so that a standard unzip lists every file', async () => {
    const dir = join(out, 'chrome');
    const zip = join(out, 'chrome.zip');
    zipDirectory(dir, zip);
    const names = unzipNames(readFileSync(zip));
    // The reader does check: one changed byte in the first file's data is refused.
    const broken = readFileSync(zip);
    broken[broken.readUInt16LE(26) + 30 + 8]! ^= 0xff;
    expect(() => unzipNames(broken)).toThrow();
    expect(names).toContain('manifest.json');
    expect(names).toContain('icons/icon-16.png');
  });
});
