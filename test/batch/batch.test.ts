import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { revokeApiKey } from '../../src/auth/keys.js';
import { purgeExpiredBatches, RESULTS_RETENTION_MS } from '../../src/batch/retention.js';
import { saveBatch } from '../../src/batch/store.js';
import { IvvyApiError } from '../../src/client/index.js';
import { expectApiError } from '../support/api-error.js';
import { describeEachDatabase } from '../support/suite.js';
import { fixtureRegistry } from './fixtures/actions.js';
import { startReceiver, type Receiver } from './fixtures/receiver.js';

type Results = { asyncId: string; results: Array<{ namespace: string; action: string; request: unknown; response: unknown }> };


describeEachDatabase(
  'batch',
  ({ server }) => {
    const client = () => server().client;
    let receiver: Receiver;
    let failCallbacks = 0;
    before(async () => {
      receiver = await startReceiver({ fail: () => failCallbacks-- > 0 });
    });
    after(async () => receiver.close());

    async function waitDone(asyncId: string): Promise<Results> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const { progress } = await client().call<{ progress: number }>('batch', 'progress', { async: asyncId });
        if (progress === 100) return client().call<Results>('batch', 'results', { async: asyncId });
        assert.ok(Date.now() < deadline, 'batch did not complete');
        await new Promise((r) => setTimeout(r, 30));
      }
    }

    it('runs every job through the same dispatch as HTTP and answers exactly what HTTP answers', async () => {
      const jobs = [
        { namespace: 'test', action: 'ping', params: {} },
        { namespace: 'batch', action: 'progress', params: {} },
        { namespace: 'batch', action: 'progress', params: { async: 'nope' } },
        { namespace: 'nosuch', action: 'thing', params: [] },
        { namespace: 'venue', action: 'getVenueList', params: { perPage: 'x' } },
        { namespace: 'fixture', action: 'sleep', params: { ms: 'soon' } },
      ];
      const { asyncId } = await client().call<{ asyncId: string }>('batch', 'run', { jobs });
      assert.match(asyncId, /^[0-9a-f]{32}$/);
      const done = await waitDone(asyncId);
      assert.equal(done.asyncId, asyncId);
      assert.equal(done.results.length, jobs.length);
      for (const [i, job] of jobs.entries()) {
        const item = done.results[i]!;
        assert.equal(item.namespace, job.namespace);
        assert.equal(item.action, job.action);
        assert.deepEqual(item.request, job.params);
        const http = await client().raw(job.namespace, job.action, job.params);
        if (job.action === 'ping') {
          assert.match((item.response as { ack: string }).ack, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
          assert.deepEqual(Object.keys(item.response as object), Object.keys(http.body as object));
        } else {
          assert.deepEqual(item.response, http.body, `${job.namespace}.${job.action}`);
          assert.ok(http.status >= 400);
        }
      }
    });

    it('runs jobs as the submitting key: its account, its user, via batch', async () => {
      const other = await server().newAccount({ withUser: 'secondary' });
      const { asyncId } = await other.client.call<{ asyncId: string }>('batch', 'run', {
        jobs: [{ namespace: 'fixture', action: 'whoami', params: {} }],
      });
      const deadline = Date.now() + 20_000;
      let results: Results | undefined;
      while (!results) {
        try {
          results = await other.client.call<Results>('batch', 'results', { async: asyncId });
        } catch (error) {
          assert.ok(error instanceof IvvyApiError && error.specificCode === 24114, String(error));
          assert.ok(Date.now() < deadline);
          await new Promise((r) => setTimeout(r, 30));
        }
      }
      assert.deepEqual(results.results[0]!.response, {
        accountId: other.accountId,
        userId: other.userId,
        apiKey: other.key,
        via: 'batch',
      });
      // Another account cannot see the batch at all.
      await expectApiError(client().call('batch', 'progress', { async: asyncId }), 404, 24105);
      await expectApiError(client().call('batch', 'results', { async: asyncId }), 404, 24115);
    });

    it('validates the job format with the documented codes', async () => {
      const run = (body: unknown) => client().call('batch', 'run', body);
      const ping = { namespace: 'test', action: 'ping', params: {} };
      await expectApiError(run({}), 400, 23017);
      await expectApiError(run({ jobs: 'ping' }), 400, 24092);
      await expectApiError(run({ jobs: { 0: ping } }), 400, 24092);
      await expectApiError(run({ jobs: [ping, 'ping'] }), 400, 24092);
      await expectApiError(run({ jobs: [{ namespace: 'test', action: 'ping' }] }), 400, 24092);
      await expectApiError(run({ jobs: [{ namespace: 7, action: 'ping', params: {} }] }), 400, 24092);
      await expectApiError(run({ jobs: [{ ...ping, params: 'x' }] }), 400, 24092);
      await expectApiError(run({ jobs: [] }), 400, 24093);
      await expectApiError(run({ jobs: [{ ...ping, namespace: '' }] }), 400, 24093);
      await expectApiError(run({ jobs: [{ ...ping, action: ' ' }] }), 400, 24093);
      await expectApiError(run({ jobs: [{ ...ping, params: null }] }), 400, 24093);
      const tooMany = await expectApiError(run({ jobs: Array.from({ length: 201 }, () => ping) }), 400, 24448);
      assert.equal(tooMany.message.includes('200'), true);
      await expectApiError(run({ jobs: [ping], callbackUrl: 'ftp://example.com/x' }), 400, 23016);
      // 200 jobs and an empty callbackUrl are fine.
      const ok = await client().call<{ asyncId: string }>('batch', 'run', { jobs: Array.from({ length: 200 }, () => ping), callbackUrl: '' });
      assert.equal((await waitDone(ok.asyncId)).results.length, 200);
      const stored = await server().store().selectFrom('batches').select('callback_url').where('id', '=', ok.asyncId).executeTakeFirstOrThrow();
      assert.equal(stored.callback_url, null);
    });

    it('answers 24105 / 24115 for unknown batches and 24114 while a batch runs', async () => {
      await expectApiError(client().call('batch', 'progress', { async: 'f'.repeat(32) }), 404, 24105);
      await expectApiError(client().call('batch', 'results', { async: 'f'.repeat(32) }), 404, 24115);
      await expectApiError(client().call('batch', 'restart', { async: 'f'.repeat(32) }), 404, 24105);
      await expectApiError(client().call('batch', 'repost', { async: 'f'.repeat(32) }), 404, 24105);
      await expectApiError(client().call('batch', 'progress', {}), 400, 23017);
      const { asyncId } = await client().call<{ asyncId: string }>('batch', 'run', {
        jobs: [
          { namespace: 'test', action: 'ping', params: {} },
          { namespace: 'fixture', action: 'sleep', params: { ms: 800 } },
        ],
      });
      await new Promise((r) => setTimeout(r, 300));
      const mid = await client().call<{ progress: number }>('batch', 'progress', { async: asyncId });
      assert.ok(mid.progress >= 0 && mid.progress < 100, `progress ${mid.progress}`);
      await expectApiError(client().call('batch', 'results', { async: asyncId }), 400, 24114);
      await expectApiError(client().call('batch', 'repost', { async: asyncId }), 400, 24114);
      assert.equal((await waitDone(asyncId)).results.length, 2);
    });

    it('POSTs the results to callbackUrl, retrying failed deliveries with backoff; repost re-sends', async () => {
      failCallbacks = 2;
      const before = receiver.received.length;
      const { asyncId } = await client().call<{ asyncId: string }>('batch', 'run', {
        jobs: [{ namespace: 'test', action: 'ping', params: {} }],
        callbackUrl: receiver.url,
      });
      await receiver.waitFor((all) => all.slice(before).some((r) => r.status === 200));
      const attempts = receiver.received.slice(before);
      assert.deepEqual(attempts.map((r) => r.status), [500, 500, 200]);
      const results = await client().call<Results>('batch', 'results', { async: asyncId });
      assert.deepEqual(JSON.parse(attempts[2]!.body), results);
      assert.match(String(attempts[2]!.headers['content-type']), /^application\/json/);
      const row = await server().store().selectFrom('batches').selectAll().where('id', '=', asyncId).executeTakeFirstOrThrow();
      assert.equal(row.callback_status, 'delivered');
      assert.equal(row.callback_attempts, 3);

      assert.deepEqual(await client().call('batch', 'repost', { async: asyncId }), { reposted: true });
      await receiver.waitFor((all) => all.slice(before).filter((r) => r.status === 200).length === 2);
      assert.deepEqual(JSON.parse(receiver.received.at(-1)!.body), results);

      const quiet = await client().call<{ asyncId: string }>('batch', 'run', { jobs: [{ namespace: 'test', action: 'ping', params: {} }] });
      await waitDone(quiet.asyncId);
      assert.deepEqual(await client().call('batch', 'repost', { async: quiet.asyncId }), { reposted: false });
    });

    it('restart runs the whole batch again', async () => {
      const marker = `restart-${Date.now()}`;
      const { asyncId } = await client().call<{ asyncId: string }>('batch', 'run', {
        jobs: [{ namespace: 'fixture', action: 'record', params: { marker } }],
      });
      const first = await waitDone(asyncId);
      assert.deepEqual(first.results[0]!.response, { recorded: marker });
      assert.deepEqual(await client().call('batch', 'restart', { async: asyncId }), { restarted: true });
      const again = await waitDone(asyncId);
      assert.deepEqual(again.results[0]!.response, { recorded: marker });
      const rows = await server().store().selectFrom('changes').select('body').execute();
      assert.equal(rows.filter((r) => r.body.includes(marker)).length, 2, 'the write job ran once per run');
    });

    it('answers 401/463 for jobs of a key revoked before they ran', async () => {
      const other = await server().newAccount();
      const asyncId = await server()
        .store(other.accountId)
        .transaction((tx) =>
          saveBatch(tx, {
            jobs: [{ namespace: 'test', action: 'ping', params: {} }],
            callbackUrl: null,
            userId: null,
            apiKey: other.key,
            now: Date.now(),
          }),
        );
      await revokeApiKey(server().runtime.storage.db, other.key);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const row = await server().store(other.accountId).selectFrom('batch_jobs').select('response').where('batch_id', '=', asyncId).executeTakeFirstOrThrow();
        if (row.response !== null) {
          assert.deepEqual(JSON.parse(row.response), { errorCode: 463, message: 'Key Revoked', specificCode: 23007 });
          break;
        }
        assert.ok(Date.now() < deadline);
        await new Promise((r) => setTimeout(r, 30));
      }
    });

    it('purges results 2 days after completion', async () => {
      const { asyncId } = await client().call<{ asyncId: string }>('batch', 'run', { jobs: [{ namespace: 'test', action: 'ping', params: {} }] });
      await waitDone(asyncId);
      const db = server().runtime.storage.db;
      assert.equal(await purgeExpiredBatches(db), 0);
      await db.updateTable('batches').set({ completed_at: Date.now() - RESULTS_RETENTION_MS + 60_000 }).where('id', '=', asyncId).execute();
      assert.equal(await purgeExpiredBatches(db), 0, 'not yet 2 days');
      await db.updateTable('batches').set({ completed_at: Date.now() - RESULTS_RETENTION_MS - 1 }).where('id', '=', asyncId).execute();
      assert.equal(await purgeExpiredBatches(db), 1);
      await expectApiError(client().call('batch', 'results', { async: asyncId }), 404, 24115);
      const jobs = await db.selectFrom('batch_jobs').select('position').where('batch_id', '=', asyncId).execute();
      assert.equal(jobs.length, 0);
    });

    it('client.batch.runAndWait submits, follows progress and returns the results', async () => {
      const seen: number[] = [];
      const out = await client().batch.runAndWait(
        [
          { namespace: 'fixture', action: 'sleep', params: { ms: 300 } },
          { namespace: 'test', action: 'ping', params: {} },
        ],
        { pollMs: 50, onProgress: (p) => seen.push(p) },
      );
      assert.equal(out.results.length, 2);
      assert.deepEqual(out.results[0]!.response, { slept: 300 });
      assert.equal(seen.at(-1), 100);
      await assert.rejects(client().batch.runAndWait([]), (e: unknown) => e instanceof IvvyApiError && e.specificCode === 24093);
    });
  },
  { workers: { pollMs: 50, retryBaseMs: 100, retryMaxMs: 200 } },
  { registry: fixtureRegistry() },
);
