/**
 * The notification delivery worker: each round it queues new outbox rows for confirmed
 * subscriptions, then claims subscriptions with a message due (a lease, taken with SKIP
 * LOCKED on PostgreSQL so that several processes share the work without overlapping) and
 * delivers their queues. Everything it needs is in the database, so a crash loses nothing:
 * an unrecorded delivery is simply sent again (at-least-once, same MessageId).
 */
import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { BackgroundWorker } from '../worker.js';
import type { NotifyServices } from './services.js';
import { dialectOf } from '../storage/dialects/index.js';
import { deliverSubscription, type DeliveryDeps } from './deliver.js';
import { fanOut } from './fan-out.js';
import type { WorkerSettings } from './settings.js';
import { createLoop } from './loop.js';
import { onWake } from './wake.js';

/** Subscriptions delivered in parallel by one process. */
const PARALLEL = 8;

export interface NotificationWorker extends BackgroundWorker {
  /** Runs one round now: queue, claim, deliver. Returns how many messages were sent. */
  runOnce(): Promise<number>;
}

export function createNotificationWorker(services: NotifyServices, settings: WorkerSettings): NotificationWorker {
  const owner = randomUUID();

  async function claim(now: number): Promise<number[]> {
    const { db, dialect } = services.storage;
    const free = sql<SqlBool>`(lease_until is null or lease_until < ${now})`;
    const headDue = sql<SqlBool>`(
      select d.next_attempt_at from notification_deliveries d
      where d.subscription_id = notification_subscriptions.id and d.status = 'pending'
      order by d.id limit 1) <= ${now}`;
    const waiting = db.selectFrom('notification_subscriptions').select('id').where(free).where(headDue).orderBy('id').limit(PARALLEL);
    // Look before locking: an idle server then never takes a write lock just to find nothing.
    if ((await waiting.execute()).length === 0) return [];
    const candidates = dialectOf(dialect).skipLocked(waiting);
    const claimed = await db
      .updateTable('notification_subscriptions')
      .set({ lease_owner: owner, lease_until: now + settings.leaseMs })
      .where('id', 'in', candidates)
      .where(free)
      .returning('id')
      .execute();
    return claimed.map((r) => r.id);
  }

  const loop = createLoop({
    name: 'notifications',
    intervalMs: settings.pollMs,
    log: services.log,
    async round(isStopping) {
      const now = Date.now();
      await fanOut(services.storage, now);
      const deps: DeliveryDeps = { services, settings, owner, isStopping };
      const ids = await claim(now);
      const sent = await Promise.all(ids.map((id) => deliverSubscription(deps, id)));
      // A full claim suggests more work is waiting: go again without sleeping.
      return { sent: sent.reduce((a, b) => a + b, 0), again: ids.length === PARALLEL };
    },
  });
  let unsubscribe: (() => void) | undefined;
  return {
    name: 'notifications',
    start() {
      unsubscribe ??= onWake('notifications', loop.wake);
      loop.start();
    },
    async stop() {
      unsubscribe?.();
      await loop.stop();
    },
    runOnce: async () => (await loop.runOnce()).sent,
  };
}
