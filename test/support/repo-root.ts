/**
 * The checkout's root directory. `npm test` runs compiled copies of the tests from a build
 * directory (scripts/run-tests.mjs) whose package.json is a link to the checkout's, so the real
 * root is found through that link; run in place, it is simply two directories up.
 */
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = dirname(realpathSync(fileURLToPath(new URL('../../package.json', import.meta.url))));
