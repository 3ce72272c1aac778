import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { generateActionTypes } from '../../scripts/sdk-types.js';

// The SDK's types are generated from the registry; a change to an action's schemas without
// `npm run generate` would ship an SDK that no longer matches the server.
it('src/protocol/action-types.ts is what the registry generates (run `npm run generate`)', async () => {
  const committed = readFileSync(new URL('../../src/protocol/action-types.ts', import.meta.url), 'utf8');
  assert.ok(committed === (await generateActionTypes()), 'src/protocol/action-types.ts is out of date: run `npm run generate`');
});
