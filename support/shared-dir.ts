/**
 * Where the third-party texts are: `../shared/fixtures/texts` beside the checkout (as on CI), or $SHARED_FIXTURES.
 * Resolved from the working directory (npm and vitest run in the package root), not from this file's URL,
 * because the benches bundle this module elsewhere.
 */
import { resolve } from 'node:path';

export const SHARED_TEXTS_DIR = process.env.SHARED_FIXTURES ?? resolve(process.cwd(), '../shared/fixtures/texts');
