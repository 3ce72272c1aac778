/**
 * Writes src/protocol/action-types.ts: the parameter and result types of every implemented
 * action, for the SDK, generated from the registry's schemas (registry/json-schema.ts) by
 * json-schema-to-typescript. The SDK then needs nothing from the server side to be typed.
 *
 *   npm run generate          # rewrite the file
 *   (test/protocol/action-types.test.ts fails when the file is out of date)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateActionTypes } from './sdk-types.js';

const target = fileURLToPath(new URL('../src/protocol/action-types.ts', import.meta.url));
writeFileSync(target, await generateActionTypes());
console.log(`wrote ${target}`);
