import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { documentedErrors, pageErrors, renderDocumentedErrors } from '../../scripts/documented-errors.js';
import { ACTIONS } from '../../src/domain/index.js';
import { buildOpenApi } from '../../src/export/openapi.js';
import { DOCUMENTED_ERRORS } from '../../src/protocol/documented-errors.js';
import { REPO_ROOT } from '../support/repo-root.js';

const REFERENCE = join(REPO_ROOT, '..', 'shared', 'ivvy-api-reference');

/** Documented codes no request can meet on Marquee, and why (docs/compatibility.md). */
const NEVER_ANSWERED: Record<number, string> = {
  24151: 'getEmailLogList "Account does not exist": the account behind a signed key always exists',
  24408: 'getFunctionSpaceCategoryList "Feature not allowed": every feature is enabled on every account',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('documented-errors.ts') ? [path] : [];
  });
}

describe('documented errors of each action', () => {
  it('reads both table styles of the reference\'s "Throws" sections', () => {
    const page = ['## Throws', '| **Code** | **Description** |', '| Specific Code: 24096 | Unable to find contact |', '| 24235 | The request is empty   |', '| 24096 | again |'].join('\n');
    assert.deepEqual(pageErrors(page), [
      { code: 24096, description: 'Unable to find contact' },
      { code: 24235, description: 'The request is empty' },
    ]);
  });

  it('is what the reference says (npm run generate)', { skip: !existsSync(REFERENCE) && 'the iVvy reference is not beside this checkout' }, () => {
    const committed = readFileSync(join(REPO_ROOT, 'src', 'protocol', 'documented-errors.ts'), 'utf8');
    assert.equal(committed, renderDocumentedErrors(documentedErrors(REFERENCE)), 'src/protocol/documented-errors.ts is out of date: run npm run generate');
  });

  it('names only codes Marquee answers, or says why a code cannot happen', () => {
    const text = sources(join(REPO_ROOT, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const implemented = new Set(ACTIONS.map((a) => `${a.namespace}.${a.action}`));
    const missing: string[] = [];
    for (const [action, list] of Object.entries(DOCUMENTED_ERRORS)) {
      if (!implemented.has(action)) continue;
      for (const e of list) if (!(e.code in NEVER_ANSWERED) && !new RegExp(`\\b${e.code}\\b`).test(text)) missing.push(`${action} ${e.code}`);
    }
    assert.deepEqual(missing, []);
  });

  it('lists them on each operation of the OpenAPI document', () => {
    const doc = buildOpenApi(ACTIONS, { serverUrl: 'http://127.0.0.1:8787' });
    const op = doc.paths['/api/1.0/contact?action=getContact']!.post as { description: string; 'x-ivvy-errors': unknown };
    assert.deepEqual(op['x-ivvy-errors'], [{ specificCode: 24096, description: 'Unable to find contact' }]);
    assert.match(op.description, /`24096`: Unable to find contact/);
    const withCodes = Object.values(doc.paths).filter((p) => 'x-ivvy-errors' in p.post).length;
    assert.ok(withCodes >= 50, `${withCodes} operations list documented codes`);
  });
});
