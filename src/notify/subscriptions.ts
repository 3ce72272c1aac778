/**
 * Subscriptions to notification endpoints. A subscription starts pending with a confirmation
 * message queued for its URL; visiting the SubscribeURL confirms it and starts its outbox
 * cursor at that moment, so only changes from then on are delivered.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ENDPOINTS, type Endpoint } from '../outbox/subjects.js';
import { dialectOf } from '../storage/dialects/index.js';
import type { Executor, Scope } from '../storage/scope.js';
import type { DialectName } from '../storage/url.js';
import { DEAD } from './tables.js';
import { subscriptionArn, topicArn, uuidOfSubscriptionArn } from './topics.js';

export type EndpointUrls = Partial<Record<Endpoint, string>>;

/** unsubscribeFromNotifications result codes (notifications.md). */
export const UnsubscribeResult = {
  success: 1,
  notRequested: 2,
  unknownError: 3,
  notFound: 4,
  incorrectSource: 5,
  notConfirmed: 6,
} as const;
export type UnsubscribeCode = (typeof UnsubscribeResult)[keyof typeof UnsubscribeResult];

export async function accountRegion(db: Executor, accountId: number): Promise<string> {
  const row = await db.selectFrom('accounts').select('region').where('id', '=', accountId).executeTakeFirst();
  return row?.region ?? 'marquee';
}

async function queueConfirmation(
  tx: Scope,
  subscription: { id: number; endpoint: string; url: string },
  now: number,
): Promise<void> {
  const queued = await tx
    .selectFrom('notification_deliveries')
    .select('id')
    .where('subscription_id', '=', subscription.id)
    .where('type', '=', 'SubscriptionConfirmation')
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (queued) return;
  await tx
    .insertInto('notification_deliveries', {
      subscription_id: subscription.id,
      endpoint: subscription.endpoint,
      url: subscription.url,
      type: 'SubscriptionConfirmation',
      change_id: null,
      subject: null,
      message_id: randomUUID(),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
}

/**
 * Creates (or re-confirms) the requested subscriptions and answers with the status of every
 * endpoint: `<endpoint>Success` is true when the account has a subscription to it.
 */
export async function subscribe(
  tx: Scope,
  requested: EndpointUrls,
  apiKey: string | null,
  now: number,
): Promise<Record<string, boolean | string | null>> {
  for (const endpoint of ENDPOINTS) {
    const url = requested[endpoint];
    if (url === undefined) continue;
    const existing = await tx
      .selectFrom('notification_subscriptions')
      .select(['id', 'status', 'endpoint', 'url'])
      .where('endpoint', '=', endpoint)
      .where('url', '=', url)
      .executeTakeFirst();
    if (existing) {
      // Subscribing again before confirming re-sends the confirmation, as SNS does.
      if (existing.status === 'pending') await queueConfirmation(tx, existing, now);
      continue;
    }
    const created = await tx
      .insertInto('notification_subscriptions', {
        endpoint,
        url,
        status: 'pending',
        token: randomBytes(32).toString('hex'),
        uuid: randomUUID(),
        api_key: apiKey,
        created_at: now,
        confirmed_at: null,
        cursor_seq: 0,
        cursor_id: 0,
        lease_owner: null,
        lease_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await queueConfirmation(tx, { id: created.id, endpoint, url }, now);
  }
  const subscribed = new Set(
    (await tx.selectFrom('notification_subscriptions').select('endpoint').distinct().execute()).map((r) => r.endpoint),
  );
  const region = await accountRegion(tx.executor, tx.accountId);
  const result: Record<string, boolean | string | null> = {};
  for (const endpoint of ENDPOINTS) {
    const on = subscribed.has(endpoint);
    result[`${endpoint}Success`] = on;
    result[`${endpoint}TopicId`] = on ? topicArn(region, tx.accountId, endpoint) : null;
  }
  return result;
}

/**
 * Deletes a subscription, pending or confirmed, and cancels what is still queued for it (an
 * attempt in flight finds its row cancelled and does not reschedule it). Its log rows stay.
 */
export async function removeSubscription(db: Executor, id: number, reason: string): Promise<void> {
  await db
    .updateTable('notification_deliveries')
    .set({ status: 'cancelled', last_error: reason })
    .where('subscription_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  await db.deleteFrom('notification_subscriptions').where('id', '=', id).execute();
}

export async function unsubscribe(
  tx: Scope,
  requested: EndpointUrls,
  apiKey: string | null,
): Promise<Record<string, UnsubscribeCode>> {
  const result: Record<string, UnsubscribeCode> = {};
  for (const endpoint of ENDPOINTS) {
    const url = requested[endpoint];
    const key = `${endpoint}Result`;
    if (url === undefined) {
      result[key] = UnsubscribeResult.notRequested;
      continue;
    }
    const row = await tx
      .selectFrom('notification_subscriptions')
      .select(['id', 'status', 'api_key'])
      .where('endpoint', '=', endpoint)
      .where('url', '=', url)
      .executeTakeFirst();
    // A pending subscription is removed like a confirmed one (iVvy answers 6 until it is
    // confirmed, which leaves a subscription to a dead URL retrying its confirmation for days
    // with no way out): its queued confirmation is cancelled with it. 6 is no longer produced.
    if (!row) result[key] = UnsubscribeResult.notFound;
    else if (row.api_key !== apiKey) result[key] = UnsubscribeResult.incorrectSource;
    else {
      await removeSubscription(tx.executor, row.id, 'unsubscribed');
      result[key] = UnsubscribeResult.success;
    }
  }
  return result;
}

/**
 * The SubscribeURL: confirms the subscription whose token and topic match. Returns the
 * SubscriptionArn, or null when there is no such pending or confirmed subscription.
 */
export async function confirmSubscription(
  db: Executor,
  dialect: DialectName,
  topic: string,
  token: string,
  now: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('notification_subscriptions')
    .select(['id', 'account_id', 'endpoint', 'uuid', 'status'])
    .where('token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  const arn = topicArn(await accountRegion(db, row.account_id), row.account_id, row.endpoint as Endpoint);
  if (arn !== topic) return null;
  if (row.status === 'pending') {
    const start = await dialectOf(dialect).outbox.start(db);
    await db
      .updateTable('notification_subscriptions')
      .set({ status: 'confirmed', confirmed_at: now, cursor_seq: start.seq, cursor_id: start.id })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .execute();
    // The confirmation was received (its link was followed): stop re-sending it.
    await db
      .updateTable('notification_deliveries')
      .set({ status: 'cancelled', last_error: 'confirmed before this attempt' })
      .where('subscription_id', '=', row.id)
      .where('type', '=', 'SubscriptionConfirmation')
      .where('status', '=', 'pending')
      .execute();
    // Dead-lettered confirmations have nothing left to redeliver; their last error stays.
    await db
      .updateTable('notification_deliveries')
      .set({ status: 'cancelled' })
      .where('subscription_id', '=', row.id)
      .where('type', '=', 'SubscriptionConfirmation')
      .where('status', '=', DEAD)
      .execute();
  }
  return subscriptionArn(arn, row.uuid);
}

/** The UnsubscribeURL: removes the subscription; false when it does not exist (any more). */
export async function unsubscribeByArn(db: Executor, arn: string): Promise<boolean> {
  const uuid = uuidOfSubscriptionArn(arn);
  if (!uuid) return false;
  const row = await db
    .selectFrom('notification_subscriptions')
    .select(['id', 'account_id', 'endpoint'])
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!row) return false;
  const expected = subscriptionArn(topicArn(await accountRegion(db, row.account_id), row.account_id, row.endpoint as Endpoint), uuid);
  if (expected !== arn) return false;
  await removeSubscription(db, row.id, 'unsubscribed through the UnsubscribeURL');
  return true;
}
