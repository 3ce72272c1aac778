import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { generateActionTypes } from '../../scripts/sdk-types.js';
import { REPO_ROOT } from '../support/repo-root.js';

// The SDK's types are generated from the registry; a change to an action's schemas without
// `npm run generate` would ship an SDK that no longer matches the server.
it('src/protocol/action-types.ts is what the registry generates (run `npm run generate`)', async () => {
  const committed = readFileSync(join(REPO_ROOT, 'src', 'protocol', 'action-types.ts'), 'utf8');
  assert.ok(committed === (await generateActionTypes()), 'src/protocol/action-types.ts is out of date: run `npm run generate`');
});
