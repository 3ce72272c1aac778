/**
 * Delivers the queued messages of one claimed subscription, oldest first. A failed message
 * blocks the ones behind it until it is delivered or given up (after the retry window, onto
 * the dead-letter list of dead-letter.ts), so a receiver sees a subscription's changes in
 * outbox order.
 */
import type { Endpoint } from '../outbox/subjects.js';
import type { NotifyServices } from './services.js';
import { confirmationEnvelope, notificationEnvelope, type SigningContext, type SnsEnvelope } from './envelope.js';
import { postMessage, type PostOutcome } from './http-post.js';
import { retriesExhausted, retryDelay, type WorkerSettings } from './settings.js';
import { signingKey } from './signing-key.js';
import { accountRegion } from './subscriptions.js';
import { DEAD } from './tables.js';
import { signingCertUrl, subscribeUrl, subscriptionArn, topicArn, unsubscribeUrl } from './topics.js';

export interface DeliveryDeps {
  services: NotifyServices;
  settings: WorkerSettings;
  /** This worker's lease owner id. */
  owner: string;
  isStopping(): boolean;
}

type DeliveryRow = {
  id: number;
  type: string;
  change_id: number | null;
  message_id: string;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  first_attempt_at: number | null;
  last_attempt_at: number | null;
};

type SubscriptionRow = { id: number; account_id: number; endpoint: string; url: string; token: string; uuid: string };

async function renewLease(deps: DeliveryDeps, subscriptionId: number): Promise<boolean> {
  const result = await deps.services.storage.db
    .updateTable('notification_subscriptions')
    .set({ lease_until: Date.now() + deps.settings.leaseMs })
    .where('id', '=', subscriptionId)
    .where('lease_owner', '=', deps.owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Builds the message for a queued delivery; null when the change it names is gone. */
async function buildMessage(deps: DeliveryDeps, sub: SubscriptionRow, delivery: DeliveryRow): Promise<SnsEnvelope | null> {
  const { services, settings } = deps;
  const key = await signingKey(services.storage, services.secrets);
  const ctx: SigningContext = {
    key,
    publicUrl: services.publicUrl,
    certUrl: signingCertUrl(services.publicUrl, key),
    version: settings.signatureVersion,
  };
  const region = await accountRegion(services.storage.db, sub.account_id);
  const topic = topicArn(region, sub.account_id, sub.endpoint as Endpoint);
  if (delivery.type === 'SubscriptionConfirmation') {
    return confirmationEnvelope(
      {
        messageId: delivery.message_id,
        topicArn: topic,
        token: sub.token,
        subscribeUrl: subscribeUrl(services.publicUrl, topic, sub.token),
        at: delivery.created_at,
      },
      ctx,
    );
  }
  if (delivery.change_id === null) return null;
  const change = await services.storage.db
    .selectFrom('changes')
    .select(['id', 'account_id', 'subject', 'body', 'source_type', 'source_info', 'created_at'])
    .where('id', '=', delivery.change_id)
    .executeTakeFirst();
  if (!change) return null;
  return notificationEnvelope(
    {
      messageId: delivery.message_id,
      topicArn: topic,
      unsubscribeUrl: unsubscribeUrl(services.publicUrl, subscriptionArn(topic, sub.uuid)),
      change: {
        id: change.id,
        accountId: change.account_id,
        region,
        subject: change.subject,
        body: change.body,
        sourceType: change.source_type,
        sourceInfo: change.source_info,
        createdAt: change.created_at,
      },
    },
    ctx,
  );
}

function send(deps: DeliveryDeps, sub: SubscriptionRow, envelope: SnsEnvelope): Promise<PostOutcome> {
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=UTF-8',
    'user-agent': 'Marquee Notification Agent',
    'x-amz-sns-message-type': envelope.Type,
    'x-amz-sns-message-id': envelope.MessageId,
    'x-amz-sns-topic-arn': envelope.TopicArn,
  };
  if (envelope.Type === 'Notification') headers['x-amz-sns-subscription-arn'] = subscriptionArn(envelope.TopicArn, sub.uuid);
  return postMessage(sub.url, JSON.stringify(envelope), headers, deps.settings.requestTimeoutMs);
}

/**
 * Records one attempt and says whether the next queued message may be sent right away, and
 * since when the subscription's receiver has been failing, if the message died. `outageSince` is when the subscription's current run of failures began, if a message before
 * this one died in it: the messages behind a dead one share its retry window rather than each
 * opening its own, so a backlog behind a receiver that stays down drains once that window has
 * passed, instead of one message per window.
 */
async function record(
  deps: DeliveryDeps,
  delivery: DeliveryRow,
  outcome: PostOutcome,
  startedAt: number,
  outageSince: number | null,
): Promise<{ next: boolean; outageSince: number | null }> {
  const db = deps.services.storage.db;
  const now = Date.now();
  const attempts = delivery.attempts + 1;
  const first = delivery.first_attempt_at ?? startedAt;
  const base = { attempts, last_status: outcome.status, last_attempt_at: now, first_attempt_at: first };
  if (outcome.ok) {
    await db
      .updateTable('notification_deliveries')
      .set({ ...base, status: 'delivered', delivered_at: now, last_error: null })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .execute();
    return { next: true, outageSince: null };
  }
  // Never attempted before (a redelivered message has been) and queued longer than a window
  // ago: it waited the window out behind failing ones, also across a restart of the worker.
  const fresh = delivery.last_attempt_at === null;
  const waitedOut = fresh && now - delivery.created_at >= deps.settings.retryWindowMs;
  const windowStart = fresh && outageSince !== null ? Math.min(outageSince, first) : first;
  const exhausted = waitedOut || retriesExhausted(deps.settings, windowStart, now);
  await db
    .updateTable('notification_deliveries')
    .set({
      ...base,
      status: exhausted ? DEAD : 'pending',
      last_error: outcome.error,
      next_attempt_at: exhausted ? delivery.next_attempt_at : now + retryDelay(deps.settings, attempts),
    })
    .where('id', '=', delivery.id)
    .where('status', '=', 'pending')
    .execute();
  deps.services.log.warn(
    { deliveryId: delivery.id, attempts, error: outcome.error },
    exhausted ? 'notification delivery given up: moved to the dead-letter list' : 'notification delivery failed; will retry',
  );
  return { next: exhausted, outageSince: exhausted ? windowStart : null };
}

/** Works through a claimed subscription's queue; releases the lease when done. */
export async function deliverSubscription(deps: DeliveryDeps, subscriptionId: number): Promise<number> {
  const db = deps.services.storage.db;
  let sent = 0;
  // A slow receiver must not let the lease lapse mid-send: keep it fresh in the background.
  const heartbeat = setInterval(() => {
    renewLease(deps, subscriptionId).catch(() => undefined);
  }, Math.max(100, Math.floor(deps.settings.leaseMs / 3)));
  try {
    const sub = await db
      .selectFrom('notification_subscriptions')
      .select(['id', 'account_id', 'endpoint', 'url', 'token', 'uuid'])
      .where('id', '=', subscriptionId)
      .executeTakeFirst();
    if (!sub) return 0;
    let outageSince: number | null = null;
    while (!deps.isStopping()) {
      const now = Date.now();
      const head = await db
        .selectFrom('notification_deliveries')
        .select(['id', 'type', 'change_id', 'message_id', 'attempts', 'next_attempt_at', 'created_at', 'first_attempt_at', 'last_attempt_at'])
        .where('subscription_id', '=', subscriptionId)
        .where('status', '=', 'pending')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!head || head.next_attempt_at > now) break;
      if (!(await renewLease(deps, subscriptionId))) break;
      const envelope = await buildMessage(deps, sub, head);
      if (!envelope) {
        await db
          .updateTable('notification_deliveries')
          .set({ status: 'cancelled', last_error: 'the change no longer exists' })
          .where('id', '=', head.id)
          .execute();
        continue;
      }
      const outcome = await send(deps, sub, envelope);
      sent += 1;
      const recorded = await record(deps, head, outcome, now, outageSince);
      outageSince = recorded.outageSince;
      if (!recorded.next) break;
    }
  } finally {
    clearInterval(heartbeat);
    await db
      .updateTable('notification_subscriptions')
      .set({ lease_owner: null, lease_until: null })
      .where('id', '=', subscriptionId)
      .where('lease_owner', '=', deps.owner)
      .execute();
  }
  return sent;
}
