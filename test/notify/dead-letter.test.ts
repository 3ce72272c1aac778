import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// Three days of retries squeezed into well under a second per message.
const WINDOW_MS = 600;

import type { Selectable } from 'kysely';
import type { DeliveryLogEntry } from '../../src/notify/delivery-log.js';
import { DELIVERY_LOG_RETENTION_MS, purgeDeliveryLog } from '../../src/notify/delivery-log.js';
import { listDeadLetters, redeliverOne, redeliverSubscription, RedeliveryRefused } from '../../src/notify/dead-letter.js';
import { DEFAULT_WORKER_SETTINGS, retriesExhausted, retryDelay, workerSettings } from '../../src/notify/settings.js';
import type { NotificationDeliveriesTable } from '../../src/notify/tables.js';
import { fixtureRegistry } from '../batch/fixtures/actions.js';
import { confirmingSubscriber, startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { until } from '../batch/fixtures/setup.js';
import { runCli } from '../cli/run-cli.js';
import { describeEachDatabase } from '../support/suite.js';

const HOUR = 3600_000;

describe('retry schedule', () => {
  const d = DEFAULT_WORKER_SETTINGS;

  it('retries for at least 72 hours by default: 5 s doubling to a 1 h cap', () => {
    assert.ok(d.retryWindowMs >= 72 * HOUR);
    assert.equal(workerSettings({}).retryWindowMs, d.retryWindowMs);
    assert.equal(d.retryBaseMs, 5_000);
    assert.equal(d.retryMaxMs, HOUR);
  });

  it('doubles the delay per attempt, jittered within the upper half, up to the cap', () => {
    let previous = 0;
    for (let attempts = 1; attempts <= 20; attempts++) {
      const longest = retryDelay(d, attempts, () => 1);
      assert.equal(longest, attempts === 1 ? d.retryBaseMs : Math.min(d.retryMaxMs, 2 * previous), `longest delay after ${attempts}`);
      assert.equal(retryDelay(d, attempts, () => 0), longest / 2, `shortest delay after ${attempts}`);
      previous = longest;
    }
    assert.equal(retryDelay(d, 1, () => 0), 2_500);
    assert.equal(retryDelay(d, 11, () => 1), HOUR, 'capped from the 11th attempt on');
    assert.equal(retryDelay(d, 500, () => 1), HOUR, 'no overflow past the cap');

    const samples = Array.from({ length: 300 }, () => retryDelay(d, 4));
    assert.ok(samples.every((ms) => ms >= 20_000 && ms <= 40_000), 'within [exp/2, exp]');
    assert.ok(new Set(samples).size > 100, 'jittered, not in lockstep');
  });

  it('gives up only once the window has passed, whatever the jitter', () => {
    for (const random of [() => 0, () => 1, Math.random]) {
      let at = 0;
      let attempts = 0;
      for (;;) {
        attempts += 1;
        if (retriesExhausted(d, 0, at)) break;
        at += retryDelay(d, attempts, random);
      }
      assert.ok(at >= 72 * HOUR, 'the last attempt is at least 72 h after the first');
      assert.ok(at < 72 * HOUR + HOUR, 'and within one capped delay of it');
      assert.ok(attempts > 70 && attempts < 160, `${attempts} attempts`);
    }
  });
});

type DeliveryRow = Selectable<NotificationDeliveriesTable>;

describeEachDatabase(
  'dead-letter list and redelivery',
  ({ server }) => {
    let receiver: Receiver;
    /** Which notification markers the receiver answers with 500. */
    let failing: (marker: string) => boolean = () => false;
    let failingConfirmations = false;

    const typeOf = (body: string) => (JSON.parse(body) as { Type: string }).Type;
    const markerOf = (body: string): string | null => {
      const envelope = JSON.parse(body) as { Type: string; Message: string };
      if (envelope.Type !== 'Notification') return null;
      return (JSON.parse((JSON.parse(envelope.Message) as { Body: string }).Body) as { data: { marker: string } }).data.marker;
    };
    /** Markers of the notifications received (all attempts, or only the accepted ones), in arrival order. */
    const seen = (only: 'all' | 'accepted', prefix: string): string[] =>
      (only === 'all' ? receiver.received : receiver.accepted())
        .map((r) => markerOf(r.body))
        .filter((m): m is string => m !== null && m.startsWith(prefix));

    before(async () => {
      receiver = await startReceiver({
        fail: ({ body }) => {
          if (typeOf(body) === 'SubscriptionConfirmation') return failingConfirmations;
          const marker = markerOf(body);
          return marker !== null && failing(marker);
        },
        onRequest: confirmingSubscriber,
      });
    });
    after(async () => receiver.close());

    const db = () => server().runtime.storage.db;
    const cliEnv = () => ({ MARQUEE_MASTER_KEY: server().runtime.config.masterKey });
    const cli = (...args: string[]) => runCli(['deliveries', ...args, '--database', server().database.url], cliEnv());

    /** A fresh account with a confirmed contacts subscription, so tests do not see each other's messages. */
    async function subscribed(name: string) {
      const account = await server().newAccount();
      const url = `${receiver.url}/${name}`;
      await account.client.call('account', 'subscribeToNotifications', { contactsEndpoint: url });
      const sub = await until(async () => {
        const row = await db()
          .selectFrom('notification_subscriptions')
          .select(['id', 'status'])
          .where('account_id', '=', account.accountId)
          .executeTakeFirst();
        return row?.status === 'confirmed' ? row : undefined;
      }, `subscription ${name} to be confirmed`);
      const record = (marker: string) => account.client.call('fixture', 'record', { marker });
      return { ...account, url, subscriptionId: sub.id, record };
    }

    async function findDelivery(marker: string): Promise<DeliveryRow | undefined> {
      const change = await db().selectFrom('changes').select('id').where('body', 'like', `%"${marker}"%`).executeTakeFirst();
      if (!change) return undefined;
      return db().selectFrom('notification_deliveries').selectAll().where('change_id', '=', change.id).executeTakeFirst();
    }

    async function deliveryOf(marker: string): Promise<DeliveryRow> {
      const row = await findDelivery(marker);
      assert.ok(row, `a delivery of ${marker}`);
      return row;
    }

    const untilStatus = (marker: string, status: string) =>
      until(async () => {
        const row = await findDelivery(marker);
        return row?.status === status ? row : undefined;
      }, `${marker} to be ${status}`);

    it('moves a delivery that fails past the retry window to the dead list, then delivers the next one', async () => {
      const t = await subscribed('one');
      failing = (m) => m === 'one-a';
      await t.record('one-a');
      await t.record('one-b');
      await until(async () => seen('accepted', 'one-').includes('one-b'), 'the next message to be delivered');

      const dead = await deliveryOf('one-a');
      assert.equal(dead.status, 'failed');
      assert.ok(dead.attempts >= 3, `${dead.attempts} attempts`);
      assert.equal(dead.last_status, 500);
      assert.equal(dead.last_error, 'HTTP 500: failing on purpose');
      assert.ok(dead.last_attempt_at! - dead.first_attempt_at! >= WINDOW_MS, 'retried for the whole window');
      const order = seen('all', 'one-');
      assert.equal(order.filter((m) => m === 'one-a').length, dead.attempts, 'every attempt is counted');
      assert.ok(order.lastIndexOf('one-a') < order.indexOf('one-b'), 'the next message waited for the dead one');
      assert.equal((await deliveryOf('one-b')).status, 'delivered');

      const [json, text] = await Promise.all([
        cli('--dead', '--account', String(t.accountId), '--json'),
        cli('--dead', '--account', String(t.accountId)),
      ]);
      assert.equal(json.code, 0, json.stderr);
      const entries = JSON.parse(json.stdout) as DeliveryLogEntry[];
      assert.equal(entries.length, 1);
      assert.deepEqual(
        {
          id: entries[0]!.id,
          subscriptionId: entries[0]!.subscriptionId,
          status: entries[0]!.status,
          attempts: entries[0]!.attempts,
          lastError: entries[0]!.lastError,
          firstAttemptAt: entries[0]!.firstAttemptAt,
          nextAttemptAt: entries[0]!.nextAttemptAt,
        },
        {
          id: dead.id,
          subscriptionId: t.subscriptionId,
          status: 'failed',
          attempts: dead.attempts,
          lastError: 'HTTP 500: failing on purpose',
          firstAttemptAt: dead.first_attempt_at,
          nextAttemptAt: null,
        },
      );
      assert.equal(text.code, 0, text.stderr);
      assert.match(
        text.stdout,
        new RegExp(
          `^#${dead.id} .* subscription ${t.subscriptionId} {2}contacts {2}ContactAdded {2}failed {2}attempts ${dead.attempts} {2}` +
            `${t.url} {2}last error: HTTP 500: failing on purpose\\n$`,
        ),
      );
    });

    it('drains a backlog once the window has passed: messages that waited it out get one attempt each', async () => {
      const t = await subscribed('backlog');
      failing = (m) => m.startsWith('backlog-');
      const started = Date.now();
      for (const m of ['backlog-a', 'backlog-b', 'backlog-c', 'backlog-d']) await t.record(m);
      const last = await untilStatus('backlog-d', 'failed');
      // One window for the head, not one per message.
      assert.ok(last.last_attempt_at! - started < 2.5 * WINDOW_MS, `drained in ${last.last_attempt_at! - started} ms`);
      for (const m of ['backlog-b', 'backlog-c', 'backlog-d']) {
        const row = await deliveryOf(m);
        assert.equal(row.attempts, 1, `${m} was tried once after waiting out the window`);
      }
      assert.ok((await deliveryOf('backlog-a')).attempts >= 3);
    });

    it('redelivers one dead delivery with a fresh retry window once the receiver recovers', async () => {
      const t = await subscribed('two');
      failing = (m) => m === 'two-a';
      await t.record('two-a');
      const dead = await untilStatus('two-a', 'failed');
      const rejectedIds = receiver.received.filter((r) => markerOf(r.body) === 'two-a').map((r) => r.headers['x-amz-sns-message-id']);
      failing = () => false;

      const requeuedAt = Date.now();
      const res = await cli('redeliver', String(dead.id));
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, new RegExp(`^re-queued #${dead.id} .* subscription ${t.subscriptionId} .* pending {2}attempts 0 {2}${t.url}`));

      const delivered = await untilStatus('two-a', 'delivered');
      assert.equal(delivered.attempts, 1, 'attempts start over');
      assert.ok(delivered.first_attempt_at! >= requeuedAt, 'so does the retry window');
      assert.equal(seen('accepted', 'two-').join(), 'two-a');
      const accepted = receiver.accepted().find((r) => markerOf(r.body) === 'two-a')!;
      assert.ok(rejectedIds.every((id) => id === accepted.headers['x-amz-sns-message-id']), 'the same MessageId, for de-duplication');
      assert.deepEqual(await listDeadLetters(db(), { accountId: t.accountId, limit: 10 }), []);
    });

    it('redelivers every dead delivery of a subscription, in their original order', async () => {
      const t = await subscribed('three');
      failing = (m) => m.startsWith('three-');
      for (const m of ['three-a', 'three-b', 'three-c']) await t.record(m);
      const dead = [await untilStatus('three-a', 'failed'), await untilStatus('three-b', 'failed'), await untilStatus('three-c', 'failed')];
      failing = () => false;
      await t.record('three-d');
      await untilStatus('three-d', 'delivered');

      const res = await cli('redeliver', '--subscription', String(t.subscriptionId), '--json');
      assert.equal(res.code, 0, res.stderr);
      const requeued = JSON.parse(res.stdout) as DeliveryLogEntry[];
      assert.deepEqual(
        requeued.map((e) => [e.id, e.status, e.attempts, e.firstAttemptAt]),
        dead.map((row) => [row.id, 'pending', 0, null]),
      );
      for (const m of ['three-a', 'three-b', 'three-c']) await untilStatus(m, 'delivered');
      assert.deepEqual(seen('accepted', 'three-'), ['three-d', 'three-a', 'three-b', 'three-c']);

      const again = await cli('redeliver', '--subscription', String(t.subscriptionId));
      assert.equal(again.code, 0, again.stderr);
      assert.equal(again.stdout, `subscription ${t.subscriptionId} has no dead deliveries: nothing re-queued\n`);
    });

    it('refuses, naming the id, an unknown delivery or subscription and a delivery that is not dead', async () => {
      const t = await subscribed('four');
      await t.record('four-a');
      const delivered = await untilStatus('four-a', 'delivered');
      const [unknown, notDead, noSubscription, neither] = await Promise.all([
        cli('redeliver', '987654321'),
        cli('redeliver', String(delivered.id)),
        cli('redeliver', '--subscription', '987654321'),
        cli('redeliver'),
      ]);
      assert.equal(unknown.code, 1);
      assert.equal(unknown.stderr, 'marquee: No delivery 987654321\n');
      assert.equal(notDead.code, 1);
      assert.equal(notDead.stderr, `marquee: Delivery ${delivered.id} is delivered, not dead: only dead deliveries can be redelivered\n`);
      assert.equal(noSubscription.code, 1);
      assert.equal(noSubscription.stderr, 'marquee: No subscription 987654321\n');
      assert.equal(neither.code, 1);
      assert.match(neither.stderr, /either a delivery id or --subscription/);
      assert.equal((await deliveryOf('four-a')).status, 'delivered', 'a refusal changes nothing');

      // A dead delivery whose subscription was removed has nowhere to go.
      failing = (m) => m === 'four-b';
      await t.record('four-b');
      const dead = await untilStatus('four-b', 'failed');
      failing = () => false;
      await t.client.call('account', 'unsubscribeFromNotifications', { contactsEndpoint: t.url });
      await assert.rejects(redeliverOne(db(), dead.id), (error: unknown) => {
        assert.ok(error instanceof RedeliveryRefused);
        assert.equal(error.message, `Delivery ${dead.id} cannot be redelivered: its subscription no longer exists`);
        return true;
      });
    });

    it('redelivers a dead confirmation; confirming cancels the dead confirmations left', async () => {
      const account = await server().newAccount();
      const url = `${receiver.url}/six`;
      const confirmations = () =>
        db()
          .selectFrom('notification_deliveries')
          .select(['id', 'status'])
          .where('account_id', '=', account.accountId)
          .where('type', '=', 'SubscriptionConfirmation')
          .orderBy('id')
          .execute();
      const untilDead = (count: number) =>
        until(async () => {
          const rows = await confirmations();
          return rows.length === count && rows.every((r) => r.status === 'failed') ? rows : undefined;
        }, `${count} dead confirmations`);
      failingConfirmations = true;
      await account.client.call('account', 'subscribeToNotifications', { contactsEndpoint: url });
      await untilDead(1);
      // Subscribing again sends a new confirmation, as SNS does; it dies too.
      await account.client.call('account', 'subscribeToNotifications', { contactsEndpoint: url });
      const [first, second] = await untilDead(2);
      failingConfirmations = false;

      const res = await cli('redeliver', String(first!.id));
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, new RegExp(`^re-queued #${first!.id} .* SubscriptionConfirmation {2}pending {2}attempts 0 `));
      const sub = await until(async () => {
        const row = await db().selectFrom('notification_subscriptions').select(['id', 'status']).where('account_id', '=', account.accountId).executeTakeFirst();
        return row?.status === 'confirmed' ? row : undefined;
      }, 'the subscription to be confirmed');
      assert.deepEqual(await confirmations(), [
        { id: first!.id, status: 'delivered' },
        { id: second!.id, status: 'cancelled' },
      ]);

      // Even if one were left over, a confirmed subscription has no use for another confirmation.
      await db().updateTable('notification_deliveries').set({ status: 'failed' }).where('id', '=', second!.id).execute();
      await assert.rejects(redeliverOne(db(), second!.id), /already confirmed/);
      assert.deepEqual(await redeliverSubscription(db(), sub.id), []);
    });

    it('keeps dead deliveries out of the log retention while their subscription exists', async () => {
      const t = await subscribed('five');
      const now = Date.now();
      const old = now - DELIVERY_LOG_RETENTION_MS - HOUR;
      const row = (status: DeliveryRow['status'], subscriptionId: number | null, lastAttemptAt: number | null) => ({
        account_id: t.accountId,
        subscription_id: subscriptionId,
        endpoint: 'contacts',
        url: t.url,
        type: 'Notification' as const,
        change_id: null,
        subject: 'ContactAdded',
        message_id: `purge-${status}-${subscriptionId}-${lastAttemptAt}`,
        status,
        attempts: 1,
        next_attempt_at: old,
        created_at: old,
        last_attempt_at: lastAttemptAt,
      });
      const inserted = await db()
        .insertInto('notification_deliveries')
        .values([
          row('delivered', t.subscriptionId, old),
          row('cancelled', t.subscriptionId, null),
          row('failed', null, old),
          row('failed', t.subscriptionId, old),
          // Redelivered yesterday, long after it was queued.
          row('delivered', t.subscriptionId, now - 24 * HOUR),
        ])
        .returning('id')
        .execute();
      assert.equal(await purgeDeliveryLog(db(), now), 3);
      const left = await db()
        .selectFrom('notification_deliveries')
        .select('id')
        .where('id', 'in', inserted.map((r) => r.id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        left.map((r) => r.id),
        [inserted[3]!.id, inserted[4]!.id],
      );
    });
  },
  { workers: { pollMs: 50, retryBaseMs: 20, retryMaxMs: 80, retryWindowMs: WINDOW_MS, requestTimeoutMs: 2000 } },
  { registry: fixtureRegistry() },
);
