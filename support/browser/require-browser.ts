/**
 * The browser a suite needs, for suites that skip where it is not installed
 * (the model suites; the main suites fail at launch instead). In CI a missing
 * browser is a failure, never a skip: CI set (and not "false" or "0") means
 * every browser test must run.
 */
export function requireBrowser(browser: 'Chromium' | 'Firefox', exe: string | null, env: NodeJS.ProcessEnv = process.env): string | null {
  const ci = !!env.CI && env.CI !== 'false' && env.CI !== '0';
  if (!exe && ci) {
    const how = browser === 'Chromium' ? 'apt-get install chromium, or set CHROMIUM_PATH' : 'apt-get install firefox-esr, or set FIREFOX_PATH';
    throw new Error(`${browser} is missing, and CI must run every browser test (${how})`);
  }
  return exe;
}
