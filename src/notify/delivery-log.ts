/** The notification delivery log: what `marquee deliveries` shows, and its retention. */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { DeliveryStatus } from './tables.js';

/** Finished log rows are kept this long. */
export const DELIVERY_LOG_RETENTION_MS = 14 * 24 * 3600_000;

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

export async function listDeliveries(db: Kysely<Database>, filter: DeliveryLogFilter): Promise<DeliveryLogEntry[]> {
  let query = db.selectFrom('notification_deliveries').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
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
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    deliveredAt: r.delivered_at,
  }));
}

/** Drops finished log rows older than the retention; returns how many. */
export async function purgeDeliveryLog(db: Kysely<Database>, now: number = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('notification_deliveries')
    .where('status', 'in', ['delivered', 'failed', 'cancelled'])
    .where('created_at', '<', now - DELIVERY_LOG_RETENTION_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
