/**
 * The demo behind `npm start`: opens Chromium with the built extension
 * (dist/chrome) on the Meta article fixture, served offline by request
 * interception exactly as the browser tests do.
 *
 *   npm start                      a window with the card open; stays until you close it
 *   npm start -- --headless        (or NYNORSK_KORT_HEADLESS=1, or no $DISPLAY)
 *                                  saves artifacts/demo/overlay.png and popup.png and
 *                                  prints the card as text
 *
 * Chromium is found through $CHROMIUM_PATH or the usual Debian/Ubuntu paths;
 * without it the demo says in one line how to install it and exits 0 (the
 * build has already been made by then).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cardToText } from '../src/cli/card-to-text';
import { ChromiumHarness, chromiumPath } from '../support/browser/chromium';
import { openArticle, openPanel } from '../support/browser/flow';
import { REPO_ROOT, Site } from '../support/browser/site';
import type { Tab } from '../support/browser/types';
import { waitForSnapshot } from '../support/browser/wait';

/** The fixture page the demo shows (tests/fixtures/pages/<name>). */
const DEMO_PAGE = 'meta-ai-workforce';

type Options = { headless: boolean; extensionDir: string };

/** Headless when asked for, or when there is no display to open a window on. */
export function wantsHeadless(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv.includes('--headless')) return true;
  if (argv.includes('--headed')) return false;
  if (env.NYNORSK_KORT_HEADLESS && env.NYNORSK_KORT_HEADLESS !== '0') return true;
  return process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

async function run({ headless, extensionDir }: Options): Promise<void> {
  const site = new Site();
  const page = site.addFixture(DEMO_PAGE);
  const h = await ChromiumHarness.launch({ extensionDir, site, headless });
  try {
    const { tab, tabId, card } = await openArticle(h, page.url, { width: 1400, height: 900 });
    await openPanel(tab);
    if (!headless) {
      // The persistent profile opens with an empty tab: close it, so the article is what the window shows.
      for (const p of h.context.pages()) if (p.url() === 'about:blank') await p.close();
      console.log(`Chromium viser ${page.url} med Nynorsk-kort. Lukk vindauget for å avslutte.`);
      await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
      return;
    }
    const outDir = join(REPO_ROOT, 'artifacts/demo');
    mkdirSync(outDir, { recursive: true });
    const overlayPng = join(outDir, 'overlay.png');
    await tab.screenshot(overlayPng);
    const popup: Tab = await h.openPopup(tabId);
    await popup.setViewport(400, 600);
    await waitForSnapshot(popup, 'the card in the popup', (s) => s.card !== null, 'page');
    const popupPng = join(outDir, 'popup.png');
    await popup.screenshot(popupPng, { fullPage: true });
    console.log(cardToText(card));
    console.log('');
    console.log(`Skjermbilete: ${relative(process.cwd(), overlayPng)}, ${relative(process.cwd(), popupPng)}`);
  } finally {
    await h.close();
  }
}

async function main(): Promise<number> {
  const extensionDir = join(REPO_ROOT, 'dist/chrome');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.error('Fann ikkje dist/chrome: byggj først med «npm run build» (eller bruk «npm start»).');
    return 1;
  }
  if (!chromiumPath()) {
    const why = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH (${process.env.CHROMIUM_PATH}) finst ikkje` : 'fann ikkje Chromium';
    console.log(
      `Utvidinga er bygd i dist/, men demoen treng Chromium (${why}): installer han med «sudo apt-get install chromium» (Debian/Ubuntu) eller set CHROMIUM_PATH til nettlesaren.`,
    );
    return 0;
  }
  await run({ headless: wantsHeadless(process.argv.slice(2), process.env), extensionDir });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Demoen feila:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
