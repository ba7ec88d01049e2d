/**
 * The manifest injects the pill's script (content-pill.js) by itself only on
 * URLs that look like articles or threads, and the gate (content.js) takes a
 * page without it for one with no article. So the manifest's URL filter must
 * take every URL recognisePage takes; it may take a few more (the pill's
 * script then finds no article and does nothing), but no listing the
 * fixtures hold. Matching as the browsers do: match patterns, then
 * include_globs and exclude_globs over the whole URL (`*` any run of characters).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_TYPES, recognisePage } from '../../src/core/recognise';

const ROOT = join(import.meta.dirname, '../..');
type Entry = { matches: string[]; include_globs?: string[]; exclude_globs?: string[]; js: string[]; run_at: string };
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { content_scripts: Entry[]; web_accessible_resources: Array<{ resources: string[] }> };

const escape = (s: string) => s.replace(/[.+^${}()|[\]\\?]/g, '\\$&');
const globRe = (g: string) => new RegExp(`^${g.split('*').map(escape).join('.*')}$`);
/** A match pattern: scheme://host/path, `*` in the path only here; the query is part of what the path matches. */
const patternRe = (p: string) => globRe(p);

function injects(entry: Entry, url: string): boolean {
  const u = new URL(url);
  const forPattern = `${u.protocol}//${u.host}${u.pathname}${u.search}`;
  const whole = `${u.origin}${u.pathname}${u.search}`;
  if (!entry.matches.some((p) => patternRe(p).test(forPattern))) return false;
  if (entry.include_globs && !entry.include_globs.some((g) => globRe(g).test(whole))) return false;
  return !(entry.exclude_globs ?? []).some((g) => globRe(g).test(whole));
}

const gate = manifest.content_scripts.find((e) => e.js.includes('content.js'))!;
const pill = manifest.content_scripts.find((e) => e.js.includes('content-pill.js'))!;

const fixtures = readdirSync(join(ROOT, 'tests/fixtures/pages'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/pages', d.name, 'page.json'), 'utf8')) as { url: string; expected: { kind: string } });

// Every article type recognise.ts knows, under both roots: a type added there without a glob here fails.
const GENERATED = ['tech', 'it-security'].flatMap((root) => ARTICLE_TYPES.map((type) => `https://www.spiceworks.com/${root}/some-section/${type}/some-story/`));

const MORE = [
  ...GENERATED,
  'https://www.spiceworks.com/tech/cloud/news/',
  'https://www.spiceworks.com/tech/cloud/news/page/2/',
  'https://www.spiceworks.com/tech/cloud/news/azure-outage/?utm_source=x',
  'https://www.spiceworks.com/it-security/vulnerability-management/news/ivanti-zero-days/',
  'https://www.spiceworks.com/tech/devops/articles/what-is-json/',
  'https://www.spiceworks.com/tech/it-careers-skills/guest-article/help-desk-to-cloud/',
  'https://www.spiceworks.com/tech/data-management/interviews/passkeys/',
  'https://www.spiceworks.com/tech/',
  'https://www.spiceworks.com/user/about/maren-holt/',
  'https://community.spiceworks.com/t/print-spooler/912345',
  'https://community.spiceworks.com/t/print-spooler/912345/7',
  'https://community.spiceworks.com/topic/912345-print-spooler',
  'https://community.spiceworks.com/latest',
  'https://community.spiceworks.com/c/windows/12',
];

describe('which pages the manifest gives the pill’s script', () => {
  it('content.js runs on every Spiceworks page at document_start; content-pill.js too, on its URLs, and is web-accessible for the gate’s import', () => {
    expect(gate).toMatchObject({ matches: ['https://www.spiceworks.com/*', 'https://community.spiceworks.com/*'], run_at: 'document_start' });
    expect(gate.include_globs).toBeUndefined();
    expect(pill.run_at).toBe('document_start');
    // The gate's entry comes first: the browsers inject the manifest's scripts in its order, so the gate's bench banner and init come first.
    expect(manifest.content_scripts.indexOf(gate)).toBeLessThan(manifest.content_scripts.indexOf(pill));
    expect(manifest.web_accessible_resources.flatMap((r) => r.resources)).toContain('content-pill.js');
  });

  it('every fixture page with an article or a thread gets it, no fixture page without one does', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    for (const f of fixtures) expect(injects(pill, f.url), f.url).toBe(f.expected.kind !== 'none');
  });

  it('takes every URL recognisePage takes, and none of the listings', () => {
    for (const url of GENERATED) expect(recognisePage(url).kind, url).toBe('article');
    for (const url of MORE) {
      const kind = recognisePage(url).kind;
      if (kind !== 'none') expect(injects(pill, url), url).toBe(true);
      expect(injects(gate, url), url).toBe(true);
    }
    for (const url of ['https://www.spiceworks.com/tech/cloud/news/', 'https://www.spiceworks.com/tech/cloud/news/page/2/', 'https://www.spiceworks.com/tech/', 'https://community.spiceworks.com/latest']) {
      expect(injects(pill, url), url).toBe(false);
    }
  });
});
