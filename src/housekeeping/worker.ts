/**
 * The housekeeping worker: purges what Marquee keeps for itself past its retention (outbox,
 * notification delivery log, batch results), a slice at a time (purge-in-batches.ts). Any number
 * of servers may run it against one database: each slice is an idempotent delete.
 */
import type { Logger } from 'pino';
import { purgeExpiredBatches } from '../batch/retention.js';
import { createLoop } from '../notify/loop.js';
import { purgeDeliveryLog } from '../notify/delivery-log.js';
import { purgeOutboxSlice } from '../outbox/retention.js';
import type { Storage } from '../storage/database.js';
import type { BackgroundWorker } from '../worker.js';
import { purgeInBatches } from './purge-in-batches.js';
import type { RetentionSettings } from './settings.js';

export interface Purged {
  outbox: number;
  deliveryLog: number;
  batches: number;
}

/** One housekeeping round: every purge, each until nothing expired is left. */
export async function purgeExpired(
  storage: Storage,
  settings: RetentionSettings,
  now: number = Date.now(),
  shouldStop: () => boolean = () => false,
): Promise<Purged> {
  const size = settings.batchSize;
  // Deliveries first: a delivered log row that goes frees nothing, but a cancelled or aged-out
  // dead letter releases its change to the outbox purge that follows.
  const deliveryLog = await purgeInBatches(
    (limit) => purgeDeliveryLog(storage.db, now, { retentionMs: settings.deliveryLogMs, limit }),
    size,
    shouldStop,
  );
  const outbox = await purgeInBatches((limit) => purgeOutboxSlice(storage, now - settings.outboxMs, limit), size, shouldStop);
  // A batch's jobs go with it by cascade, so fewer batches make a slice of similar weight.
  const batchSlice = Math.max(1, Math.floor(size / 10));
  const batches = await purgeInBatches(
    (limit) => purgeExpiredBatches(storage.db, now, { retentionMs: settings.batchResultsMs, limit }),
    batchSlice,
    shouldStop,
  );
  return { outbox, deliveryLog, batches };
}

export function createHousekeepingWorker(storage: Storage, settings: RetentionSettings, log: Logger): BackgroundWorker & {
  runOnce(): Promise<Purged>;
} {
  const loop = createLoop({
    name: 'housekeeping',
    intervalMs: settings.intervalMs,
    // Not at start: a server coming up (or a fleet restarting at once) answers first.
    startDelayMs: settings.intervalMs,
    log,
    async round(isStopping) {
      const purged = await purgeExpired(storage, settings, Date.now(), isStopping);
      if (purged.outbox + purged.deliveryLog + purged.batches > 0) log.info({ purged }, 'expired rows purged');
      return { ...purged, again: false };
    },
  });
  return {
    name: 'housekeeping',
    start: () => loop.start(),
    stop: () => loop.stop(),
    runOnce: () => loop.runOnce(),
  };
}
