#!/usr/bin/env node
/**
 * Screenshots every UI view (popup states, overlay pill/panel on a stand-in
 * article page, options) in light and dark, wide and narrow, with the real
 * components, into artifacts/ui-preview/. Needs Debian chromium
 * (/usr/lib/chromium/chromium or $CHROMIUM_PATH).
 *
 *   npm run ui:preview            # all views
 *   npm run ui:preview -- popup   # only views whose name contains "popup"
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'artifacts', 'ui-preview');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const filter = process.argv[2] ?? '';

if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}

mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'scripts', 'ui-preview', 'page.tsx')],
  bundle: true,
  format: 'iife',
  outfile: join(out, 'preview.js'),
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.css': 'text' },
  logLevel: 'warning',
});
writeFileSync(
  join(out, 'index.html'),
  '<!doctype html><html lang="nn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"></head><body><div id="app"></div><script src="preview.js"></script></body></html>',
);

const wide = { width: 1280, height: 800 };
const narrow = { width: 390, height: 844 };
const popup = { width: 380, height: 120 };
const views = [
  ...['ready', 'digest', 'loading', 'none', 'error'].map((s) => ({ name: `popup-${s}`, hash: `popup-${s}`, viewport: popup, fullPage: true })),
  { name: 'overlay-pill-wide', hash: 'overlay-pill-ready', viewport: wide },
  { name: 'overlay-pill-loading-wide', hash: 'overlay-pill-loading', viewport: wide },
  { name: 'overlay-open-wide', hash: 'overlay-open-ready', viewport: wide, openFaq: true },
  { name: 'overlay-open-narrow', hash: 'overlay-open-ready', viewport: narrow },
  { name: 'overlay-pill-narrow', hash: 'overlay-pill-ready', viewport: narrow },
  { name: 'overlay-open-digest-wide', hash: 'overlay-open-digest', viewport: wide },
  { name: 'options', hash: 'options', viewport: { width: 900, height: 820 } },
  { name: 'options-key-needs-endpoint', hash: 'options-badkey', viewport: { width: 900, height: 820 }, scrollTo: '[data-testid=api-key]' },
  { name: 'options-saved', hash: 'options', viewport: { width: 900, height: 820 }, click: 'Opne kortet med ein gong' },
  // Issue 15: the card's actions, the feedback form, the copy fallback, recent cards, shortcuts and feedback export, listing badges.
  { name: 'popup-actions', hash: 'popup-ready', viewport: { width: 380, height: 900 }, press: '[data-testid=copy-more]', scrollTo: '[data-testid=card-actions]' },
  { name: 'popup-copied', hash: 'popup-ready', viewport: { width: 380, height: 900 }, press: '[data-testid=copy-card]', scrollTo: '[data-testid=card-actions]', grant: true },
  { name: 'popup-copy-blocked', hash: 'popup-ready-blocked', viewport: { width: 380, height: 900 }, press: '[data-testid=copy-card]', scrollTo: '[data-testid=card-actions]' },
  { name: 'popup-feedback', hash: 'popup-ready', viewport: { width: 380, height: 900 }, press: '[data-testid=feedback-open]', scrollTo: '[data-testid=card-actions]' },
  { name: 'popup-recent', hash: 'popup-none', viewport: popup, fullPage: true },
  { name: 'options-reader', hash: 'options', viewport: { width: 900, height: 820 }, scrollTo: '[data-testid=shortcuts]', fullPage: true },
  { name: 'listing-badges', hash: 'listing', viewport: { width: 900, height: 420 } },
].filter((v) => v.name.includes(filter));

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const errors = [];
try {
  for (const scheme of ['light', 'dark']) {
    for (const v of views) {
      const page = await browser.newPage({ viewport: v.viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      page.on('pageerror', (e) => errors.push(`${v.name}: ${e.message}`));
      await page.goto(`${pathToFileURL(join(out, 'index.html')).href}#${v.hash}`);
      await page.waitForTimeout(150);
      if (v.hash.startsWith('overlay')) {
        // The pill's sheet always; the panel's sheet too once the card is open.
        const want = v.hash.includes('-open-') ? 2 : 1;
        const how = await page.evaluate((n) => {
          const shadow = document.querySelector('[data-nynorsk-kort-overlay]')?.shadowRoot;
          if (!shadow) return 'no host';
          return shadow.adoptedStyleSheets.length === n ? 'adopted' : `not adopted (${shadow.adoptedStyleSheets.length} sheets, expected ${n})`;
        }, want);
        if (how !== 'adopted') errors.push(`${v.name}: overlay stylesheet ${how}`);
      }
      if (v.openFaq) {
        // Open the first question from the keyboard, as a user would.
        await page.locator('[data-testid=faq-item] button').first().focus();
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
      }
      if (v.grant) await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      if (v.press) {
        await page.locator(v.press).first().click();
        await page.waitForTimeout(200);
      }
      if (v.scrollTo) await page.locator(v.scrollTo).first().scrollIntoViewIfNeeded();
      if (v.click) {
        await page.getByRole('radio', { name: v.click }).click();
        await page.getByText('Innstillinga er lagra.').waitFor();
      }
      const file = join(out, `${v.name}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: v.fullPage ?? false });
      console.log(file.slice(root.length + 1));
      await page.close();
    }
  }
} finally {
  await browser.close();
}
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
