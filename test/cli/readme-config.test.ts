import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../support/repo-root.js';

const ROOT = REPO_ROOT;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every environment variable the code reads: `env.NAME`, `env['NAME']`, and the config helpers' `('NAME'`. */
function variablesRead(): Set<string> {
  const found = new Set<string>();
  const reads = /(?:\benv\.|\benv\[['"]|envNumber\(['"]|positive\(env, ['"])([A-Z][A-Z0-9_]*)/g;
  for (const file of sources(join(ROOT, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(reads)) found.add(match[1]!);
  }
  return found;
}

it("the README's configuration table lists every environment variable the code reads", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('### Limits'));
  const read = variablesRead();
  for (const name of ['HOST', 'PORT', 'LOG_LEVEL', 'MARQUEE_STRICT', 'MARQUEE_WORKER_POLL_MS', 'MARQUEE_URL']) {
    assert.ok(read.has(name), `the scan finds ${name}`);
  }
  const missing = [...read].filter((name) => !new RegExp(`\`${name}(=[^\`]*)?\``).test(table));
  assert.deepEqual(missing, [], 'documented in the README configuration table');
});

it('the LICENSE file matches package.json', () => {
  const { license } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string };
  assert.equal(license, 'MIT');
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n/);
});
