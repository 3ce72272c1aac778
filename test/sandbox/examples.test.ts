import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/repo-root.js';

const run = promisify(execFile);

// The examples users copy (examples/): each test framework runs its example against
// `marquee/sandbox`, which from the repository is dist/ (`npm test` builds it first).
const EXAMPLES: Array<{ name: string; args: string[]; passed: RegExp }> = [
  { name: 'node:test', args: ['--test', join('examples', 'node-test')], passed: /^# pass 1$/m },
  {
    name: 'Vitest',
    args: [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', join('examples', 'vitest', 'vitest.config.mjs')],
    passed: /Tests\s+1 passed/,
  },
  {
    name: 'Jest',
    args: ['--experimental-vm-modules', join('node_modules', 'jest', 'bin', 'jest.js'), '--config', join('examples', 'jest', 'jest.config.mjs')],
    passed: /Tests:\s+1 passed, 1 total/,
  },
];

describe('the sandbox examples', () => {
  // Each example is a process of its own (a framework and a sandbox); they run side by side.
  const results = new Map(
    EXAMPLES.map((example) => {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
      // A node:test child of a test run would report to this runner instead of printing its results.
      delete env.NODE_TEST_CONTEXT;
      delete env.NODE_OPTIONS;
      const outcome = run(process.execPath, example.args, { cwd: REPO_ROOT, env, timeout: 120_000 }).then(
        ({ stdout, stderr }) => ({ code: 0, output: `${stdout}\n${stderr}` }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ''}\n${error.stderr ?? ''}` }),
      );
      return [example.name, outcome] as const;
    }),
  );

  for (const example of EXAMPLES) {
    it(`runs the ${example.name} example to a pass`, async () => {
      const { code, output } = await results.get(example.name)!;
      assert.equal(code, 0, output);
      assert.match(output, example.passed, output);
    });
  }
});
