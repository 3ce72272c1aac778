import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { DEFAULT_RETENTION, retentionSettings, type RetentionSettings } from '../../src/housekeeping/settings.js';
import { purgeInBatches } from '../../src/housekeeping/purge-in-batches.js';
import { purgeExpired } from '../../src/housekeeping/worker.js';
import { dialectOf } from '../../src/storage/dialects/index.js';
import { describeEachDatabase } from '../support/suite.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('retention settings', () => {
  it('defaults to 7 days of outbox, 14 of delivery log, 2 of batch results', () => {
    assert.deepEqual(retentionSettings({}), DEFAULT_RETENTION);
    assert.equal(DEFAULT_RETENTION.outboxMs, 7 * DAY);
    assert.equal(DEFAULT_RETENTION.deliveryLogMs, 14 * DAY);
    assert.equal(DEFAULT_RETENTION.batchResultsMs, 2 * DAY);
  });

  it('reads hours from the environment and refuses nonsense', () => {
    const s = retentionSettings({ MARQUEE_OUTBOX_RETENTION_HOURS: '1.5', MARQUEE_PURGE_BATCH_SIZE: '50' });
    assert.equal(s.outboxMs, 1.5 * HOUR);
    assert.equal(s.batchSize, 50);
    assert.throws(() => retentionSettings({ MARQUEE_OUTBOX_RETENTION_HOURS: '-1' }), /MARQUEE_OUTBOX_RETENTION_HOURS/);
    assert.throws(() => retentionSettings({ MARQUEE_PURGE_BATCH_SIZE: '0' }), /MARQUEE_PURGE_BATCH_SIZE/);
  });

  it('purges in slices until a slice comes back short, and stops when asked', async () => {
    let left = 23;
    const slices: number[] = [];
    const slice = async (limit: number) => {
      const n = Math.min(limit, left);
      left -= n;
      slices.push(n);
      return n;
    };
    assert.equal(await purgeInBatches(slice, 10), 23);
    assert.deepEqual(slices, [10, 10, 3]);
    left = 30;
    slices.length = 0;
    assert.equal(await purgeInBatches(slice, 10, () => slices.length === 2), 20);
  });
});

describeEachDatabase('housekeeping purges', ({ server }) => {
  const now = Date.now();
  const settings: RetentionSettings = { ...DEFAULT_RETENTION, batchSize: 2 };

  async function addChanges(accountId: number, endpoint: string, ages: number[]): Promise<number[]> {
    const rows = await server()
      .runtime.storage.db.insertInto('changes')
      .values(
        ages.map((age) => ({
          account_id: accountId,
          endpoint,
          subject: 'ContactUpdated',
          body: JSON.stringify({ contactId: 1 }),
          source_type: 0,
          source_info: null,
          created_at: now - age,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async function remaining(ids: number[]): Promise<number[]> {
    const rows = await server().runtime.storage.db.selectFrom('changes').select('id').where('id', 'in', ids).orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  /** A confirmed subscription whose cursor stands right after `afterId` (or at the start). */
  async function subscribe(accountId: number, endpoint: string, afterId: number | null): Promise<number> {
    const { db } = server().runtime.storage;
    let cursor = { seq: 0, id: 0 };
    if (afterId !== null) {
      const seq = dialectOf(server().runtime.storage.dialect).outbox.seq('c');
      const row = await db.selectFrom('changes as c').select([seq.as('seq'), 'c.id']).where('c.id', '=', afterId).executeTakeFirstOrThrow();
      cursor = { seq: Number(row.seq), id: row.id + 1 };
    }
    const sub = await db
      .insertInto('notification_subscriptions')
      .values({
        account_id: accountId,
        endpoint,
        url: 'http://127.0.0.1:9/hook',
        status: 'confirmed',
        token: randomUUID(),
        uuid: randomUUID(),
        api_key: null,
        created_at: now - 30 * DAY,
        confirmed_at: now - 30 * DAY,
        cursor_seq: cursor.seq,
        cursor_id: cursor.id,
        lease_owner: null,
        lease_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return sub.id;
  }

  async function deliver(accountId: number, subscriptionId: number | null, changeId: number, status: 'pending' | 'failed' | 'delivered') {
    await server()
      .runtime.storage.db.insertInto('notification_deliveries')
      .values({
        account_id: accountId,
        subscription_id: subscriptionId,
        endpoint: 'contacts',
        url: 'http://127.0.0.1:9/hook',
        type: 'Notification',
        change_id: changeId,
        subject: 'ContactUpdated',
        message_id: randomUUID(),
        status,
        attempts: 1,
        next_attempt_at: now,
        created_at: now - HOUR,
        last_attempt_at: now - HOUR,
      })
      .execute();
  }

  it('drops changes past the retention in slices and keeps the recent ones', async () => {
    const { accountId } = await server().newAccount();
    const ids = await addChanges(accountId, 'contacts', [8 * DAY, 8 * DAY, 8 * DAY, 8 * DAY, 8 * DAY, 6 * DAY, HOUR]);
    const purged = await purgeExpired(server().runtime.storage, settings, now);
    assert.ok(purged.outbox >= 5, `purged ${purged.outbox}`);
    assert.deepEqual(await remaining(ids), ids.slice(5));
  });

  it('keeps what a subscription has not been handed, and what a delivery may still send', async () => {
    const { accountId } = await server().newAccount();
    const [handed, pending, dead, deadOrphan, delivered, notHanded] = await addChanges(accountId, 'contacts', Array(6).fill(9 * DAY));
    // The subscription has been handed everything up to `delivered`, but not `notHanded`.
    const sub = await subscribe(accountId, 'contacts', delivered!);
    await deliver(accountId, sub, pending!, 'pending');
    await deliver(accountId, sub, dead!, 'failed');
    await deliver(accountId, null, deadOrphan!, 'failed');
    await deliver(accountId, sub, delivered!, 'delivered');
    // A subscription to another endpoint holds nothing back.
    await subscribe(accountId, 'bookings', null);

    await purgeExpired(server().runtime.storage, settings, now);
    assert.deepEqual(await remaining([handed!, pending!, dead!, deadOrphan!, delivered!, notHanded!]), [pending!, dead!, deadOrphan!, notHanded!]);

    // The dead letter without a subscription ages out of the log (14 days), and then its change goes.
    await server().runtime.storage.db.updateTable('notification_deliveries').set({ last_attempt_at: now - 15 * DAY, created_at: now - 15 * DAY }).where('change_id', '=', deadOrphan!).execute();
    await purgeExpired(server().runtime.storage, settings, now);
    assert.deepEqual(await remaining([pending!, dead!, deadOrphan!, notHanded!]), [pending!, dead!, notHanded!]);
  });

  it('purges completed batch results past their retention', async () => {
    const { db } = server().runtime.storage;
    const { accountId } = await server().newAccount();
    const batch = (completedAt: number) => ({
      id: randomUUID().replaceAll('-', ''),
      account_id: accountId,
      user_id: null,
      api_key: null,
      callback_url: null,
      job_count: 0,
      status: 'completed' as const,
      created_at: completedAt - 1000,
      started_at: completedAt - 1000,
      completed_at: completedAt,
      lease_owner: null,
      lease_until: null,
      generation: 1,
      callback_status: 'none' as const,
      callback_attempts: 0,
    });
    const rows = [batch(now - 3 * DAY), batch(now - 3 * DAY), batch(now - 3 * DAY), batch(now - DAY)];
    await db.insertInto('batches').values(rows).execute();
    await purgeExpired(server().runtime.storage, { ...settings, batchSize: 10 }, now);
    const left = await db.selectFrom('batches').select('id').where('id', 'in', rows.map((r) => r.id)).execute();
    assert.deepEqual(left.map((r) => r.id), [rows[3]!.id], 'the batch completed a day ago stays');
  });
});
