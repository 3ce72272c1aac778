/** Batch results are kept for 2 days after completion (getting-started/batch/results.md), by default. */
import type { Kysely } from 'kysely';
import { DEFAULT_RETENTION } from '../housekeeping/settings.js';
import type { Database } from '../storage/schema.js';

export const RESULTS_RETENTION_MS = DEFAULT_RETENTION.batchResultsMs;

/**
 * Deletes up to `limit` batches (and, by cascade, their jobs) completed longer than the retention
 * ago, oldest first; returns how many.
 */
export async function purgeExpiredBatches(
  db: Kysely<Database>,
  now: number = Date.now(),
  { retentionMs = RESULTS_RETENTION_MS, limit = 1_000 }: { retentionMs?: number; limit?: number } = {},
): Promise<number> {
  const expired = db
    .selectFrom('batches')
    .select('id')
    .where('status', '=', 'completed')
    .where('completed_at', '<', now - retentionMs)
    .orderBy('completed_at')
    .limit(limit);
  const result = await db.deleteFrom('batches').where('id', 'in', expired).executeTakeFirst();
  return Number(result.numDeletedRows);
}
