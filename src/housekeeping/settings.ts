/**
 * How long Marquee keeps what it writes for itself (not the account's records): the outbox of
 * changes, the notification delivery log and batch results. Purged by the housekeeping worker.
 */

export interface RetentionSettings {
  /** Outbox changes, once every subscription has been handed them (default 7 days). */
  outboxMs: number;
  /** Finished notification deliveries (default 14 days; dead letters stay while redeliverable). */
  deliveryLogMs: number;
  /** Completed batches and their job results (default 2 days, as batch/results.md says). */
  batchResultsMs: number;
  /** Rows deleted per statement: each delete is its own short transaction, so writers wait at most one. */
  batchSize: number;
  /** Time between two housekeeping rounds. */
  intervalMs: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const DEFAULT_RETENTION: RetentionSettings = {
  outboxMs: 7 * DAY,
  deliveryLogMs: 14 * DAY,
  batchResultsMs: 2 * DAY,
  batchSize: 500,
  intervalMs: 60_000,
};

function hours(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallbackMs;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number of hours, got '${raw}'`);
  return n * HOUR;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got '${raw}'`);
  return n;
}

export function retentionSettings(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  const d = DEFAULT_RETENTION;
  return {
    outboxMs: hours(env, 'MARQUEE_OUTBOX_RETENTION_HOURS', d.outboxMs),
    deliveryLogMs: hours(env, 'MARQUEE_DELIVERY_LOG_RETENTION_HOURS', d.deliveryLogMs),
    batchResultsMs: hours(env, 'MARQUEE_BATCH_RESULTS_RETENTION_HOURS', d.batchResultsMs),
    batchSize: count(env, 'MARQUEE_PURGE_BATCH_SIZE', d.batchSize),
    intervalMs: count(env, 'MARQUEE_HOUSEKEEPING_INTERVAL_MS', d.intervalMs),
  };
}
