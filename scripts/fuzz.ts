/**
 * The long fuzz run: `npm run fuzz -- --count 100000 --seed 7 [--database sqlite|postgres|both]`.
 * The same generator as the standing suite (test/security/fuzz.test.ts), on a fresh seeded
 * database per kind; prints the answers by status and every failure, and exits 1 on any.
 */
import { parseArgs } from 'node:util';
import { ACTIONS } from '../src/domain/index.js';
import { seedAccount } from '../src/seed/seed.js';
import type { DatabaseKind } from '../test/support/databases.js';
import { runFuzz } from '../test/support/fuzz/run.js';
import { startTestServer } from '../test/support/server.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    database: { type: 'string', default: 'both' },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --count N --seed N [--database sqlite|postgres|both]');
  process.exit(2);
}
const kinds: DatabaseKind[] = values.database === 'both' ? ['sqlite', 'postgres'] : [values.database as DatabaseKind];

let failed = 0;
for (const kind of kinds) {
  const server = await startTestServer(kind, { authFailuresPerSecond: 0 });
  try {
    await seedAccount(server.runtime, { accountId: server.accountId, contacts: 30, randomSeed: 13 });
    const started = Date.now();
    const report = await runFuzz({
      server,
      actions: ACTIONS,
      knownIds: Array.from({ length: 30 }, (_, i) => i + 1),
      count,
      seed,
      onProgress: (done) => process.stderr.write(`${kind}: ${done}/${count}\r`),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\n${kind}: ${report.requests} requests in ${seconds} s (seed ${seed}), ${report.batches} batches`);
    console.table(Object.entries(report.statuses).map(([status, n]) => ({ status: Number(status), answers: n })));
    for (const f of report.failures) console.log(`FAIL ${f.problem} (HTTP ${f.status})\n  ${f.request}\n  ${f.body}`);
    failed += report.failures.length;
  } finally {
    await server.close();
  }
}
console.log(failed === 0 ? 'no failures' : `${failed} failures`);
process.exit(failed === 0 ? 0 : 1);
