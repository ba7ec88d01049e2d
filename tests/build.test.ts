import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: build.mjs is plain JavaScript
import { buildTarget, GECKO_ID, TEST_CHROME_KEY } from '../build.mjs';
// @ts-expect-error: plain JavaScript
import { zipDirectory } from '../scripts/zip.mjs';

const out = mkdtempSync(join(tmpdir(), 'nk-build-'));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('build', () => {
  it('writes a Chrome manifest with a service worker and no Firefox keys', async () => {
    const dir = await buildTarget('chrome', join(out, 'chrome'));
    const m = manifest(dir);
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.key).toBeUndefined();
    // offscreen: the on-device model's engine host; COOP/COEP give its extension pages threads.
    expect(m.permissions).toEqual(['storage', 'offscreen']);
    expect(m.cross_origin_embedder_policy).toEqual({ value: 'require-corp' });
    expect(m.content_security_policy.extension_pages).toContain("'wasm-unsafe-eval'");
    expect(JSON.stringify(m.host_permissions)).not.toMatch(/all_urls/);
    for (const f of ['background.js', 'content.js', 'content-main.js', 'popup.html', 'popup.js', 'options.html', 'options.js', 'icons/icon-128.png', 'nynorsk/bokmal.json', 'engine.html', 'engine.js', 'wllama.wasm', 'wllama-worker.js']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
  });

  it('writes a Firefox manifest with background scripts, gecko id and data collection permissions', async () => {
    const m = manifest(await buildTarget('firefox', join(out, 'firefox')));
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // Firefox has no offscreen documents and cannot isolate extension pages: the model runs single-threaded in the background page.
    expect(m.permissions).not.toContain('offscreen');
    expect(m.cross_origin_embedder_policy).toBeUndefined();
  });

  it('adds the fixed key and page-reachable popup only to test builds', async () => {
    const m = manifest(await buildTarget('chrome', join(out, 'chrome-test'), { test: true }));
    expect(m.key).toBe(TEST_CHROME_KEY);
    expect(JSON.stringify(m.web_accessible_resources)).toMatch(/popup\.html/);
  });

  it('zips a build so that a standard unzip lists every file', async () => {
    const dir = join(out, 'chrome');
    const zip = join(out, 'chrome.zip');
    zipDirectory(dir, zip);
    const listing = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print("\\n".join(z.namelist()))', zip], { encoding: 'utf8' });
    const [bad, ...names] = listing.trim().split('\n');
    expect(bad).toBe('None');
    expect(names).toContain('manifest.json');
    expect(names).toContain('icons/icon-16.png');
  });
});
