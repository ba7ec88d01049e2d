/**
 * vitest globalSetup for the browser suite: builds the test extension
 * (dist-test/chrome, dist-test/firefox) once before any browser starts.
 */
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './site';

export default function setup(): void {
  if (process.env.NYNORSK_KORT_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['build.mjs', '--test'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
