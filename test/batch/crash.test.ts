import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DATABASE_KINDS } from '../support/databases.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { prepareSharedDatabase, until, type SharedDatabase } from './fixtures/setup.js';

const JOBS = 60;

for (const kind of DATABASE_KINDS) {
  describe(`batch crash safety [${kind}]`, () => {
    let shared: SharedDatabase;
    const children: ChildServer[] = [];
    before(async () => {
      shared = await prepareSharedDatabase(kind);
    });
    after(async () => {
      for (const child of children) await child.kill();
      await shared.close();
    });

    /** Per job: is its completion recorded, and how many change rows did its write leave? */
    async function ledger(asyncId: string, prefix: string) {
      const db = shared.runtime.storage.db;
      const jobs = await db
        .selectFrom('batch_jobs')
        .select(['position', 'completed_at'])
        .where('batch_id', '=', asyncId)
        .orderBy('position')
        .execute();
      const writes = new Map<string, number>();
      for (const c of await db.selectFrom('changes').select('body').where('account_id', '=', shared.accountId).execute()) {
        const marker = (JSON.parse(c.body) as { data: { marker: string } }).data.marker;
        writes.set(marker, (writes.get(marker) ?? 0) + 1);
      }
      return jobs.map((j) => ({ completed: j.completed_at !== null, writes: writes.get(`${prefix}-${j.position}`) ?? 0 }));
    }

    it('finishes a batch after SIGKILL: no job lost, no completed write job run twice', async () => {
      const prefix = randomUUID();
      const first = await startChildServer(shared.env);
      children.push(first);
      const { asyncId } = await shared.clientFor(first.url).call<{ asyncId: string }>('batch', 'run', {
        jobs: Array.from({ length: JOBS }, (_, i) => ({
          namespace: 'fixture',
          action: 'record',
          // Sleeping inside the job's transaction makes the kill land mid-job most of the time.
          params: { marker: `${prefix}-${i}`, sleepMs: 40 },
        })),
      });

      await until(async () => (await ledger(asyncId, prefix)).filter((j) => j.completed).length >= 15, 'a third of the jobs');
      await first.kill();

      const atKill = await ledger(asyncId, prefix);
      const doneAtKill = atKill.filter((j) => j.completed).length;
      assert.ok(doneAtKill < JOBS, 'the kill landed before the batch finished');
      for (const [position, job] of atKill.entries()) {
        // A job's writes and its completion committed together, or neither did.
        assert.equal(job.writes, job.completed ? 1 : 0, `job ${position} at the kill`);
      }

      const second = await startChildServer(shared.env);
      children.push(second);
      const client = shared.clientFor(second.url);
      await until(async () => (await client.call<{ progress: number }>('batch', 'progress', { async: asyncId })).progress === 100, 'the batch to finish', 120_000);

      const results = await client.call<{ results: Array<{ response: unknown }> }>('batch', 'results', { async: asyncId });
      assert.equal(results.results.length, JOBS);
      for (const [i, item] of results.results.entries()) assert.deepEqual(item.response, { recorded: `${prefix}-${i}` });
      const final = await ledger(asyncId, prefix);
      assert.deepEqual(
        final.map((j, position) => ({ position, ...j })).filter((j) => !j.completed || j.writes !== 1),
        [],
        'every job completed, each write exactly once',
      );
    });
  });
}
