/**
 * The dead-letter list: notification deliveries given up after the retry window (status
 * 'failed'). Nothing is sent from here: redelivery puts a message back in its subscription's
 * queue with a fresh retry window, and the notification worker sends it in commit (id) order,
 * ahead of anything queued after it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { listDeliveries, toLogEntry, type DeliveryLogEntry } from './delivery-log.js';
import { DEAD } from './tables.js';

/** Why a redelivery was refused; the message names the delivery or subscription. */
export class RedeliveryRefused extends Error {}

export function listDeadLetters(db: Kysely<Database>, filter: { accountId?: number; limit: number }): Promise<DeliveryLogEntry[]> {
  return listDeliveries(db, { ...filter, status: DEAD });
}

/** The columns that make a dead delivery due again, with a retry window that starts over. */
function requeue(now: number) {
  return { status: 'pending' as const, attempts: 0, first_attempt_at: null, next_attempt_at: now };
}

/** Re-queues one dead delivery; refuses anything else. */
export async function redeliverOne(db: Kysely<Database>, deliveryId: number, now: number = Date.now()): Promise<DeliveryLogEntry> {
  const row = await db
    .selectFrom('notification_deliveries as d')
    .leftJoin('notification_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.status', 'd.type', 's.id as subscriptionId', 's.status as subscriptionStatus'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) throw new RedeliveryRefused(`No delivery ${deliveryId}`);
  if (row.status !== DEAD) {
    throw new RedeliveryRefused(`Delivery ${deliveryId} is ${row.status}, not dead: only dead deliveries can be redelivered`);
  }
  if (row.subscriptionId === null) {
    throw new RedeliveryRefused(`Delivery ${deliveryId} cannot be redelivered: its subscription no longer exists`);
  }
  if (row.type === 'SubscriptionConfirmation' && row.subscriptionStatus === 'confirmed') {
    throw new RedeliveryRefused(`Delivery ${deliveryId} cannot be redelivered: its subscription is already confirmed`);
  }
  // Conditional on the status read above, so two redeliveries at once queue the message once.
  const updated = await db
    .updateTable('notification_deliveries')
    .set(requeue(now))
    .where('id', '=', deliveryId)
    .where('status', '=', DEAD)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new RedeliveryRefused(`Delivery ${deliveryId} is no longer dead: it was redelivered or cancelled meanwhile`);
  return toLogEntry(updated);
}

/** Re-queues every dead delivery of a subscription; returns them oldest first (possibly none). */
export async function redeliverSubscription(
  db: Kysely<Database>,
  subscriptionId: number,
  now: number = Date.now(),
): Promise<DeliveryLogEntry[]> {
  const sub = await db.selectFrom('notification_subscriptions').select('status').where('id', '=', subscriptionId).executeTakeFirst();
  if (!sub) throw new RedeliveryRefused(`No subscription ${subscriptionId}`);
  let query = db.updateTable('notification_deliveries').set(requeue(now)).where('subscription_id', '=', subscriptionId).where('status', '=', DEAD);
  // A confirmed subscription has no use for another confirmation message.
  if (sub.status === 'confirmed') query = query.where('type', '=', 'Notification');
  const rows = await query.returningAll().execute();
  return rows.map(toLogEntry).sort((a, b) => a.id - b.id);
}
