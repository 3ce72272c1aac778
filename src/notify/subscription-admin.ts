/**
 * Subscriptions as an operator sees them (`marquee subscriptions`): every account's, whatever
 * their state, with what is queued for them; removal and resending without the subscriber's
 * key. The API's own subscribe/unsubscribe are in subscriptions.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { redeliverSubscription } from './dead-letter.js';
import { toLogEntry, type DeliveryLogEntry } from './delivery-log.js';
import { removeSubscription } from './subscriptions.js';
import { DEAD, type SubscriptionStatus } from './tables.js';

/** Why an operation on a subscription was refused; the message names it. */
export class SubscriptionRefused extends Error {}

export interface SubscriptionEntry {
  id: number;
  accountId: number;
  endpoint: string;
  url: string;
  status: SubscriptionStatus;
  createdAt: number;
  confirmedAt: number | null;
  /** The key that subscribed: only it may unsubscribe through the API. */
  apiKey: string | null;
  /** Messages waiting to be sent (or retried). */
  queued: number;
  /** Messages on the dead-letter list. */
  dead: number;
  /** When the next queued message is due. */
  nextAttemptAt: number | null;
  /** The error of the most recent failed attempt still queued or dead. */
  lastError: string | null;
}

export async function listSubscriptions(db: Kysely<Database>, filter: { accountId?: number; id?: number } = {}): Promise<SubscriptionEntry[]> {
  let query = db.selectFrom('notification_subscriptions').selectAll().orderBy('id');
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  const subs = await query.execute();
  if (subs.length === 0) return [];
  const ids = subs.map((s) => s.id);
  const counts = await db
    .selectFrom('notification_deliveries')
    .select(['subscription_id', 'status', sql<number>`count(*)`.as('n'), sql<number | null>`min(next_attempt_at)`.as('next')])
    .where('subscription_id', 'in', ids)
    .where('status', 'in', ['pending', DEAD])
    .groupBy(['subscription_id', 'status'])
    .execute();
  const failures = await db
    .selectFrom('notification_deliveries')
    .select(['subscription_id', 'last_error'])
    .where('subscription_id', 'in', ids)
    .where('status', 'in', ['pending', DEAD])
    .where('last_error', 'is not', null)
    .orderBy('last_attempt_at', 'desc')
    .execute();
  return subs.map((s) => {
    const pending = counts.find((c) => c.subscription_id === s.id && c.status === 'pending');
    const dead = counts.find((c) => c.subscription_id === s.id && c.status === DEAD);
    return {
      id: s.id,
      accountId: s.account_id,
      endpoint: s.endpoint,
      url: s.url,
      status: s.status,
      createdAt: Number(s.created_at),
      confirmedAt: s.confirmed_at === null ? null : Number(s.confirmed_at),
      apiKey: s.api_key,
      queued: Number(pending?.n ?? 0),
      dead: Number(dead?.n ?? 0),
      nextAttemptAt: pending?.next == null ? null : Number(pending.next),
      lastError: failures.find((f) => f.subscription_id === s.id)?.last_error ?? null,
    };
  });
}

async function findOne(db: Kysely<Database>, id: number): Promise<SubscriptionEntry> {
  const [found] = await listSubscriptions(db, { id });
  if (!found) throw new SubscriptionRefused(`No subscription ${id}`);
  return found;
}

/** Removes a subscription in any state; what was queued for it is cancelled, never sent. */
export async function removeSubscriptionById(db: Kysely<Database>, id: number): Promise<SubscriptionEntry> {
  const entry = await findOne(db, id);
  await db.transaction().execute((tx) => removeSubscription(tx, id, 'subscription removed by an operator'));
  return entry;
}

export interface Resent {
  subscription: SubscriptionEntry;
  /** The confirmation (pending) or the dead notifications (confirmed) queued again. */
  queued: DeliveryLogEntry[];
}

/**
 * Sends again what a subscription is waiting on. Pending: its confirmation, now and with a
 * fresh retry window (the one already queued is made due, else a new one is queued).
 * Confirmed: its dead notifications, in their original order (dead-letter.ts).
 */
export async function resendSubscription(db: Kysely<Database>, id: number, now: number = Date.now()): Promise<Resent> {
  const subscription = await findOne(db, id);
  if (subscription.status === 'confirmed') return { subscription, queued: await redeliverSubscription(db, id, now) };
  const queued = await db.transaction().execute(async (tx) => {
    const due = await tx
      .updateTable('notification_deliveries')
      .set({ next_attempt_at: now, attempts: 0, first_attempt_at: null })
      .where('subscription_id', '=', id)
      .where('type', '=', 'SubscriptionConfirmation')
      .where('status', '=', 'pending')
      .returningAll()
      .execute();
    if (due.length > 0) return due;
    const sub = await tx.selectFrom('notification_subscriptions').select(['account_id', 'endpoint', 'url']).where('id', '=', id).executeTakeFirst();
    if (!sub) throw new SubscriptionRefused(`No subscription ${id}`);
    return tx
      .insertInto('notification_deliveries')
      .values({
        account_id: sub.account_id,
        subscription_id: id,
        endpoint: sub.endpoint,
        url: sub.url,
        type: 'SubscriptionConfirmation',
        change_id: null,
        subject: null,
        message_id: randomUUID(),
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })
      .returningAll()
      .execute();
  });
  return { subscription, queued: queued.map(toLogEntry) };
}
