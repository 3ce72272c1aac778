import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { verifyNotification } from '../../src/client/index.js';
import { txnIdOf } from '../../src/notify/envelope.js';
import { signingKey } from '../../src/notify/signing-key.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { confirmingSubscriber, startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { prepareSharedDatabase, until, type SharedDatabase } from '../batch/fixtures/setup.js';
import { cliArgv } from '../cli/run-cli.js';

const CHANGES = 60;
const run = promisify(execFile);

for (const kind of DATABASE_KINDS) {
  describe(`notification delivery through failures and a restart [${kind}]`, () => {
    let shared: SharedDatabase;
    let receiver: Receiver;
    const children: ChildServer[] = [];
    before(async () => {
      shared = await prepareSharedDatabase(kind, {
        MARQUEE_RETRY_BASE_MS: '40',
        MARQUEE_RETRY_MAX_MS: '300',
        MARQUEE_DELIVERY_TIMEOUT_MS: '2000',
      });
      receiver = await startReceiver({
        // The receiver double fails 30% of all requests, confirmation included.
        fail: () => Math.random() < 0.3,
        delayMs: 25,
        onRequest: confirmingSubscriber,
      });
    });
    after(async () => {
      for (const child of children) await child.kill();
      await receiver.close();
      await shared.close();
    });

    it('delivers every change at least once, in order, and logs each attempt', async () => {
      const first = await startChildServer(shared.env);
      children.push(first);
      const db = shared.runtime.storage.db;
      await shared.clientFor(first.url).call('account', 'subscribeToNotifications', { contactsEndpoint: receiver.url });
      await until(
        async () => (await db.selectFrom('notification_subscriptions').select('status').executeTakeFirst())?.status === 'confirmed',
        'the subscription to be confirmed',
      );

      for (let i = 0; i < CHANGES / 2; i++) await shared.clientFor(first.url).call('fixture', 'record', { marker: `change-${i}` });
      // Kill the server while deliveries (and retries) are still in flight.
      await first.kill();
      const deliveredAtKill = await db.selectFrom('notification_deliveries').select('id').where('type', '=', 'Notification').where('status', '=', 'delivered').execute();
      assert.ok(deliveredAtKill.length < CHANGES / 2, `the kill landed with deliveries outstanding (${deliveredAtKill.length} done)`);
      const second = await startChildServer(shared.env);
      children.push(second);
      for (let i = CHANGES / 2; i < CHANGES; i++) await shared.clientFor(second.url).call('fixture', 'record', { marker: `change-${i}` });

      const changes = await db.selectFrom('changes').selectAll().where('account_id', '=', shared.accountId).orderBy('id').execute();
      assert.equal(changes.length, CHANGES);
      const expected = changes.map((c) => txnIdOf({ id: c.id, accountId: c.account_id, createdAt: c.created_at }));
      const key = await signingKey(shared.runtime.storage, shared.runtime.secrets);

      const deliveredTxnIds = () =>
        receiver
          .accepted()
          .map((r) => JSON.parse(r.body) as { Type: string; Message: string })
          .filter((e) => e.Type === 'Notification')
          .map((e) => (JSON.parse(e.Message) as { TxnId: string }).TxnId);
      await until(async () => expected.every((id) => deliveredTxnIds().includes(id)), 'every TxnId to arrive', 120_000);

      const firstSeen = [...new Set(deliveredTxnIds())];
      assert.deepEqual(firstSeen, expected, 'first deliveries follow commit order');
      assert.ok(receiver.received.some((r) => r.status === 500), 'the receiver did fail some requests');
      for (const r of receiver.accepted()) await verifyNotification(r.body, { certificate: key.certificatePem });

      const log = await db.selectFrom('notification_deliveries').selectAll().where('type', '=', 'Notification').execute();
      assert.equal(log.length, CHANGES, 'one log row per change and subscription');
      await until(async () => {
        const rows = await db.selectFrom('notification_deliveries').select('status').where('type', '=', 'Notification').execute();
        return rows.every((r) => r.status === 'delivered');
      }, 'the log to show every delivery as delivered');
      const retried = await db.selectFrom('notification_deliveries').selectAll().where('attempts', '>', 1).execute();
      assert.ok(retried.length > 0);
      assert.ok(retried.every((r) => r.last_status === 200 && r.first_attempt_at! <= r.last_attempt_at!));

      const cli = await run(process.execPath, cliArgv(['deliveries', '--json', '--limit', '500']), {
        env: { ...process.env, ...shared.env },
      });
      const entries = JSON.parse(cli.stdout) as Array<{ status: string; attempts: number; subject: string | null; type: string }>;
      assert.equal(entries.filter((e) => e.type === 'Notification').length, CHANGES);
      assert.ok(entries.some((e) => e.attempts > 1));
      const text = await run(process.execPath, cliArgv(['deliveries', '--status', 'delivered', '--limit', '3']), {
        env: { ...process.env, ...shared.env },
      });
      const lines = text.stdout.trim().split('\n');
      assert.equal(lines.length, 3);
      assert.match(lines[0]!, /ContactAdded {2}delivered {2}attempts \d+ {2}http:\/\/127\.0\.0\.1:\d+\/hook/);
    });
  });
}
