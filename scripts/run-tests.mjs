#!/usr/bin/env node
// Runs every test/**/*.test.ts with node:test + tsx, against SQLite and PostgreSQL.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return collect(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
// The longest files start first, so the run does not end on one of them with the other
// workers idle (measured: each takes minutes, most files take seconds).
const SLOW_FIRST = [
  'test/sync/tryton/scenario.test.ts',
  'test/cli/seed-reset.test.ts',
  'test/cli/subscriptions.test.ts',
  'test/client/package.test.ts',
  'test/cli/keys-call-actions.test.ts',
  'test/notify/dead-letter.test.ts',
  'test/notify/delivery.test.ts',
  'test/security/fuzz.test.ts',
];
const rank = (f) => (SLOW_FIRST.includes(f) ? SLOW_FIRST.indexOf(f) : SLOW_FIRST.length);
const files = collect('test')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
  .sort((a, b) => rank(a) - rank(b));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = process.env.MARQUEE_TEST_CONCURRENCY ?? '3';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      MARQUEE_VALIDATE_RESULTS: '1',
      // `npm test` builds dist/ first (pretest): CLI tests then run the built command.
      ...(process.env.npm_lifecycle_event === 'test' ? { MARQUEE_TEST_CLI: 'dist' } : {}),
    },
  },
);
process.exit(result.status ?? 1);
