/** The notification delivery log: what `marquee deliveries` shows, and its retention. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../storage/schema.js';
import { DEFAULT_RETENTION } from '../housekeeping/settings.js';
import { DEAD, type DeliveryStatus, type NotificationDeliveriesTable } from './tables.js';

/** Finished log rows are kept this long after their last attempt (by default). */
export const DELIVERY_LOG_RETENTION_MS = DEFAULT_RETENTION.deliveryLogMs;

export interface DeliveryLogEntry {
  id: number;
  accountId: number;
  subscriptionId: number | null;
  endpoint: string;
  url: string;
  type: string;
  subject: string | null;
  messageId: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  firstAttemptAt: number | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
}

export interface DeliveryLogFilter {
  accountId?: number;
  status?: DeliveryStatus;
  /** Most recent first; at most this many. */
  limit: number;
}

type DeliveryRow = Selectable<NotificationDeliveriesTable>;

export function toLogEntry(r: DeliveryRow): DeliveryLogEntry {
  return {
    id: r.id,
    accountId: r.account_id,
    subscriptionId: r.subscription_id,
    endpoint: r.endpoint,
    url: r.url,
    type: r.type,
    subject: r.subject,
    messageId: r.message_id,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at,
    firstAttemptAt: r.first_attempt_at,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    deliveredAt: r.delivered_at,
  };
}

export async function listDeliveries(db: Kysely<Database>, filter: DeliveryLogFilter): Promise<DeliveryLogEntry[]> {
  let query = db.selectFrom('notification_deliveries').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toLogEntry);
}

/**
 * Drops up to `limit` finished log rows older than the retention; returns how many. Dead-lettered
 * rows stay for as long as their subscription exists, since they can still be redelivered and
 * dropping them would lose the message silently; once the subscription is gone nothing can be
 * redelivered and they age out like the rest. Age counts from the last attempt, so a row
 * redelivered long after it was queued keeps its log entry for the full retention.
 */
export async function purgeDeliveryLog(
  db: Kysely<Database>,
  now: number = Date.now(),
  { retentionMs = DELIVERY_LOG_RETENTION_MS, limit = 10_000 }: { retentionMs?: number; limit?: number } = {},
): Promise<number> {
  const cutoff = now - retentionMs;
  const expired = db
    .selectFrom('notification_deliveries')
    .select('id')
    .where('status', 'in', ['delivered', DEAD, 'cancelled'])
    // Implied by the next condition; stated for the (status, created_at) index.
    .where('created_at', '<', cutoff)
    .where((eb) => eb(eb.fn.coalesce('last_attempt_at', 'created_at'), '<', cutoff))
    .where((eb) => eb.or([eb('status', '!=', DEAD), eb('subscription_id', 'is', null)]))
    .limit(limit);
  const result = await db.deleteFrom('notification_deliveries').where('id', 'in', expired).executeTakeFirst();
  return Number(result.numDeletedRows);
}
