/** Where the test build and the screenshots live. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './site';

export const TEST_BUILD = { chrome: join(REPO_ROOT, 'dist-test/chrome'), firefox: join(REPO_ROOT, 'dist-test/firefox') };

/** artifacts/screenshots/<name>.png (git-ignored); creates the folder. */
export function screenshotPath(name: string): string {
  const dir = join(REPO_ROOT, 'artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
