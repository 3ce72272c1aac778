import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DATABASE_KINDS } from '../support/databases.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { confirmingSubscriber, startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { prepareSharedDatabase, until, type SharedDatabase } from '../batch/fixtures/setup.js';

const CHANGES = 40;
const BATCHES = 4;
const JOBS = 25;

// Several server processes on one database are a PostgreSQL deployment.
for (const kind of DATABASE_KINDS.filter((k) => k === 'postgres')) {
  describe(`two server processes on one database [${kind}]`, () => {
    let shared: SharedDatabase;
    let receiver: Receiver;
    const children: ChildServer[] = [];
    before(async () => {
      // No process dies here, so leases keep their production length: any duplicate would be a bug.
      shared = await prepareSharedDatabase(kind, { MARQUEE_WORKER_LEASE_MS: '30000' });
      receiver = await startReceiver({
        delayMs: 5,
        onRequest: confirmingSubscriber,
      });
    });
    after(async () => {
      for (const child of children) await child.stop();
      await receiver.close();
      await shared.close();
    });

    it('share batches and deliveries without running or delivering anything twice', async () => {
      const servers = [await startChildServer(shared.env), await startChildServer(shared.env)];
      children.push(...servers);
      const clients = servers.map((s) => shared.clientFor(s.url));
      const db = shared.runtime.storage.db;
      await clients[0]!.call('account', 'subscribeToNotifications', { contactsEndpoint: receiver.url });
      await until(
        async () => (await db.selectFrom('notification_subscriptions').select('status').executeTakeFirst())?.status === 'confirmed',
        'the subscription to be confirmed',
      );

      const prefix = randomUUID();
      const batchIds: string[] = [];
      for (let b = 0; b < BATCHES; b++) {
        const { asyncId } = await clients[b % 2]!.call<{ asyncId: string }>('batch', 'run', {
          jobs: Array.from({ length: JOBS }, (_, j) => ({
            namespace: 'fixture',
            action: 'record',
            params: { marker: `${prefix}-batch-${b}-${j}`, sleepMs: 5 },
          })),
        });
        batchIds.push(asyncId);
      }
      await Promise.all(
        Array.from({ length: CHANGES }, (_, i) => clients[i % 2]!.call('fixture', 'record', { marker: `${prefix}-direct-${i}` })),
      );
      for (const asyncId of batchIds) {
        await until(async () => (await clients[0]!.call<{ progress: number }>('batch', 'progress', { async: asyncId })).progress === 100, `batch ${asyncId}`, 120_000);
      }

      const changes = await db.selectFrom('changes').select(['id', 'body']).where('account_id', '=', shared.accountId).execute();
      const markers = changes.map((c) => (JSON.parse(c.body) as { data: { marker: string } }).data.marker);
      assert.equal(markers.length, CHANGES + BATCHES * JOBS);
      assert.equal(new Set(markers).size, markers.length, 'every write ran exactly once');

      const notifications = () =>
        receiver.received.map((r) => JSON.parse(r.body) as { Type: string; MessageId: string; Message: string }).filter((e) => e.Type === 'Notification');
      await until(async () => notifications().length >= changes.length, 'every notification', 120_000);
      // No crash happened, so at-least-once must have been exactly once: no message twice.
      await new Promise((r) => setTimeout(r, 500));
      const received = notifications();
      assert.equal(received.length, changes.length);
      assert.equal(new Set(received.map((e) => e.MessageId)).size, changes.length);
      assert.equal(new Set(received.map((e) => (JSON.parse(e.Message) as { TxnId: string }).TxnId)).size, changes.length);
    });
  });
}
