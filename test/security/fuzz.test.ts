import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { ACTIONS } from '../../src/domain/index.js';
import { seedAccount } from '../../src/seed/seed.js';
import { runFuzz } from '../support/fuzz/run.js';
import { describeEachDatabase } from '../support/suite.js';

// The standing fuzz suite: a fixed seed and a bounded count, so it is the same run every time
// (`npm run fuzz -- --count 100000 --seed N` runs a long one). Requests are generated from the
// registry, so every action that lands is fuzzed without a test of its own.
const COUNT = Number(process.env.MARQUEE_FUZZ_COUNT ?? 2_500);
// PostgreSQL replays the first part of the same sequence: every request there costs several times
// as much (the no-write check counts every account table after each refused write).
const POSTGRES_COUNT = Number(process.env.MARQUEE_FUZZ_COUNT ?? 1_500);
const SEED = Number(process.env.MARQUEE_FUZZ_SEED ?? 20261203);

describeEachDatabase(
  'fuzzed requests',
  ({ server, kind }) => {
    const count = kind === 'postgres' ? POSTGRES_COUNT : COUNT;
    let knownIds: number[] = [];
    before(async () => {
      await seedAccount(server().runtime, { accountId: server().accountId, contacts: 30, randomSeed: 13 });
      knownIds = Array.from({ length: 30 }, (_, i) => i + 1);
    });

    it(`answers ${kind === 'postgres' ? POSTGRES_COUNT : COUNT} generated requests with the envelope, no 5xx, no crash, and no write when refused`, async () => {
      const report = await runFuzz({ server: server(), actions: ACTIONS, knownIds, count, seed: SEED });
      const shown = report.failures.slice(0, 10).map((f) => `${f.problem} (HTTP ${f.status})\n  ${f.request}\n  ${f.body}`);
      assert.deepEqual(shown, [], `${report.failures.length} failures; statuses ${JSON.stringify(report.statuses)}`);
      assert.equal(report.requests, count);
      // The run reached handlers, not only the validator.
      assert.ok((report.statuses[200] ?? 0) > count / 10, JSON.stringify(report.statuses));
      assert.ok(report.batches > 0);
    });
  },
  { authFailuresPerSecond: 0 },
);
