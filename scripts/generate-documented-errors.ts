/**
 * Writes src/protocol/documented-errors.ts from the iVvy API reference beside the checkout
 * (../shared/ivvy-api-reference, or IVVY_REFERENCE_DIR).
 *
 *   npm run generate          # rewrites it with the SDK types
 *   (test/export/documented-errors.test.ts fails when the file is out of date)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentedErrors, renderDocumentedErrors } from './documented-errors.js';

const reference = process.env.IVVY_REFERENCE_DIR ?? fileURLToPath(new URL('../../shared/ivvy-api-reference', import.meta.url));
const target = fileURLToPath(new URL('../src/protocol/documented-errors.ts', import.meta.url));
if (!existsSync(reference)) {
  console.error(`no iVvy API reference at ${reference}: ${target} left as it is (set IVVY_REFERENCE_DIR)`);
} else {
  writeFileSync(target, renderDocumentedErrors(documentedErrors(reference)));
  console.log(`wrote ${target}`);
}
