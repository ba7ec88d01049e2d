/** Where the third-party texts are: `../shared/fixtures/texts` beside the checkout (as on CI), or $SHARED_FIXTURES. */
import { fileURLToPath } from 'node:url';

export const SHARED_TEXTS_DIR = process.env.SHARED_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures/texts', import.meta.url));
